"""Readers report accessibility problems from the statement, logged in or not; coordinators
and the administrator read the reports."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import log_in, member
from umebra.accessibility.models import AccessibilityReport
from umebra.audit.models import AccessEvent
from umebra.roles import Role

pytestmark = pytest.mark.django_db

STATEMENT = reverse("accessibility-statement")
REPORTS = reverse("accessibility-report-list")
REPORT = {"page": "Observationsformuläret", "problem": "Kartan går inte att nå med tangentbordet."}


def test_an_anonymous_reader_reports_a_problem(client):
    response = client.post(STATEMENT, REPORT | {"contact_email": "anna@example.se"})
    assert response.status_code == 302
    assert response["Location"] == f"{STATEMENT}#report"
    report = AccessibilityReport.objects.get()
    assert (report.page, report.contact_email, report.reported_by) == (
        "Observationsformuläret", "anna@example.se", None
    )  # fmt: skip
    assert "Tack. Din rapport har tagits emot." in client.get(STATEMENT).content.decode()
    event = AccessEvent.objects.get(object_type="accessibility.accessibilityreport")
    assert (event.action, event.object_id, event.username) == ("create", str(report.pk), "")


def test_a_logged_in_reader_is_named_on_their_report(client, coordinator):
    assert client.post(STATEMENT, REPORT).status_code == 302
    assert AccessibilityReport.objects.get().reported_by == coordinator


def test_an_empty_report_is_refused_in_swedish_and_nothing_is_kept(client):
    response = client.post(STATEMENT, {"page": "", "problem": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Inget sparades. Rätta till fälten som är markerade nedan." in page
    assert "Skriv vilken sida problemet finns på." in page
    assert "Beskriv problemet." in page
    assert AccessibilityReport.objects.count() == 0


def test_a_broken_email_address_is_refused_in_swedish(client):
    response = client.post(STATEMENT, REPORT | {"contact_email": "anna-at-example"})
    assert response.status_code == 400
    assert "Skriv en hel e-postadress, som namn@exempel.se." in response.content.decode()
    assert AccessibilityReport.objects.count() == 0


def test_the_form_needs_its_csrf_token(db):
    assert Client(enforce_csrf_checks=True).post(STATEMENT, REPORT).status_code == 403
    assert AccessibilityReport.objects.count() == 0


# Who reads the reports, written out (docs/rules.md): those who answer for the service.
READERS = [
    (Role.COORDINATOR, 200),
    (Role.ADMIN, 200),
    (Role.POLITICIAN, 403),
    (Role.PARTNER, 403),
    (Role.SOCIAL_WORKER, 403),
    (Role.SCHOOL_STAFF, 403),
    (Role.POLICE, 403),
    (Role.AGENCY_INSPECTOR, 403),
    (Role.AUDITOR, 403),
]


@pytest.mark.parametrize(("role", "status"), READERS)
def test_who_reads_the_reports(role, status):
    AccessibilityReport.objects.create(**REPORT)
    client = log_in(Client(), member(role))
    response = client.get(REPORTS)
    assert response.status_code == status
    if status == 200:
        assert "Kartan går inte att nå med tangentbordet." in response.content.decode()
    # The menu offers the list to exactly those it opens for.
    assert (f'href="{REPORTS}"' in client.get(reverse("home")).content.decode()) == (status == 200)


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(REPORTS)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_reading_the_list_is_logged_with_the_reports_it_showed(client, coordinator):
    report = AccessibilityReport.objects.create(**REPORT)
    client.get(REPORTS)
    event = AccessEvent.objects.get(object_type="accessibility.accessibilityreport")
    assert event.action == "view"
    assert list(event.listed.values_list("object_id", flat=True)) == [str(report.pk)]


def test_the_coordinators_are_mailed_that_a_report_came_and_not_what_it_says(client, smtp_server):
    """The report is a reader's own words and may hold their address: the mail says only
    that one came, and links to the list, behind its access rule."""
    import email
    from email import policy

    from umebra.mail import mail_send_due

    coordinators = [member(Role.COORDINATOR), member(Role.COORDINATOR)]
    politician = member(Role.POLITICIAN)
    client.post(STATEMENT, REPORT | {"contact_email": "anna@example.se"})
    mail_send_due()
    mail_send_due()  # the beat again: nothing goes twice
    messages = [
        email.message_from_bytes(raw, policy=policy.default) for raw in smtp_server.received
    ]
    assert sorted(m["To"] for m in messages) == sorted(u.email for u in coordinators)
    assert politician.email not in {m["To"] for m in messages}
    for message in messages:
        assert message["Subject"] == "En brist i tillgängligheten har rapporterats"
        body = message.get_content()
        assert REPORTS in body
        for secret in ("anna@example.se", "Kartan går inte", "Observationsformuläret"):
            assert secret not in body and secret not in message["Subject"]
