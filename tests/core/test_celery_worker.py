"""Jobs go through a real broker to a real worker process, which updates their rows.

Both brokers are tried: Redis, as in production and `make test`, and the embedded filesystem
broker that `make run` uses when no REDIS_URL is set.
"""

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from umebra import celery_app
from umebra.jobs import JobStatus
from umebra.services import worker_ping_request

ROOT = Path(__file__).resolve().parents[2]


def database_url_of_this_test() -> str:
    """The URL of the database this test runs in, for the worker process to use."""
    db = connection.settings_dict
    credentials = quote(db["USER"])
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def celery_worker(env: dict, queue: str, log: Path):
    """A worker process on ``queue``, stopped (and its log shown if it crashed) afterwards."""
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "umebra", "worker", "--pool=solo",
             "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--queues", queue, "--hostname", f"{queue}@test", "--loglevel=INFO"],
            cwd=ROOT, env={**env, "CELERY_QUEUE": queue}, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield
    finally:
        worker.terminate()
        worker.wait(timeout=20)
        if worker.returncode not in (0, -15):
            pytest.fail(log.read_text())


def wait_for(read_status, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while (status := read_status()) not in (JobStatus.DONE, JobStatus.FAILED):
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    return status


def test_a_real_worker_answers_through_redis(transactional_db, monkeypatch, tmp_path):
    # A queue of this test's own, so parallel runs never share messages.
    queue = f"test-{uuid.uuid4().hex}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    env = {**os.environ, "DATABASE_URL": database_url_of_this_test()}
    with celery_worker(env, queue, tmp_path / "worker.log"):
        ping = worker_ping_request(requested_by=None)
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
    request = "from umebra.services import worker_ping_request as r; print(r(requested_by=None).pk)"

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
