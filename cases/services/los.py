"""Writes of LOS operations: each agency records its own inspections and measures."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import (
    OPERATION_TRANSITIONS,
    Inspection,
    IntelligenceNote,
    Measure,
    Operation,
    OperationStatus,
    Target,
)
from collaboration.models import Area
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.models import Municipality, Organisation
from umebra.saving import save_validated
from umebra.tenancy import municipality_from, require_same_municipality
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
) -> Operation:
    """Plan an operation (coordinator or police); the lead is a party. It is in the
    municipality chosen, or the lead's, or the only one the actor works in."""
    if not access.may_add(actor.user, Operation):
        raise PermissionDenied
    municipality = municipality_from(actor, municipality, lead)
    return _operation_write(
        Operation(created_by=actor.user, municipality=municipality), name=name, lead=lead,
        objective=objective, parties=parties, starts_on=starts_on or timezone.localdate(),
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
) -> Operation:
    """Change an operation's plan; its status moves only through ``operation_transition``."""
    return _operation_write(
        _allowed(actor, operation), name=name, lead=lead, objective=objective,
        parties=parties, starts_on=starts_on, ends_on=ends_on, summary=summary,
    )  # fmt: skip


def _operation_write(
    operation: Operation, *, parties: Iterable[Organisation], **fields: object
) -> Operation:
    parties = list(parties)
    require_same_municipality(operation.municipality, [fields["lead"], *parties])
    operation = save_validated(operation, fields)
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
) -> Target:
    _allowed(actor, operation)
    require_same_municipality(operation.municipality, [area])
    return save_validated(
        Target(operation=operation),
        {
            "kind": kind,
            "name": name,
            "organisation_number": organisation_number,
            "address": address,
            "area": area,
        },
    )


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
    _allowed(actor, target.operation, access.Action.VIEW)
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
