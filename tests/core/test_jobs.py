import datetime

import pytest
from django.utils import timezone

from umebra.jobs import MAX_ATTEMPTS, JobStatus, LeaseLost, job_alive, job_claim, job_finish
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
