"""Writes of LOS operations: each agency records its own inspections and measures."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
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
from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.models import Organisation
from umebra.saving import save_validated
from umebra.workflow import check_transition


def _allowed(actor: Actor, obj, action: str = access.Action.CHANGE):
    if not access.allows(actor.user, obj, action):
        raise PermissionDenied
    return obj


@transaction.atomic
def operation_save(
    *, actor: Actor, instance: Operation | None = None, parties: Iterable[Organisation], **fields
) -> Operation:
    """Plan an operation (coordinator or police) or change one's plan; the lead is a party."""
    if instance is None:
        if not access.may_add(actor.user, Operation):
            raise PermissionDenied
        instance = Operation(created_by=actor.user)
    else:
        _allowed(actor, instance)
    fields.pop("status", None)  # status moves only through operation_transition
    operation = save_validated(instance, fields)
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
def target_add(*, actor: Actor, operation: Operation, **fields) -> Target:
    _allowed(actor, operation)
    return save_validated(Target(operation=operation), fields)


@transaction.atomic
def inspection_add(*, actor: Actor, target: Target, **fields) -> Inspection:
    """An agency's inspection, always in that agency's name."""
    _allowed(actor, target.operation, access.Action.VIEW)
    if not access.may_add(actor.user, Inspection):
        raise PermissionDenied
    if actor.organisation_id not in {p.pk for p in target.operation.parties.all()}:
        raise ValidationError(_("Your organisation is not a party to this operation."))
    inspection = save_validated(
        Inspection(target=target, agency_id=actor.organisation_id, created_by=actor.user), fields
    )
    access.record(actor, AccessAction.CREATE, Inspection, inspection.pk)
    return inspection


@transaction.atomic
def measure_add(*, actor: Actor, inspection: Inspection, **fields) -> Measure:
    _allowed(actor, inspection)
    return save_validated(Measure(inspection=inspection), fields)


@transaction.atomic
def intelligence_add(*, actor: Actor, operation: Operation, text: str) -> IntelligenceNote:
    _allowed(actor, operation, access.Action.VIEW)
    if not access.may_add(actor.user, IntelligenceNote):
        raise PermissionDenied
    note = save_validated(IntelligenceNote(operation=operation, author=actor.user), {"text": text})
    access.record(actor, AccessAction.CREATE, IntelligenceNote, note.pk)
    return note
