"""Writes of indicators and their values, by hand or from a CSV file."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from collaboration.indicator_csv import ImportResult, ValueRow, values_check, values_parse
from collaboration.models import Area, Indicator, IndicatorValue, ValueStatus
from umebra.access import Actor
from umebra.models import Municipality
from umebra.saving import history_user_set, save_validated
from umebra.tenancy import municipality_for, require_same_municipality


@transaction.atomic
def indicator_create(
    *,
    actor: Actor,
    name: str,
    unit: str,
    source: str,
    frequency: str,
    description: str = "",
    uncertain: bool = False,
    higher_is_better: bool = False,
    municipality: Municipality | None = None,
) -> Indicator:
    indicator = Indicator(municipality=municipality_for(actor, municipality))
    return indicator_update(
        actor=actor, indicator=indicator, name=name, unit=unit, source=source,
        frequency=frequency, description=description, uncertain=uncertain,
        higher_is_better=higher_is_better,
    )  # fmt: skip


@transaction.atomic
def indicator_update(
    *,
    actor: Actor,
    indicator: Indicator,
    name: str,
    unit: str,
    source: str,
    frequency: str,
    description: str,
    uncertain: bool,
    higher_is_better: bool,
) -> Indicator:
    return save_validated(
        indicator,
        {
            "name": name, "unit": unit, "source": source, "frequency": frequency,
            "description": description, "uncertain": uncertain,
            "higher_is_better": higher_is_better,
        },
    )  # fmt: skip


@transaction.atomic
def indicator_value_record(
    *,
    actor: Actor,
    indicator: Indicator,
    area: Area | None,
    period: datetime.date,
    value: Decimal,
    status: str = ValueStatus.FINAL,
    note: str = "",
) -> IndicatorValue:
    """Record a value, replacing the one for the same area and period if there is one."""
    require_same_municipality(indicator.municipality, [area])
    existing = IndicatorValue.objects.filter(indicator=indicator, area=area, period=period).first()
    return indicator_value_update(
        actor=actor, indicator_value=existing or IndicatorValue(indicator=indicator), area=area,
        period=period, value=value, status=status, note=note,
    )  # fmt: skip


@transaction.atomic
def indicator_value_update(
    *,
    actor: Actor,
    indicator_value: IndicatorValue,
    area: Area | None,
    period: datetime.date,
    value: Decimal,
    status: str,
    note: str,
) -> IndicatorValue:
    """Correct a value; the change is kept with who made it. Its area and period must stay
    free of another value (the model's constraints say so)."""
    require_same_municipality(indicator_value.indicator.municipality, [area])
    return save_validated(
        indicator_value,
        {"area": area, "period": period, "value": value, "status": status, "note": note},
        actor=actor,
    )


@transaction.atomic
def indicator_values_import(*, actor: Actor, data: bytes) -> ImportResult:
    """Import a CSV of values: every row is parsed and checked first, and only a file without
    errors is stored, in one transaction, so nothing is ever half imported. The names are
    those of the importer's municipality: another's "Centrum" is no area of theirs."""
    municipality = municipality_for(actor)
    rows, unreadable = values_parse(data)
    checked, wrong = values_check(
        rows,
        indicators={i.name.lower(): i for i in Indicator.objects.filter(municipality=municipality)},
        areas={a.name.lower(): a for a in Area.objects.filter(municipality=municipality)},
    )
    result = ImportResult(rows=len(rows), errors=sorted([*wrong, *unreadable]))
    if not rows and not result.errors:
        result.errors.append((2, _("The file has no rows of values.")))
    if result.ok:
        _values_write(actor, checked, result)
    return result


def _values_write(actor: Actor, rows: list[ValueRow], result: ImportResult) -> None:
    """The write step: store each checked row, counting new values and replaced ones, each
    kept in the values' history as the importer's."""
    for row in rows:
        value = IndicatorValue.objects.filter(
            indicator=row.indicator, area=row.area, period=row.period
        ).first()
        created = value is None
        if value is None:
            value = IndicatorValue(indicator=row.indicator, area=row.area, period=row.period)
        value.value, value.status, value.note = row.value, row.status, row.note
        history_user_set(value, actor)
        value.save()
        result.created += created
        result.updated += not created
