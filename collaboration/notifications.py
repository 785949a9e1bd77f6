"""The coordinators' weekly digest, mailed each Monday morning: how many activities and
decisions are due in the coming week, and how many observations each area had last week.

Run by the scheduler for no one (``collaboration.tasks.coordinators_digest_mail``). Counts
and area names only, and a link to the home page that lists what is due: never what an
activity or decision says, nor what an observation tells. One mail per coordinator per ISO
week (the event key "digest:2026-W49"), however often it runs.
"""

import datetime

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from collaboration.selectors.agreements import activities_due
from collaboration.selectors.groups import decisions_open
from collaboration.selectors.observations import observations_counted
from umebra.mail import mail_queue
from umebra.models import MailKind, User
from umebra.roles import Role
from umebra.selectors import people_holding

WEEK = datetime.timedelta(days=7)


@transaction.atomic
def coordinators_digest_mail(*, today: datetime.date) -> int:
    """Mail each coordinator the digest of ``today``'s ISO week; returns how many were
    queued (a coordinator already mailed this week is not mailed again)."""
    year, week, _weekday = today.isocalendar()
    coordinators = list(people_holding(Role.COORDINATOR))
    for coordinator in coordinators:
        with translation.override("sv"):  # as every mail (umebra.mail)
            mail_queue(
                kind=MailKind.WEEKLY_DIGEST,
                recipients=[coordinator],
                subject=_("Umebrå this week: week %(week)d") % {"week": week},
                sentence=_digest(coordinator, today),
                link=reverse("home"),
                key=f"digest:{year}-W{week:02d}",
            )
    return len(coordinators)


def _digest(user: User, today: datetime.date) -> str:
    """What is due by a week from today (overdue included), and last week's observations per
    area, as ``user`` sees them on their pages."""
    due_by = today + WEEK
    due = (
        activities_due(user=user, due_by=due_by).count()
        + decisions_open(user=user, due_by=due_by).count()
    )
    lines = [
        ngettext(
            "%(count)d activity or decision is due by %(date)s.",
            "%(count)d activities and decisions are due by %(date)s.",
            due,
        )
        % {"count": due, "date": due_by.isoformat()}
    ]
    monday = today - datetime.timedelta(days=today.weekday())
    since, until = (
        timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        for day in (monday - WEEK, monday)
    )
    per_area = (
        observations_counted(user=user)
        .filter(occurred_at__gte=since, occurred_at__lt=until)
        .values("area__name")
        .annotate(count=Count("pk"))
        .order_by("area__name")
    )
    last_week = (monday - WEEK).isocalendar().week
    if per_area:
        lines.append(_("Observations in week %(week)d, per area:") % {"week": last_week})
        lines += [f"{row['area__name']}: {row['count']}" for row in per_area]
    else:
        lines.append(_("No observations were reported in week %(week)d.") % {"week": last_week})
    return "\n".join(lines)
