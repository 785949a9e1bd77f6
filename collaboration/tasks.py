"""Scheduled work of the collaboration app. Thin: each calls a function and logs."""

import logging

from celery import shared_task
from django.utils import timezone

from collaboration import notifications

logger = logging.getLogger(__name__)


@shared_task
def coordinators_digest_mail() -> None:
    """Mail the coordinators their weekly digest (Monday mornings; safe to run again: one
    mail per coordinator and week)."""
    count = notifications.coordinators_digest_mail(today=timezone.localdate())
    logger.info("Queued the weekly digest for %d coordinators", count)


@shared_task
def activities_and_decisions_due_mail() -> None:
    """Remind the responsible people of activities and decisions due tomorrow or overdue
    (each morning; safe to run again: one mail per item and due date)."""
    count = notifications.activities_and_decisions_due_mail(today=timezone.localdate())
    logger.info("Queued %d due reminders of activities and decisions", count)
