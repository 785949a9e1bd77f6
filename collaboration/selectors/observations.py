"""Reads of observations: the list, and the weekly local picture per area."""

import datetime
from dataclasses import dataclass
from typing import cast

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from collaboration.models import Area, Observation
from collaboration.policy import PICTURE, ObservationPolicy
from umebra import access
from umebra.models import Organisation, User


def observation_list(*, user: User) -> QuerySet[Observation]:
    """The reports the user lists in detail: every organisation's, or their organisation's
    (``listed_organisation`` says which)."""
    return (
        access.restrict(user, Observation.objects.all())
        .select_related("area", "organisation", "municipality")
        .defer("area__boundary")  # a row names its area; only maps draw it
        .order_by("-occurred_at", "-id")
    )


def observations_counted(*, user: User) -> QuerySet[Observation]:
    """What the local picture and every count of observations on a page take: the whole
    area's, every organisation's reports, for everyone who may open the local picture
    (docs/rules.md, rule 9); the same for a partner as for the coordinator."""
    return access.restrict(user, Observation.objects.order_by(), PICTURE)


def listed_organisation(*, user: User) -> Organisation | None:
    """The organisation whose reports alone the user's list shows, so the page can say so;
    None where it shows every organisation's."""
    actor = access.actor_for(user)
    policy = cast(ObservationPolicy, access.policy_for(Observation))
    if actor.membership is None or policy.lists_every_report(actor):
        return None
    return actor.membership.organisation


@dataclass(frozen=True)
class LocalPicture:
    """Observations per area and week over a period, as the EST method compiles them."""

    weeks: list[datetime.date]
    areas: list[Area]
    counts: dict[tuple[int, datetime.date], int]  # (area id, monday) -> count

    def week_totals(self) -> list[int]:
        return [sum(self.counts.get((a.pk, w), 0) for a in self.areas) for w in self.weeks]

    def area_rows(self) -> list[tuple[Area, list[int], int, float | None]]:
        """Each area with its weekly counts, total, and total per 1,000 residents."""
        rows = []
        for area in self.areas:
            weekly = [self.counts.get((area.pk, week), 0) for week in self.weeks]
            total = sum(weekly)
            rows.append((area, weekly, total, area.per_thousand(total)))
        return rows


def local_picture(*, user: User, weeks: int = 12, today: datetime.date | None = None):
    """The last ``weeks`` whole and current weeks, counted in one query
    (``observations_counted``)."""
    today = today or timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    mondays = [this_monday - datetime.timedelta(weeks=n) for n in reversed(range(weeks))]
    start = datetime.datetime.combine(
        mondays[0], datetime.time.min, timezone.get_current_timezone()
    )
    rows = (
        observations_counted(user=user)
        .filter(occurred_at__gte=start)
        .annotate(week=TruncWeek("occurred_at"))
        .values("area_id", "week")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {(row["area_id"], timezone.localtime(row["week"]).date()): row["n"] for row in rows}
    areas = list(access.restrict(user, Area.objects.all()))
    return LocalPicture(weeks=mondays, areas=areas, counts=counts)


def changeable(*, user: User, observations) -> set[int]:
    """Which of the listed observations the user may correct (offered an edit link)."""
    ids = [observation.pk for observation in observations]
    may = access.restrict(user, Observation.objects.filter(pk__in=ids), access.Action.CHANGE)
    return set(may.values_list("pk", flat=True))
