"""Benchmark: the quarterly follow-up report over a full year of data, end to end.

Fills a PostgreSQL database of its own (``<name>_reports_bench``, made once and reused)
with a year of data: 20,000 joint efforts, 5,000 observations, 500 LOS operations (with
targets, inspections and measures), 2,000 SIG cases and 50 indicators across all areas and
months. Then, in a fresh process, builds the Q4 follow-up as the worker does (gather,
render with WeasyPrint, store) and prints the time, the page count, the peak memory of
that process and the share of the time spent in WeasyPrint.

Run with `make bench-report`.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import environ

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
GIVEN_URL = os.environ["DATABASE_URL"]
base = environ.Env.db_url_config(GIVEN_URL)
NAME = base["NAME"] + "_reports_bench"
os.environ["DATABASE_URL"] = GIVEN_URL.rsplit("/", 1)[0] + "/" + NAME
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench import year  # noqa: E402


def measure() -> None:
    """Run in a fresh process: build the Q4 follow-up and print the figures."""
    from reports import services
    from reports.models import ReportKind
    from reports.periods import quarter
    from umebra import pdf
    from umebra.access import SYSTEM

    in_weasyprint = 0.0
    render = pdf.render_archival_pdf

    def timed_render(html):
        nonlocal in_weasyprint
        start = time.perf_counter()
        try:
            return render(html)
        finally:
            in_weasyprint += time.perf_counter() - start

    pdf.render_archival_pdf = timed_render
    run, _new = services.report_request(
        kind=ReportKind.QUARTERLY, period=quarter(year.YEAR, 4), actor=SYSTEM
    )
    start = time.perf_counter()
    run = services.report_build(run_id=run.pk)
    total = time.perf_counter() - start
    assert run.status == "done", run.error
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"quarterly follow-up {year.YEAR} Q4: {total:.2f} s end to end, {run.pages} pages, "
          f"{run.size / 1024:.0f} KiB, peak memory {peak:.0f} MB (whole process), "
          f"WeasyPrint {in_weasyprint:.2f} s = {100 * in_weasyprint / total:.0f} %")  # fmt: skip


def main() -> None:
    if sys.argv[1:] == ["--measure"]:
        measure()
        return
    year.ensure_database(base, NAME)
    call_command("migrate", verbosity=0)
    year.fill()
    for _ in range(3):
        subprocess.run(
            [sys.executable, __file__, "--measure"],
            env={**os.environ, "DATABASE_URL": GIVEN_URL},
            check=True,
        )


if __name__ == "__main__":
    main()
