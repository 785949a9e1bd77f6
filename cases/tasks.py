"""Scheduled work of the cases app."""

import logging

from celery import shared_task
from django.utils import timezone

from cases import notifications
from cases.services import retention, sig

logger = logging.getLogger(__name__)


@shared_task
def consents_expire() -> None:
    """End the grants of consents that ran out, and move the status of cases whose consent
    came into force or ended overnight (daily, just after midnight, and safe to run again)."""
    removed = sig.consents_expire()
    logger.info("Consent expiry removed %d grants", removed)


@shared_task
def cases_purge() -> None:
    """Purge the personal data of cases closed longer than the retention period (daily)."""
    purged = retention.cases_purge()
    logger.info("Retention purged %d cases", purged)


@shared_task
def case_reminders_mail() -> None:
    """Mail case owners of consents about to end and actions due or overdue (daily; safe
    to run again: each is mailed once)."""
    today = timezone.localdate()
    consents = notifications.consents_ending_mail(today=today)
    actions = notifications.case_actions_due_mail(today=today)
    logger.info("Queued %d mails of consents ending and %d of actions due", consents, actions)
