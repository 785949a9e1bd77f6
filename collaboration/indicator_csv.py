"""Reading a CSV file of indicator values: the parse and check steps of the import.

Nothing here writes; ``collaboration.services.indicators.indicator_values_import`` runs both
steps and stores the values only when neither found an error.
"""

import csv
import datetime
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from collaboration.models import Area, Indicator, ValueStatus
from umebra.numbers import parse_number

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

#: An error: the line of the file it is on (0: the file as a whole), and what is wrong.
Problem = tuple[int, str]
#: A row as read: its line and its cells by column (a column the file lacks reads "").
Cells = tuple[int, dict[str, str]]


def parse_period(text: str) -> datetime.date:
    """2026, 2026-03, 2026-03-01, 2026-Q2 or 2026 K2: the first day of the period."""
    text = text.strip()
    if match := re.fullmatch(r"(\d{4})\s*[-\s]?\s*[QqKk]([1-4])", text):
        return datetime.date(int(match[1]), 3 * int(match[2]) - 2, 1)
    if match := re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text):
        return datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    raise ValueError(text)


class _Semicolons(csv.excel):
    """What Swedish spreadsheets write when the sniffer cannot tell."""

    delimiter = ";"


@dataclass(frozen=True)
class ValueRow:
    """One checked row, ready to store."""

    indicator: Indicator
    area: Area | None
    period: datetime.date
    value: Decimal
    status: str
    note: str


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def values_parse(data: bytes) -> tuple[list[Cells], list[Problem]]:
    """The parse step: the file's non-empty rows by column, and what keeps it from being
    read (not UTF-8, a column missing from the header, too many rows)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(0, _("The file is not UTF-8 text. Save it as CSV (UTF-8)."))]
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
        return [], [(1, _("The first row must name the columns; missing: %s.") % wanted)]
    rows: list[Cells] = []
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(rows) == MAX_ROWS:
            return rows, [(line, _("At most %d rows per file.") % MAX_ROWS)]
        cells = {column: row[i].strip() if i < len(row) else "" for column, i in positions.items()}
        rows.append((line, cells))
    return rows, []


def values_check(
    rows: list[Cells], *, indicators: Mapping[str, Indicator], areas: Mapping[str, Area]
) -> tuple[list[ValueRow], list[Problem]]:
    """The check step: each row's indicator and area (by lower-case name), period, value
    and status, and no two rows for the same value. Returns the good rows and, for each bad
    one, everything wrong with it."""
    checked, problems_found, seen = [], [], {}
    for line, cells in rows:

        def cell(column: str, cells: dict[str, str] = cells) -> str:
            return cells.get(column, "")

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
            value = parse_number(cell("value"), "sv")  # the file is read alike whoever imports it
        except ValueError:
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
            problems_found.append((line, "; ".join(problems).capitalize() + "."))
        else:
            checked.append(ValueRow(indicator, area, period, value, status, cell("note")))
    return checked, problems_found
