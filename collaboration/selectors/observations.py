"""Reads of observations: the list, and the weekly local picture per area."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from collaboration.models import Area, Observation
from umebra import access
from umebra.models import User


def observation_list(*, user: User) -> QuerySet[Observation]:
    return (
        access.restrict(user, Observation.objects.all())
        .select_related("area", "organisation")
        .defer("area__boundary")  # a row names its area; only maps draw it
        .order_by("-occurred_at", "-id")
    )


@dataclass(frozen=True)
class LocalPicture:
    """Observations per area and week over a period, as the EST method compiles them."""

    weeks: list[datetime.date]
    areas: list[Area]
    counts: dict[tuple[int, datetime.date], int]  # (area id, monday) -> count

    def week_totals(self) -> list[int]:
        return [sum(self.counts.get((a.pk, w), 0) for a in self.areas) for w in self.weeks]

    def area_rows(self) -> list[tuple[Area, list[int], int, float]]:
        """Each area with its weekly counts, total, and total per 1,000 residents."""
        rows = []
        for area in self.areas:
            weekly = [self.counts.get((area.pk, week), 0) for week in self.weeks]
            total = sum(weekly)
            rate = 1000 * total / area.population if area.population else 0.0
            rows.append((area, weekly, total, rate))
        return rows


def local_picture(*, user: User, weeks: int = 12, today: datetime.date | None = None):
    """The last ``weeks`` whole and current weeks, counted in one query."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    mondays = [this_monday - datetime.timedelta(weeks=n) for n in reversed(range(weeks))]
    start = datetime.datetime.combine(
        mondays[0], datetime.time.min, timezone.get_current_timezone()
    )
    rows = (
        observation_list(user=user)
        .filter(occurred_at__gte=start)
        .annotate(week=TruncWeek("occurred_at"))
        .values("area_id", "week")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {(row["area_id"], timezone.localtime(row["week"]).date()): row["n"] for row in rows}
    areas = list(access.restrict(user, Area.objects.all()))
    return LocalPicture(weeks=mondays, areas=areas, counts=counts)
