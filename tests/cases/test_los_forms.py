"""What the LOS forms refuse, through the pages a police officer and an agency fill in."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.models import (
    Inspection,
    InspectionKind,
    Measure,
    MeasureKind,
    Operation,
    TargetKind,
)
from cases.services import los
from tests.factories import OrganisationFactory, log_in, member
from umebra import access
from umebra.models import OrganisationKind
from umebra.roles import Role

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def police(client):
    officer = member(Role.POLICE, OrganisationFactory(name="Polisen", kind=OrganisationKind.POLICE))
    log_in(client, officer)
    return officer


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
def target(police):
    """A target of an operation Skatteverket takes part in."""
    tax = OrganisationFactory(name="Skatteverket", kind=OrganisationKind.STATE_AGENCY)
    actor = access.actor_for(police)
    operation = los.operation_create(
        actor=actor,
        name="Operation Norrsken",
        lead=police.memberships.get().organisation,
        parties=[tax],
        objective="Motverka etablering",
    )
    return los.target_create(
        actor=actor, operation=operation, kind=TargetKind.BUSINESS, name="Kvarterskrogen AB"
    )


@pytest.fixture
def inspector(client, target):
    tax = target.operation.parties.get(name="Skatteverket")
    user = member(Role.AGENCY_INSPECTOR, tax, username="skatteverket")
    log_in(client, user)
    return user


def inspect(client, target, **change):
    data = {
        "date": TODAY.isoformat(),
        "kind": InspectionKind.CASH_REGISTERS,
        "findings": "Personalliggare ej förd",
    } | change
    return client.post(reverse("cases:inspection-create", args=[target.pk]), data)


def test_an_inspection_is_recorded_for_today_or_earlier(client, target, inspector):
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
