"""Writes of indicators and their values, by hand or from a CSV file."""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from collaboration.models import Area, Indicator, IndicatorValue, ValueStatus
from umebra.saving import save_validated

# Column names accepted in the file's first row, Swedish or English.
COLUMNS = {
    "indicator": ("indikator", "indicator"),
    "area": ("område", "omrade", "area"),
    "period": ("period",),
    "value": ("värde", "varde", "value"),
    "status": ("status",),
    "note": ("anteckning", "note"),
}
REQUIRED = ("indicator", "period", "value")
STATUS_WORDS = {
    "": ValueStatus.FINAL,
    "final": ValueStatus.FINAL,
    "slutlig": ValueStatus.FINAL,
    "preliminary": ValueStatus.PRELIMINARY,
    "preliminär": ValueStatus.PRELIMINARY,
    "prel": ValueStatus.PRELIMINARY,
}
WHOLE_MUNICIPALITY = ("", "hela kommunen", "kommunen", "all")
MAX_ROWS = 50_000


@transaction.atomic
def indicator_save(*, instance: Indicator | None = None, **fields) -> Indicator:
    return save_validated(instance or Indicator(), fields)


@transaction.atomic
def indicator_value_save(*, indicator: Indicator, **fields) -> IndicatorValue:
    """Record a value, replacing the one for the same area and period if there is one."""
    existing = IndicatorValue.objects.filter(
        indicator=indicator, area=fields.get("area"), period=fields["period"]
    ).first()
    return save_validated(existing or IndicatorValue(indicator=indicator), fields)


def parse_period(text: str) -> datetime.date:
    """2026, 2026-03, 2026-03-01, 2026-Q2 or 2026 K2: the first day of the period."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})\s*[-\s]?\s*[QqKk]([1-4])", text):
        return datetime.date(int(match[1]), 3 * int(match[2]) - 2, 1)
    if match := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text):
        return datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    raise ValueError(text)


def parse_number(text: str) -> Decimal:
    """Swedish or English decimals: 1 234,5 or 1234.5."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return Decimal(cleaned)


class _Semicolons(csv.excel):
    """What Swedish spreadsheets write when the sniffer cannot tell."""

    delimiter = ";"


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def indicator_values_import(*, data: bytes) -> ImportResult:
    """Import a CSV of values: every row is checked first, and only a file without errors is
    stored, in one transaction, so nothing is ever half imported."""
    result = ImportResult()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.errors.append((0, _("The file is not UTF-8 text. Save it as CSV (UTF-8).")))
        return result
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = _Semicolons
    reader = csv.reader(io.StringIO(text), dialect)
    header = [name.strip().lower() for name in next(reader, [])]
    positions = {}
    for column, names in COLUMNS.items():
        found = [i for i, name in enumerate(header) if name in names]
        if found:
            positions[column] = found[0]
    if missing := [column for column in REQUIRED if column not in positions]:
        wanted = ", ".join(COLUMNS[column][0] for column in missing)
        result.errors.append((1, _("The first row must name the columns; missing: %s.") % wanted))
        return result
    indicators = {i.name.lower(): i for i in Indicator.objects.all()}
    areas = {a.name.lower(): a for a in Area.objects.all()}
    parsed = []
    seen: dict[tuple[Indicator | None, Area | None, datetime.date | None], int] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        result.rows += 1
        if result.rows > MAX_ROWS:
            result.errors.append((line, _("At most %d rows per file.") % MAX_ROWS))
            break

        def cell(column, row=row):
            index = positions.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        problems = []
        indicator = indicators.get(cell("indicator").lower())
        if indicator is None:
            problems.append(_("unknown indicator “%s”") % cell("indicator"))
        area_name = cell("area").lower()
        area = None if area_name in WHOLE_MUNICIPALITY else areas.get(area_name)
        if area_name not in WHOLE_MUNICIPALITY and area is None:
            problems.append(_("unknown area “%s”") % cell("area"))
        try:
            period = parse_period(cell("period"))
        except ValueError:
            problems.append(_("the period “%s” is not a year, month or quarter") % cell("period"))
            period = None
        try:
            value = parse_number(cell("value"))
        except InvalidOperation:
            problems.append(_("the value “%s” is not a number") % cell("value"))
            value = None
        status = STATUS_WORDS.get(cell("status").lower())
        if status is None:
            problems.append(_("the status must be final or preliminary, not “%s”") % cell("status"))
        key = (indicator, area, period)
        if not problems and key in seen:
            problems.append(_("the same indicator, area and period as row %d") % seen[key])
        seen.setdefault(key, line)
        if problems:
            result.errors.append((line, "; ".join(problems).capitalize() + "."))
        else:
            parsed.append((indicator, area, period, value, status, cell("note")))
    if result.rows == 0 and not result.errors:
        result.errors.append((2, _("The file has no rows of values.")))
    if result.errors:
        return result
    with transaction.atomic():
        for indicator, area, period, value, status, note in parsed:
            _value, created = IndicatorValue.objects.update_or_create(
                indicator=indicator,
                area=area,
                period=period,
                defaults={"value": value, "status": status, "note": note},
            )
            result.created += created
            result.updated += not created
    return result
