"""Statistical suppression of small counts (disclosure control) for reports that leave the
circle of people who may see the data. Not to be confused with ``cases.services.disclosure``,
which records information handed to another authority.

A count below the threshold could point at a person (or one business), so it is shown as
"<5": this is primary suppression. That alone is not enough, because a reader can do
arithmetic. With a row's total printed, a lone hidden cell is the total minus the others;
and across rows, columns and the grand total, several hidden figures can still pin one
another down (a reader with a linear-programming solver finds every such chain).

So the table is protected in two steps:

1. every line (each row and each column, with its total) hides either nothing or at least
   two figures. The second one is the line's smallest figure, never a zero, so that a
   hidden figure is always either "<5" (one to four) or "×" (five or more) and the labels
   state nothing false; the line's total only when no other figure is left. A reader loses
   least that way: the totals are what a council compares from quarter to quarter;
2. an audit then works out, for each small count, the lowest and highest value it could
   have given everything printed and what the labels say, as an attacker would, with
   linear programming. While a small count can be narrowed to fewer than three values
   (``protection()``) more figures beside it are hidden, down, at worst, to every non-zero
   figure: then the table tells no more than its labels, which is as far as truthful
   labels allow (a total of "<5" over four non-zero cells still says each is one).

The tables are small (areas by kinds), so the few dozen linear programs this takes cost
milliseconds; scipy's HiGHS solver does them.
"""

from dataclasses import dataclass

from django.conf import settings

HIDDEN = "×"

Entry = tuple[int, int]


def protection(minimum: int) -> int:
    """How far apart the lowest and highest value a reader can work out for a small count
    must stay: two, i.e. three possible values, under the usual threshold of five."""
    return max(1, (minimum - 1) // 2)


@dataclass(frozen=True)
class SuppressedTable:
    """Display strings of a count table with its margins: ``cells[r][c]``, ``row_totals[r]``
    (blank where the table prints none), ``column_totals[c]`` and ``total``."""

    cells: list[list[str]]
    row_totals: list[str]
    column_totals: list[str]
    total: str
    hidden: int  # how many printed figures were hidden, for the report's note


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
    # Each line: its entries, the total last.
    lines = [[(r, c) for r in range(rows + 1)] for c in range(printed)]
    if row_totals:
        lines += [[(r, c) for c in range(columns + 1)] for r in range(rows + 1)]
    hidden = _protect(_Table(grid, lines, minimum), printed)

    def show(r: int, c: int) -> str:
        if c >= printed:
            return ""
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


def suppress_list(counts: list[int], minimum: int | None = None) -> tuple[list[str], str, int]:
    """A single column of counts and its total (each row's total would be the cell)."""
    if not counts:
        return [], "0", 0
    table = suppress([[n] for n in counts], minimum, row_totals=False)
    return [row[0] for row in table.cells], table.column_totals[0], table.hidden


@dataclass(frozen=True)
class _Table:
    grid: list[list[int]]
    lines: list[list[Entry]]
    minimum: int

    def value(self, entry: Entry) -> int:
        return self.grid[entry[0]][entry[1]]

    def is_small(self, entry: Entry) -> bool:
        return 0 < self.value(entry) < self.minimum

    def is_total(self, entry: Entry) -> bool:
        """A row's or column's total, or the grand total: the grid's last row or column."""
        return entry[0] == len(self.grid) - 1 or entry[1] == len(self.grid[0]) - 1


def _protect(table: _Table, printed: int) -> set[Entry]:
    """The printed entries to hide: the small ones and as many more as their safety takes."""
    entries = [(r, c) for r in range(len(table.grid)) for c in range(printed)]
    small = [entry for entry in entries if table.is_small(entry)]
    if not small:
        return set()
    hidden = set(small)
    nonzero = {entry for entry in entries if table.value(entry)}
    # The best a table can do: every non-zero figure hidden, only the labels left.
    best = _Ranges(table, frozenset(nonzero))
    needed = {entry: min(protection(table.minimum), best.width(entry)) for entry in small}
    exposed = list(small)
    while True:
        _complete_lines(table, hidden)
        ranges = _Ranges(table, frozenset(hidden))
        # A small count once safe stays safe: hiding more only loosens the constraints.
        exposed = [entry for entry in exposed if ranges.width(entry) < needed[entry]]
        if not exposed:
            return hidden
        hidden.add(_next_to_hide(table, exposed[0], hidden, nonzero))


def _complete_lines(table: _Table, hidden: set[Entry]) -> None:
    """Hide a second figure in every line that hides exactly one."""
    changed = True
    while changed:
        changed = False
        for line in table.lines:
            if sum(entry in hidden for entry in line) == 1:
                hidden.add(_second(table, line, hidden))
                changed = True


def _second(table: _Table, line: list[Entry], hidden: set[Entry]) -> Entry:
    """The entry of ``line`` to hide beside the one already hidden: its smallest non-zero
    figure, or else its total. One of them is always left: the line hides only one entry,
    so were no other figure non-zero, its total would still be printed."""
    *cells, total = line
    left = [entry for entry in cells if entry not in hidden and table.value(entry)]
    return min(left, key=lambda entry: (table.value(entry), entry)) if left else total


def _next_to_hide(table: _Table, exposed: Entry, hidden: set[Entry], nonzero: set[Entry]) -> Entry:
    """One more figure to hide for a small count that can still be narrowed down: the
    smallest non-zero figure printed in its row or column, or else anywhere; a cell before
    a total, which the reader needs most."""
    near = {entry for line in table.lines if exposed in line for entry in line}
    for candidates in (near & nonzero - hidden, nonzero - hidden):
        if candidates:
            return min(
                candidates, key=lambda entry: (table.is_total(entry), table.value(entry), entry)
            )
    raise AssertionError("every non-zero figure is hidden, which is always safe enough")


class _Ranges:
    """The lowest and highest value of each hidden entry that a reader can work out from
    the printed figures and the labels: "<m" is 1 to m−1, "×" is m or more.

    Totals sum their lines, which makes the constraint matrix totally unimodular: the
    linear programs' bounds are whole numbers that some table of counts attains.
    """

    def __init__(self, table: _Table, hidden: frozenset[Entry]):
        self.variables = sorted(hidden)
        index = {entry: i for i, entry in enumerate(self.variables)}
        equations, constants = [], []
        for line in table.lines:
            if not any(entry in index for entry in line):
                continue
            row = [0] * len(self.variables)
            constant = 0
            *cells, total = line
            for entry, sign in [*((cell, 1) for cell in cells), (total, -1)]:
                if entry in index:
                    row[index[entry]] += sign
                else:
                    constant -= sign * table.value(entry)
            equations.append(row)
            constants.append(constant)
        self.equations, self.constants = equations, constants
        self.bounds = [
            (1, table.minimum - 1) if table.is_small(entry) else (table.minimum, None)
            for entry in self.variables
        ]
        self.index = index

    def width(self, entry: Entry) -> float:
        return self._extreme(entry, -1) - self._extreme(entry, 1)

    def _extreme(self, entry: Entry, direction: int) -> float:
        """The least (``direction`` 1) or greatest (−1) value of ``entry``."""
        # Imported here: SciPy adds some 60 MB to a process, and only the worker that
        # builds reports needs it, not every web process that imports this module.
        from scipy.optimize import linprog

        objective = [0] * len(self.variables)
        objective[self.index[entry]] = direction
        result = linprog(
            objective,
            A_eq=self.equations,
            b_eq=self.constants,
            bounds=self.bounds,
            method="highs",
        )
        if result.status != 0:
            raise ValueError(f"suppression audit: {result.message}")
        return round(direction * result.fun)
