"""The case owner's reminders (cases.notifications), against a real SMTP server: a consent
ending within 14 days and an action due tomorrow or overdue each arrive once, however often
the daily task runs, to the owner and no one else, without the young person's name or
personal number or what the case holds; a turned-off kind sends nothing."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from cases import tasks
from cases.services import sig
from tests.cases.conftest import actor
from tests.core.test_mail import received, text
from umebra import services
from umebra.mail import mail_send_due
from umebra.models import MailKind, OutgoingMail

pytestmark = pytest.mark.django_db

# Who gets the reminders of a case: its owner, and none of the others the rules speak of
# (a colleague in the owner's organisation, the school and police the consent covers, ...).
RECIPIENTS = {
    "owner": 1,
    "colleague": 0,
    "counsellor": 0,
    "officer": 0,
    "inspector": 0,
    "landlord": 0,
    "politician": 0,
    "coordinator": 0,
    "auditor": 0,
    "admin": 0,
}
# What the case holds that no mail may: the young person's name, personal number (with and
# without the century), the guardians' names, what the consent covers, what the action is.
SECRETS = ("Alva", "Testsson", "20080412-2380", "080412-2380", "Skolgång", "Hembesök")


def run_daily_task_twice() -> None:
    """The beat's daily run, today and again tomorrow, each followed by the outbox's turn."""
    tasks.case_reminders_mail()
    mail_send_due()
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=False):
        tasks.case_reminders_mail()
        mail_send_due()


def assert_told_once_and_nothing_more(smtp_server, people, subject, sentence):
    messages = received(smtp_server)
    by_person = {
        name: [m for m in messages if m["To"] == user.email] for name, user in people.items()
    }
    assert {name: len(mine) for name, mine in by_person.items()} == RECIPIENTS
    assert len(messages) == 1
    [message] = by_person["owner"]
    body = text(message)
    # A long non-ASCII subject is folded onto a line of its own by Django's encoder, which
    # the parser reads back with the fold's space before it.
    for secret in SECRETS:
        assert secret not in body and secret not in message["Subject"]
    assert message["Subject"].strip() == subject
    assert body.startswith(sentence + "\n")


def test_a_consent_ending_within_14_days_is_told_to_the_owner_once(
    smtp_server, people, case, consent_for, orgs
):
    consent = consent_for(orgs["school"], orgs["police"], days=10)
    run_daily_task_twice()
    assert_told_once_and_nothing_more(
        smtp_server,
        people,
        "Ett samtycke i ett av dina ärenden upphör snart",
        f"Ett samtycke i ett av dina ärenden upphör {consent.valid_to.isoformat()}.",
    )
    link = "http://127.0.0.1:8000" + reverse("cases:case-detail", args=[case.pk])
    assert link in text(received(smtp_server)[0])


def test_a_consent_ending_later_is_not_told(smtp_server, case, consent_for, orgs):
    consent_for(orgs["school"], days=30)
    run_daily_task_twice()
    assert received(smtp_server) == []


def test_a_continued_consent_is_not_told(smtp_server, case, consent_for, orgs):
    consent_for(orgs["school"], days=10)
    consent_for(orgs["school"], days=200)  # already renewed
    run_daily_task_twice()
    assert received(smtp_server) == []


def test_an_action_due_tomorrow_is_told_once_not_again_when_overdue(
    smtp_server, people, case, orgs
):
    due = timezone.localdate() + datetime.timedelta(days=1)
    sig.action_create(
        actor=actor(case.owner), case=case, organisation=orgs["school"],
        action="Hembesök hos Alva", due=due,
    )  # fmt: skip
    run_daily_task_twice()  # tomorrow it is due today, the day after overdue: still one mail
    assert_told_once_and_nothing_more(
        smtp_server,
        people,
        "En åtgärd i ett av dina ärenden ska vara klar",
        f"En åtgärd i ett av dina ärenden ska vara klar {due.isoformat()}.",
    )


def test_an_overdue_action_is_told_once_and_one_done_or_later_not_at_all(
    smtp_server, people, case, orgs
):
    today = timezone.localdate()
    create = sig.action_create
    for action, due in [
        ("Hembesök hos Alva", today - datetime.timedelta(days=3)),
        ("Hembesök igen", today + datetime.timedelta(days=5)),
    ]:
        create(
            actor=actor(case.owner), case=case, organisation=orgs["school"], action=action, due=due
        )
    done = create(
        actor=actor(case.owner), case=case, organisation=orgs["social"], action="Hembesök klart",
        due=today - datetime.timedelta(days=1),
    )  # fmt: skip
    done.done_on = today
    done.save()
    run_daily_task_twice()
    overdue = (today - datetime.timedelta(days=3)).isoformat()
    assert_told_once_and_nothing_more(
        smtp_server,
        people,
        "En åtgärd i ett av dina ärenden ska vara klar",
        f"En åtgärd i ett av dina ärenden skulle vara klar {overdue} "
        "och är inte markerad som klar.",
    )


def test_an_owner_who_turned_the_kinds_off_gets_no_reminder(smtp_server, case, consent_for, orgs):
    services.mail_preferences_update(
        actor=actor(case.owner),
        mail_preferences={MailKind.CONSENT_ENDING: False, MailKind.ACTION_DUE: False},
    )
    consent_for(orgs["school"], days=10)
    sig.action_create(
        actor=actor(case.owner), case=case, organisation=orgs["school"], action="Hembesök",
        due=timezone.localdate(),
    )  # fmt: skip
    run_daily_task_twice()
    assert not OutgoingMail.objects.exists()
    assert received(smtp_server) == []
