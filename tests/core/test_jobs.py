import datetime

import pytest
from django.utils import timezone

from umebra.jobs import JobStatus, job_claim, job_finish
from umebra.models import WorkerPing

pytestmark = pytest.mark.django_db
LEASE = datetime.timedelta(minutes=5)


def test_a_queued_job_is_claimed_once():
    ping = WorkerPing.objects.create()
    claimed = job_claim(WorkerPing, ping.pk, lease=LEASE)
    assert claimed.status == JobStatus.RUNNING
    assert claimed.attempts == 1
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None


def test_a_running_job_whose_lease_ran_out_is_claimed_again():
    ping = WorkerPing.objects.create(
        status=JobStatus.RUNNING, started_at=timezone.now() - 2 * LEASE, attempts=1
    )
    claimed = job_claim(WorkerPing, ping.pk, lease=LEASE)
    assert claimed.attempts == 2


@pytest.mark.parametrize("status", [JobStatus.DONE, JobStatus.FAILED])
def test_a_finished_job_is_never_claimed(status):
    ping = WorkerPing.objects.create(status=status)
    assert job_claim(WorkerPing, ping.pk, lease=LEASE) is None


def test_a_missing_job_is_not_claimed():
    assert job_claim(WorkerPing, 987654321, lease=LEASE) is None


def test_finishing_with_an_error_marks_the_job_failed():
    ping = WorkerPing.objects.create()
    job_finish(ping, error="boom")
    ping.refresh_from_db()
    assert (ping.status, ping.error) == (JobStatus.FAILED, "boom")
    assert ping.finished_at is not None
