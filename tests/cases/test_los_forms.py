"""What the LOS forms refuse, through the pages a police officer and an agency fill in."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone

from cases.models import (
    Inspection,
    InspectionKind,
    Measure,
    MeasureKind,
    Operation,
)
from cases.services import los
from tests.factories import TargetFactory, log_in
from umebra import access

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def police(client, police):
    """The police persona, logged in on ``client``."""
    log_in(client, police)
    return police


def plan(client, police, **change):
    lead = police.memberships.get().organisation
    data = {
        "name": "Operation Norrsken",
        "lead": lead.pk,
        "parties": [lead.pk],
        "starts_on": TODAY.isoformat(),
        "ends_on": (TODAY + datetime.timedelta(days=30)).isoformat(),
        "objective": "Motverka etablering",
    } | change
    return client.post(reverse("cases:operation-create"), data)


def test_an_operation_is_planned_for_a_period(client, police):
    response = plan(client, police)
    assert response.status_code == 302
    assert Operation.objects.get().ends_on == TODAY + datetime.timedelta(days=30)


def test_an_operation_that_ends_before_it_starts_is_refused_on_its_end(client, police):
    response = plan(client, police, ends_on=(TODAY - datetime.timedelta(days=1)).isoformat())
    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["Perioden slutar innan den börjar."]
    assert not Operation.objects.exists()


def test_an_operation_may_end_the_day_it_starts_or_stay_open(client, police):
    assert plan(client, police, ends_on=TODAY.isoformat()).status_code == 302
    assert plan(client, police, ends_on="").status_code == 302


@pytest.fixture
def target(police, orgs):
    """A target of an operation the police lead and Skatteverket takes part in."""
    return TargetFactory(operation__lead=orgs["police"], operation__parties=[orgs["tax"]])


@pytest.fixture
def inspector(client, target, agency_inspector):
    """Skatteverket's inspector, logged in on ``client`` (after the police made the target)."""
    log_in(client, agency_inspector)
    return agency_inspector


def inspect(client, target, **change):
    data = {
        "date": TODAY.isoformat(),
        "kind": InspectionKind.CASH_REGISTERS,
        "findings": "Personalliggare ej förd",
    } | change
    return client.post(reverse("cases:inspection-create", args=[target.pk]), data)


def test_an_inspection_is_recorded_for_today_or_earlier(client, target, inspector, running):
    assert inspect(client, target).status_code == 302
    yesterday = TODAY - datetime.timedelta(days=1)
    assert inspect(client, target, date=yesterday.isoformat()).status_code == 302
    assert Inspection.objects.filter(agency__name="Skatteverket").count() == 2


def test_an_inspection_dated_in_the_future_is_refused_on_its_date(client, target, inspector):
    response = inspect(client, target, date=(TODAY + datetime.timedelta(days=1)).isoformat())
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == [
        "Det här har inte hänt än: ange när det hände."
    ]
    assert not Inspection.objects.exists()


@pytest.fixture
def inspection(target, inspector):
    return los.inspection_create(
        actor=access.actor_for(inspector),
        target=target,
        kind=InspectionKind.CASH_REGISTERS,
        findings="Kassaregistret saknade kontrollenhet",
    )


def take_measure(client, inspection, **data):
    return client.post(reverse("cases:measure-create", args=[inspection.pk]), data)


def test_a_fee_is_recorded_with_its_amount(client, inspection):
    response = take_measure(client, inspection, kind=MeasureKind.FEE, amount="12500")
    assert response.status_code == 302
    assert inspection.measures.get().amount == Decimal(12500)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "En avgift behöver ett belopp över 0 kr."),
        ("0", "En avgift behöver ett belopp över 0 kr."),
        ("-500", "Ange ett värde mellan 0 och 100\u00a0000\u00a0000 kr."),
    ],
)
def test_a_fee_without_an_amount_is_refused_on_the_amount(client, inspection, amount, message):
    response = take_measure(client, inspection, kind=MeasureKind.FEE, amount=amount)
    assert response.status_code == 400
    assert response.context["form"].errors["amount"] == [message]
    assert not Measure.objects.exists()


def test_a_fee_without_an_amount_is_refused_by_the_service_too(inspection, inspector):
    with pytest.raises(ValidationError) as refused:
        los.measure_create(
            actor=access.actor_for(inspector), inspection=inspection, kind=MeasureKind.FEE
        )
    assert refused.value.message_dict == {"amount": ["En avgift behöver ett belopp över 0 kr."]}


@pytest.mark.parametrize(
    "kind", [MeasureKind.INJUNCTION, MeasureKind.SEIZURE, MeasureKind.REVOKED_LICENCE]
)
def test_other_measures_may_be_recorded_without_an_amount(client, inspection, kind):
    assert take_measure(client, inspection, kind=kind, amount="").status_code == 302
    assert inspection.measures.get().amount is None


