"""The coordinators' weekly digest, mailed each Monday morning: how many activities and
decisions are due in the coming week, and how many observations each area had last week.

Run by the scheduler for no one (``collaboration.tasks.coordinators_digest_mail``). Counts
and area names only, and a link to the home page that lists what is due: never what an
activity or decision says, nor what an observation tells. One mail per coordinator per ISO
week (the event key "digest:2026-W49"), however often it runs.

And each morning, to the responsible person of an activity or a decision due tomorrow or
overdue: that something they answer for is due, its date and a link to its page (the promise
or safety agreement, the group), never what it says nor whose it is. The event key names the
item and its due date, so an overdue item is mailed once, and again only if its date moves.
"""

import datetime

from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from collaboration.models import Decision
from collaboration.models.responsible import RESPONSIBLE_ROLES
from collaboration.selectors.agreements import activities_due, activities_open
from collaboration.selectors.groups import decisions_open
from collaboration.selectors.observations import observations_counted
from umebra.mail import mail_queue
from umebra.models import MailKind, Membership, User
from umebra.roles import Role
from umebra.selectors import people_holding

WEEK = datetime.timedelta(days=7)
DAY = datetime.timedelta(days=1)
# What the reminder of each kind of item says: its subject, and its sentence when the item is
# due (today or tomorrow) and when it is overdue.
REMINDER_WORDS = {
    "activity": (
        gettext_lazy("An activity you answer for is due"),
        gettext_lazy("An activity you answer for is due on %(date)s."),
        gettext_lazy("An activity you answer for was due on %(date)s and is not marked done."),
    ),
    "decision": (
        gettext_lazy("A decision you answer for is due"),
        gettext_lazy("A decision you answer for is due on %(date)s."),
        gettext_lazy("A decision you answer for was due on %(date)s and is not marked done."),
    ),
}


@transaction.atomic
def coordinators_digest_mail(*, today: datetime.date) -> int:
    """Mail each coordinator the digest of ``today``'s ISO week; returns how many mails were
    queued (a coordinator already mailed this week is not mailed again, nor counted)."""
    year, week, _weekday = today.isocalendar()
    queued = 0
    for coordinator in people_holding(Role.COORDINATOR):
        with translation.override("sv"):  # as every mail (umebra.mail)
            queued += mail_queue(
                kind=MailKind.WEEKLY_DIGEST,
                recipients=[coordinator],
                subject=_("Umebrå this week: week %(week)d") % {"week": week},
                sentence=_digest(coordinator, today),
                link=reverse("home"),
                key=f"digest:{year}-W{week:02d}",
            )
    return queued


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


def _still_acting_for(organisation: str) -> Exists:
    """The item's person acts for its ``organisation`` (a field name) today: one who has left
    it since being named is not told of its work."""
    return Exists(
        Membership.objects.active().filter(
            user=OuterRef("responsible_person"),
            organisation=OuterRef(organisation),
            role__in=RESPONSIBLE_ROLES,
        )
    )


@transaction.atomic
def activities_and_decisions_due_mail(*, today: datetime.date) -> int:
    """Tell the responsible person of each activity (not done or cancelled, of a promise or
    agreement not completed) and each open decision due tomorrow or overdue: once per item
    and due date. Returns how many mails were queued: an item already told of its due date
    is not told again, nor counted."""
    tomorrow = today + DAY
    activities = list(
        activities_open(due_by=tomorrow)
        .filter(responsible_person__isnull=False)
        .filter(_still_acting_for("responsible"))
        .select_related("responsible_person")
    )
    decisions = list(
        Decision.objects.filter(
            due__lte=tomorrow, done_on__isnull=True, responsible_person__isnull=False
        )
        .filter(_still_acting_for("owner"))
        .select_related("responsible_person", "meeting__group")
    )
    reminders = [
        (
            "activity",
            activity,
            reverse("collaboration:undertaking-detail", args=[activity.undertaking_id]),
        )
        for activity in activities
    ] + [
        ("decision", decision, decision.meeting.group.get_absolute_url()) for decision in decisions
    ]
    queued = 0
    for name, item, link in reminders:
        subject, due_sentence, overdue_sentence = REMINDER_WORDS[name]
        with translation.override("sv"):  # as every mail (umebra.mail)
            sentence = overdue_sentence if item.due < today else due_sentence
            queued += mail_queue(
                kind=MailKind.ACTION_DUE,
                recipients=[item.responsible_person],
                subject=subject,
                sentence=str(sentence) % {"date": item.due.isoformat()},
                link=link,
                key=f"{name}-due:{item.pk}:{item.due.isoformat()}",
            )
    return queued
