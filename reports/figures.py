"""A report's key figures for one period, and the tables of people and businesses they
are read from.

The SIG cases and the inspected targets are counts that could point at someone, so their
figures are the totals of their suppressed tables: the sections print those tables, and the
summary takes its figures from the same ones, hidden where the tables hide them.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.selectors import statistics as cases_stats
from collaboration.models import UndertakingKind
from collaboration.selectors import statistics as stats
from reports.periods import Period
from reports.tables import Table, count_table, figure
from umebra.numbers import parse_number


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


def sig_table(period: Period, municipalities: frozenset[int]) -> Table:
    """SIG cases by area: young people, so small counts are hidden."""
    counts = cases_stats.sig_cases_by_area(period.start, period.end, municipalities=municipalities)
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


@dataclass(frozen=True)
class Shown:
    """A figure as printed, and its value; ``None`` where it is hidden ("<5", "×")."""

    text: str
    value: Decimal | None


def shown(value) -> Shown:
    return Shown(figure(value), Decimal(value))


def shown_as(text: str) -> Shown:
    """A figure as a report printed it (in Swedish): "1 234" is 1234, "<5" hides it."""
    try:
        return Shown(text, parse_number(text, "sv"))
    except ValueError:
        return Shown(text, None)


def _total(table: Table, column: int) -> Shown:
    """A protected table's total, printed as the report prints figures."""
    text = table.footer[column] if table.footer else "0"
    return shown(int(text)) if text.isdigit() else Shown(text, None)


class KeyFigures:
    """One period's key figures, a protected one perhaps hidden ("<5", "×") as in its
    table. Each is counted when first asked for, so a report counts only what it prints."""

    def __init__(self, period: Period, municipalities: frozenset[int]):
        self.period, self.municipalities = period, municipalities

    @cached_property
    def _efforts(self) -> stats.EffortTotals:
        return stats.effort_totals(
            self.period.start, self.period.end, municipalities=self.municipalities
        )

    @cached_property
    def _los(self) -> cases_stats.LosOutcomes:
        return cases_stats.los_outcomes(
            self.period.start, self.period.end, municipalities=self.municipalities
        )

    @cached_property
    def _sig(self) -> Table:
        return sig_table(self.period, self.municipalities)

    @cached_property
    def efforts(self) -> Shown:
        return shown(self._efforts.efforts)

    @cached_property
    def hours(self) -> Shown:
        return shown(self._efforts.hours)

    @cached_property
    def people_reached(self) -> Shown:
        return shown(self._efforts.people_reached)

    @cached_property
    def observations(self) -> Shown:
        return shown(sum(self.by_area.values()))

    @cached_property
    def by_area(self) -> dict[str, int]:
        """Observations per area, every area named (none is 0). They hold no personal
        data, so they are shown whole."""
        counts = stats.observations_by_kind_and_area(
            self.period.start, self.period.end, municipalities=self.municipalities
        )
        by_area = dict.fromkeys(
            (area.name for area in stats.areas(municipalities=self.municipalities)), 0
        )
        for (_kind, area), n in counts.items():
            by_area[area] = by_area.get(area, 0) + n
        return by_area

    # Operations are the authorities' own work, not people or businesses: shown whole.
    @cached_property
    def operations_active(self) -> Shown:
        return shown(self._los.operations_active)

    @cached_property
    def operations_concluded(self) -> Shown:
        return shown(self._los.operations_concluded)

    @cached_property
    def targets_inspected(self) -> Shown:
        return _total(inspections_table(self._los), 1)

    @cached_property
    def sig_active(self) -> Shown:
        return _total(self._sig, 2)

    @cached_property
    def sig_opened(self) -> Shown:
        return _total(self._sig, 1)

    @cached_property
    def grants_spent(self) -> Shown:
        return shown(
            stats.spending_total(
                self.period.start, self.period.end, municipalities=self.municipalities
            )
        )

    @cached_property
    def promises(self) -> Shown:
        return shown(self._in_force(UndertakingKind.CITIZEN_PROMISE))

    @cached_property
    def agreements(self) -> Shown:
        return shown(self._in_force(UndertakingKind.SAFETY_AGREEMENT))

    def _in_force(self, kind: str) -> int:
        return len(
            stats.undertakings_follow_up(
                kind, self.period.start, self.period.end, municipalities=self.municipalities
            )
        )
