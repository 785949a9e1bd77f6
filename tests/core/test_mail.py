"""The outbox (umebra.mail) against a real SMTP server (the ``smtp_server`` fixture): an
event queued twice is mailed once; while the server is down the mail waits, with the error
recorded, and goes once when it is back; a person who turned a kind off gets nothing."""

import email
from email import policy

import pytest
from django.urls import reverse

from tests.factories import log_in, member
from umebra import access, selectors, services
from umebra.mail import mail_queue, mail_send_due
from umebra.models import MailKind, MailPreference, OutgoingMail
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def received(server) -> list:
    """The messages the server accepted, as a mail program reads them."""
    return [email.message_from_bytes(raw, policy=policy.default) for raw in server.received]


def text(message) -> str:
    return message.get_content().replace("\r\n", "\n")


def queue_report_mail(user, key="report:1") -> None:
    mail_queue(
        kind=MailKind.REPORT_FINISHED,
        recipients=[user],
        subject="Din rapport är klar",
        sentence="Rapporten du beställde är klar.",
        link="/reports/1/",
        key=key,
    )


@pytest.fixture
def user(db):
    return member(Role.COORDINATOR, username="samordnare")


def test_an_event_queued_twice_arrives_once(smtp_server, user):
    queue_report_mail(user)
    queue_report_mail(user)  # the same event told again: a message delivered twice
    assert mail_send_due() == 1
    assert mail_send_due() == 0
    [message] = received(smtp_server)
    assert message["To"] == "samordnare@umebra.example"
    assert message["Subject"] == "Din rapport är klar"
    assert message["Auto-Submitted"] == "auto-generated"
    body = text(message)
    assert "Rapporten du beställde är klar.\n\nhttp://127.0.0.1:8000/reports/1/" in body
    assert "Välj vilken e-post du får från Umebrå: http://127.0.0.1:8000/account/mail/" in body


def test_with_the_server_down_the_mail_waits_and_goes_once_it_is_back(smtp_server, user):
    smtp_server.stop()
    queue_report_mail(user)
    assert mail_send_due() == 0
    mail = OutgoingMail.objects.get()
    assert mail.sent_at is None and mail.attempts == 1
    assert "ConnectionRefusedError" in mail.last_error

    smtp_server.start()
    assert mail_send_due() == 1
    assert mail_send_due() == 0
    assert len(smtp_server.received) == 1
    mail.refresh_from_db()
    assert mail.sent_at is not None and mail.attempts == 2 and mail.last_error == ""


def test_a_person_who_turned_a_kind_off_gets_nothing_of_it(smtp_server, user):
    services.mail_preferences_update(
        actor=access.actor_for(user), mail_preferences={MailKind.REPORT_FINISHED: False}
    )
    queue_report_mail(user)
    assert not OutgoingMail.objects.exists()
    assert mail_send_due() == 0
    assert smtp_server.received == []


def test_a_person_without_an_address_is_left_out(smtp_server, user):
    user.email = ""
    user.save()
    queue_report_mail(user)
    assert not OutgoingMail.objects.exists()


def test_the_choice_is_made_on_ones_own_page(client, user):
    other = member(Role.POLICE, username="polis")
    log_in(client, user)
    page = client.get(reverse("mail-preferences")).content.decode()
    assert "E-post från Umebrå" in page and "samordnare@umebra.example" in page
    assert 'href="/account/mail/"' in client.get(reverse("home")).content.decode()

    response = client.post(reverse("mail-preferences"), {MailKind.WEEKLY_DIGEST: "on"})
    assert response.status_code == 302
    assert selectors.mail_preferences(user=user) == {
        MailKind.REPORT_FINISHED: False,
        MailKind.ACCESSIBILITY_REPORT: False,
        MailKind.ROLE_REQUEST: False,
        MailKind.GRANT_DECIDED: False,
        MailKind.ACTION_DUE: False,
        MailKind.WEEKLY_DIGEST: True,
    }
    # Nobody else's choice changed, and nobody sees another's.
    assert set(selectors.mail_preferences(user=other).values()) == {True}
    assert not access.restrict(other, MailPreference.objects.all()).exists()


# The kinds each role receives, written out here on their own (docs/rules.md's habit): a kind
# given to a role in umebra.models.MAIL_KIND_ROLES, or taken from one, fails this table.
KINDS_BY_ROLE = {
    Role.COORDINATOR: {
        "report_finished", "accessibility_report", "role_request", "weekly_digest", "action_due",
        "grant_decided",
    },
    Role.SOCIAL_WORKER: {
        "emergency_access", "consent_ending", "action_due", "role_request", "grant_decided"
    },
    Role.SCHOOL_STAFF: {"action_due", "role_request", "grant_decided"},
    Role.POLICE: {"action_due", "role_request", "grant_decided"},
    Role.AGENCY_INSPECTOR: {"action_due", "role_request", "grant_decided"},
    Role.PARTNER: {"action_due", "grant_decided"},
    Role.POLITICIAN: set(),
    Role.COUNTY_COORDINATOR: set(),
    Role.AUDITOR: set(),
    Role.ADMIN: {"role_request"},
}  # fmt: skip


@pytest.mark.parametrize("role", list(Role))
def test_the_page_offers_only_the_kinds_ones_role_receives(client, role):
    person = member(role)
    log_in(client, person)
    page = client.get(reverse("mail-preferences")).content.decode()
    offered = {kind for kind in MailKind.values if f'name="{kind}"' in page}
    assert offered == KINDS_BY_ROLE[role]
    assert set(selectors.mail_preferences(user=person)) == KINDS_BY_ROLE[role]


def test_a_kind_is_not_queued_to_a_role_that_does_not_receive_it(smtp_server, user):
    politician = member(Role.POLITICIAN)
    mail_queue(
        kind=MailKind.ACCESSIBILITY_REPORT,
        recipients=[user, politician],
        subject="En brist",
        sentence="En brist har rapporterats.",
        link="/",
        key="accessibility-report:1",
    )
    mail_send_due()
    assert [m["To"] for m in received(smtp_server)] == [user.email]
