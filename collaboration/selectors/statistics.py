"""Aggregates of collaboration for reports: counts and sums over a period, never rows.

Everything here reads through ``access.restrict_reportable``: reports are built for all
their readers, not for one user. Each function returns plain numbers keyed by names, which
the report then puts through disclosure control.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from collaboration.models import (
    ActionPlan,
    ActivityStatus,
    Area,
    CollaborationGroup,
    DocumentStatus,
    EffortKind,
    GrantApplication,
    Indicator,
    IndicatorValue,
    JointEffort,
    Meeting,
    Observation,
    ObservationKind,
    SituationPicture,
    Spending,
    Undertaking,
)
from collaboration.selectors.agreements import target_progress
from collaboration.selectors.cycle import effect_per_thousand
from umebra import access

Counts = dict[tuple[str, str], int]


def _reportable(queryset: QuerySet, municipalities: Iterable[int]) -> QuerySet:
    return access.restrict_reportable(queryset, municipalities)


def areas(*, municipalities: Iterable[int]) -> list[Area]:
    return list(_reportable(Area.objects.order_by("name"), municipalities))


def _day_range(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, ...]:
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, zone),
        datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, zone),
    )


@dataclass(frozen=True)
class EffortTotals:
    efforts: int
    hours: Decimal
    cost: Decimal
    people_reached: int


def effort_totals(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> EffortTotals:
    totals = _reportable(
        JointEffort.objects.filter(date__range=(start, end)), municipalities
    ).aggregate(
        efforts=Count("pk"), hours=Sum("hours"), cost=Sum("cost"), people=Sum("people_reached")
    )
    return EffortTotals(
        efforts=totals["efforts"],
        hours=totals["hours"] or Decimal(0),
        cost=totals["cost"] or Decimal(0),
        people_reached=totals["people"] or 0,
    )


def efforts_by_kind_and_organisation(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> Counts:
    """(kind label, organisation name) -> number of efforts the organisation took part in."""
    rows = (
        _reportable(JointEffort.objects.filter(date__range=(start, end)), municipalities)
        .values("kind", "organisations__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    labels = dict(EffortKind.choices)
    return {(str(labels[row["kind"]]), row["organisations__name"] or "–"): row["n"] for row in rows}


def efforts_by_month(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> dict[datetime.date, int]:
    rows = (
        _reportable(JointEffort.objects.filter(date__range=(start, end)), municipalities)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["month"]: row["n"] for row in rows}


def observations_by_kind_and_area(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> Counts:
    """(kind label, area name) -> number of observations."""
    rows = (
        _reportable(
            Observation.objects.filter(occurred_at__range=_day_range(start, end)), municipalities
        )
        .values("kind", "area__name")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = dict(ObservationKind.choices)
    return {(str(labels[row["kind"]]), row["area__name"] or "–"): row["n"] for row in rows}


@dataclass(frozen=True)
class IndicatorTrend:
    indicator: Indicator
    periods: list[datetime.date]
    lines: dict[str, list[float | None]]  # area name (or the whole municipality) -> values


def indicator_trends(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> list[IndicatorTrend]:
    """Each indicator's values per area from ``start`` to ``end``, in one query."""
    values = _reportable(
        IndicatorValue.objects.filter(period__range=(start, end)).select_related("area"),
        municipalities,
    ).values_list("indicator_id", "area__name", "period", "value")
    by_indicator: dict[int, list] = {}
    for indicator_id, area, period, value in values:
        by_indicator.setdefault(indicator_id, []).append((area, period, value))
    trends = []
    for indicator in _reportable(
        Indicator.objects.filter(pk__in=by_indicator).order_by("name"), municipalities
    ):
        rows = by_indicator[indicator.pk]
        periods = sorted({period for _, period, _ in rows})
        index = {period: n for n, period in enumerate(periods)}
        lines: dict[str, list[float | None]] = {}
        for area, period, value in rows:
            name = area or "Hela kommunen"
            lines.setdefault(name, [None] * len(periods))[index[period]] = float(value)
        trends.append(IndicatorTrend(indicator, periods, dict(sorted(lines.items()))))
    return trends


@dataclass(frozen=True)
class GrantLine:
    title: str
    applicant: str
    granted: Decimal
    spent_in_period: Decimal
    spent_total: Decimal
    outcome: Decimal | None
    outcome_unit: str
    effect_per_thousand: Decimal | None


