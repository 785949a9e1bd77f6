"""Celery tasks of the core. Thin: each loads its row through a service and returns."""

import logging

from celery import shared_task

from umebra import mail, services, submissions

logger = logging.getLogger(__name__)


@shared_task
def worker_ping_answer_task(ping_id: int) -> None:
    ping = services.worker_ping_answer(
        ping_id=ping_id, hostname=worker_ping_answer_task.request.hostname or "worker"
    )
    if ping is None:
        logger.info("Worker check %s was already answered or no longer exists", ping_id)


@shared_task
def memberships_sync_groups() -> None:
    count = services.membership_groups_sync()
    logger.info("Synchronised the role groups of %d users", count)


@shared_task
def submissions_forget() -> None:
    logger.info("Forgot %d form submission tokens", submissions.submissions_forget())


@shared_task
def mail_send_task() -> None:
    sent = mail.mail_send_due()
    if sent:
        logger.info("Sent %d e-mails", sent)
