"""A report's figures for one period, as its tables print them.

The sections print them, and the summary compares them with the period before and the same
quarter a year before. Both take them from here, so that a figure reads the same in the
summary as in its table, hidden where the table hides it.
"""

from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.selectors import statistics as cases_stats
from collaboration.models import UndertakingKind
from collaboration.selectors import statistics as stats
from reports.periods import Period
from reports.tables import Table, count_table, figure


def efforts_by_month(period: Period) -> tuple[list, list[int], int]:
    """The period's months, the efforts logged in each and in all."""
    per_month = stats.efforts_by_month(period.start, period.end)
    months = period.months()
    monthly = [per_month.get(month, 0) for month in months]
    return months, monthly, sum(monthly)


def targets_table(caption: str, counts: dict[str, int], *, corner: str) -> Table:
    """Targets of LOS operations counted by one thing (their kind, the agency that
    inspected them): businesses, so small counts are hidden."""
    table, _totals = count_table(
        caption,
        {(name, _("Targets")): n for name, n in counts.items()},
        corner=corner,
        total=_("Total"),
        columns=[_("Targets")],
    )
    return table


def inspections_table(outcomes: cases_stats.LosOutcomes) -> Table:
    """Targets inspected, once per agency."""
    return targets_table(
        _("Targets inspected by agency"),
        outcomes.targets_inspected_by_agency,
        corner=_("Agency"),
    )


SIG_COLUMNS = {
    "opened": gettext_lazy("Opened"),
    "active": gettext_lazy("Active at end"),
    "closed": gettext_lazy("Closed"),
}


def sig_table(period: Period) -> Table:
    """SIG cases by area: young people, so small counts are hidden."""
    counts = cases_stats.sig_cases_by_area(period.start, period.end)
    labels = {what: str(label) for what, label in SIG_COLUMNS.items()}
    table, _totals = count_table(
        _("SIG cases by area"),
        {(area, labels[what]): n for (what, area), n in counts.items()},
        corner=_("Area"),
        total=_("All areas"),
        columns=list(labels.values()),
        row_totals=False,  # opened, active and closed are not parts of one whole
    )
    return table


def observations_by_area(period: Period) -> dict[str, int]:
    """Observations per area, every area named (none is 0). They hold no personal data,
    so they are shown whole."""
    counts = stats.observations_by_kind_and_area(period.start, period.end)
    by_area = dict.fromkeys((area.name for area in stats.areas()), 0)
    for (_kind, area), n in counts.items():
        by_area[area] = by_area.get(area, 0) + n
    return by_area


def _footer(table: Table, column: int) -> str:
    return table.footer[column] if table.footer else "0"


class KeyFigures:
    """One period's key figures as display strings, a protected one perhaps "<5" or "×".
    Each is counted when first asked for, so a report counts only the figures it prints."""

    def __init__(self, period: Period):
        self.period = period

    @cached_property
    def _efforts(self) -> stats.EffortTotals:
        return stats.effort_totals(self.period.start, self.period.end)

    @cached_property
    def _los(self) -> cases_stats.LosOutcomes:
        return cases_stats.los_outcomes(self.period.start, self.period.end)

    @cached_property
    def _sig(self) -> Table:
        return sig_table(self.period)

    @cached_property
    def efforts(self) -> str:
        return figure(self._efforts.efforts)

    @cached_property
    def hours(self) -> str:
        return figure(self._efforts.hours)

    @cached_property
    def people_reached(self) -> str:
        return figure(self._efforts.people_reached)

    @cached_property
    def observations(self) -> str:
        return figure(sum(observations_by_area(self.period).values()))

    # Operations are the authorities' own work, not people or businesses: shown whole.
    @cached_property
    def operations_active(self) -> str:
        return figure(self._los.operations_active)

    @cached_property
    def operations_concluded(self) -> str:
        return figure(self._los.operations_concluded)

    @cached_property
    def targets_inspected(self) -> str:
        return _footer(inspections_table(self._los), 1)

    @cached_property
    def sig_active(self) -> str:
        return _footer(self._sig, 2)

    @cached_property
    def sig_opened(self) -> str:
        return _footer(self._sig, 1)

    @cached_property
    def grants_spent(self) -> str:
        return figure(stats.spending_total(self.period.start, self.period.end))

    @cached_property
    def promises(self) -> str:
        return figure(self._in_force(UndertakingKind.CITIZEN_PROMISE))

    @cached_property
    def agreements(self) -> str:
        return figure(self._in_force(UndertakingKind.SAFETY_AGREEMENT))

    def _in_force(self, kind: str) -> int:
        return len(stats.undertakings_follow_up(kind, self.period.start, self.period.end))