def grant_spending(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> list[GrantLine]:
    """Granted applications with money spent up to ``end``: spending and effect per krona."""
    applications = (
        _reportable(GrantApplication.objects.filter(amount_granted__isnull=False), municipalities)
        .select_related("applicant")
        .annotate(
            spent=Sum("spending__amount", filter=Q(spending__date__lte=end)),
            spent_in_period=Sum("spending__amount", filter=Q(spending__date__range=(start, end))),
        )
        .filter(spent__isnull=False)
        .order_by("title")
    )
    return [
        GrantLine(
            title=application.title,
            applicant=application.applicant.name,
            granted=application.amount_granted,
            spent_in_period=application.spent_in_period or Decimal(0),
            spent_total=application.spent,
            outcome=application.outcome,
            outcome_unit=application.outcome_unit,
            effect_per_thousand=effect_per_thousand(application),
        )
        for application in applications
    ]


def spending_total(
    start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> Decimal:
    spent = _reportable(
        Spending.objects.filter(date__range=(start, end)), municipalities
    ).aggregate(total=Sum("amount"))
    return spent["total"] or Decimal(0)


@dataclass(frozen=True)
class UndertakingFollowUp:
    undertaking: Undertaking
    activities_total: int
    activities_done: int
    targets: list  # TargetProgress
    feedback: int
    efforts: int


def undertakings_follow_up(
    kind: str, start: datetime.date, end: datetime.date, *, municipalities: Iterable[int]
) -> list[UndertakingFollowUp]:
    """Citizen promises or safety agreements in force during the period, with progress."""
    undertakings = (
        _reportable(Undertaking.objects.filter(kind=kind), municipalities)
        .filter(valid_from__lte=end, valid_to__gte=start)
        .prefetch_related("areas", "parties", "targets__values")
        .annotate(
            activities_total=Count("activities", distinct=True),
            activities_done=Count(
                "activities", filter=Q(activities__status=ActivityStatus.DONE), distinct=True
            ),
            feedback_count=Count(
                "feedback", filter=Q(feedback__date__range=(start, end)), distinct=True
            ),
            effort_count=Count(
                "efforts", filter=Q(efforts__date__range=(start, end)), distinct=True
            ),
        )
        .order_by("title")
    )
    return [
        UndertakingFollowUp(
            undertaking=undertaking,
            activities_total=undertaking.activities_total,
            activities_done=undertaking.activities_done,
            targets=target_progress(undertaking),
            feedback=undertaking.feedback_count,
            efforts=undertaking.effort_count,
        )
        for undertaking in undertakings
    ]


def picture_for_year(year: int, *, municipalities: Iterable[int]) -> SituationPicture | None:
    """The adopted situation picture in force during ``year`` (the latest adopted by then)."""
    return (
        _reportable(SituationPicture.objects.filter(adopted_on__year__lte=year), municipalities)
        .prefetch_related("problems__areas", "indicators")
        .order_by("-adopted_on", "-id")
        .first()
    )


def plan_for_year(year: int, *, municipalities: Iterable[int]) -> ActionPlan | None:
    """The adopted action plan in force during ``year``, with its rows."""
    return (
        _reportable(ActionPlan.objects.filter(adopted_on__year__lte=year), municipalities)
        .exclude(status=DocumentStatus.DRAFT)
        .prefetch_related("rows__responsible", "rows__problems")
        .order_by("-adopted_on", "-id")
        .first()
    )


def coordination_by_municipality(
    since: datetime.date, *, municipalities: Iterable[int]
) -> dict[int, tuple[int, int]]:
    """Whether coordination is in place in each municipality: its collaboration groups, and
    their meetings held since ``since`` (municipality id: (groups, meetings))."""
    groups = dict(
        _reportable(CollaborationGroup.objects.all(), municipalities)
        .values_list("municipality_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    meetings = dict(
        _reportable(Meeting.objects.filter(date__gte=since, date__lte=timezone.localdate()),
                    municipalities)
        .values_list("group__municipality_id")
        .annotate(n=Count("id"))
        .order_by()
    )  # fmt: skip
    return {pk: (groups.get(pk, 0), meetings.get(pk, 0)) for pk in municipalities}
