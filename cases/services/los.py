"""Writes of LOS operations: each agency records its own inspections and measures."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import (
    OPERATION_TRANSITIONS,
    Inspection,
    IntelligenceNote,
    Measure,
    Operation,
    OperationStatus,
    Target,
)
from cases.selectors.los import target_municipality_choices
from collaboration.models import Area
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.models import Municipality, Organisation
from umebra.saving import save_validated
from umebra.tenancy import (
    municipality_for,
    municipality_from,
    require_same_municipality,
    require_working_in,
)
from umebra.workflow import check_transition

M = TypeVar("M", bound=models.Model)


def _allowed(actor: Actor, obj: M, action: str = access.Action.CHANGE) -> M:
    if not access.allows(actor.user, obj, action):
        raise PermissionDenied
    return obj


@transaction.atomic
def operation_create(
    *,
    actor: Actor,
    name: str,
    lead: Organisation,
    objective: str,
    parties: Iterable[Organisation],
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    summary: str = "",
    municipality: Municipality | None = None,
    municipalities: Iterable[Municipality] = (),
) -> Operation:
    """Plan an operation (coordinator or police); the lead is a party. Its home is the
    municipality chosen, or the lead's, or the only one the actor works in; it names that
    one and ``municipalities``, each one the actor works in."""
    if not access.may_add(actor.user, Operation):
        raise PermissionDenied
    municipality = municipality_from(actor, municipality, lead)
    return _operation_write(
        Operation(created_by=actor.user, municipality=municipality),
        named=_named(actor, municipality, municipalities), parties=list(parties), name=name,
        lead=lead, objective=objective, starts_on=starts_on or timezone.localdate(),
        ends_on=ends_on, summary=summary,
    )  # fmt: skip


@transaction.atomic
def operation_update(
    *,
    actor: Actor,
    operation: Operation,
    name: str,
    lead: Organisation,
    objective: str,
    parties: Iterable[Organisation],
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    summary: str,
    municipalities: Iterable[Municipality] | None = None,
) -> Operation:
    """Change an operation's plan; its status moves only through ``operation_transition``.

    ``municipalities`` are those it names of the actor's (``None``: as they are). The
    actor names or drops only municipalities they work in, and chooses only among the
    parties they see: what the operation names beyond those (another municipality, and that
    one's own organisations) stays as it is, unseen by the actor and not theirs to drop."""
    _allowed(actor, operation)
    if municipalities is None:
        municipalities = operation.municipalities.filter(pk__in=actor.municipality_ids)
    elsewhere = set(operation.municipalities.exclude(pk__in=actor.municipality_ids))
    seen = access.restrict_for(actor, Organisation.objects.all()).values("pk")
    unseen = operation.parties.exclude(pk__in=seen)
    named = _named(actor, operation.municipality, municipalities, kept=elsewhere)
    _require_no_targets_in_dropped(operation, named)
    return _operation_write(
        operation, named=named, parties=[*parties, *unseen], name=name, lead=lead,
        objective=objective, starts_on=starts_on, ends_on=ends_on, summary=summary,
    )  # fmt: skip


def _named(
    actor: Actor,
    home: Municipality,
    chosen: Iterable[Municipality],
    kept: Iterable[Municipality] = (),
) -> set[Municipality]:
    """What an operation names: its home, those ``chosen`` (each one ``actor`` works in),
    and those ``kept`` that were named already where the actor does not work."""
    return {home, *(municipality_for(actor, m) for m in chosen), *kept}


def _require_no_targets_in_dropped(operation: Operation, named: set[Municipality]) -> None:
    """A municipality with targets stays named: dropped, its targets would be in an
    operation that is no longer theirs, seen by nobody who works there with it."""
    dropped = operation.municipalities.exclude(pk__in=[m.pk for m in named])
    with_targets = dropped.filter(
        pk__in=Target.objects.filter(operation=operation).values("municipality_id")
    ).order_by("name")
    if names := [m.name for m in with_targets]:
        raise ValidationError(
            ngettext(
                "%(municipalities)s has targets in the operation: the operation names it "
                "while they remain.",
                "%(municipalities)s have targets in the operation: the operation names them "
                "while they remain.",
                len(names),
            )
            % {"municipalities": ", ".join(names)}
        )


def _operation_write(
    operation: Operation,
    *,
    named: set[Municipality],
    parties: list[Organisation],
    **fields: object,
) -> Operation:
    """The lead works in the home municipality; every party in one the operation names."""
    require_same_municipality(operation.municipality, [fields["lead"]])
    require_working_in(named, parties)
    operation = save_validated(operation, fields)
    operation.municipalities.set(named)
    operation.parties.set({*parties, operation.lead})
    return operation


@transaction.atomic
def operation_transition(*, actor: Actor, operation: Operation, status: str) -> Operation:
    _allowed(actor, operation)
    check_transition(OPERATION_TRANSITIONS, OperationStatus, operation.status, status)
    if status == OperationStatus.CONCLUDED and not operation.summary.strip():
        raise ValidationError(_("Write the after-action summary before concluding."))
    operation.status = status
    operation.save(update_fields=["status"])
    return operation


@transaction.atomic
def target_create(
    *,
    actor: Actor,
    operation: Operation,
    kind: str,
    name: str,
    organisation_number: str = "",
    address: str = "",
    area: Area | None = None,
    municipality: Municipality | None = None,
) -> Target:
    """A target of ``operation``, in one of the municipalities it names that the actor
    works in: the one chosen, or the area's, or the only one (``target_municipality_choices``)."""
    _allowed(actor, operation)
    chosen = municipality or (area.municipality if area is not None else None)
    municipality = _target_municipality(actor, operation, chosen)
    require_same_municipality(municipality, [area])
    return save_validated(
        Target(operation=operation, municipality=municipality),
        {
            "kind": kind,
            "name": name,
            "organisation_number": organisation_number,
            "address": address,
            "area": area,
        },
    )


def _target_municipality(
    actor: Actor, operation: Operation, chosen: Municipality | None
) -> Municipality:
    """The target's municipality: ``chosen`` if the actor works there and the operation
    names it (a target elsewhere would be seen by nobody who sees the operation with it),
    else the only one of the choices; with several, the actor names it."""
    choices = target_municipality_choices(actor=actor, operation=operation)
    if chosen is not None:
        municipality_for(actor, chosen)  # one the actor works in
        if not choices.filter(pk=chosen.pk).exists():
            raise ValidationError(
                _("The operation does not name %(municipality)s.") % {"municipality": chosen}
            )
        return chosen
    only = list(choices[:2])
    if len(only) != 1:
        raise ValidationError(_("Choose the municipality."))
    return only[0]


@transaction.atomic
def inspection_create(
    *,
    actor: Actor,
    target: Target,
    kind: str,
    findings: str,
    date: datetime.date | None = None,
) -> Inspection:
    """An agency's inspection, always in that agency's name."""
    _allowed(actor, target, access.Action.VIEW)  # and so its operation
    if not access.may_add(actor.user, Inspection):
        raise PermissionDenied
    if actor.organisation_id not in {p.pk for p in target.operation.parties.all()}:
        raise ValidationError(_("Your organisation is not a party to this operation."))
    inspection = save_validated(
        Inspection(target=target, agency_id=actor.organisation_id, created_by=actor.user),
        {"date": date or timezone.localdate(), "kind": kind, "findings": findings},
    )
    access.record(actor, AccessAction.CREATE, Inspection, inspection.pk)
    return inspection


@transaction.atomic
def measure_create(
    *,
    actor: Actor,
    inspection: Inspection,
    kind: str,
    amount: Decimal | None = None,
    description: str = "",
) -> Measure:
    _allowed(actor, inspection)
    return save_validated(
        Measure(inspection=inspection),
        {"kind": kind, "amount": amount, "description": description},
    )


@transaction.atomic
def intelligence_create(*, actor: Actor, operation: Operation, text: str) -> IntelligenceNote:
    _allowed(actor, operation, access.Action.VIEW)
    if not access.may_add(actor.user, IntelligenceNote):
        raise PermissionDenied
    note = save_validated(IntelligenceNote(operation=operation, author=actor.user), {"text": text})
    access.record(actor, AccessAction.CREATE, IntelligenceNote, note.pk)
    return note
