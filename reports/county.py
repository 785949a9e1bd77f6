"""Where each municipality stands in the law's cycle (SFS 2023:196): a situation picture
adopted and how old it is, an action plan adopted, coordination in place, the follow-up
done. For länsstyrelsen's county coordinator, who supports the county's municipalities,
on a page and in the regional report: dates and counts only, never a person or a target."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from collaboration.selectors import statistics as stats
from collaboration.selectors.cycle import picture_is_stale
from reports.models import ReportKind, ReportRun
from umebra import access
from umebra.jobs import JobStatus
from umebra.models import Municipality

# Coordination counts as in place when a group has met within this time.
MET_WITHIN = datetime.timedelta(days=365)


@dataclass(frozen=True)
class CycleState:
    """One municipality's place in the cycle on a day."""

    municipality: Municipality
    picture_adopted_on: datetime.date | None
    picture_stale: bool  # adopted more than two years before: the law asks for a new one
    plan_adopted_on: datetime.date | None
    groups: int
    meetings: int  # of its groups, within MET_WITHIN
    follow_up: ReportRun | None  # the last quarterly follow-up built of a period by then

    @property
    def coordinated(self) -> bool:
        return self.groups > 0 and self.meetings > 0


def cycle_by_municipality(municipality_ids: Iterable[int], on: datetime.date) -> list[CycleState]:
    """Each of the municipalities, by name, on the day ``on``."""
    municipalities = list(Municipality.objects.filter(pk__in=municipality_ids).order_by("name"))
    ids = [m.pk for m in municipalities]
    coordination = stats.coordination_by_municipality(on - MET_WITHIN, municipalities=ids)
    states = []
    for municipality in municipalities:
        own = [municipality.pk]
        picture = stats.picture_for_year(on.year, municipalities=own)
        plan = stats.plan_for_year(on.year, municipalities=own)
        follow_up = (
            access.restrict_reportable(
                ReportRun.objects.filter(
                    kind=ReportKind.QUARTERLY, status=JobStatus.DONE, period_end__lte=on
                ),
                own,
            )
            .order_by("-period_end", "-id")
            .first()
        )
        groups, meetings = coordination[municipality.pk]
        states.append(
            CycleState(
                municipality=municipality,
                picture_adopted_on=picture.adopted_on if picture else None,
                picture_stale=picture_is_stale(picture, on),
                plan_adopted_on=plan.adopted_on if plan else None,
                groups=groups,
                meetings=meetings,
                follow_up=follow_up,
            )
        )
    return states


def cycle_columns() -> list[str]:
    return [
        _("Municipality"),
        _("Situation picture"),
        _("Action plan"),
        _("Coordination"),
        _("Follow-up"),
    ]


def cycle_rows(states: list[CycleState]) -> list[list[str]]:
    """The states in words, as the page and the regional report show them."""
    not_adopted = _("not adopted")
    rows = []
    for state in states:
        picture = (
            f"{state.picture_adopted_on:%Y-%m-%d}" if state.picture_adopted_on else not_adopted
        )
        if state.picture_adopted_on and state.picture_stale:
            picture = _("%(on)s, more than two years old") % {"on": picture}
        rows.append(
            [
                state.municipality.name,
                picture,
                f"{state.plan_adopted_on:%Y-%m-%d}" if state.plan_adopted_on else not_adopted,
                ngettext(
                    "%(groups)s group, %(meetings)s meetings in the last year",
                    "%(groups)s groups, %(meetings)s meetings in the last year",
                    state.groups,
                )
                % {"groups": state.groups, "meetings": state.meetings},
                state.follow_up.period.label if state.follow_up else _("none yet"),
            ]
        )
    return rows
