"""Background jobs whose state lives in a database row.

A job is a row (queued → running → done/failed) and a Celery message that carries only the
row's id. The row is the truth: the web shows it, and a worker claims it with a conditional
update before working, so a message delivered twice (acks_late, a killed worker) cannot run
the work twice, while a job whose worker died can be claimed again once its lease ran out.

Each claim counts an attempt, and the attempt number is the claim's token: a worker writes
to its job (progress, sign of life, the outcome) only while the row still carries its
attempt, so a worker that was thought dead and comes back cannot overwrite the one that took
over. A job whose workers keep dying is given up after ``MAX_ATTEMPTS`` rather than retried
for ever.
"""

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import TypeVar

from django.db import DatabaseError, connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    """The state every job row carries; concrete jobs add what they are about."""

    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    # The worker's last sign of life: the lease runs from here.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


J = TypeVar("J", bound=Job)


def job_enqueue(job: Job, task: Callable) -> None:
    """Send ``task`` for ``job`` once the transaction that wrote the row has committed.

    ``robust``: a broker that is down must not undo the row; the job stays queued and is
    visible as such.
    """
    transaction.on_commit(lambda: task.delay(job.pk), robust=True)


MAX_ATTEMPTS = 3


class LeaseLost(Exception):
    """The job is no longer this worker's: its lease ran out and another one took over."""


def job_claim(model: type[J], pk: int, *, lease: timedelta) -> J | None:
    """Mark the job running and return it, or ``None`` if it is not ours to run.

    A queued job is claimed; so is a running one whose lease has expired (its worker died),
    unless it has had all its attempts: then it is marked failed.
    """
    now = timezone.now()
    stale = running_silent_since(now - lease)
    claimed = model.objects.filter(
        Q(status=JobStatus.QUEUED) | stale, pk=pk, attempts__lt=MAX_ATTEMPTS
    ).update(status=JobStatus.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1)
    if claimed:
        return model.objects.get(pk=pk)
    model.objects.filter(stale, pk=pk, attempts__gte=MAX_ATTEMPTS).update(
        status=JobStatus.FAILED,
        finished_at=now,
        error=gettext("Given up after %(attempts)d attempts: none finished within its lease.")
        % {"attempts": MAX_ATTEMPTS},
    )
    return None


def running_silent_since(moment) -> Q:
    """Running jobs whose worker has shown no sign of life since ``moment``; one claimed by
    code older than the heartbeat counts from its start."""
    return Q(status=JobStatus.RUNNING) & (
        Q(heartbeat_at__lt=moment) | Q(heartbeat_at__isnull=True, started_at__lt=moment)
    )


def _held(job: Job) -> models.QuerySet:
    """The job's row while this worker's claim on it stands."""
    return type(job).objects.filter(pk=job.pk, status=JobStatus.RUNNING, attempts=job.attempts)


def job_alive(job: Job, **fields) -> None:
    """Renew the job's lease, writing ``fields`` (progress, say) with it; raises
    :class:`LeaseLost` if another worker has taken the job over. Outside any transaction, so
    that the web sees it at once."""
    if not _held(job).update(heartbeat_at=timezone.now(), **fields):
        raise LeaseLost


@contextmanager
def job_kept_alive(job: Job, *, every: timedelta) -> Iterator[None]:
    """Renew the job's lease every ``every`` while the block runs, from a thread of its own.

    For one long step that cannot stop to call :func:`job_alive` itself (WeasyPrint drawing a
    big report): without it, a step longer than the lease would be taken over by another
    worker however alive this one is, and then every attempt would be. Renewing stops at the
    block's end, or once the lease is lost; the outcome is stored only while
    :func:`job_holds`, so a lost lease needs no word to the block. A renewal the database
    refuses (a dropped connection) is tried again at the next turn, on a new connection.
    """
    done = threading.Event()

    def renew() -> None:
        try:
            while not done.wait(every.total_seconds()):
                try:
                    job_alive(job)
                except DatabaseError:
                    logger.warning("Renewing the lease of %s failed; trying again", job)
                    connections.close_all()
        except LeaseLost:
            pass
        finally:
            connections.close_all()  # this thread's own connections

    renewer = threading.Thread(target=renew, name=f"lease-{job._meta.label}-{job.pk}", daemon=True)
    renewer.start()
    try:
        yield
    finally:
        done.set()
        renewer.join()


def job_holds(job: Job) -> bool:
    """Whether this worker's claim stands; call inside the transaction that stores the
    outcome, which this locks the row for."""
    return _held(job).select_for_update().exists()


def job_finish(job: Job, *, error: str = "") -> bool:
    """Mark the job done (or failed, with ``error``) if the claim still stands; returns
    whether it did."""
    job.status = JobStatus.FAILED if error else JobStatus.DONE
    job.error = error
    job.finished_at = timezone.now()
    return bool(_held(job).update(status=job.status, error=job.error, finished_at=job.finished_at))
