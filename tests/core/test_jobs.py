import datetime
import threading
import time

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone

from umebra.jobs import (
    MAX_ATTEMPTS,
    JobStatus,
    LeaseLost,
    job_alive,
    job_claim,
    job_finish,
    job_kept_alive,
)
from umebra.models import WorkerPing

pytestmark = pytest.mark.django_db
LEASE = datetime.timedelta(minutes=5)


def _running(*, silent_for: datetime.timedelta, attempts: int = 1) -> WorkerPing:
    last = timezone.now() - silent_for
    return WorkerPing.objects.create(
        status=JobStatus.RUNNING, started_at=last, heartbeat_at=last, attempts=attempts
    )


def test_a_queued_job_is_claimed_once():
    ping = WorkerPing.objects.create()
    claimed = job_claim(WorkerPing, ping.pk, lease=LEASE)
    assert claimed.status == JobStatus.RUNNING
    assert claimed.attempts == 1
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None


def test_a_running_job_whose_lease_ran_out_is_claimed_again():
    ping = _running(silent_for=2 * LEASE)
    claimed = job_claim(WorkerPing, ping.pk, lease=LEASE)
    assert claimed.attempts == 2


def test_a_running_job_that_shows_signs_of_life_keeps_its_lease():
    ping = _running(silent_for=2 * LEASE)
    job_alive(ping)
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None


def test_a_job_whose_workers_keep_dying_is_given_up():
    ping = _running(silent_for=2 * LEASE, attempts=MAX_ATTEMPTS)
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None
    ping.refresh_from_db()
    assert ping.status == JobStatus.FAILED
    assert str(MAX_ATTEMPTS) in ping.error


def test_a_worker_that_lost_its_job_can_neither_renew_nor_finish_it():
    ping = _running(silent_for=2 * LEASE)
    first = job_claim(WorkerPing, ping.pk, lease=LEASE)
    WorkerPing.objects.filter(pk=ping.pk).update(heartbeat_at=timezone.now() - 2 * LEASE)
    second = job_claim(WorkerPing, ping.pk, lease=LEASE)
    assert second.attempts == first.attempts + 1

    with pytest.raises(LeaseLost):
        job_alive(first)
    assert job_finish(first, error="the first worker woke up and failed") is False
    ping.refresh_from_db()
    assert (ping.status, ping.error) == (JobStatus.RUNNING, "")
    assert job_finish(second) is True


@pytest.mark.parametrize("status", [JobStatus.DONE, JobStatus.FAILED])
def test_a_finished_job_is_never_claimed(status):
    ping = WorkerPing.objects.create(status=status)
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None


def test_a_missing_job_is_not_claimed():
    assert job_claim(WorkerPing, 987654321, lease=LEASE) is None


def test_finishing_with_an_error_marks_the_job_failed():
    ping = job_claim(WorkerPing, WorkerPing.objects.create().pk, lease=LEASE)
    assert job_finish(ping, error="boom") is True
    ping.refresh_from_db()
    assert (ping.status, ping.error) == (JobStatus.FAILED, "boom")
    assert ping.finished_at is not None


# The renewals come from a thread with a connection of its own, which sees only committed rows.
@pytest.mark.django_db(transaction=True)
def test_a_step_longer_than_the_lease_keeps_it_while_it_runs_and_not_after():
    lease = datetime.timedelta(seconds=0.5)
    ping = job_claim(WorkerPing, WorkerPing.objects.create().pk, lease=lease)
    with job_kept_alive(ping, every=lease / 5):
        time.sleep(3 * lease.total_seconds())
        assert job_claim(WorkerPing, ping.pk, lease=lease) is None
    time.sleep(2 * lease.total_seconds())
    assert job_claim(WorkerPing, ping.pk, lease=lease).attempts == 2


@pytest.mark.django_db(transaction=True)
def test_renewing_stops_once_another_worker_has_taken_the_job_over():
    lease = datetime.timedelta(seconds=0.5)
    ping = job_claim(WorkerPing, WorkerPing.objects.create().pk, lease=lease)
    taken_at = timezone.now()
    with job_kept_alive(ping, every=lease / 10):
        WorkerPing.objects.filter(pk=ping.pk).update(
            attempts=F("attempts") + 1, heartbeat_at=taken_at
        )
        time.sleep(lease.total_seconds())
        renewing = [t for t in threading.enumerate() if t.name.startswith("lease-")]
        assert renewing == []  # stopped at the first renewal refused, before the step ends
    ping.refresh_from_db()
    assert (ping.attempts, ping.heartbeat_at) == (2, taken_at)


def _other_connections() -> set[int]:
    """The server processes of every other connection to this test database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return {pid for (pid,) in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
def test_renewing_carries_on_after_the_database_dropped_its_connection():
    lease = datetime.timedelta(seconds=0.5)
    ping = job_claim(WorkerPing, WorkerPing.objects.create().pk, lease=lease)
    # Others may be connected already: a live server or a Celery worker of earlier tests.
    before = _other_connections()
    with job_kept_alive(ping, every=lease / 5):
        time.sleep(lease.total_seconds() / 2)
        renewing = _other_connections() - before  # the thread's, opened at its first renewal
        assert len(renewing) == 1
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [renewing.pop()])
        time.sleep(3 * lease.total_seconds())
        assert job_claim(WorkerPing, ping.pk, lease=lease) is None
