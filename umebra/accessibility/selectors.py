"""Reads of the accessibility statement and its reports, and when a report is purged
(*gallring*)."""

import calendar
import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from umebra import access
from umebra.accessibility.models import AccessibilityReport, AccessibilityStatement
from umebra.accessibility.policy import EXTRACT
from umebra.models import User


def accessibility_statement() -> AccessibilityStatement | None:
    """The municipality's statement, public; none until the administrator has written it."""
    return access.restrict_public(AccessibilityStatement.objects.all()).first()


def accessibility_report_list(*, user: User) -> QuerySet[AccessibilityReport]:
    """The reports the user may read, newest first."""
    return access.restrict(user, AccessibilityReport.objects.all()).select_related("reported_by")


def accessibility_reports_sent_from(*, user: User, email: str) -> list[AccessibilityReport]:
    """The reports that gave ``email`` as the address for an answer (in any case of
    letters), among those the user may extract (the auditor's), oldest first."""
    reports = access.restrict(user, AccessibilityReport.objects.all(), EXTRACT)
    found = reports.filter(contact_email__iexact=email.strip()).select_related("reported_by")
    return list(found.order_by("created_at", "pk"))


def accessibility_report_senders(*, user: User, ids: list[str]) -> list[str]:
    """The addresses that the reports ``ids`` gave, among those the user may extract."""
    reports = access.restrict(user, AccessibilityReport.objects.all(), EXTRACT)
    found = reports.filter(pk__in=[pk for pk in ids if pk.isdigit()]).exclude(contact_email="")
    return sorted({email.lower() for email in found.values_list("contact_email", flat=True)})


def accessibility_report_purge_date(report: AccessibilityReport) -> datetime.date:
    """The day a report's words and address are purged: that of the first run of the nightly
    task (its time read from its schedule) whose limit has passed the report. A report that
    came between midnight and the run's hour is purged on the day it is kept until, not the
    day after."""
    schedule = settings.CELERY_BEAT_SCHEDULE["accessibility-reports-purge"]["schedule"]
    runs = sorted(datetime.time(h, m) for h in schedule.hour for m in schedule.minute)
    sent = timezone.localtime(report.created_at)
    months = settings.UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS
    day = _months_before(sent, -months).date()
    # Within a few days: a report sent late in a short month (the 28th of February at noon,
    # kept a month) is reached only by the run of the 1st of April, those of the 29th to
    # 31st of March looking back no further than to the 28th of February at 01:25.
    while True:
        for at in runs:
            run = timezone.make_aware(datetime.datetime.combine(day, at))
            if sent < accessibility_report_purge_limit(run):  # accessibility_reports_purge_due
                return day
        day += datetime.timedelta(days=1)


def _months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same time ``months`` calendar months earlier (the 31st becomes a month's last)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def accessibility_report_purge_limit(now: datetime.datetime | None = None) -> datetime.datetime:
    """Reports that came before this are kept no longer."""
    months = settings.UMEBRA_ACCESSIBILITY_REPORT_RETENTION_MONTHS
    return _months_before(timezone.localtime(now or timezone.now()), months)


def accessibility_reports_purge_due(
    now: datetime.datetime | None = None,
) -> QuerySet[AccessibilityReport]:
    """Reports older than the retention period whose words are still kept."""
    limit = accessibility_report_purge_limit(now)
    return AccessibilityReport.objects.filter(purged_at=None, created_at__lt=limit)
