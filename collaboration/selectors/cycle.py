"""Reads of the law's cycle: indicators, the situation picture, the action plan, funds."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet, Sum

from collaboration.models import (
    ActionPlan,
    ActionRow,
    DocumentStatus,
    Fund,
    GrantApplication,
    Indicator,
    IndicatorValue,
    Problem,
    RowStatus,
    SituationPicture,
)
from umebra import access
from umebra.models import User

# The law expects the situation picture to be renewed; older than this, the app warns.
PICTURE_MAX_AGE = datetime.timedelta(days=2 * 365)


def indicator_list(*, user: User) -> QuerySet[Indicator]:
    return access.restrict(user, Indicator.objects.annotate(value_count=Count("values")))


@dataclass(frozen=True)
class Series:
    labels: list[str]
    lines: dict[str, list[Decimal | None]]
    preliminary: bool


def indicator_series(*, user: User, indicator: Indicator) -> Series:
    """The indicator's values as one line per area (and the whole municipality), by period."""
    values = list(access.restrict(user, indicator.values.select_related("area")).order_by("period"))
    periods = sorted({value.period for value in values})
    index = {period: n for n, period in enumerate(periods)}
    lines: dict[str, list[Decimal | None]] = {}
    for value in values:
        name = value.area.name if value.area else "Hela kommunen"
        lines.setdefault(name, [None] * len(periods))[index[value.period]] = value.value
    return Series(
        labels=[_period_label(indicator, period) for period in periods],
        lines=dict(sorted(lines.items())),
        preliminary=any(value.status == "preliminary" for value in values),
    )


def _period_label(indicator: Indicator, period: datetime.date) -> str:
    if indicator.frequency == "yearly":
        return f"{period:%Y}"
    if indicator.frequency == "quarterly":
        return f"{period:%Y} K{(period.month - 1) // 3 + 1}"
    return f"{period:%Y-%m}"


def indicator_values(*, user: User, indicator: Indicator) -> QuerySet[IndicatorValue]:
    return access.restrict(user, indicator.values.select_related("area")).order_by(
        "-period", "area__name"
    )


def picture_list(*, user: User) -> QuerySet[SituationPicture]:
    return access.restrict(user, SituationPicture.objects.all())


def picture_in_force(*, user: User) -> SituationPicture | None:
    adopted = picture_list(user=user).filter(status=DocumentStatus.ADOPTED)
    return adopted.order_by("-adopted_on").first()


def picture_is_stale(picture: SituationPicture | None, today: datetime.date) -> bool:
    """No adopted picture, or one adopted more than two years ago."""
    return (
        picture is None
        or picture.adopted_on is None
        or (today - picture.adopted_on > PICTURE_MAX_AGE)
    )


def picture_problems(*, user: User, picture: SituationPicture) -> QuerySet[Problem]:
    return access.restrict(user, picture.problems.prefetch_related("areas"))


def plan_list(*, user: User) -> QuerySet[ActionPlan]:
    return access.restrict(user, ActionPlan.objects.select_related("picture"))


def plan_rows(*, user: User, plan: ActionPlan) -> QuerySet[ActionRow]:
    return access.restrict(
        user,
        plan.rows.select_related("responsible").prefetch_related(
            "problems", "efforts", "undertakings", "grants"
        ),
    )


def red_rows(*, user: User) -> QuerySet[ActionRow]:
    """Rows of plans in force or being drafted that are off track."""
    live = [DocumentStatus.DRAFT, DocumentStatus.REVIEW, DocumentStatus.ADOPTED]
    rows = ActionRow.objects.filter(status=RowStatus.RED, plan__status__in=live)
    return access.restrict(user, rows.select_related("plan", "responsible"))


def fund_list(*, user: User) -> QuerySet[Fund]:
    return access.restrict(
        user,
        Fund.objects.annotate(
            granted=Sum("applications__amount_granted"),
            applications_count=Count("applications"),
        ),
    )


def fund_applications(*, user: User, fund: Fund) -> QuerySet[GrantApplication]:
    """The fund's applications with what was spent, for effect per krona."""
    return access.restrict(
        user,
        fund.applications.select_related("applicant")
        .prefetch_related("budget_lines", Prefetch("reports"))
        .annotate(spent=Sum("spending__amount")),
    ).order_by("-received_on", "-id")


def application_full(*, user: User) -> QuerySet[GrantApplication]:
    """The applications as their own page shows them: with the fund and the applicant."""
    return access.restrict(user, GrantApplication.objects.select_related("fund", "applicant"))


def application_parts(*, user: User, application: GrantApplication) -> dict:
    """What the application's page shows besides it, each part narrowed by its own rule."""
    return {
        "budget_lines": access.restrict(user, application.budget_lines.all()),
        "spending": access.restrict(user, application.spending.all()),
        "reports": access.restrict(user, application.reports.all()),
    }


def effect_per_thousand(application: GrantApplication) -> Decimal | None:
    """Outcome per 1,000 SEK spent (or granted, where nothing is recorded as spent)."""
    money = getattr(application, "spent", None) or application.amount_granted
    if application.outcome is None or not money:
        return None
    return (application.outcome * 1000 / money).quantize(Decimal("0.01"))
