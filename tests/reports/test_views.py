"""The report pages: asking, watching, downloading (logged), verifying, the home panel."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import ReportKind, ReportRun
from reports.services import report_build
from tests.factories import OrganisationFactory, log_in, member
from tests.reports.conftest import Q2, build
from umebra.audit.models import AccessAction, AccessEvent
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def test_a_coordinator_asks_for_a_report_and_watches_it_until_done(client, coordinator):
    response = client.post(
        reverse("reports:report-request"), {"kind": "quarterly", "year": 2025, "quarter": 2}
    )
    run = ReportRun.objects.get()
    assert response.status_code == 302 and response.url == run.get_absolute_url()
    assert run.requested_by == coordinator
    poll = {"headers": {"X-Requested-With": "poll"}}
    fragment = client.get(run.get_absolute_url(), **poll).content.decode()
    assert "data-poll-url" in fragment and 'value="0"' in fragment
    report_build(run_id=run.pk)
    fragment = client.get(run.get_absolute_url(), **poll).content.decode()
    assert "data-poll-url" not in fragment
    assert reverse("reports:report-download", args=[run.pk]) in fragment


def test_asking_again_while_it_is_built_leads_to_the_same_run(client, coordinator):
    data = {"kind": "quarterly", "year": 2025, "quarter": 2}
    first = client.post(reverse("reports:report-request"), data)
    second = client.post(reverse("reports:report-request"), data, follow=True)
    assert ReportRun.objects.count() == 1
    assert second.redirect_chain[-1][0] == first.url
    assert "redan" in second.content.decode() or "already" in second.content.decode()


def test_a_request_without_its_quarter_is_refused_with_the_reason(client, coordinator):
    response = client.post(reverse("reports:report-request"), {"kind": "quarterly", "year": 2025})
    assert response.status_code == 400
    assert not ReportRun.objects.exists()


def test_every_download_is_in_the_access_log(client, quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    politician = member(Role.POLITICIAN, OrganisationFactory(name="Kommunfullmäktige"))
    log_in(client, politician)
    response = client.get(reverse("reports:report-download", args=[run.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert bytes(response.content) == bytes(run.file.data)
    event = AccessEvent.objects.get(action=AccessAction.DOWNLOAD)
    assert (event.user, event.object_id) == (politician, str(run.pk))


def test_anyone_can_verify_a_copy_by_its_file_or_checksum(client, quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    data = bytes(run.file.data)
    url = reverse("reports:report-verify")
    genuine = client.post(url, {"file": SimpleUploadedFile("r.pdf", data)})
    assert run.sha256 in genuine.content.decode()
    changed = client.post(url, {"file": SimpleUploadedFile("r.pdf", data + b"\n%changed")})
    assert run.sha256 not in changed.content.decode()
    by_checksum = client.post(url, {"checksum": run.content_sha256.upper()})
    assert run.sha256 in by_checksum.content.decode()
    assert client.post(url, {}).status_code == 400


def test_the_politician_home_page_lists_reports_and_the_key_figures(client, quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    log_in(client, member(Role.POLITICIAN, OrganisationFactory(name="Kommunfullmäktige")))
    page = client.get(reverse("home")).content.decode()
    assert reverse("reports:report-download", args=[run.pk]) in page
    assert "<dt>Registrerade samverkansinsatser</dt>" in page
    assert f"<dd>{run.figures[0][1]}</dd>" in page
    # The figures are the report's, suppressed as there: the two SIG cases show as <5.
    assert "&lt;5" in page


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("sv", ["Registrerade samverkansinsatser", "Pågående LOS-insatser"], "Joint efforts"),
        ("en", ["Joint efforts logged", "LOS operations under way"], "samverkansinsatser"),
    ],
)
def test_the_home_pages_key_figures_are_named_in_the_readers_language(
    client, quarter_data, language, shown, not_shown
):
    """The report is built in Swedish, but its key figures on the home page are named in the
    language the reader chose."""
    build(ReportKind.QUARTERLY, Q2)
    log_in(client, member(Role.POLITICIAN, OrganisationFactory(name="Kommunfullmäktige")))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(reverse("home")).content.decode()
    for label in shown:
        assert f"<dt>{label}</dt>" in page
    assert not_shown not in page
