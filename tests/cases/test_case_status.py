"""A SIG case's status follows its consents (issue 17), on PostgreSQL: awaiting consent until
a consent in force covers another organisation than the owner's, active while one does, and
awaiting consent again when the last one ends, revoked or run out without anyone acting."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Consent, SigCase
from cases.selectors.statistics import sig_cases_by_area
from cases.services import sig as services
from tests.cases.conftest import TODAY, actor
from tests.factories import log_in, umea
from umebra.audit.models import AccessEvent

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def status(case) -> str:
    return SigCase.objects.get(pk=case.pk).status


def record(people, case, organisations, *, valid_from=TODAY - DAY, days=30, complete=True):
    return services.consent_record(
        actor=actor(people["owner"]),
        case=case,
        organisations=organisations,
        information="Skolgång",
        valid_from=valid_from,
        valid_to=TODAY + datetime.timedelta(days=days),
        signed_by_person=complete,
        guardians=case.person.guardians.all() if complete else [],
    )


# the case's consents (organisations covered, and how) × status that follows, for a case
# the owner has moved to awaiting consent, and for one still a referral.
TABLE = [
    ("none", [], "awaiting_consent", "referral"),
    ("school, in force", ["school"], "active", "active"),
    ("school and police", ["school", "police"], "active", "active"),
    ("only the owner's own organisation", ["social"], "awaiting_consent", "referral"),
    ("not signed by everyone", ["school", "incomplete"], "awaiting_consent", "referral"),
    ("from tomorrow", ["school", "tomorrow"], "awaiting_consent", "referral"),
]


@pytest.mark.parametrize(("consents", "awaiting", "referral"), [row[1:] for row in TABLE],
                         ids=[row[0] for row in TABLE])  # fmt: skip
@pytest.mark.parametrize("start", ["awaiting", "referral"])
def test_the_status_follows_the_consent(people, orgs, case, consents, awaiting, referral, start):
    if start == "awaiting":
        services.case_transition(actor=actor(people["owner"]), case=case, status="awaiting_consent")
    named = [orgs[name] for name in consents if name in orgs]
    if named:
        record(
            people, case, named,
            complete="incomplete" not in consents,
            valid_from=TODAY + DAY if "tomorrow" in consents else TODAY - DAY,
        )  # fmt: skip
    assert status(case) == (awaiting if start == "awaiting" else referral)


def test_a_referral_with_a_consent_and_people_granted_is_active_on_its_page(
    client, people, orgs, case
):
    """The issue's case: consent in force, a counsellor granted, and the page still said
    "Anmälan"."""
    record(people, case, [orgs["school"]])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    log_in(client, people["owner"])
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Aktiv ·" in page and "Anmälan ·" not in page
    event = AccessEvent.objects.filter(object_type="cases.sigcase", object_id=str(case.pk))
    assert event.filter(reason__startswith="status: active").count() == 1


def test_revoking_the_last_consent_sends_the_case_back_to_awaiting_consent(people, orgs, case):
    first = record(people, case, [orgs["school"]])
    second = record(people, case, [orgs["police"]])
    services.consent_revoke(actor=actor(people["owner"]), consent=first, reason="Muntligt")
    assert status(case) == "active"  # the police's consent still holds
    services.consent_revoke(actor=actor(people["owner"]), consent=second, reason="Muntligt")
    assert status(case) == "awaiting_consent"
    reasons = (
        AccessEvent.objects.filter(
            object_type="cases.sigcase", object_id=str(case.pk), reason__startswith="status:"
        )
        .order_by("id")
        .values_list("reason", flat=True)
    )
    assert list(reasons) == ["status: active (ett nytt samtycke registrerades)",
                             "status: awaiting_consent (samtycket återkallades)"]  # fmt: skip


def test_days_passing_move_the_status_through_the_nightly_job(people, orgs, case):
    """A consent that begins, and one that runs out, with no grant and nobody acting."""
    consent = record(people, case, [orgs["school"]], valid_from=TODAY + DAY)
    assert status(case) == "referral"
    Consent.objects.filter(pk=consent.pk).update(valid_from=TODAY)  # tomorrow has come
    services.consents_expire()
    assert status(case) == "active"
    Consent.objects.filter(pk=consent.pk).update(valid_from=TODAY - 9 * DAY, valid_to=TODAY - DAY)
    services.consents_expire()
    assert status(case) == "awaiting_consent"
    services.consents_expire()  # again: nothing more to do
    assert status(case) == "awaiting_consent"
    assert (
        AccessEvent.objects.filter(
            object_id=str(case.pk),
            reason="status: awaiting_consent (ett samtycke började eller upphörde att gälla)",
        ).count()
        == 1
    )


def test_expiry_with_a_grant_ends_the_grant_and_the_active_status(people, orgs, case):
    consent = record(people, case, [orgs["school"]])
    services.grant_give(actor=actor(people["owner"]), case=case, user=people["counsellor"])
    Consent.objects.filter(pk=consent.pk).update(valid_to=TODAY - DAY)
    case.sigcaseuserobjectpermission_set.update(valid_until=TODAY - DAY)
    assert services.consents_expire() == 1
    assert status(case) == "awaiting_consent"


# status × a consent in force × the buttons the owner is offered
CHOICES = [
    ("referral", False, ["awaiting_consent", "closed"]),
    ("awaiting_consent", False, ["closed"]),
    ("active", True, ["closed"]),
    ("closed", True, ["active"]),
    ("closed", False, ["awaiting_consent"]),
]


@pytest.mark.parametrize(("start", "consent", "offered"), CHOICES)
def test_only_the_statuses_that_can_follow_are_offered(
    client, people, orgs, case, start, consent, offered
):
    if consent:
        record(people, case, [orgs["school"]])
    elif start != "referral":
        services.case_transition(actor=actor(people["owner"]), case=case, status="awaiting_consent")
    if start == "closed":
        services.case_transition(actor=actor(people["owner"]), case=case, status="closed")
    assert status(case) == start
    log_in(client, people["owner"])
    page = client.get(case.get_absolute_url()).content.decode()
    shown = [value for value in ["referral", "awaiting_consent", "active", "closed", "purged"]
             if f'name="status" value="{value}"' in page]  # fmt: skip
    assert shown == offered


# status asked for by hand × a consent in force × refused with
BY_HAND = [
    ("active", False, "registrera samtycket först"),
    ("awaiting_consent", True, "så ärendet är aktivt"),
]


@pytest.mark.parametrize(("asked", "consent", "message"), BY_HAND)
def test_a_status_against_the_consents_is_refused(people, orgs, case, asked, consent, message):
    if consent:
        record(people, case, [orgs["school"]])
    services.case_transition(actor=actor(people["owner"]), case=case, status="closed")
    with pytest.raises(ValidationError, match=message):
        services.case_transition(actor=actor(people["owner"]), case=case, status=asked)
    assert status(case) == "closed"


def test_the_page_refuses_a_status_by_hand_with_a_reason(client, people, case):
    log_in(client, people["owner"])
    response = client.post(
        reverse("cases:case-status", args=[case.pk]), {"status": "active"}, follow=True
    )
    assert "Ett ärende är aktivt medan ett samtycke som gäller" in response.content.decode()
    assert status(case) == "referral"


# the case's consent × counted active at the end of a quarter that has ended (its last day
# was yesterday) — from the consents then, whatever the case's status says now.
ENDED = [
    ("none", False),
    ("in force at the end", True),
    ("revoked after the end", True),
    ("revoked on the last day", False),
    ("ended before the end", False),
    ("covers only the owner", False),
]


@pytest.mark.parametrize(("consent", "counted"), ENDED)
def test_the_active_figure_counts_from_the_consents(people, orgs, case, consent, counted):
    end = TODAY - DAY
    if consent != "none":
        covered = [orgs["social"]] if consent == "covers only the owner" else [orgs["school"]]
        made = record(people, case, covered, valid_from=end - 30 * DAY)
        if consent == "ended before the end":
            Consent.objects.filter(pk=made.pk).update(valid_to=end - DAY)
        if consent.startswith("revoked"):
            services.consent_revoke(actor=actor(people["owner"]), consent=made, reason="Skriftligt")
            revoked = end if consent == "revoked on the last day" else TODAY
            Consent.objects.filter(pk=made.pk).update(
                revoked_at=datetime.datetime.combine(revoked, datetime.time(12), datetime.UTC)
            )
    SigCase.objects.filter(pk=case.pk).update(opened_on=end - 40 * DAY)
    counts = sig_cases_by_area(end - 80 * DAY, end, municipalities=[umea().pk])
    assert counts.get(("active", case.person.area.name), 0) == (1 if counted else 0)


def test_the_migration_corrects_cases_whose_status_lagged(people, orgs, case):
    record(people, case, [orgs["school"]])
    SigCase.objects.filter(pk=case.pk).update(status="referral")  # as before the fix
    migration = importlib.import_module("cases.migrations.0011_status_follows_consent")
    migration.follow_consents(apps, None)
    assert status(case) == "active"
    Consent.objects.update(revoked_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    migration.follow_consents(apps, None)
    assert status(case) == "awaiting_consent"


def test_a_period_not_yet_over_counts_the_cases_active_today(people, orgs, case):
    """At the end of a quarter still under way a consent may have run out: the report, marked
    preliminary, counts what is true on the day it is built."""
    record(people, case, [orgs["school"]], days=5)
    counts = sig_cases_by_area(TODAY - 30 * DAY, TODAY + 30 * DAY, municipalities=[umea().pk])
    assert counts.get(("active", case.person.area.name)) == 1
