"""Jobs go through a real broker to a real worker process, which updates their rows.

Both brokers are tried: Redis, as in production and `make test`, and the embedded filesystem
broker that `make run` uses when no REDIS_URL is set.
"""

import contextlib
import os
import sqlite3
import subprocess
import sys
import uuid

from tests.workers import ROOT, celery_worker, database_url_of_this_test, wait_for
from umebra import celery_app
from umebra.access import SYSTEM
from umebra.jobs import JobStatus
from umebra.services import worker_ping_request


def test_a_real_worker_answers_through_redis(transactional_db, monkeypatch, tmp_path):
    # A queue of this test's own, so parallel runs never share messages.
    queue = f"test-{uuid.uuid4().hex}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    env = {**os.environ, "DATABASE_URL": database_url_of_this_test()}
    with celery_worker(env, queue, tmp_path / "worker.log"):
        ping = worker_ping_request(actor=SYSTEM)
        assert ping.status == JobStatus.QUEUED

        def status():
            ping.refresh_from_db()
            return ping.status

        assert wait_for(status) == JobStatus.DONE
    assert ping.answered_by == f"{queue}@test"
    assert ping.attempts == 1


def test_the_embedded_broker_of_make_run_works_without_redis(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["UMEBRA_VAR_DIR"] = str(tmp_path)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=120)
    request = (
        "from umebra.services import worker_ping_request as r; from umebra.access import SYSTEM; "
        "print(r(actor=SYSTEM).pk)"
    )

    with celery_worker(env, "umebra", tmp_path / "worker.log"):
        requested = subprocess.run(
            [*manage, "shell", "-c", request], cwd=ROOT, env=env, check=True, timeout=60,
            capture_output=True, text=True,
        )  # fmt: skip
        ping_id = int(requested.stdout.split()[-1])

        def status():
            with contextlib.closing(sqlite3.connect(tmp_path / "umebra.sqlite3")) as db:
                query = "select status from umebra_workerping where id = ?"
                return db.execute(query, (ping_id,)).fetchone()[0]

        assert wait_for(status) == JobStatus.DONE
