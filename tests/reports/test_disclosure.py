"""Small-cell suppression: primary and secondary, and never a false figure."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.disclosure import HIDDEN, suppress, suppress_list


def test_a_small_count_hides_with_its_totals_and_the_grand_total_protects_them():
    table = suppress([[12, 0], [0, 3]], 5)
    assert table.cells == [["12", "0"], ["0", "<5"]]
    assert table.row_totals == ["12", "<5"]
    assert table.column_totals == ["12", "<5"]
    # The row totals' column (12, <5 | 15) would give the hidden 3 away: 15 is hidden too.
    assert table.total == HIDDEN


def test_a_zero_in_the_line_hides_first_as_it_truly_is_below_five():
    table = suppress([[2, 0, 20]], 5)
    assert table.cells == [["<5", "<5", "20"]]
    assert table.row_totals == ["22"]


def test_without_a_zero_the_line_total_hides_too():
    table = suppress([[2, 9, 20]], 5)
    # The row: 2 is below 5; its total 31 hides so that 31 − 9 − 20 tells nothing.
    assert table.cells == [["<5", "9", "20"]]
    assert table.row_totals == [HIDDEN]


def test_a_column_of_counts_with_one_small_one_hides_another():
    shown, total, hidden = suppress_list([40, 3, 7], 5)
    assert shown[1] == "<5"
    assert shown.count("<5") + shown.count(HIDDEN) + (total in ("<5", HIDDEN)) >= 2
    assert hidden >= 2


def test_columns_that_are_not_parts_of_a_whole_are_protected_by_column():
    table = suppress([[3, 10], [8, 10]], 5, row_totals=False)
    assert table.cells[0][0] == "<5"
    assert table.column_totals[0] == HIDDEN  # 11 − 8 would tell the 3
    assert table.cells[1] == ["8", "10"]


matrices = st.integers(1, 5).flatmap(
    lambda columns: st.lists(
        st.lists(st.integers(0, 30), min_size=columns, max_size=columns), min_size=1, max_size=6
    )
)


@settings(max_examples=300, deadline=None)
@given(matrices, st.booleans())
def test_every_line_hides_none_or_at_least_two_and_nothing_shown_is_false(counts, row_totals):
    minimum = 5
    table = suppress(counts, minimum, row_totals=row_totals)
    rows, columns = len(counts), len(counts[0])
    true_column_totals = [sum(row[c] for row in counts) for c in range(columns)]
    true_row_totals = [sum(row) for row in counts]
    shown_grid = [[*table.cells[r], table.row_totals[r]] for r in range(rows)]
    shown_grid.append([*table.column_totals, table.total])
    true_grid = [[*counts[r], true_row_totals[r]] for r in range(rows)]
    true_grid.append([*true_column_totals, sum(true_row_totals)])
    printed = columns + 1 if row_totals else columns
    for r in range(rows + 1):
        for c in range(printed):
            shown, value = shown_grid[r][c], true_grid[r][c]
            if 0 < value < minimum:
                assert shown == f"<{minimum}"  # every small count is hidden
            if shown.isdigit():
                assert int(shown) == value  # and what is shown is true
            if shown == f"<{minimum}":
                assert value < minimum  # "<5" is never said of a larger figure

    def hidden_in(line):
        return sum(not shown_grid[r][c].isdigit() for r, c in line)

    lines = [[(r, c) for r in range(rows + 1)] for c in range(printed)]
    if row_totals:
        lines += [[(r, c) for c in range(columns + 1)] for r in range(rows + 1)]
    for line in lines:
        assert hidden_in(line) != 1, "one hidden figure in a line is its total minus the rest"
