"""Reads of LOS operations, each part narrowed by its own rule."""

from collections.abc import Iterator

from django.db.models import Count, QuerySet

from cases.models import Inspection, IntelligenceNote, Operation
from umebra import access
from umebra.models import User
from umebra.selectors import allowed_pks


def operation_list(*, user: User) -> QuerySet[Operation]:
    return (
        access.restrict(user, Operation.objects.select_related("lead", "municipality"))
        .annotate(target_count=Count("targets", distinct=True))
        .order_by("-starts_on", "-id")
    )


def operation_full(*, user: User) -> QuerySet[Operation]:
    """The operations as their own page shows them, with the lead: not ``operation_list``,
    whose count of targets and DISTINCT serve the list alone."""
    return access.restrict(user, Operation.objects.select_related("lead"))


def operation_parts(*, user: User, operation: Operation) -> dict:
    """The parts of the operation the user may see, read once (the page and the access log
    use the same rows)."""
    inspections = access.restrict(
        user,
        Inspection.objects.filter(target__operation=operation)
        .select_related("target", "agency")
        .prefetch_related("measures"),
    )
    return {
        "targets": list(
            access.restrict(user, operation.targets.select_related("area").defer("area__boundary"))
        ),
        "inspections": list(inspections),
        "intelligence": list(
            access.restrict(
                user, IntelligenceNote.objects.filter(operation=operation).select_related("author")
            )
        ),
        "parties": operation.parties.all(),
    }


def inspections_changeable(*, user: User, operation: Operation) -> set[int]:
    """The operation's inspections the user may add measures to: their own agency's."""
    return allowed_pks(
        user=user,
        objects=Inspection.objects.filter(target__operation=operation),
        action=access.Action.CHANGE,
    )


def shown_parts(parts: dict) -> Iterator:
    """Every secret part the operation page shows: targets, inspections with their
    measures, intelligence notes."""
    yield from parts["targets"]
    for inspection in parts["inspections"]:
        yield inspection
        yield from inspection.measures.all()
    yield from parts["intelligence"]
