"""Scheduled work of the accessibility app."""

import logging

from celery import shared_task

from umebra.accessibility import services

logger = logging.getLogger(__name__)


@shared_task
def accessibility_reports_purge() -> None:
    """Purge the reports kept longer than the retention period (daily)."""
    purged = services.accessibility_reports_purge()
    logger.info("Retention purged %d accessibility reports", purged)
