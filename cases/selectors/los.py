"""Reads of LOS operations, each part narrowed by its own rule."""

from django.db.models import Count, QuerySet

from cases.models import Inspection, IntelligenceNote, Operation
from umebra import access
from umebra.models import User


def operation_list(*, user: User) -> QuerySet[Operation]:
    return (
        access.restrict(user, Operation.objects.select_related("lead"))
        .annotate(target_count=Count("targets", distinct=True))
        .order_by("-starts_on", "-id")
    )


def operation_parts(*, user: User, operation: Operation) -> dict:
    inspections = access.restrict(
        user,
        Inspection.objects.filter(target__operation=operation)
        .select_related("target", "agency")
        .prefetch_related("measures"),
    )
    return {
        "targets": access.restrict(
            user, operation.targets.select_related("area").defer("area__boundary")
        ),
        "inspections": inspections,
        "intelligence": access.restrict(
            user, IntelligenceNote.objects.filter(operation=operation).select_related("author")
        ),
        "parties": operation.parties.all(),
    }
