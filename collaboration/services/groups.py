"""Writes of collaboration groups, meetings and decisions."""

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from collaboration.models import Area, CollaborationGroup, Decision, Meeting
from umebra.access import Actor
from umebra.models import Organisation, User
from umebra.saving import save_validated
from umebra.tenancy import municipality_from, require_same_municipality


@transaction.atomic
def group_create(
    *,
    actor: Actor,
    name: str,
    level: str,
    mandate: str,
    owner: Organisation,
    cadence: str,
    members: Iterable[Organisation],
    areas: Iterable[Area],
    parent: CollaborationGroup | None = None,
) -> CollaborationGroup:
    group = CollaborationGroup(municipality=municipality_from(actor, parent, owner))
    return group_update(
        actor=actor, group=group, name=name, level=level, mandate=mandate,
        owner=owner, cadence=cadence, members=members, areas=areas, parent=parent,
    )  # fmt: skip


@transaction.atomic
def group_update(
    *,
    actor: Actor,
    group: CollaborationGroup,
    name: str,
    level: str,
    mandate: str,
    owner: Organisation,
    cadence: str,
    members: Iterable[Organisation],
    areas: Iterable[Area],
    parent: CollaborationGroup | None,
) -> CollaborationGroup:
    members, areas = list(members), list(areas)
    require_same_municipality(group.municipality, [owner, parent, *members, *areas])
    group = save_validated(
        group,
        {
            "name": name, "level": level, "mandate": mandate, "owner": owner,
            "cadence": cadence, "parent": parent,
        },
    )  # fmt: skip
    group.members.set(members)
    group.areas.set(areas)
    return group


@transaction.atomic
def meeting_create(
    *,
    actor: Actor,
    group: CollaborationGroup,
    date: datetime.date,
    agenda: str,
    minutes: str = "",
) -> Meeting:
    return meeting_update(
        actor=actor, meeting=Meeting(group=group), date=date, agenda=agenda, minutes=minutes
    )


@transaction.atomic
def meeting_update(
    *, actor: Actor, meeting: Meeting, date: datetime.date, agenda: str, minutes: str
) -> Meeting:
    return save_validated(meeting, {"date": date, "agenda": agenda, "minutes": minutes})


@transaction.atomic
def decision_create(
    *,
    actor: Actor,
    meeting: Meeting,
    text: str,
    owner: Organisation,
    due: datetime.date | None = None,
    responsible_person: User | None = None,
) -> Decision:
    """Record a decision; its responsible person, if any, must act for the owner
    (``Decision.clean``)."""
    return save_validated(
        Decision(meeting=meeting),
        {"text": text, "owner": owner, "responsible_person": responsible_person, "due": due},
    )


@transaction.atomic
def decision_mark(*, actor: Actor, decision: Decision, done: bool) -> Decision:
    """Mark a decision done today, or not done after all."""
    decision.done_on = timezone.localdate() if done else None
    decision.save(update_fields=["done_on"])
    return decision
