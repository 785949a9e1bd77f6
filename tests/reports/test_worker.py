"""A report asked for in a request is built by a real worker through Redis."""

import os
import uuid

from reports.models import ReportKind, ReportRun
from reports.services import report_request
from tests.reports.conftest import Q2, pdf_text
from tests.workers import celery_worker, database_url_of_this_test, wait_for
from umebra import celery_app
from umebra.access import SYSTEM
from umebra.jobs import JobStatus


def test_a_real_worker_builds_the_report_and_stores_one_pdf(
    transactional_db, quarter_data, monkeypatch, tmp_path
):
    queue = f"test-{uuid.uuid4().hex}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    env = {**os.environ, "DATABASE_URL": database_url_of_this_test()}
    with celery_worker(env, queue, tmp_path / "worker.log"):
        run, _new = report_request(kind=ReportKind.QUARTERLY, period=Q2, actor=SYSTEM)

        def status():
            run.refresh_from_db()
            return run.status

        assert wait_for(status, seconds=60) == JobStatus.DONE, run.error
    assert run.progress == 100 and run.attempts == 1
    assert "Kvartalsuppföljning" in pdf_text(bytes(run.file.data))
    assert ReportRun.objects.count() == 1
