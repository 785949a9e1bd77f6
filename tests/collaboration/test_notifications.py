"""Collaboration's mail against a real SMTP server: a grant application decided reaches the
applicant organisation's people once, and the coordinators' weekly digest each coordinator
once a week; neither holds more than counts, area names and a link, and a turned-off kind
sends nothing."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from collaboration import tasks
from collaboration.models import GrantStatus, Observation, UndertakingKind
from collaboration.services import agreements, funds, groups
from tests.core.test_mail import received, text
from tests.factories import AreaFactory, OrganisationFactory, member, umea
from tests.personas import persona
from umebra import access, services
from umebra.access import SYSTEM
from umebra.mail import mail_send_due
from umebra.models import (
    MailKind,
    Membership,
    MembershipStatus,
    OrganisationKind,
    OutgoingMail,
)
from umebra.roles import Role

pytestmark = pytest.mark.django_db


def mailed(server, people) -> dict[str, int]:
    """How many of the received messages went to each of ``people``, by name."""
    to = [message["To"] for message in received(server)]
    assert set(to) <= {user.email for user in people.values()}, "mail to someone unnamed"
    return {name: to.count(user.email) for name, user in people.items()}


# -- A grant application decided ------------------------------------------------------------


@pytest.fixture
def applicant(db):
    return OrganisationFactory(name="Fritidsgården Ö", kind=OrganisationKind.CIVIL_SOCIETY)


@pytest.fixture
def grant_people(applicant):
    other = OrganisationFactory(name="Grannföreningen", kind=OrganisationKind.CIVIL_SOCIETY)
    return {
        "applicant's leader": member(Role.PARTNER, applicant),
        "applicant's volunteer": member(Role.PARTNER, applicant),
        "another organisation's partner": member(Role.PARTNER, other),
        "coordinator": member(Role.COORDINATOR),
        "politician": member(Role.POLITICIAN),
    }


# Who hears of the decision: everyone acting for the applicant, and no one else (the
# coordinator who decided and the politicians who follow grants see it on their pages).
GRANT_RECIPIENTS = {
    "applicant's leader": 1,
    "applicant's volunteer": 1,
    "another organisation's partner": 0,
    "coordinator": 0,
    "politician": 0,
}


@pytest.fixture
def application(applicant):
    fund = funds.fund_create(
        actor=SYSTEM, name="Trygghetsanslaget", year=2026, amount=Decimal(6_000_000)
    )
    return funds.application_create(
        actor=SYSTEM, fund=fund, applicant=applicant, title="Kvällsöppet på Öbacka",
        problem="p", measure="m", goals="g", evaluation="e", amount_requested=Decimal(123_456),
    )  # fmt: skip


def decide(application, status, **fields):
    return funds.application_transition(
        actor=access.actor_for(member(Role.COORDINATOR)),
        application=application,
        status=status,
        **fields,
    )


@pytest.mark.parametrize(
    ("status", "fields", "sentence"),
    [
        (GrantStatus.GRANTED, {}, "En bidragsansökan från din organisation har beviljats."),
        (
            GrantStatus.PARTLY_GRANTED,
            {"amount_granted": Decimal(50_000)},
            "En bidragsansökan från din organisation har delvis beviljats.",
        ),
        (
            GrantStatus.REJECTED,
            {"note": "Budgeten saknar medfinansiering"},
            "En bidragsansökan från din organisation har avslagits.",
        ),
    ],
)
def test_a_decided_application_is_told_to_the_applicant_once(
    smtp_server, grant_people, application, status, fields, sentence
):
    decide(application, status, **fields)
    mail_send_due()
    mail_send_due()
    assert mailed(smtp_server, grant_people) == GRANT_RECIPIENTS
    for message in received(smtp_server):
        body = text(message)
        assert message["Subject"] == "En bidragsansökan har beslutats"
        assert body.startswith(
            f"{sentence}\n\nhttp://127.0.0.1:8000{application.get_absolute_url()}"
        )
        for secret in ("Kvällsöppet", "Öbacka", "123", "50", "medfinansiering", "Fritidsgården"):
            assert secret not in body and secret not in message["Subject"]


def test_a_step_that_decides_nothing_mails_nothing(smtp_server, grant_people, application):
    decide(application, GrantStatus.SUPPLEMENT_REQUESTED, note="Skicka budgeten")
    mail_send_due()
    assert received(smtp_server) == []


def test_an_applicant_who_turned_it_off_is_not_mailed(smtp_server, grant_people, application):
    leader = grant_people["applicant's leader"]
    services.mail_preferences_update(
        actor=access.actor_for(leader), mail_preferences={MailKind.GRANT_DECIDED: False}
    )
    decide(application, GrantStatus.GRANTED)
    mail_send_due()
    assert mailed(smtp_server, grant_people) == GRANT_RECIPIENTS | {"applicant's leader": 0}


@pytest.fixture
def unit_people(db):
    """A municipal unit that applies itself, with a coordinator, a partner and a politician
    who is a partner at an association too; another unit's coordinator."""
    unit = OrganisationFactory(name="Fritidsförvaltningen", kind=OrganisationKind.MUNICIPAL_UNIT)
    elsewhere = OrganisationFactory(name="Grannföreningen", kind=OrganisationKind.CIVIL_SOCIETY)
    politician = member(Role.POLITICIAN, unit)
    # A second role at once, which the membership form refuses but older data may hold.
    Membership.objects.create(
        user=politician, organisation=elsewhere, role=Role.PARTNER,
        valid_from=timezone.localdate(), status=MembershipStatus.APPROVED,
        decided_at=timezone.now(),
    )  # fmt: skip
    return unit, {
        "unit's coordinator": member(Role.COORDINATOR, unit),
        "unit's partner": member(Role.PARTNER, unit),
        "unit's politician, a partner elsewhere": politician,
        "another unit's coordinator": member(Role.COORDINATOR),
        "the association's partner": member(Role.PARTNER, elsewhere),
    }


