"""Celery tasks of reports. Thin: each calls a service and logs what happened."""

import logging

from celery import shared_task

from reports import services
from umebra.access import SYSTEM

logger = logging.getLogger(__name__)


@shared_task
def report_build_task(run_id: int) -> None:
    run = services.report_build(run_id=run_id)
    if run is None:
        logger.info("Report run %s is built, or being built, elsewhere", run_id)
    else:
        logger.info("Report run %s: %s", run_id, run.status)


@shared_task
def reports_quarterly() -> None:
    for run in services.report_quarterly_request(actor=SYSTEM):
        logger.info(
            "Quarterly report run %s for %s, %s", run.pk, run.municipality, run.period.label
        )


@shared_task
def reports_resend_stalled() -> None:
    count = services.reports_stalled_resend()
    if count:
        logger.warning("Sent %d stalled report runs to the workers again", count)
