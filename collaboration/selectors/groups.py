"""Reads of collaboration groups: the chain, overlaps, meetings and open actions."""

import datetime
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from django.db.models import Prefetch, QuerySet

from collaboration.models import CollaborationGroup, Decision, Meeting
from collaboration.selectors.areas import areas_named
from collaboration.selectors.people import people_shown
from umebra import access
from umebra.models import User

# Groups whose member organisations are this alike (shared / all) look like one group twice.
SAME_MEMBERS = 0.6
# Mandates this alike, in groups that share an area, look like one job done twice.
SAME_MANDATE = 0.5


def group_list(*, user: User) -> QuerySet[CollaborationGroup]:
    return (
        access.restrict(user, CollaborationGroup.objects.select_related("owner", "parent"))
        .prefetch_related("members", Prefetch("areas", areas_named()))
        .order_by("name")
    )


def group_tree(groups) -> list[tuple[CollaborationGroup, int]]:
    """The groups in reporting order, each with its depth below the top of its chain."""
    groups = list(groups)
    by_parent: dict[int | None, list[CollaborationGroup]] = {}
    visible = {group.pk for group in groups}
    for group in groups:
        parent = group.parent_id if group.parent_id in visible else None
        by_parent.setdefault(parent, []).append(group)
    ordered = []

    def walk(parent, depth):
        for group in by_parent.get(parent, []):
            ordered.append((group, depth))
            walk(group.pk, depth + 1)

    walk(None, 0)
    return ordered


@dataclass(frozen=True)
class Overlap:
    first: CollaborationGroup
    second: CollaborationGroup
    shared_members: list
    shared_areas: list
    member_likeness: float
    mandate_likeness: float


def group_overlaps(groups) -> list[Overlap]:
    """Pairs of groups that may be doing the same job: same members, or same area and mandate."""
    overlaps = []
    for first, second in combinations(groups, 2):
        first_members, second_members = set(first.members.all()), set(second.members.all())
        shared_members = first_members & second_members
        member_likeness = len(shared_members) / (len(first_members | second_members) or 1)
        shared_areas = set(first.areas.all()) & set(second.areas.all())
        mandate_likeness = SequenceMatcher(
            None, first.mandate.lower(), second.mandate.lower()
        ).ratio()
        if member_likeness >= SAME_MEMBERS or (shared_areas and mandate_likeness >= SAME_MANDATE):
            overlaps.append(
                Overlap(
                    first=first,
                    second=second,
                    shared_members=sorted(shared_members, key=str),
                    shared_areas=sorted(shared_areas, key=str),
                    member_likeness=member_likeness,
                    mandate_likeness=mandate_likeness,
                )
            )
    return overlaps


def meeting_list(*, user: User, group: CollaborationGroup) -> QuerySet[Meeting]:
    return access.restrict(user, group.meetings.all())


def group_meetings(*, user: User, group: CollaborationGroup) -> dict:
    """The group page's meetings with their decisions, and of the decisions' responsible
    people those whose name ``user`` may see (``people_shown``, by key): the others' decisions
    show only their owner organisation."""
    meetings = list(
        meeting_list(user=user, group=group).prefetch_related(
            "decisions__owner", "decisions__responsible_person"
        )
    )
    named = [d.responsible_person_id for m in meetings for d in m.decisions.all()]
    return {"meetings": meetings, "people_shown": people_shown(user=user, people=named)}


def decisions_open(*, user: User, due_by: datetime.date | None = None) -> QuerySet[Decision]:
    """Decisions not yet done, optionally only those due by a date, soonest first."""
    open_decisions = Decision.objects.filter(done_on__isnull=True)
    decisions = access.restrict(user, open_decisions.select_related("meeting__group", "owner"))
    if due_by:
        decisions = decisions.filter(due__lte=due_by)
    return decisions.order_by("due", "id")
