"""Reports survive a broker that is down and a worker that is killed, each test with a Redis
and workers of its own on free ports."""

import datetime
import os
import subprocess
import sys
import time
import uuid

import pytest

from collaboration.models import Area, Indicator, IndicatorValue
from reports.models import ReportFile, ReportKind, ReportRun
from tests.factories import umea
from tests.reports.conftest import Q2
from tests.workers import (
    ROOT,
    celery_worker,
    database_url_of_this_test,
    free_port,
    kill_worker,
    redis_server,
    wait_for,
)
from umebra.jobs import JobStatus

pytestmark = pytest.mark.django_db(transaction=True)

# Quick recovery, so that the tests take seconds: resend stalled runs every second, and give
# a run whose worker vanished to another after three seconds.
FAST = {
    "UMEBRA_REPORT_RESEND_EVERY_SECONDS": "1",
    "UMEBRA_REPORT_RESEND_AFTER_SECONDS": "1",
    "UMEBRA_REPORT_LEASE_SECONDS": "3",
}


def _env(redis_url: str) -> dict:
    return {**os.environ, **FAST, "DATABASE_URL": database_url_of_this_test(),
            "REDIS_URL": redis_url}  # fmt: skip


def _status(run_id: int):
    return lambda: ReportRun.objects.get(pk=run_id).status


def test_asked_for_while_redis_is_down_it_waits_and_runs_once_redis_is_back(tmp_path):
    port, queue = free_port(), f"test-{uuid.uuid4().hex}"
    env = {**_env(f"redis://127.0.0.1:{port}/0"), "CELERY_QUEUE": queue}
    # The web side asks with no broker to send to: the request is stored all the same.
    umea()  # the installation's one municipality, which the report is about
    ask = (
        "from reports.services import report_request; from reports.periods import quarter; "
        "from umebra.access import SYSTEM; "
        "print(report_request(actor=SYSTEM, kind='quarterly', period=quarter(2025, 2))[0].pk)"
    )
    asked = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", ask], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    run_id = int(asked.stdout.split()[-1])
    assert ReportRun.objects.get(pk=run_id).status == JobStatus.QUEUED

    with (
        redis_server(port, tmp_path) as redis_url,
        celery_worker(_env(redis_url), queue, tmp_path / "worker.log", beat=True),
    ):
        assert wait_for(_status(run_id), seconds=60) == JobStatus.DONE
    assert ReportFile.objects.filter(run_id=run_id).count() == 1


@pytest.fixture
def slow_report(db):
    """Forty indicator charts: a report that takes a few seconds to draw."""
    areas = [Area.objects.create(municipality=umea(), name=f"Område {n}", slug=f"omrade-{n}",
                                 population=5000)
             for n in range(3)]  # fmt: skip
    for n in range(40):
        indicator = Indicator.objects.create(
            municipality=umea(),
            name=f"Indikator {n}",
            unit="st",
            source="police_statistics",
            frequency="monthly",
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, area=area, period=datetime.date(2024, m, 1),
                           value=n + m)
            for area in areas
            for m in range(7, 13)
        )  # fmt: skip


def test_a_worker_killed_mid_report_leaves_it_to_another_and_one_pdf_results(slow_report, tmp_path):
    queue = f"test-{uuid.uuid4().hex}"
    with redis_server(free_port(), tmp_path) as redis_url:
        env = _env(redis_url)
        run = ReportRun.objects.create(
            municipality=umea(), kind=ReportKind.QUARTERLY, period_start=Q2.start, period_end=Q2.end
        )
        with celery_worker(env, queue, tmp_path / "a.log", name="a", beat=True) as first:
            deadline = time.monotonic() + 60
            while ReportRun.objects.get(pk=run.pk).status != JobStatus.RUNNING:
                assert time.monotonic() < deadline, (tmp_path / "a.log").read_text()
                time.sleep(0.02)
            kill_worker(first)
        killed = ReportRun.objects.get(pk=run.pk)
        assert killed.status == JobStatus.RUNNING and not ReportFile.objects.exists()

        with celery_worker(env, queue, tmp_path / "b.log", name="b", beat=True):
            assert wait_for(_status(run.pk), seconds=90) == JobStatus.DONE
    finished = ReportRun.objects.get(pk=run.pk)
    assert finished.attempts == 2
    assert ReportFile.objects.filter(run=finished).count() == 1
