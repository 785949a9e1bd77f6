"""Scheduled work of the access log."""

import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from umebra.access import SYSTEM
from umebra.audit import services
from umebra.audit.models import AuditSample
from umebra.models import Municipality


@shared_task
def sample_draw_last_month() -> None:
    """Draw each municipality's review sample of last month on the 1st, unless its auditor
    already did."""
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(1)).replace(day=1)
    drawn = AuditSample.objects.filter(month=month).values("municipality_id")
    for municipality in Municipality.objects.exclude(pk__in=drawn):
        services.sample_draw(
            actor=SYSTEM,
            municipality=municipality,
            month=month,
            size=settings.UMEBRA_AUDIT_SAMPLE_SIZE,
        )
