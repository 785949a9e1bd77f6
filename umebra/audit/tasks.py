"""Scheduled work of the access log."""

import datetime

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from umebra.access import SYSTEM
from umebra.audit import services
from umebra.audit.models import AuditSample


@shared_task
def sample_draw_last_month() -> None:
    """Draw last month's review sample on the 1st, unless the auditor already did."""
    month = (timezone.localdate().replace(day=1) - datetime.timedelta(1)).replace(day=1)
    if not AuditSample.objects.filter(month=month).exists():
        services.sample_draw(actor=SYSTEM, month=month, size=settings.UMEBRA_AUDIT_SAMPLE_SIZE)
