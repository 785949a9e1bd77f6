"""Writes of observations."""

from django.db import transaction

from collaboration.models import Observation
from umebra.access import Actor


@transaction.atomic
def observation_create(*, actor: Actor, **fields) -> Observation:
    """Record what the reporter saw, on behalf of the organisation they act for."""
    observation = Observation(
        reported_by=actor.user, organisation_id=actor.member.organisation_id, **fields
    )
    observation.full_clean()
    observation.save()
    return observation
