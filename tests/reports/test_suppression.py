"""Small-cell suppression: primary and secondary, audited as an attacker would, and never a
false figure."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from reports.suppression import HIDDEN, suppress, suppress_list

MINIMUM = 5
SMALL = f"<{MINIMUM}"


def test_a_lone_small_count_hides_beside_a_cell_and_the_totals_stay_printed():
    table = suppress([[12, 0], [0, 3]], MINIMUM)
    assert table.cells == [[HIDDEN, "0"], ["0", SMALL]]
    assert table.row_totals == [HIDDEN, SMALL]
    assert table.column_totals == [HIDDEN, SMALL]
    # The grand total, what a council compares, stays: 15 less ×, with × five or more and
    # <5 one to four, leaves the small count anywhere from one to four.
    assert table.total == "15"


def test_a_zero_is_never_hidden_to_protect_another_figure():
    table = suppress([[2, 0, 20]], MINIMUM)
    assert table.cells == [[SMALL, "0", HIDDEN]]
    assert table.row_totals == ["22"]


def test_the_smallest_other_cell_hides_first_and_the_line_total_stays():
    table = suppress([[2, 9, 20]], MINIMUM)
    assert table.cells == [[SMALL, HIDDEN, "20"]]
    assert table.row_totals == ["31"]
    assert table.column_totals == [SMALL, HIDDEN, "20"]
    assert table.total == "31"


def test_a_total_hides_only_when_no_other_figure_is_left_in_its_line():
    # Ålidhem's three and nothing else: its row has no other figure, so its total hides.
    table = suppress([[3, 0], [6, 9]], MINIMUM)
    assert table.cells[0] == [SMALL, "0"]
    assert table.row_totals[0] == SMALL
    assert table.total == "18"


def test_a_column_of_counts_with_one_small_one_hides_another():
    shown, total, hidden = suppress_list([40, 3, 7], MINIMUM)
    assert shown[1] == SMALL
    # The note under the table counts exactly the figures it hides.
    assert hidden == sum(not figure.isdigit() for figure in [*shown, total]) >= 2


def test_columns_that_are_not_parts_of_a_whole_are_protected_by_column_and_print_no_row_total():
    table = suppress([[3, 10], [8, 10]], MINIMUM, row_totals=False)
    assert table.cells[0][0] == SMALL
    assert table.cells[1] == [HIDDEN, "10"]  # 11 − 8 would tell the 3
    assert table.column_totals == ["11", "20"]
    assert table.row_totals == ["", ""]


@pytest.mark.parametrize(
    "counts",
    [
        # Two small counts of a column whose total is printed: 38 − 30 = 8 = 4 + 4.
        [[4], [4], [30]],
        # A chain through the grand total once recovered the corner cell exactly.
        [[3, 4, 2], [3, 8, 6], [4, 6, 12]],
        [[3, 7], [9, 6]],
        [[1, 0, 0], [0, 0, 1], [0, 9, 0]],
    ],
)
def test_chains_found_by_linear_programming_no_longer_pin_a_small_count(counts):
    table = suppress(counts, MINIMUM)
    for (lowest, highest), least in _protected_enough(table, counts, row_totals=True):
        assert highest - lowest >= least


def _shown_grid(table, rows):
    grid = [[*table.cells[r], table.row_totals[r]] for r in range(rows)]
    return [*grid, [*table.column_totals, table.total]]


def _lines(rows, columns, row_totals):
    printed = columns + 1 if row_totals else columns
    lines = [[(r, c) for r in range(rows + 1)] for c in range(printed)]
    if row_totals:
        lines += [[(r, c) for c in range(columns + 1)] for r in range(rows + 1)]
    return lines


def _reader_ranges(shown, lines):
    """What a reader can work out from the printed strings alone: the least and greatest
    value of each "<5" figure, by linear programming over every line's sum."""
    unknown = sorted({(r, c) for line in lines for r, c in line if not shown[r][c].isdigit()})
    index = {entry: i for i, entry in enumerate(unknown)}
    equations, constants = [], []
    for line in lines:
        row, constant = np.zeros(len(unknown)), 0
        for position, (r, c) in enumerate(line):
            sign = -1 if position == len(line) - 1 else 1
            if (r, c) in index:
                row[index[(r, c)]] += sign
            else:
                constant -= sign * int(shown[r][c])
        equations.append(row)
        constants.append(constant)
    bounds = [(1, MINIMUM - 1) if shown[r][c] == SMALL else (MINIMUM, None) for r, c in unknown]

    def extreme(entry, direction):
        objective = np.zeros(len(unknown))
        objective[index[entry]] = direction
        result = linprog(objective, A_eq=equations, b_eq=constants, bounds=bounds)
        assert result.status == 0, result.message  # the truth is always a solution
        return round(direction * result.fun)

    return {
        entry: (extreme(entry, 1), extreme(entry, -1))
        for entry in unknown
        if shown[entry[0]][entry[1]] == SMALL
    }


def _protected_enough(table, counts, row_totals):
    """Each small count's range as the reader works it out from the table, beside what it
    must at least be: two, or what the labels alone leave where that is less."""
    rows, columns = len(counts), len(counts[0])
    lines = _lines(rows, columns, row_totals)
    shown = _shown_grid(table, rows)
    true = [[*row, sum(row)] for row in counts]
    true.append([sum(row[c] for row in true) for c in range(columns + 1)])
    labels_only = [
        [SMALL if 0 < n < MINIMUM else HIDDEN if n else "0" for n in row] for row in true
    ]
    ranges = _reader_ranges(shown, lines)
    ceiling = _reader_ranges(labels_only, lines)
    for entry, found in ranges.items():
        lowest, highest = ceiling[entry]
        yield found, min(2, highest - lowest)


matrices = st.integers(1, 4).flatmap(
    lambda columns: st.lists(
        st.lists(
            st.one_of(st.integers(0, 4), st.integers(0, 30)), min_size=columns, max_size=columns
        ),
        min_size=1,
        max_size=5,
    )
)


@settings(max_examples=150, deadline=None)
@given(matrices, st.booleans())
def test_no_reader_can_narrow_a_small_count_and_nothing_shown_is_false(counts, row_totals):
    table = suppress(counts, MINIMUM, row_totals=row_totals)
    rows, columns = len(counts), len(counts[0])
    shown = _shown_grid(table, rows)
    true = [[*row, sum(row)] for row in counts]
    true.append([sum(row[c] for row in true) for c in range(columns + 1)])
    printed = columns + 1 if row_totals else columns
    for r in range(rows + 1):
        for c in range(printed):
            label, value = shown[r][c], true[r][c]
            if 0 < value < MINIMUM:
                assert label == SMALL  # every small count is hidden
            elif label.isdigit():
                assert int(label) == value  # what is shown is true
            elif label == HIDDEN:
                assert value >= MINIMUM  # "×" is never a zero nor a small count
            else:
                assert value == 0 or label == SMALL
    if not row_totals:
        assert table.row_totals == [""] * rows
    for line in _lines(rows, columns, row_totals):
        assert sum(not shown[r][c].isdigit() for r, c in line) != 1
    for (lowest, highest), least in _protected_enough(table, counts, row_totals):
        assert highest - lowest >= least
