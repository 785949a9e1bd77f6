"""Real Celery worker processes for tests, each on a queue of its own."""

import contextlib
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from umebra.jobs import JobStatus

ROOT = Path(__file__).resolve().parents[1]


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
