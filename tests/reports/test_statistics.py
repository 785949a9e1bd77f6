"""What reports count of LOS operations: businesses, not visits; operations under way."""

import datetime

from cases.models import Inspection, MeasureKind, Target, TargetKind
from cases.selectors.statistics import los_outcomes
from cases.services import los
from reports.periods import quarter
from tests.factories import member, umea
from umebra import access
from umebra.models import Organisation
from umebra.roles import Role

Q2 = quarter(2025, 2)


def test_a_business_inspected_twice_and_fined_twice_counts_once(quarter_data):
    target = Target.objects.get(name="Kvarterskrogen Ålidhem AB")
    tax = Organisation.objects.get(name="Skatteverket")
    inspector = access.actor_for(member(Role.AGENCY_INSPECTOR, tax))
    again = los.inspection_create(
        actor=inspector, target=target, kind="cash_registers", findings="Fortfarande inget",
        date=datetime.date(2025, 6, 2),
    )  # fmt: skip
    los.measure_create(actor=inspector, inspection=again, kind="fee", amount=20000)
    assert Inspection.objects.filter(target=target).count() == 2

    outcomes = los_outcomes(Q2.start, Q2.end, municipalities=[umea().pk])

    assert outcomes.targets_inspected_by_agency == {"Skatteverket": 1}
    fee = str(MeasureKind.FEE.label)
    assert outcomes.targets_with_measures_by_kind == {fee: 1}
    assert outcomes.amounts_by_kind == {fee: 32345}


def test_an_operation_still_being_planned_and_its_targets_are_not_counted(quarter_data):
    police = Organisation.objects.get(name="Polisen")
    officer = access.actor_for(member(Role.POLICE, police))
    planned = los.operation_create(
        actor=officer, name="Operation Gryning", lead=police, parties=[police],
        objective="Kartlägga", starts_on=datetime.date(2025, 5, 1),
    )  # fmt: skip
    assert planned.status == "planning"
    for name in ("Pizzeria Teg", "Frisör Ersboda", "Kiosk Holmsund"):
        los.target_create(actor=officer, operation=planned, kind="business", name=name)

    outcomes = los_outcomes(Q2.start, Q2.end, municipalities=[umea().pk])

    assert outcomes.operations_active == 1
    assert outcomes.targets_by_kind == {str(TargetKind.BUSINESS.label): 1}


def test_grants_print_their_figures_the_swedish_way(db):
    """2 400 visits for 430 000 SEK: 5,58 per 1,000 SEK, as the fund's page shows them."""
    from decimal import Decimal

    from django.utils import translation

    from collaboration.models import Fund, GrantApplication, Spending
    from reports.content import grants
    from tests.factories import OrganisationFactory

    fund = Fund.objects.create(
        municipality=umea(), name="Brottsförebyggande medel", year=2025, amount=1_000_000
    )
    application = GrantApplication.objects.create(
        fund=fund, applicant=OrganisationFactory(name="Fritid"), title="Öppen hall",
        problem="p", measure="m", goals="g", evaluation="e", amount_requested=430_000,
        amount_granted=430_000, outcome=Decimal("2400.0"), outcome_unit="besök",
    )  # fmt: skip
    Spending.objects.create(
        application=application, date=datetime.date(2025, 5, 1), amount=430_000, description="d"
    )
    with translation.override("sv"):
        row = grants(Q2, frozenset({umea().pk})).tables[0].rows[0]
    assert row[2:] == ["430\xa0000", "430\xa0000", "430\xa0000", "2\xa0400 besök", "5,58"]
