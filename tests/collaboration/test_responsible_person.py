"""An activity's or a decision's responsible person: chosen in its form among those acting for
its organisation (anyone else refused, in Swedish), shown on its page, and reminded once by
e-mail, against a real SMTP server, when it is due tomorrow or overdue; nobody else is
mailed, the mail names nothing of the item, and a done item or a turned-off kind sends
nothing."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from collaboration import notifications, tasks
from collaboration.models import (
    Activity,
    ActivityStatus,
    Decision,
    UndertakingKind,
    UndertakingStatus,
)
from collaboration.models.responsible import responsible_people
from collaboration.notifications import _digest
from collaboration.selectors.agreements import activities_due
from collaboration.selectors.people import responsible_choices
from collaboration.services import agreements, groups
from tests.collaboration.test_notifications import mailed
from tests.core.test_mail import received, text
from tests.factories import log_in, member
from umebra import access, services
from umebra.access import SYSTEM
from umebra.history import changes_of
from umebra.mail import mail_send_due
from umebra.models import MailKind, Membership, Organisation, OutgoingMail
from umebra.roles import Role

pytestmark = pytest.mark.django_db

REFUSED = (
    "Den ansvariga personen måste företräda den ansvariga aktören: välj någon som har "
    "en aktiv roll där."
)
# What the item and its people are that no mail may tell.
SECRETS = ("Belysning", "gångtunneln", "Bostaden", "Polisen", "Kim", "Vaktmästarsson", "Tryggare")


@pytest.fixture
def people(orgs):
    return {
        "caretaker": member(
            Role.PARTNER, orgs["landlord"], first_name="Kim", last_name="Vaktmästarsson"
        ),
        "caretaker's colleague": member(Role.PARTNER, orgs["landlord"]),
        "officer": member(Role.POLICE, orgs["police"]),
        "shop's partner": member(Role.PARTNER, orgs["shop"]),
        "coordinator": member(Role.COORDINATOR),
        # Acts for a party, in a role that follows the work and does not do it.
        "politician": member(Role.POLITICIAN, orgs["municipality"]),
    }


# Who is told of an item the caretaker answers for: the caretaker, nobody else (not their
# colleague at the landlord, not the other party, not the coordinators who keep the work).
RECIPIENTS = {
    "caretaker": 1,
    "caretaker's colleague": 0,
    "officer": 0,
    "shop's partner": 0,
    "coordinator": 0,
    "politician": 0,
}


@pytest.fixture
def agreement(orgs):
    today = timezone.localdate()
    return agreements.undertaking_create(
        actor=SYSTEM, kind=UndertakingKind.SAFETY_AGREEMENT, place="Ålidhem centrum",
        title="Tryggare kvällar", problem="Otrygghet", valid_from=today,
        valid_to=today + datetime.timedelta(days=300), areas=[],
        parties=[orgs["landlord"], orgs["police"], orgs["municipality"]],
    )  # fmt: skip


@pytest.fixture
def meeting(orgs):
    group = groups.group_create(
        actor=SYSTEM, name="Ålidhemsgruppen", level="operational", mandate="m",
        owner=orgs["landlord"], cadence="monthly", areas=[],
        members=[orgs["landlord"], orgs["police"], orgs["municipality"]],
    )  # fmt: skip
    return groups.meeting_create(actor=SYSTEM, group=group, date=timezone.localdate(), agenda="x")


def post_activity(client, agreement, orgs, person, *, days=1):
    return client.post(
        reverse("collaboration:activity-create", args=[agreement.pk]),
        {
            "description": "Belysning vid gångtunneln",
            "responsible": orgs["landlord"].pk,
            "responsible_person": person.pk,
            "due": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
            "status": ActivityStatus.PLANNED,
        },
    )


def post_decision(client, meeting, orgs, person, *, days=1):
    return client.post(
        reverse("collaboration:decision-create", args=[meeting.pk]),
        {
            "text": "Belysning vid gångtunneln",
            "owner": orgs["landlord"].pk,
            "responsible_person": person.pk,
            "due": (timezone.localdate() + datetime.timedelta(days=days)).isoformat(),
        },
    )


def run_daily_task_twice() -> None:
    """Beat's morning run, twice today and once tomorrow, each followed by the outbox's turn."""
    tasks.activities_and_decisions_due_mail()
    tasks.activities_and_decisions_due_mail()
    mail_send_due()
    with time_machine.travel(timezone.localtime() + datetime.timedelta(days=1), tick=False):
        tasks.activities_and_decisions_due_mail()
        mail_send_due()


# -- The choice -------------------------------------------------------------------------------


def test_a_member_of_the_responsible_organisation_is_chosen_and_shown(
    client, coordinator, people, agreement, orgs
):
    page = client.get(reverse("collaboration:activity-create", args=[agreement.pk]))
    offered = page.content.decode()
    assert "Kim Vaktmästarsson (Bostaden AB)" in offered
    # Of another party's people, only those of a role that carries out the work.
    # By the option's key and name: an organisation's option may have the same key.
    offers = lambda name: (  # noqa: E731
        f'<option value="{people[name].pk}">{people[name].display_name} (' in offered
    )
    assert offers("caretaker's colleague") and offers("officer")
    assert not offers("politician")
    assert not offers("shop's partner")  # not a party

    response = post_activity(client, agreement, orgs, people["caretaker"])
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.responsible_person == people["caretaker"]
    # The history keeps who was named.
    assert activity.history.get().responsible_person_id == people["caretaker"].pk
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Ansvarig person" in page and "Kim Vaktmästarsson" in page


@pytest.mark.parametrize("who", ["officer", "shop's partner", "politician"])
def test_someone_not_acting_for_the_responsible_organisation_is_refused(
    client, coordinator, people, agreement, meeting, orgs, who
):
    for response in (
        post_activity(client, agreement, orgs, people[who]),
        post_decision(client, meeting, orgs, people[who]),
    ):
        assert response.status_code == 400
        assert REFUSED in response.content.decode()
    assert not Activity.objects.exists() and not Decision.objects.exists()


def test_the_service_refuses_it_too(people, agreement, orgs):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        agreements.activity_create(
            actor=SYSTEM, undertaking=agreement, description="x", responsible=orgs["landlord"],
            responsible_person=people["officer"], due=timezone.localdate(),
        )  # fmt: skip
    assert refused.value.message_dict == {"responsible_person": [REFUSED]}


def test_a_decision_names_its_person_on_the_groups_page(client, coordinator, people, meeting, orgs):
    assert post_decision(client, meeting, orgs, people["caretaker"]).status_code == 302
    assert Decision.objects.get().responsible_person == people["caretaker"]
    page = client.get(meeting.group.get_absolute_url()).content.decode()
    assert "ansvarig person: Kim Vaktmästarsson" in page


# Who can be named responsible for an item of their organisation, by role, written out here on
# its own: the roles that carry out the work. tests/core/test_mail.py's KINDS_BY_ROLE gives each
# of these "action_due", so whoever can be chosen can receive the reminder.
CHOSEN_BY_ROLE = {
    Role.COORDINATOR: True,
    Role.SOCIAL_WORKER: True,
    Role.SCHOOL_STAFF: True,
    Role.POLICE: True,
    Role.AGENCY_INSPECTOR: True,
    Role.PARTNER: True,
    Role.POLITICIAN: False,
    Role.COUNTY_COORDINATOR: False,
    Role.AUDITOR: False,
    Role.ADMIN: False,
}


@pytest.mark.parametrize("role", list(Role))
def test_who_can_be_chosen_by_role(role):
    person = member(role)
    organisation = Membership.objects.get(user=person).organisation
    offered = responsible_people(Organisation.objects.filter(pk=organisation.pk))
    assert offered.filter(pk=person.pk).exists() is CHOSEN_BY_ROLE[role]


# -- The reminder -------------------------------------------------------------------------


def assert_told_once(smtp_server, people, subject, sentence, link):
    assert mailed(smtp_server, people) == RECIPIENTS
    [message] = received(smtp_server)
    body = text(message)
    assert message["Subject"].strip() == subject
    assert body.startswith(f"{sentence}\n\nhttp://127.0.0.1:8000{link}\n")
    for secret in SECRETS:
        assert secret not in body and secret not in message["Subject"]


def test_an_activity_due_tomorrow_is_told_once_to_its_person(
    client, coordinator, smtp_server, people, agreement, orgs
):
    post_activity(client, agreement, orgs, people["caretaker"], days=1)
    run_daily_task_twice()  # tomorrow it is due today: still the one mail
    due = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    assert_told_once(
        smtp_server,
        people,
        "En aktivitet som du ansvarar för ska vara klar",
        f"En aktivitet som du ansvarar för ska vara klar {due}.",
        agreement.get_absolute_url(),
    )
    # The link opens for them.
    assert log_in(client, people["caretaker"]).get(agreement.get_absolute_url()).status_code == 200


def test_an_overdue_decision_is_told_once_to_its_person(
    client, coordinator, smtp_server, people, meeting, orgs
):
    post_decision(client, meeting, orgs, people["caretaker"], days=-2)
    run_daily_task_twice()
    due = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    assert_told_once(
        smtp_server,
        people,
        "Ett beslut som du ansvarar för ska vara klart",
        f"Ett beslut som du ansvarar för skulle vara klart {due} och är inte markerat som klart.",
        meeting.group.get_absolute_url(),
    )
    assert set(OutgoingMail.objects.values_list("event", flat=True)) == {
        f"decision-due:{Decision.objects.get().pk}:{due}"
    }


def test_a_moved_date_is_told_again(client, coordinator, smtp_server, people, agreement, orgs):
    post_activity(client, agreement, orgs, people["caretaker"], days=0)
    tasks.activities_and_decisions_due_mail()
    activity = Activity.objects.get()
    activity.due += datetime.timedelta(days=1)
    activity.save()
    tasks.activities_and_decisions_due_mail()
    mail_send_due()
    assert mailed(smtp_server, people)["caretaker"] == 2


def test_done_later_or_unnamed_items_send_nothing(
    client, coordinator, smtp_server, people, agreement, meeting, orgs
):
    post_activity(client, agreement, orgs, people["caretaker"], days=-1)
    Activity.objects.update(status=ActivityStatus.DONE)
    post_activity(client, agreement, orgs, people["caretaker"], days=-1)
    Activity.objects.exclude(status=ActivityStatus.DONE).update(status=ActivityStatus.CANCELLED)
    post_activity(client, agreement, orgs, people["caretaker"], days=5)  # not due yet
    post_decision(client, meeting, orgs, people["caretaker"], days=-1)
    Decision.objects.update(done_on=timezone.localdate())
    groups.decision_create(
        actor=SYSTEM, meeting=meeting, text="Ingen namngiven", owner=orgs["landlord"],
        due=timezone.localdate(),
    )  # fmt: skip
    run_daily_task_twice()
    assert received(smtp_server) == []


def test_a_completed_agreement_sends_nothing(
    client, coordinator, smtp_server, people, agreement, orgs
):
    post_activity(client, agreement, orgs, people["caretaker"], days=0)
    agreement.status = UndertakingStatus.COMPLETED
    agreement.save()
    run_daily_task_twice()
    assert received(smtp_server) == []


def test_a_person_who_left_the_organisation_is_not_told(
    client, coordinator, smtp_server, people, agreement, orgs
):
    post_activity(client, agreement, orgs, people["caretaker"], days=0)
    Membership.objects.filter(user=people["caretaker"]).update(ended_at=timezone.now())
    run_daily_task_twice()
    assert received(smtp_server) == []


def test_a_person_who_turned_the_kind_off_is_not_told(
    client, coordinator, smtp_server, people, agreement, meeting, orgs
):
    services.mail_preferences_update(
        actor=access.actor_for(people["caretaker"]),
        mail_preferences={MailKind.ACTION_DUE: False},
    )
    post_activity(client, agreement, orgs, people["caretaker"], days=0)
    post_decision(client, meeting, orgs, people["caretaker"], days=0)
    run_daily_task_twice()
    assert not OutgoingMail.objects.exists()
    assert received(smtp_server) == []


# -- Who sees the name ------------------------------------------------------------------------

# Whoever sees the item sees the organisation that answers for it; the person's name only those
# who may see that person: the coordinators, the person, their colleagues, not another party's
# staff or a politician following the work (umebra.policy.UserPolicy).
SEES_THE_NAME = {
    "coordinator": True,
    "caretaker": True,
    "caretaker's colleague": True,
    "officer": False,
    "politician": False,
}


@pytest.fixture
def named_items(people, agreement, meeting, orgs):
    due = timezone.localdate() + datetime.timedelta(days=5)
    agreements.activity_create(
        actor=SYSTEM, undertaking=agreement, description="Belysning", due=due,
        responsible=orgs["landlord"], responsible_person=people["caretaker"],
    )  # fmt: skip
    groups.decision_create(
        actor=SYSTEM, meeting=meeting, text="Belysning", due=due, owner=orgs["landlord"],
        responsible_person=people["caretaker"],
    )  # fmt: skip


@pytest.mark.parametrize("reader", SEES_THE_NAME)
def test_the_name_is_shown_only_to_those_who_may_see_the_person(
    client, people, agreement, meeting, named_items, reader
):
    log_in(client, people[reader])
    for url in (agreement.get_absolute_url(), meeting.group.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Bostaden AB" in page, url  # the organisation, to everyone who sees the item
        assert ("Kim Vaktmästarsson" in page) is SEES_THE_NAME[reader], url


@pytest.mark.parametrize("reader", SEES_THE_NAME)
def test_the_history_names_the_person_only_to_those_who_may_see_them(
    people, agreement, named_items, reader
):
    activity = Activity.objects.get()
    agreements.activity_update(
        actor=SYSTEM, activity=activity, description=activity.description,
        responsible=activity.responsible, due=activity.due, status=activity.status,
        responsible_person=people["caretaker's colleague"],
    )  # fmt: skip
    changes = changes_of(activity, user=people[reader])
    [change] = [c for c in changes if c.field == "Ansvarig person"]
    if SEES_THE_NAME[reader]:
        assert change.before == "Kim Vaktmästarsson"
        assert change.after == people["caretaker's colleague"].display_name
    else:
        assert (change.before, change.after) == ("(visas inte)", "(visas inte)")


def test_the_choices_start_from_the_people_the_chooser_may_see(people, agreement):
    """The form's choices go through the access layer: a coordinator is offered every party's
    people who do the work, a partner (were one to reach the form) only their own colleagues."""
    parties = agreement.parties.all()
    offered = lambda who: set(  # noqa: E731
        responsible_choices(user=people[who], organisations=parties)
    )
    assert offered("coordinator") == {
        people["caretaker"],
        people["caretaker's colleague"],
        people["officer"],
    }
    assert offered("caretaker") == {people["caretaker"], people["caretaker's colleague"]}


# -- What is due --------------------------------------------------------------------------


def test_a_completed_agreements_activity_is_due_nowhere(smtp_server, people, agreement, orgs):
    """One definition of an open activity: the home page's list, the weekly digest's count and
    the reminder leave out a completed agreement's activities as they leave out done ones."""
    today = timezone.localdate()
    other = agreements.undertaking_create(
        actor=SYSTEM, kind=UndertakingKind.SAFETY_AGREEMENT, place="Ålidhem", title="Klar",
        problem="p", valid_from=today, valid_to=today + datetime.timedelta(days=30), areas=[],
        parties=[orgs["landlord"]],
    )  # fmt: skip
    for undertaking, description, status in [
        (agreement, "open", ActivityStatus.PLANNED),
        (agreement, "done", ActivityStatus.DONE),
        (other, "of a completed agreement", ActivityStatus.PLANNED),
    ]:
        agreements.activity_create(
            actor=SYSTEM, undertaking=undertaking, description=description, due=today,
            responsible=orgs["landlord"], responsible_person=people["caretaker"], status=status,
        )  # fmt: skip
    other.status = UndertakingStatus.COMPLETED
    other.save()

    due = activities_due(user=people["coordinator"], due_by=today)
    assert [a.description for a in due] == ["open"]
    assert _digest(people["coordinator"], today).startswith("1 aktivitet eller beslut")
    tasks.activities_and_decisions_due_mail()
    assert OutgoingMail.objects.count() == 1


