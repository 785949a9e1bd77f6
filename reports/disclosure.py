"""Disclosure control for reports that leave the circle of people who may see the data.

A count below the threshold could point at a person (or one business), so it is shown as
"<5". That alone is not enough: with a row's total printed, the one hidden cell is the total
minus the others. So every line of a table (each row and each column, with its total) must
hide either nothing or at least two figures: this is secondary suppression.

The second figure hidden in a line is, by preference, a zero (truthfully "<5" as well), then
the line's total, then the smallest other figure. Figures hidden to protect another one are
shown as "×", never as "<5" unless they are below the threshold, so the report never states
something false.
"""

from dataclasses import dataclass

from django.conf import settings

HIDDEN = "×"


@dataclass(frozen=True)
class SuppressedTable:
    """Display strings of a count table with its margins: ``cells[r][c]``, ``row_totals[r]``,
    ``column_totals[c]`` and ``total``."""

    cells: list[list[str]]
    row_totals: list[str]
    column_totals: list[str]
    total: str
    hidden: int  # how many figures were hidden, for the report's note


def threshold() -> int:
    return settings.UMEBRA_REPORT_MIN_COUNT


def suppress(
    counts: list[list[int]], minimum: int | None = None, *, row_totals: bool = True
) -> SuppressedTable:
    """Suppress small counts in the table ``counts`` (rows of equal length) and its margins.

    ``row_totals=False`` for a table whose columns are not parts of one whole: only each
    column's total is printed, so only the columns need protecting.
    """
    minimum = threshold() if minimum is None else minimum
    rows, columns = len(counts), len(counts[0]) if counts else 0
    # The full grid: the table, each row's total on the right, each column's total below,
    # and the grand total in the corner.
    grid = [[*row, sum(row)] for row in counts]
    grid.append([sum(row[c] for row in grid) for c in range(columns + 1)])
    printed = columns + (1 if row_totals else 0)
    hidden = {(r, c) for r in range(rows + 1) for c in range(printed) if 0 < grid[r][c] < minimum}
    # Each line: its entries, the total last.
    lines = [[(r, c) for r in range(rows + 1)] for c in range(printed)]
    if row_totals:
        lines += [[(r, c) for c in range(columns + 1)] for r in range(rows + 1)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(entry in hidden for entry in line) == 1:
                hidden.add(_second(line, hidden, grid))
                changed = True

    def show(r: int, c: int) -> str:
        if (r, c) not in hidden:
            return str(grid[r][c])
        return f"<{minimum}" if grid[r][c] < minimum else HIDDEN

    return SuppressedTable(
        cells=[[show(r, c) for c in range(columns)] for r in range(rows)],
        row_totals=[show(r, columns) for r in range(rows)],
        column_totals=[show(rows, c) for c in range(columns)],
        total=show(rows, columns),
        hidden=len(hidden),
    )


def _second(line: list[tuple[int, int]], hidden: set, grid: list[list[int]]) -> tuple[int, int]:
    """The entry of ``line`` to hide beside the one already hidden."""
    *cells, total = line
    open_cells = [entry for entry in cells if entry not in hidden]
    zeros = [entry for entry in open_cells if grid[entry[0]][entry[1]] == 0]
    if zeros:
        return zeros[0]
    if total not in hidden:
        return total
    return min(open_cells, key=lambda entry: grid[entry[0]][entry[1]])


def suppress_list(counts: list[int], minimum: int | None = None) -> tuple[list[str], str, int]:
    """A single column of counts and its total."""
    table = suppress([[n] for n in counts], minimum)
    return [row[0] for row in table.cells], table.total, table.hidden
