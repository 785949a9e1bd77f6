"""Writes of joint efforts."""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from collaboration.models import Area, CooperationAgreement, JointEffort, Undertaking
from umebra.access import Actor
from umebra.models import Organisation
from umebra.saving import save_validated
from umebra.tenancy import municipality_from, require_same_municipality


@transaction.atomic
def effort_create(
    *,
    actor: Actor,
    date: datetime.date,
    kind: str,
    description: str,
    areas: Iterable[Area],
    organisations: Iterable[Organisation],
    hours: Decimal = Decimal(0),
    cost: Decimal = Decimal(0),
    people_reached: int = 0,
    agreement: CooperationAgreement | None = None,
    undertaking: Undertaking | None = None,
) -> JointEffort:
    """Log an effort, as the actor's; all of it is stored, or nothing. It belongs to the
    municipality of its areas (one), or the actor's if it names none."""
    areas = list(areas)
    municipality = municipality_from(actor, *areas[:1])
    effort = JointEffort(created_by=actor.user, municipality=municipality)
    return effort_update(
        actor=actor, effort=effort, date=date, kind=kind,
        description=description, areas=areas, organisations=organisations, hours=hours,
        cost=cost, people_reached=people_reached, agreement=agreement, undertaking=undertaking,
    )  # fmt: skip


@transaction.atomic
def effort_update(
    *,
    actor: Actor,
    effort: JointEffort,
    date: datetime.date,
    kind: str,
    description: str,
    areas: Iterable[Area],
    organisations: Iterable[Organisation],
    hours: Decimal,
    cost: Decimal,
    people_reached: int,
    agreement: CooperationAgreement | None,
    undertaking: Undertaking | None,
) -> JointEffort:
    areas, organisations = list(areas), list(organisations)
    require_same_municipality(effort.municipality, [*areas, *organisations, agreement, undertaking])
    effort = save_validated(
        effort,
        {
            "date": date, "kind": kind, "description": description, "hours": hours,
            "cost": cost, "people_reached": people_reached, "agreement": agreement,
            "undertaking": undertaking,
        },
        actor=actor,
    )  # fmt: skip
    effort.areas.set(areas)
    # Each party's row carries the effort's municipality (``EffortParty``).
    effort.organisations.set(organisations, through_defaults={"municipality": effort.municipality})
    return effort