# Who hears of a unit's application decided: those acting for it who may open the application
# and do its work (its coordinator, its partner); not its politician, who follows grants on
# their pages and is mailed nothing (not even as the partner they are at another
# organisation), and no one of another organisation.
UNIT_RECIPIENTS = {
    "unit's coordinator": 1,
    "unit's partner": 1,
    "unit's politician, a partner elsewhere": 0,
    "another unit's coordinator": 0,
    "the association's partner": 0,
}


def test_a_units_decision_is_told_to_those_of_it_who_may_open_the_application(
    smtp_server, unit_people
):
    unit, people = unit_people
    fund = funds.fund_create(actor=SYSTEM, name="Anslaget", year=2026, amount=Decimal(1000))
    application = funds.application_create(
        actor=SYSTEM, fund=fund, applicant=unit, title="Kvällsöppet", problem="p",
        measure="m", goals="g", evaluation="e", amount_requested=Decimal(100),
    )  # fmt: skip
    decide(application, GrantStatus.GRANTED)
    mail_send_due()
    assert mailed(smtp_server, people) == UNIT_RECIPIENTS


# -- The coordinators' weekly digest ----------------------------------------------------------

TZ = timezone.get_default_timezone()
# Monday of ISO week 50 of 2026, in the morning as beat runs it.
MONDAY = datetime.datetime(2026, 12, 7, 6, 15, tzinfo=TZ)
# Who gets the digest: every coordinator, nobody else.
DIGEST_RECIPIENTS = {"coordinator": 1, "other coordinator": 1, "police": 0, "politician": 0}


@pytest.fixture
def digest_people(db):
    return {
        "coordinator": persona(Role.COORDINATOR),
        "other coordinator": member(Role.COORDINATOR),
        "police": persona(Role.POLICE),
        "politician": persona(Role.POLITICIAN),
    }


