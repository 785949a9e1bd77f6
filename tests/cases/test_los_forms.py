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
        ("-500", "Kontrollera att detta värde är större än eller lika med 0."),
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


def test_an_inspection_dated_before_its_operation_began_is_refused_on_its_date(
    client, target, inspector, running
):
    before = running.starts_on - datetime.timedelta(days=1)
    response = inspect(client, target, date=before.isoformat())
    assert response.status_code == 400
    assert response.context["form"].errors["date"] == [
        f"Datumet ligger utanför insatsens period, "
        f"{swedish(running.starts_on)} – {swedish(running.ends_on)}."
    ]
    assert not Inspection.objects.exists()
    assert inspect(client, target, date=running.starts_on.isoformat()).status_code == 302


def test_an_inspection_after_its_operation_ended_is_refused_by_the_service_too(
    target, inspector, running
):
    Operation.objects.filter(pk=running.pk).update(ends_on=TODAY - datetime.timedelta(days=2))
    target.operation.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        los.inspection_create(
            actor=access.actor_for(inspector),
            target=target,
            kind=InspectionKind.CASH_REGISTERS,
            findings="Stängt",
            date=TODAY - datetime.timedelta(days=1),
        )
    period = f"{swedish(running.starts_on)} – {swedish(TODAY - datetime.timedelta(days=2))}"
    assert refused.value.message_dict == {
        "date": [f"Datumet ligger utanför insatsens period, {period}."]
    }


def test_an_open_ended_operation_refuses_only_dates_before_its_start(target, inspector, running):
    Operation.objects.filter(pk=running.pk).update(ends_on=None)
    target.operation.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        los.inspection_create(
            actor=access.actor_for(inspector),
            target=target,
            kind=InspectionKind.CASH_REGISTERS,
            findings="Före start",
            date=running.starts_on - datetime.timedelta(days=1),
        )
    assert refused.value.message_dict == {
        "date": [f"Datumet ligger utanför insatsens period, från {swedish(running.starts_on)}."]
    }
    assert los.inspection_create(
        actor=access.actor_for(inspector),
        target=target,
        kind=InspectionKind.CASH_REGISTERS,
        findings="Dagen den började",
        date=running.starts_on,
    )
