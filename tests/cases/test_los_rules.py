"""Rule 3 of docs/rules.md against the demo's Operation Norrsken: parties see the operation and its
targets, each agency its own inspections, and only the police the intelligence."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from cases.models import Inspection, IntelligenceNote, Operation, Target
from cases.services import los
from umebra import access
from umebra.models import Organisation, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=None)
    return {user.username: user for user in User.objects.all()}


def visible(user, model) -> int:
    return access.restrict(user, model.objects.all()).count()


# demo user × (operations, targets, inspections, intelligence notes) they see: the police,
# who work in Umeå and Vännäs, lead Norrsken (two targets) and Polstjärna (one); Skatteverket
# works in both too, but is no party to Polstjärna; Vännäs' coordinator sees Polstjärna alone.
TABLE = [
    ("polis", (2, 3, 1, 1)),
    ("samordnare", (1, 2, 1, 0)),
    ("skatteverket", (1, 2, 1, 0)),
    ("vannas-samordnare", (1, 1, 0, 0)),
    ("vannas-socialsekreterare", (0, 0, 0, 0)),
    ("politiker", (0, 0, 0, 0)),
    ("fastighet", (0, 0, 0, 0)),
    ("socialsekreterare", (0, 0, 0, 0)),
    ("skolkurator", (0, 0, 0, 0)),
    ("dataskydd", (0, 0, 0, 0)),
    ("admin", (0, 0, 0, 0)),
]


@pytest.mark.parametrize(("username", "expected"), TABLE)
def test_who_sees_what_of_the_operation(demo, username, expected):
    user = demo[username]
    counts = tuple(visible(user, m) for m in (Operation, Target, Inspection, IntelligenceNote))
    assert counts == expected


def test_an_agency_sees_only_its_own_inspections(demo):
    work_environment = Organisation.objects.get(name="Arbetsmiljöverket")
    inspector = User.objects.create(username="arbetsmiljo")
    from umebra.access import SYSTEM
    from umebra.services import membership_create

    membership_create(
        actor=SYSTEM, user=inspector, organisation=work_environment, role="agency_inspector",
        municipalities=work_environment.municipalities.filter(code="2480"),
    )  # fmt: skip
    assert visible(inspector, Operation) == 1
    assert visible(inspector, Target) == 2
    assert visible(inspector, Inspection) == 0
    target = Target.objects.get(name="Biltvätt Teg HB")
    los.inspection_create(
        actor=access.actor_for(inspector), target=target, kind="work_environment",
        findings="Svart arbetskraft",
    )  # fmt: skip
    assert visible(inspector, Inspection) == 1
    assert visible(demo["skatteverket"], Inspection) == 1  # still only its own


def test_an_agency_that_is_not_a_party_cannot_inspect(demo):
    target = Target.objects.first()
    with pytest.raises(PermissionDenied):
        los.inspection_create(
            actor=access.actor_for(demo["fastighet"]), target=target, kind="food", findings="x"
        )


def test_nobody_but_the_police_writes_intelligence(demo):
    operation = Operation.objects.get(name="Operation Norrsken")
    for username in ("samordnare", "skatteverket"):
        with pytest.raises(PermissionDenied):
            los.intelligence_create(
                actor=access.actor_for(demo[username]), operation=operation, text="x"
            )


def test_an_operation_is_concluded_only_with_a_summary(demo):
    police = access.actor_for(demo["polis"])
    operation = Operation.objects.get(name="Operation Norrsken")
    assert operation.status == "active"  # the demo's operation is under way
    with pytest.raises(ValidationError, match="sammanfattningen"):
        los.operation_transition(actor=police, operation=operation, status="concluded")


def test_the_operation_list_takes_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    from django.urls import reverse

    from tests.factories import log_in

    police = access.actor_for(demo["polis"])
    lead = Organisation.objects.get(name="Polisen LPO Umeå")
    log_in(client, demo["polis"])
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("cases:operation-list"))
    for n in range(10):
        operation = los.operation_create(
            actor=police, name=f"Operation {n}", lead=lead, parties=[], objective="o",
            municipality=lead.municipalities.get(code="2480"),
        )  # fmt: skip
        los.target_create(actor=police, operation=operation, kind="business", name=f"Mål {n}")
    with django_assert_max_num_queries(40) as many:
        client.get(reverse("cases:operation-list"))
    assert len(many.captured_queries) == len(few.captured_queries)


# demo user × may change Operation Norrsken (led by Polisen LPO Umeå): its plan, its status,
# its targets. Only the lead organisation's people do, so nobody can hand the operation to
# another lead or drop a party and shut the police out of it.
CHANGES = [
    ("polis", True),
    ("ba.polis", True),
    ("samordnare", False),
    ("skatteverket", False),
    ("politiker", False),
    ("admin", False),
]


@pytest.mark.parametrize(("username", "allowed"), CHANGES)
def test_only_the_lead_changes_the_operation(client, demo, username, allowed):
    from django.urls import reverse

    from tests.factories import log_in

    operation = Operation.objects.get(name="Operation Norrsken")
    assert access.allows(demo[username], operation, access.Action.CHANGE) is allowed
    log_in(client, demo[username])
    response = client.post(
        reverse("cases:operation-update", args=[operation.pk]),
        {"name": "Övertagen", "lead": Organisation.objects.get(name="Umebrå").pk,
         "parties": list(operation.parties.values_list("pk", flat=True)), "objective": "o",
         "starts_on": "2026-01-01"},
    )  # fmt: skip
    operation.refresh_from_db()
    assert (operation.name == "Övertagen") is allowed
    if not allowed:
        assert response.status_code in (403, 404)


def test_an_operation_is_led_by_the_police_or_a_municipal_unit(demo):
    """Handed by its lead to Skatteverket, nobody could have changed it any more."""
    operation = Operation.objects.get(name="Operation Norrsken")
    with pytest.raises(ValidationError, match="leder en insats"):
        los.operation_update(
            actor=access.actor_for(demo["polis"]), operation=operation,
            lead=Organisation.objects.get(name="Skatteverket"), parties=[], name=operation.name,
            objective="o", starts_on=operation.starts_on, ends_on=operation.ends_on,
            summary=operation.summary,
        )  # fmt: skip


def test_an_operation_whose_maker_is_gone_can_still_be_changed(demo):
    """The maker's account deleted (``SET_NULL``), the operation's next change failed
    validation on the missing maker, and its edit page answered 500."""
    operation = Operation.objects.get(name="Operation Norrsken")
    Operation.objects.filter(pk=operation.pk).update(created_by=None)
    operation.refresh_from_db()
    changed = los.operation_update(
        actor=access.actor_for(demo["polis"]), operation=operation, name="Norrsken II",
        lead=operation.lead, parties=list(operation.parties.all()), objective="o",
        starts_on=operation.starts_on, ends_on=operation.ends_on, summary="",
    )  # fmt: skip
    assert (changed.name, changed.created_by) == ("Norrsken II", None)
