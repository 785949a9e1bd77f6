"""Writes of observations."""

import datetime

from django.db import transaction

from collaboration.models import Area, Observation
from umebra.access import Actor
from umebra.saving import save_validated
from umebra.tenancy import municipality_for, require_same_municipality


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
            reported_by=actor.person,
            organisation_id=actor.member.organisation_id,
            municipality=municipality_for(actor, area.municipality),
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
    """Correct an observation; its reporter, organisation and municipality stay, the
    change is kept."""
    require_same_municipality(observation.municipality, [area])
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
