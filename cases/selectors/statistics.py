"""Aggregates of cases for reports: counts and sums, never a name, number or note.

Read through ``access.restrict_reportable`` (reports are built for all their readers); what
leaves is numbers keyed by area, kind or agency, which the report puts through disclosure
control before anyone sees them.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from cases.models import (
    Inspection,
    Measure,
    MeasureKind,
    Operation,
    OperationStatus,
    SigCase,
    Target,
    TargetKind,
)
from cases.selectors.sig import consent_in_force_elsewhere
from umebra import access


@dataclass(frozen=True)
class LosOutcomes:
    operations_active: int  # active at some time in the period
    operations_concluded: int  # concluded (ended) in the period
    targets_by_kind: dict[str, int]
    # Counts of targets, not of inspections or measures: the threshold protects businesses,
    # and five inspections of one business are still one business.
    targets_inspected_by_agency: dict[str, int]
    targets_with_measures_by_kind: dict[str, int]
    amounts_by_kind: dict[str, Decimal]


def los_outcomes(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> LosOutcomes:
    # An operation still being planned has not acted on anyone: it and its targets wait.
    operations = (
        access.restrict_reportable(Operation.objects.all(), municipalities)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start), starts_on__lte=end)
        .exclude(status=OperationStatus.PLANNING)
    )
    counts = operations.aggregate(
        active=Count("pk"),
        concluded=Count(
            "pk",
            filter=Q(ends_on__range=(start, end))
            & Q(status__in=[OperationStatus.CONCLUDED, OperationStatus.ARCHIVED]),
        ),
    )
    target_kinds = dict(TargetKind.choices)
    targets = (
        access.restrict_reportable(Target.objects.filter(operation__in=operations), municipalities)
        .values("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    inspections = (
        access.restrict_reportable(
            Inspection.objects.filter(date__range=(start, end)), municipalities
        )
        .exclude(target__operation__status=OperationStatus.PLANNING)
        .values("agency__name")
        .annotate(n=Count("target", distinct=True))
        .order_by("agency__name")
    )
    measure_kinds = dict(MeasureKind.choices)
    measures = list(
        access.restrict_reportable(
            Measure.objects.filter(inspection__date__range=(start, end)), municipalities
        )
        .exclude(inspection__target__operation__status=OperationStatus.PLANNING)
        .values("kind")
        .annotate(n=Count("inspection__target", distinct=True), amount=Sum("amount"))
        .order_by()
    )
    return LosOutcomes(
        operations_active=counts["active"],
        operations_concluded=counts["concluded"],
        targets_by_kind={str(target_kinds[row["kind"]]): row["n"] for row in targets},
        targets_inspected_by_agency={row["agency__name"]: row["n"] for row in inspections},
        targets_with_measures_by_kind={
            str(measure_kinds[row["kind"]]): row["n"] for row in measures
        },
        amounts_by_kind={
            str(measure_kinds[row["kind"]]): row["amount"] or Decimal(0) for row in measures
        },
    )


def sig_cases_by_area(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> dict[tuple[str, str], int]:
    """(what, area name) -> number of SIG cases: opened in the period, active at its end,
    closed in it. Purged cases still count: retention keeps area, dates and consents' periods.

    Active is counted from the consents, as the case's status follows them: open at the end
    and a consent in force then covering another organisation. So a past quarter's count is
    what was true at its end, whatever the cases' statuses are now; a quarter not yet ended
    counts the cases active on the day the data is read."""
    cases = access.restrict_reportable(SigCase.objects.all(), municipalities)
    as_of = min(end, timezone.localdate())
    columns = {
        "opened": Q(opened_on__range=(start, end)),
        "active": Q(opened_on__lte=as_of)
        & (Q(closed_on__isnull=True) | Q(closed_on__gt=as_of))
        & Q(consent_in_force_elsewhere(as_of)),
        "closed": Q(closed_on__range=(start, end)),
    }
    rows = (
        cases.values("person__area__name")
        .annotate(**{name: Count("pk", filter=condition) for name, condition in columns.items()})
        .order_by()
    )
    return {
        (name, row["person__area__name"]): row[name]
        for row in rows
        for name in columns
        if row[name]
    }