@pytest.fixture
def running(target):
    """The target's operation runs from ten days ago to ten days ahead."""
    Operation.objects.filter(pk=target.operation_id).update(
        starts_on=TODAY - datetime.timedelta(days=10), ends_on=TODAY + datetime.timedelta(days=10)
    )
    target.operation.refresh_from_db()
    return target.operation


def swedish(day):
    return formats.date_format(day, "j F Y")


# An inspection's date against its operation's period (ten days ago to ``ends_on``):
# refused on the page and by the service alike, and the period's first day accepted.
@pytest.mark.parametrize(
    ("ends_on", "date", "period"),
    [
        (10, -11, "{start} – {end}"),  # before it began
        (-2, -1, "{start} – {end}"),  # after it ended
        (None, -11, "från {start}"),  # open-ended: only before its start
    ],
    ids=["before-start", "after-end", "open-ended"],
)
@pytest.mark.parametrize("route", ["page", "service"])
def test_an_inspection_outside_its_operations_period_is_refused_on_its_date(
    client, target, inspector, running, ends_on, date, period, route
):
    end = None if ends_on is None else TODAY + datetime.timedelta(days=ends_on)
    Operation.objects.filter(pk=running.pk).update(ends_on=end)
    target.operation.refresh_from_db()
    day = TODAY + datetime.timedelta(days=date)
    message = "Datumet ligger utanför insatsens period, " + period.format(
        start=swedish(running.starts_on), end=swedish(end) if end else ""
    )
    if route == "page":
        response = inspect(client, target, date=day.isoformat())
        assert response.status_code == 400
        assert response.context["form"].errors["date"] == [f"{message}."]
    else:
        with pytest.raises(ValidationError) as refused:
            los.inspection_create(
                actor=access.actor_for(inspector), target=target,
                kind=InspectionKind.CASH_REGISTERS, findings="Stängt", date=day,
            )  # fmt: skip
        assert refused.value.message_dict == {"date": [f"{message}."]}
    assert not Inspection.objects.exists()
    assert inspect(client, target, date=running.starts_on.isoformat()).status_code == 302


def days(n):
    return TODAY + datetime.timedelta(days=n)


# The operation ran from ten days ago to ten days ahead, with inspections eight, six and three
# days ago. A new period × what is refused, on which day, naming which inspections' dates.
BEFORE = "Insatsen har {} före det här datumet ({}): välj ett startdatum som täcker {}."
AFTER = "Insatsen har {} efter det här datumet ({}): välj ett slutdatum som täcker {}."
PERIOD_CHANGES = [
    ((-8, -3), {}),
    ((-8, None), {}),
    ((-7, 10), {"starts_on": [BEFORE.format("en tillsyn", swedish(days(-8)), "den")]}),
    (
        (-5, -4),
        {
            "starts_on": [
                BEFORE.format("tillsyner", f"{swedish(days(-8))}, {swedish(days(-6))}", "dem")
            ],
            "ends_on": [AFTER.format("en tillsyn", swedish(days(-3)), "den")],
        },
    ),
]


@pytest.fixture
def inspected(target, running, orgs):
    for n in (-3, -8, -6, -3):
        Inspection.objects.create(
            target=target, agency=orgs["tax"], date=days(n), kind=InspectionKind.FOOD, findings="-"
        )
    return running


@pytest.mark.parametrize(("period", "errors"), PERIOD_CHANGES)
def test_a_period_that_would_leave_inspections_outside_is_refused_on_the_page(
    client, police, inspected, period, errors
):
    starts_on, ends_on = (None if n is None else days(n).isoformat() for n in period)
    lead = inspected.lead
    response = client.post(
        reverse("cases:operation-update", args=[inspected.pk]),
        {"name": inspected.name, "lead": lead.pk, "parties": [lead.pk],
         "starts_on": starts_on, "ends_on": ends_on or "", "objective": "Motverka etablering"},
    )  # fmt: skip
    inspected.refresh_from_db()
    if errors:
        assert response.status_code == 400
        assert response.context["form"].errors == errors
        assert (inspected.starts_on, inspected.ends_on) == (days(-10), days(10))
    else:
        assert response.status_code == 302
        assert inspected.starts_on.isoformat() == starts_on


@pytest.mark.parametrize(("period", "errors"), PERIOD_CHANGES)
def test_a_period_that_would_leave_inspections_outside_is_refused_by_the_service_too(
    police, inspected, period, errors
):
    starts_on, ends_on = (None if n is None else days(n) for n in period)

    def update():
        return los.operation_update(
            actor=access.actor_for(police),
            operation=Operation.objects.get(pk=inspected.pk),
            name=inspected.name,
            lead=inspected.lead,
            parties=[inspected.lead],
            objective="-",
            summary="",
            starts_on=starts_on,
            ends_on=ends_on,
        )

    if errors:
        with pytest.raises(ValidationError) as refused:
            update()
        assert refused.value.message_dict == errors
    else:
        assert update().ends_on == ends_on