@pytest.fixture
def week_of_work(digest_people):
    """Two things due in the coming week, one later, one done; three observations last week
    in two areas and one this week."""
    with time_machine.travel(MONDAY, tick=False):
        today = MONDAY.date()
        shop = OrganisationFactory(name="Butiken", kind=OrganisationKind.BUSINESS)
        ersboda, alidhem = AreaFactory(name="Ersboda"), AreaFactory(name="Ålidhem")
        promise = agreements.undertaking_create(
            actor=SYSTEM, kind=UndertakingKind.SAFETY_AGREEMENT, place="Ersboda torg",
            title="Tryggare kvällar",
            problem="Otrygghet", valid_from=today, valid_to=today + datetime.timedelta(days=300),
            areas=[ersboda], parties=[shop],
        )  # fmt: skip
        for description, days in (("Belysning vid gångtunneln", 3), ("Senare aktivitet", 20)):
            agreements.activity_create(
                actor=SYSTEM, undertaking=promise, description=description, responsible=shop,
                due=today + datetime.timedelta(days=days),
            )  # fmt: skip
        group = groups.group_create(
            actor=SYSTEM, name="Ersbodagruppen", level="operational", mandate="m", owner=shop,
            cadence="monthly", members=[shop], areas=[ersboda],
        )  # fmt: skip
        meeting = groups.meeting_create(actor=SYSTEM, group=group, date=today, agenda="x")
        groups.decision_create(
            actor=SYSTEM, meeting=meeting, text="Butiken stänger tidigare", owner=shop,
            due=today + datetime.timedelta(days=5),
        )  # fmt: skip
        for area, days in ((ersboda, 5), (ersboda, 3), (alidhem, 1), (alidhem, -1)):
            Observation.objects.create(municipality=umea(),
                area=area, place="Gångtunneln vid skolan", kind="littering",
                description="Krossat glas", organisation=shop,
                occurred_at=MONDAY - datetime.timedelta(days=days),
            )  # fmt: skip


def test_each_coordinator_gets_one_digest_a_week_with_counts_only(
    smtp_server, digest_people, week_of_work
):
    for moment in (
        MONDAY,
        MONDAY + datetime.timedelta(hours=1),
        MONDAY + datetime.timedelta(days=2),
    ):
        with time_machine.travel(moment, tick=False):
            tasks.coordinators_digest_mail()
            mail_send_due()
    assert mailed(smtp_server, digest_people) == DIGEST_RECIPIENTS
    assert set(OutgoingMail.objects.values_list("event", flat=True)) == {"digest:2026-W50"}
    for message in received(smtp_server):
        body = text(message)
        assert message["Subject"] == "Umebrå den här veckan: vecka 50"
        assert body.startswith(
            "2 aktiviteter och beslut ska vara klara senast 2026-12-14.\n"
            "Observationer vecka 49, per område:\n"
            "Ersboda: 2\n"
            "Ålidhem: 1\n\n"
            f"http://127.0.0.1:8000{reverse('home')}\n"
        )
        for secret in ("Belysning", "Butiken", "Gångtunneln", "Krossat", "Tryggare", "Ersbodagr"):
            assert secret not in body and secret not in message["Subject"]

    # The next week, the next digest.
    with time_machine.travel(MONDAY + datetime.timedelta(days=7), tick=False):
        tasks.coordinators_digest_mail()
        mail_send_due()
    assert mailed(smtp_server, digest_people) == {
        name: 2 * count for name, count in DIGEST_RECIPIENTS.items()
    }


def test_a_coordinator_who_turned_the_digest_off_gets_none(smtp_server, digest_people):
    services.mail_preferences_update(
        actor=access.actor_for(digest_people["coordinator"]),
        mail_preferences={MailKind.WEEKLY_DIGEST: False},
    )
    with time_machine.travel(MONDAY, tick=False):
        tasks.coordinators_digest_mail()
        mail_send_due()
    assert mailed(smtp_server, digest_people) == DIGEST_RECIPIENTS | {"coordinator": 0}
    [message] = received(smtp_server)
    assert "Inga observationer rapporterades vecka 49." in text(message)
