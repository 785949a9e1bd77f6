"""Benchmark: 50 concurrent users on gunicorn and PostgreSQL with a year of data.

Sets up a database of its own (``<name>_load_bench``: the demo with its two municipalities,
Umeå and Vännäs, the year of data of ``bench/year.py`` in Umeå, 50 logged-in sessions per
kind of user and one built quarterly report), starts
gunicorn with the production settings on a free loopback port, as it runs behind the TLS
proxy in production (``DJANGO_SECURE_PROXY_SSL_HEADER``), and drives it with Locust,
headless, for a fixed time each:

1. the ceiling: the trivial health view, users with no pause between requests;
2. the mix of the five main roles' pages, users with no pause (throughput);
3. the ceiling again with users who pause 0.5–1.5 s between requests, as people do;
4. the mix with those users (latency).

The users are of both municipalities: Umeå's coordinators and politicians, Vännäs'
coordinators, and police whose membership names both (a regional organisation's); the
public reads both municipalities' promises.

Prints requests per second, median, 95th and 99th percentile and errors of each, the mix's
throughput beside the ceiling's for each kind of user, and each page's figures under 4.
Run with `make bench-load` (LOAD_SECONDS sets each run's length, default 30).
"""

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import environ

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
base = environ.Env.db_url_config(os.environ["DATABASE_URL"])
NAME = base["NAME"] + "_load_bench"
os.environ["DATABASE_URL"] = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + NAME
WORK = Path(tempfile.mkdtemp(prefix="umebra-load-"))
SERVER_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
    "UMEBRA_DEMO": "1",
    "STATIC_ROOT": str(WORK / "static"),
    "LOG_LEVEL": "WARNING",
}
os.environ.update(SERVER_ENV)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench import year  # noqa: E402

USERS, SECONDS, PER_ROLE = 50, int(os.environ.get("LOAD_SECONDS", "30")), 50
# The load's kinds of user: (organisation, role, the municipalities a regional one's member
# works in). Their names are the locustfile's.
LOAD_USERS = {
    "coordinator": ("Umebrå", "coordinator", []),
    "coordinator-vannas": ("Vännäs kommun", "coordinator", []),
    "police": ("Polisen LPO Umeå", "police", ["umea", "vannas"]),
    "politician": ("Umeå kommun", "politician", []),
}
WORKERS = 4  # gunicorn processes on two cores: the load generator shares the machine


def fixture() -> dict:
    """Logged-in sessions for each role, and the objects the pages show."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from cases.models import Operation
    from collaboration.models import Area
    from reports.models import ReportKind, ReportRun
    from reports.periods import quarter
    from reports.services import report_build, report_request
    from umebra.access import SYSTEM
    from umebra.demo import demo_municipality
    from umebra.models import Municipality, Organisation, User
    from umebra.roles import Role
    from umebra.services import membership_create

    sessions = {}
    for kind, (organisation_name, role, works_in) in LOAD_USERS.items():
        organisation = Organisation.objects.get(name=organisation_name)
        keys = []
        for n in range(PER_ROLE):
            user, created = User.objects.get_or_create(username=f"load-{kind}-{n}")
            if created:
                membership_create(
                    actor=SYSTEM, user=user, organisation=organisation, role=Role(role),
                    municipalities=Municipality.objects.filter(slug__in=works_in),
                )  # fmt: skip
            device, _ = TOTPDevice.objects.get_or_create(user=user, name="load")
            session = SessionStore()
            session[SESSION_KEY] = str(user.pk)
            session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
            session[HASH_SESSION_KEY] = user.get_session_auth_hash()
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.create()
            keys.append(session.session_key)
        sessions[kind] = keys
    report = ReportRun.objects.filter(kind=ReportKind.QUARTERLY, status="done").first()
    if report is None:
        run, _new = report_request(kind=ReportKind.QUARTERLY, period=quarter(year.YEAR, 4),
                                   actor=SYSTEM, municipality=demo_municipality())  # fmt: skip
        report = report_build(run_id=run.pk)
    return {
        "sessions": sessions,
        "operation": Operation.objects.get(name="Operation Norrsken").pk,
        "report": report.pk,
        "area": Area.objects.get(name="Ersboda").pk,
        "organisation": Organisation.objects.get(name="Fritid").pk,
        "area-vannas": Area.objects.get(slug="vannas-centrum").pk,
        "organisation-vannas": Organisation.objects.get(name="Vännäs kommun").pk,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "umebra.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT, env=os.environ.copy(), start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return server
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def drive(port: int, users: list[str], think: bool, label: str) -> dict:
    prefix = WORK / label.replace(" ", "-")
    env = {**os.environ, "LOAD_FIXTURE": str(WORK / "fixture.json"),
           "LOAD_THINK": "1" if think else "0"}  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
         "--headless", "--users", str(USERS), "--spawn-rate", str(USERS),
         "--run-time", f"{SECONDS}s", "--host", f"http://127.0.0.1:{port}",
         "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", *users],
        cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv") as stats:
        rows = [_figures(row) for row in csv.DictReader(stats)]
    return {**rows[-1], "label": label, "pages": rows[:-1]}  # the last row is the aggregate


def _figures(row: dict) -> dict:
    return {
        "label": row["Name"],
        "rps": float(row["Requests/s"]),
        "median": float(row["50%"]),
        "p95": float(row["95%"]),
        "p99": float(row["99%"]),
        "requests": int(row["Request Count"]),
        "errors": int(row["Failure Count"]),
    }


def _print(results: list[dict]) -> None:
    print(f"{'':<30} {'req/s':>8} {'median':>8} {'p95':>8} {'p99':>8} {'requests':>9} "
          f"{'errors':>7}")  # fmt: skip
    for r in results:
        print(f"{r['label']:<30} {r['rps']:>8.1f} {r['median']:>6.0f}ms {r['p95']:>6.0f}ms "
              f"{r['p99']:>6.0f}ms {r['requests']:>9} {r['errors']:>7}")  # fmt: skip


def main() -> None:
    year.ensure_database(base, NAME)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    year.fill()
    (WORK / "fixture.json").write_text(json.dumps(fixture()))
    call_command("collectstatic", interactive=False, verbosity=0)
    port = free_port()
    server = serve(port)
    mix = ["Coordinator", "VannasCoordinator", "Police", "Politician", "Public"]
    try:
        results = [
            drive(port, ["Ceiling"], think=False, label="ceiling, no pause"),
            drive(port, mix, think=False, label="five roles, no pause"),
            drive(port, ["Ceiling"], think=True, label="ceiling, 0.5-1.5 s pause"),
            drive(port, mix, think=True, label="five roles, 0.5-1.5 s pause"),
        ]
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
    print(f"\n{USERS} users of Umeå and Vännäs, {SECONDS} s each, gunicorn {WORKERS} workers, "
          f"PostgreSQL with a year of Umeå's data\n")  # fmt: skip
    _print(results)
    for ceiling, mix_run, users in [(0, 1, "without pauses"), (2, 3, "who pause")]:
        share = 100 * results[mix_run]["rps"] / results[ceiling]["rps"]
        print(f"throughput of the mix, users {users}: {share:.0f} % of the ceiling")
    print("\nEach page of the mix, users who pause:\n")
    _print(results[3]["pages"])


if __name__ == "__main__":
    main()
