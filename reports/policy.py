"""Who may see and ask for reports (registered with ``umebra.access``).

Reports hold aggregates only (``reports.suppression``), so they go to the people who decide:
coordinators ask for them and read them, politicians read them, the auditor checks them.
Länsstyrelsen's county coordinator asks for and reads the regional report of a county,
and nothing of one municipality alone.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from reports.models import ReportFile, ReportKind, ReportRun
from umebra import access
from umebra.access import Action, Actor, Counted, ParentPolicy, RolePolicy
from umebra.roles import Role
from umebra.tenancy import counties_within

READERS = frozenset({Role.COORDINATOR, Role.POLITICIAN, Role.AUDITOR, Role.COUNTY_COORDINATOR})
ASKERS = frozenset({Role.COORDINATOR, Role.COUNTY_COORDINATOR})


def requestable_kinds(actor: Actor) -> list[str]:
    """The kinds of report ``actor`` may ask for: the regional one for the county
    coordinator, a municipality's for its coordinators."""
    if actor.role == Role.COUNTY_COORDINATOR:
        return [ReportKind.REGIONAL]
    if actor.role in ASKERS:
        return [kind for kind in ReportKind.values if kind != ReportKind.REGIONAL]
    return []


@access.register(ReportRun)
class ReportRunPolicy(Counted, RolePolicy):
    roles = {Action.VIEW: READERS}
    add = ASKERS

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        """The county coordinator's reports are the regional ones; everyone else's, their
        municipality's."""
        queryset = super().restrict(actor, queryset, action)
        if actor.role == Role.COUNTY_COORDINATOR:
            return queryset.filter(kind=ReportKind.REGIONAL)
        return queryset.exclude(kind=ReportKind.REGIONAL)

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """A municipality's report in its municipality; a regional one for those who work in
        every municipality of its county, so that it counts none they do not work in."""
        ids = list(municipality_ids)
        return queryset.filter(
            Q(municipality__in=ids) | Q(municipality=None, county__in=counties_within(ids))
        )


@access.register(ReportFile)
class ReportFilePolicy(ParentPolicy):
    parent = "run"
