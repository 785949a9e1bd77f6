"""The data-protection officer finds a reader by the e-mail address their accessibility
reports gave: in the search of the access log, and in the register extract, with every
look at the reports' list (docs/rules.md, rules 4 and 10)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import log_in, member
from umebra.access import SYSTEM
from umebra.accessibility.models import AccessibilityReport
from umebra.accessibility.services import accessibility_report_purge
from umebra.audit.models import AccessEvent
from umebra.roles import Role

pytestmark = pytest.mark.django_db

STATEMENT = reverse("accessibility-statement")
REPORTS = reverse("accessibility-report-list")
SEARCH = reverse("audit:event-list")
EXTRACT = reverse("cases:register-extract")
ANNA = {"page": "Kartan", "problem": "Kartan går inte att nå med tangentbordet."}
NO_ONE = "Ingen registrerad person matchar."
BO = {"page": "Listan", "problem": "Tabellen saknar rubriker.", "contact_email": "bo@example.se"}


@pytest.fixture
def reported(coordinator):
    """Anna reported twice (once with her address in capitals), Bo once; then a coordinator
    looked at the list."""
    reader = Client()
    for report in (ANNA | {"contact_email": "anna@example.se"}, BO):
        assert reader.post(STATEMENT, report).status_code == 302
    assert reader.post(STATEMENT, ANNA | {"contact_email": "Anna@Example.SE"}).status_code == 302
    coordinator_client = log_in(Client(), coordinator)
    assert coordinator_client.get(REPORTS).status_code == 200
    return AccessibilityReport.objects.filter(contact_email__iexact="anna@example.se")


def test_the_search_by_address_finds_the_reader_and_the_looks_at_the_list(
    reported, auditor, coordinator
):
    client = log_in(Client(), auditor)
    results = client.post(SEARCH, {"person": "anna@example.se"}, follow=True)
    page = results.content.decode()
    assert "anna@example.se, som angav adressen i tillgänglighetsrapporter" in page
    assert 'name="email" value="anna@example.se"' in page  # the extract, asked for by POST
    # The coordinator's look at the list, in words: what, and how many of hers it showed.
    assert "Tillgänglighetsrapporter: 3 visade" in page
    assert "listan" in page and coordinator.get_full_name() in page
    # The search itself names her reports, so it is in her extract.
    search = AccessEvent.objects.filter(object_type="audit.accessevent").latest("id")
    assert {(o.object_type, o.object_id) for o in search.listed.all()} == {
        ("accessibility.accessibilityreport", str(pk))
        for pk in reported.values_list("pk", flat=True)
    }


def test_an_event_on_the_list_names_whose_addresses_it_showed(reported, auditor, coordinator):
    look = AccessEvent.objects.get(user=coordinator, reason="list")
    page = log_in(Client(), auditor).get(reverse("audit:event-detail", args=[look.pk]))
    text = page.content.decode()
    assert "anna@example.se, som angav adressen i tillgänglighetsrapporter" in text
    assert "bo@example.se, som angav adressen i tillgänglighetsrapporter" in text


def test_an_address_no_report_gave_finds_no_one(reported, auditor):
    response = log_in(Client(), auditor).post(SEARCH, {"person": "cilla@example.se"}, follow=True)
    page = response.content.decode()
    assert NO_ONE in page and "som angav adressen" not in page


def test_the_register_extract_holds_the_readers_reports_and_who_read_them(reported, auditor):
    client = log_in(Client(), auditor)
    response = client.post(EXTRACT, {"email": "anna@example.se"})
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("Kartan går inte att nå med tangentbordet.") == 2
    assert "Tabellen saknar rubriker." not in page and "bo@example.se" not in page
    assert "gallras 24 månader efter att den kom" in page
    assert "Tillgänglighetsrapporter: 3 visade" in page  # the coordinator's look at the list
    extracts = AccessEvent.objects.filter(
        action="export", object_type="accessibility.accessibilityreport"
    )
    assert sorted(e.object_id for e in extracts) == sorted(str(r.pk) for r in reported)
    # Made again, the first is among the earlier extracts; typed in the one field, too.
    again = client.post(EXTRACT, {"personal_number": "ANNA@example.se"}).content.decode()
    assert again.count("registerutdrag (sida)") > page.count("registerutdrag (sida)")


def test_the_extract_as_csv_lists_the_events(reported, auditor):
    client = log_in(Client(), auditor)
    response = client.post(EXTRACT, {"email": "anna@example.se", "format": "csv"})
    assert response.status_code == 200
    assert "Tillgänglighetsrapporter" in b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_extract_as_pdf(reported, auditor):
    response = log_in(Client(), auditor).post(
        EXTRACT, {"email": "anna@example.se", "format": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_a_purged_report_is_no_longer_found_by_its_address(reported, auditor):
    for report in reported:
        accessibility_report_purge(actor=SYSTEM, report=report)
    response = log_in(Client(), auditor).post(EXTRACT, {"email": "anna@example.se"})
    assert response.status_code == 400
    assert (
        "Ingenting finns registrerat om någon som angav den adressen." in response.content.decode()
    )


# Who may make the extract of a reader's reports, written out (docs/rules.md, rule 4): the
# auditor alone; the page does not open for anyone else.
EXTRACT_BY_ADDRESS = [
    (Role.AUDITOR, 200),
    (Role.COORDINATOR, 403),
    (Role.ADMIN, 403),
    (Role.SOCIAL_WORKER, 403),
    (Role.SCHOOL_STAFF, 403),
    (Role.POLICE, 403),
    (Role.AGENCY_INSPECTOR, 403),
    (Role.PARTNER, 403),
    (Role.POLITICIAN, 403),
]


@pytest.mark.parametrize(("role", "status"), EXTRACT_BY_ADDRESS)
def test_who_makes_the_extract_of_a_readers_reports(role, status):
    AccessibilityReport.objects.create(**ANNA, contact_email="anna@example.se")
    client = log_in(Client(), member(role))
    response = client.post(EXTRACT, {"email": "anna@example.se"})
    assert response.status_code == status
    assert ("Kartan går inte att nå" in response.content.decode()) == (status == 200)