# -- Counts and a person who left ---------------------------------------------------------


def test_the_reminder_counts_the_mails_it_queued(people, agreement, orgs):
    """The daily run returns how many mails it queued: an item already told is not counted."""
    today = timezone.localdate()
    agreements.activity_create(
        actor=SYSTEM, undertaking=agreement, description="x", due=today,
        responsible=orgs["landlord"], responsible_person=people["caretaker"],
    )  # fmt: skip
    assert notifications.activities_and_decisions_due_mail(today=today) == 1
    assert notifications.activities_and_decisions_due_mail(today=today) == 0
    assert OutgoingMail.objects.count() == 1


LEFT = (
    "Den ansvariga personen företräder inte längre den ansvariga aktören: töm fältet eller välj "
    "någon annan. En post som är deras kan ändå markeras som klar eller inställd."
)


@pytest.mark.parametrize(
    ("status", "saved"),
    [
        (ActivityStatus.DONE, True),
        (ActivityStatus.CANCELLED, True),
        (ActivityStatus.ONGOING, False),
    ],
)
def test_an_activity_whose_person_left_can_still_be_closed(
    client, coordinator, people, agreement, orgs, status, saved
):
    activity = agreements.activity_create(
        actor=SYSTEM, undertaking=agreement, description="Belysning", due=timezone.localdate(),
        responsible=orgs["landlord"], responsible_person=people["caretaker"],
    )  # fmt: skip
    Membership.objects.filter(user=people["caretaker"]).update(ended_at=timezone.now())
    response = client.post(
        reverse("collaboration:activity-update", args=[activity.pk]),
        {
            "description": "Belysning",
            "responsible": orgs["landlord"].pk,
            "responsible_person": people["caretaker"].pk,
            "due": activity.due.isoformat(),
            "status": status,
        },
    )
    activity.refresh_from_db()
    if saved:
        assert response.status_code == 302
        assert activity.status == status
    else:
        assert response.status_code == 400
        assert LEFT in response.content.decode()
        assert activity.status == ActivityStatus.PLANNED
