"""Writes of joint efforts."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from collaboration.models import Area, JointEffort
from umebra.models import Organisation, User

EFFORT_FIELDS = (
    "date", "kind", "description", "hours", "cost", "people_reached", "agreement", "undertaking",
)  # fmt: skip


@transaction.atomic
def effort_create(
    *,
    created_by: User,
    areas: Iterable[Area],
    organisations: Iterable[Organisation],
    **fields,
) -> JointEffort:
    """Log an effort; all of it is stored, or nothing."""
    effort = JointEffort(created_by=created_by, **_known(fields))
    effort.full_clean()
    effort.save()
    effort.areas.set(areas)
    effort.organisations.set(organisations)
    return effort


@transaction.atomic
def effort_update(
    *,
    effort: JointEffort,
    areas: Iterable[Area],
    organisations: Iterable[Organisation],
    **fields,
) -> JointEffort:
    for name, value in _known(fields).items():
        setattr(effort, name, value)
    effort.full_clean()
    effort.save()
    effort.areas.set(areas)
    effort.organisations.set(organisations)
    return effort


def _known(fields: dict) -> dict:
    unknown = set(fields) - set(EFFORT_FIELDS)
    if unknown:
        raise TypeError(f"unknown effort fields: {sorted(unknown)}")
    fields.setdefault("hours", Decimal(0))
    return fields
