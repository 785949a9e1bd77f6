"""When a closed SIG case's personal data is due for purging (*gallring*)."""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from cases.models import CaseStatus, SigCase


def _retention() -> datetime.timedelta:
    return datetime.timedelta(days=365 * settings.UMEBRA_RETENTION_YEARS)


def purge_due(now: datetime.datetime | None = None) -> QuerySet[SigCase]:
    """Closed cases whose last entry is older than the retention period."""
    now = now or timezone.now()
    return SigCase.objects.filter(status=CaseStatus.CLOSED, last_entry_at__lt=now - _retention())


def purge_date(case: SigCase) -> datetime.date | None:
    """The day a closed case's personal data is purged, if no entry comes first; ``None``
    for a case still open (it is kept while it is worked) or already purged."""
    if case.status != CaseStatus.CLOSED:
        return None
    return timezone.localdate(case.last_entry_at + _retention()) + datetime.timedelta(days=1)
