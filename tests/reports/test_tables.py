"""Report tables carry small-count suppression over to what is printed beside the counts."""

from django.test import override_settings

from reports.suppression import HIDDEN
from reports.tables import count_table, counts_with_amounts

COLUMNS = ["Measure", "Number", "Amount (SEK)"]


@override_settings(UMEBRA_REPORT_MIN_COUNT=5)
def test_a_hidden_count_hides_its_amount_and_the_sum_of_all_amounts():
    table = counts_with_amounts(
        "Measures",
        {"fee": 4, "injunction": 4, "seizure": 30},
        {"fee": 40_000, "injunction": 9_000, "seizure": 1_000},
        columns=COLUMNS,
        total="Total",
    )
    assert table.rows[0] == ["fee", "<5", HIDDEN]
    assert table.rows[1] == ["injunction", "<5", HIDDEN]
    # The number of measures in all may be printed, but the sum of all amounts less the
    # amounts shown would tell the hidden ones': it is hidden too.
    assert table.footer[2] == HIDDEN
    printed = " ".join(" ".join(row) for row in [*table.rows, table.footer])
    assert "40\u00a0000" not in printed and "50\u00a0000" not in printed


@override_settings(UMEBRA_REPORT_MIN_COUNT=5)
def test_amounts_of_counts_that_are_all_shown_are_all_shown():
    table = counts_with_amounts(
        "Measures",
        {"fee": 6, "injunction": 9},
        {"fee": 4_000, "injunction": 1_500},
        columns=COLUMNS,
        total="Total",
    )
    assert table.rows == [["fee", "6", "4\u00a0000"], ["injunction", "9", "1\u00a0500"]]
    assert table.footer == ["Total", "15", "5\u00a0500"]
    assert table.hidden == 0


@override_settings(UMEBRA_REPORT_MIN_COUNT=5)
def test_a_table_without_row_totals_gives_none_to_draw_beside_it():
    table, totals = count_table(
        "SIG",
        {("Ersboda", "Opened"): 3, ("Ersboda", "Closed"): 10, ("Ålidhem", "Opened"): 8},
        corner="Area",
        total="All",
        columns=["Opened", "Closed"],
        row_totals=False,
    )
    assert totals == {}
    assert table.columns == ["Area", "Opened", "Closed"]
    assert table.rows[0][1] == "<5"
    assert table.rows[1][1] == HIDDEN  # beside the small count, not the column's total
    assert table.footer[1] == "11"


@override_settings(UMEBRA_REPORT_MIN_COUNT=5)
def test_no_measures_make_an_empty_table_with_zero_totals():
    table = counts_with_amounts("Measures", {}, {}, columns=COLUMNS, total="Total")
    assert table.rows == [] and table.footer == ["Total", "0", "0"]
