"""Reads of LOS operations, each part narrowed by its own rule."""

from collections.abc import Iterator

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from cases.models import Inspection, IntelligenceNote, Operation, Target
from umebra import access
from umebra.access import Actor
from umebra.models import Municipality, User
from umebra.selectors import allowed_pks


def operation_list(*, user: User) -> QuerySet[Operation]:
    """The operations the user sees, each with the municipalities it names and the number
    of its targets the user sees: a joint operation's targets in a municipality they do not
    work in are not counted, for the count would tell of them."""
    seen_targets = (
        access.restrict(user, Target.objects.filter(operation=OuterRef("pk")))
        .order_by()
        .values("operation")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        access.restrict(user, Operation.objects.select_related("lead", "municipality"))
        .prefetch_related(_named())
        .annotate(target_count=Coalesce(Subquery(seen_targets), 0))
        .order_by("-starts_on", "-id")
    )


def operation_full(*, user: User) -> QuerySet[Operation]:
    """The operations as their own page shows them, with the lead and the municipalities
    they name: not ``operation_list``, whose count of targets serves the list alone."""
    return access.restrict(user, Operation.objects.select_related("lead")).prefetch_related(
        _named()
    )


def _named() -> Prefetch:
    return Prefetch("municipalities", Municipality.objects.order_by("name"))


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
            access.restrict(
                user,
                operation.targets.select_related("area", "municipality").defer("area__boundary"),
            )
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


def target_municipality_choices(*, actor: Actor, operation: Operation) -> QuerySet[Municipality]:
    """Where ``actor`` may place a target of ``operation``: the municipalities it names
    that they work in (any it names, for the system)."""
    named = operation.municipalities.order_by("name")
    return named if actor.user is None else named.filter(pk__in=actor.municipality_ids)


def operation_municipality_choices(*, actor: Actor) -> QuerySet[Municipality]:
    """The municipalities ``actor`` may name in an operation: those they work in."""
    return Municipality.objects.filter(pk__in=actor.municipality_ids).order_by("name")
