"""Benchmark: one municipality's quarterly follow-up report over a full year, end to end.

Fills a PostgreSQL database of its own per shape (made once and reused) with a year of
Umeå's data (``bench/year.py``): 20,000 joint efforts, 5,000 observations, 500 LOS
operations (with targets, inspections and measures), 2,000 SIG cases and 50 indicators
across all areas and months. Then, in a fresh process, builds Umeå's Q4 follow-up as the
worker does (gather, render with WeasyPrint, store) and prints the time, the page count, the
peak memory of that process and the share of the time spent in WeasyPrint, three times; each
time twice, as a worker's first report after it starts (its code and templates still to
load) and as every later one.

The two shapes (``BENCH_SHAPE=one``, ``national`` or ``both``, the default):

- ``one``: Umeå alone. Database ``<name>_reports_bench``.
- ``national``: Umeå beside 289 other municipalities, whose year brings the country to
  1,600,000 efforts, 400,000 observations, 40,000 operations and 200,000 cases (filled
  with set-based SQL). The report must not grow with what the others hold. Database
  ``<name>_reports_national_bench``.

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
SHAPES = {"one": "_reports_bench", "national": "_reports_national_bench"}
GIVEN_URL = os.environ["DATABASE_URL"]


def setup(shape: str) -> dict:
    """Point Django at the shape's database and set it up; the settings of that database."""
    base = environ.Env.db_url_config(GIVEN_URL)
    os.environ["DATABASE_URL"] = GIVEN_URL.rsplit("/", 1)[0] + "/" + base["NAME"] + SHAPES[shape]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)

    import django

    django.setup()
    return base | {"NAME": base["NAME"] + SHAPES[shape]}


def fill(shape: str) -> None:
    database = setup(shape)
    from django.core.management import call_command

    from bench import year

    year.ensure_database(database, database["NAME"])
    call_command("migrate", verbosity=0)
    year.fill()
    if shape == "national":
        year.fill_nation()


def measure(shape: str) -> None:
    """Run in a fresh process: build Umeå's Q4 follow-up twice and print the figures."""
    setup(shape)
    from bench import year
    from reports import services
    from reports.models import ReportKind
    from reports.periods import quarter
    from umebra import pdf
    from umebra.access import SYSTEM
    from umebra.demo import demo_municipality

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
    # Twice: first as a worker's first report after it starts (its code and templates still
    # to load), then as every later one.
    for when in ("first in a process", "then"):
        in_weasyprint = 0.0
        run, _new = services.report_request(
            kind=ReportKind.QUARTERLY,
            period=quarter(year.YEAR, 4),
            actor=SYSTEM,
            municipality=demo_municipality(),
        )
        start = time.perf_counter()
        run = services.report_build(run_id=run.pk)
        total = time.perf_counter() - start
        assert run.status == "done", run.error
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{shape:<9} quarterly follow-up {year.YEAR} Q4, {when}: {total:.2f} s end to end, "
              f"{run.pages} pages, {run.size / 1024:.0f} KiB, peak memory {peak:.0f} MB (whole "
              f"process), WeasyPrint {in_weasyprint:.2f} s = {100 * in_weasyprint / total:.0f} %",
              flush=True)  # fmt: skip


def main() -> None:
    if sys.argv[1:2] in (["--fill"], ["--measure"]):
        (fill if sys.argv[1] == "--fill" else measure)(sys.argv[2])
        return
    chosen = os.environ.get("BENCH_SHAPE", "both")
    for shape in list(SHAPES) if chosen == "both" else [chosen]:
        for step in ["--fill"] + ["--measure"] * 3:
            subprocess.run([sys.executable, __file__, step, shape], check=True)


if __name__ == "__main__":
    main()
