"""The tables a report prints, with small-count suppression applied to every count."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from reports.suppression import HIDDEN, suppress, suppress_list
from umebra import numbers


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[str]]
    footer: list[str] | None = None
    hidden: int = 0  # figures suppressed, for the note under the table
    number: int = 0  # its number in the report ("Table 3"), set once all are built


def count_table(
    caption: str,
    counts: dict[tuple[str, str], int],
    *,
    corner: str,
    total: str,
    columns: Iterable[str] | None = None,
    protect: bool = True,
    row_totals: bool = True,
) -> tuple[Table, dict[str, str]]:
    """A (row, column) -> count mapping as a table with totals.

    ``protect``: counts of people or businesses, small ones suppressed (the parties' own
    efforts are not). ``row_totals=False`` when the columns are not parts of one whole.
    Returns the table and each row's displayed total, for a chart or map drawn beside it,
    which must not show more than the table does.
    """
    row_names = sorted({row for row, _ in counts})
    column_names = list(columns) if columns is not None else sorted({c for _, c in counts})
    header = [corner, *column_names, *([total] if row_totals else [])]
    if not row_names:
        return Table(caption, header, []), {}
    matrix = [[counts.get((row, column), 0) for column in column_names] for row in row_names]
    shown = suppress(matrix, None if protect else 0, row_totals=row_totals)
    rows = [
        [name, *cells, *([row_total] if row_totals else [])]
        for name, cells, row_total in zip(row_names, shown.cells, shown.row_totals, strict=True)
    ]
    footer = [total, *shown.column_totals, *([shown.total] if row_totals else [])]
    table = Table(caption, header, rows, footer, shown.hidden)
    return table, dict(zip(row_names, shown.row_totals, strict=True)) if row_totals else {}


def counts_with_amounts(
    caption: str,
    counts: dict[str, int],
    amounts: dict[str, object],
    *,
    columns: list[str],
    total: str,
) -> Table:
    """Counts with a sum of money beside each: where the count is hidden, so is its sum,
    which would otherwise tell one business's fine; and then so is the sum of all, which
    less the sums shown would tell the hidden ones together."""
    names = sorted(counts)
    shown, count_total, hidden = suppress_list([counts[name] for name in names])
    rows = [
        [name, count, figure(amounts.get(name, 0) if count.isdigit() else HIDDEN)]
        for name, count in zip(names, shown, strict=True)
    ]
    amount_total = HIDDEN if hidden else sum(amounts.values())
    return Table(caption, columns, rows, [total, count_total, figure(amount_total)], hidden)


def figure(value, places: int = 0) -> str:
    """A figure as the report prints it (12 345, or 5,58 with two ``places``); a hidden one
    stays hidden."""
    return HIDDEN if value == HIDDEN else numbers.figure(value, places)


@dataclass
class Section:
    title: str
    anchor: str
    paragraphs: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # a list of statements after them
    tables: list[Table] = field(default_factory=list)
    charts: list = field(default_factory=list)  # SVG (SafeString)
    key_figures: list[list[str]] = field(default_factory=list)  # [msgid, value], for home
