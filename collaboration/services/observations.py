"""Writes of observations."""

import datetime

from django.db import transaction

from collaboration.models import Area, Observation
from umebra.access import Actor
from umebra.saving import save_validated


@transaction.atomic
def observation_create(
    *,
    actor: Actor,
    area: Area,
    place: str,
    occurred_at: datetime.datetime,
    kind: str,
    description: str = "",
) -> Observation:
    """Record what the reporter saw, on behalf of the organisation they act for."""
    return observation_update(
        actor=actor,
        observation=Observation(
            reported_by=actor.person, organisation_id=actor.member.organisation_id
        ),
        area=area,
        place=place,
        occurred_at=occurred_at,
        kind=kind,
        description=description,
    )


@transaction.atomic
def observation_update(
    *,
    actor: Actor,
    observation: Observation,
    area: Area,
    place: str,
    occurred_at: datetime.datetime,
    kind: str,
    description: str,
) -> Observation:
    """Correct an observation; its reporter and organisation stay, the change is kept."""
    return save_validated(
        observation,
        {
            "area": area,
            "place": place,
            "occurred_at": occurred_at,
            "kind": kind,
            "description": description,
        },
        actor=actor,
    )
