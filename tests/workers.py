"""Real Celery worker processes for tests, each on a queue of its own."""

import contextlib
import os
import signal
import socket
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
def celery_worker(env: dict, queue: str, log: Path, *, name: str = "test", beat: bool = False):
    """A worker process on ``queue`` (with the beat scheduler inside where ``beat``), stopped
    afterwards; its log is shown if it crashed. Yields the process, to kill it if need be."""
    beat_args = ["--beat", "--schedule", str(log.with_suffix(".beat"))] if beat else []
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "umebra", "worker", "--pool=solo",
             "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--queues", queue, "--hostname", f"{queue}@{name}", "--loglevel=INFO",
             *beat_args],
            cwd=ROOT, env={**env, "CELERY_QUEUE": queue}, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: the beat child goes with it
        )  # fmt: skip
    try:
        yield worker
    finally:
        if worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=20)
            if worker.returncode not in (0, -15):
                pytest.fail(log.read_text())
        with contextlib.suppress(ProcessLookupError):
            os.killpg(worker.pid, signal.SIGKILL)  # whatever of the group is left


def kill_worker(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and every process it started, as a machine failure would."""
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def redis_server(port: int, folder: Path):
    """A Redis of the test's own on ``port``, never the shared one; stopped afterwards."""
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_for(read_status, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while (status := read_status()) not in (JobStatus.DONE, JobStatus.FAILED):
        if time.monotonic() > deadline:
            break
        time.sleep(0.2)
    return status
