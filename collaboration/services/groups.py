"""Writes of collaboration groups, meetings and decisions."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from collaboration.models import Area, CollaborationGroup, Decision, Meeting
from umebra.models import Organisation
from umebra.saving import save_validated


@transaction.atomic
def group_save(
    *,
    instance: CollaborationGroup | None = None,
    members: Iterable[Organisation],
    areas: Iterable[Area],
    **fields,
) -> CollaborationGroup:
    group = save_validated(instance or CollaborationGroup(), fields)
    group.members.set(members)
    group.areas.set(areas)
    return group


@transaction.atomic
def meeting_save(*, group: CollaborationGroup, instance: Meeting | None = None, **fields):
    return save_validated(instance or Meeting(group=group), fields)


@transaction.atomic
def decision_create(*, meeting: Meeting, **fields) -> Decision:
    return save_validated(Decision(meeting=meeting), fields)


@transaction.atomic
def decision_mark_done(*, decision: Decision, done: bool) -> Decision:
    decision.done_on = timezone.localdate() if done else None
    decision.save(update_fields=["done_on"])
    return decision
