"""Background jobs whose state lives in a database row.

A job is a row (queued → running → done/failed) and a Celery message that carries only the
row's id. The row is the truth: the web shows it, and a worker claims it with a conditional
update before working, so a message delivered twice (acks_late, a killed worker) cannot run
the work twice, while a job whose worker died can be claimed again once its lease ran out.
"""

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


def job_claim(model: type[J], pk: int, *, lease: timedelta) -> J | None:
    """Mark the job running and return it, or ``None`` if it is not ours to run.

    A queued job is claimed; so is a running one whose lease has expired (its worker died).
    """
    now = timezone.now()
    claimed = model.objects.filter(
        Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, started_at__lt=now - lease),
        pk=pk,
    ).update(status=JobStatus.RUNNING, started_at=now, attempts=F("attempts") + 1)
    return model.objects.get(pk=pk) if claimed else None


def job_finish(job: Job, *, error: str = "") -> None:
    job.status = JobStatus.FAILED if error else JobStatus.DONE
    job.error = error
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])
