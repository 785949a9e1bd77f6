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
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
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
from django.db import transaction  # noqa: E402

from cases.models import Inspection, Measure, Operation, Person, SigCase, Target  # noqa: E402
from collaboration.models import (  # noqa: E402
    Area,
    EffortKind,
    Indicator,
    IndicatorValue,
    JointEffort,
    Observation,
    ObservationKind,
)
from umebra.models import Organisation, User  # noqa: E402

YEAR = 2025
EFFORTS, OBSERVATIONS, OPERATIONS, CASES, INDICATORS = 20_000, 5_000, 500, 2_000, 50
AREAS = ["Centrum", "Ersboda", "Ålidhem", "Teg", "Haga", "Mariehem", "Holmsund", "Sävar",
         "Tomtebo", "Västerslätt"]  # fmt: skip
ORGANISATIONS = ["Polisen", "Socialtjänsten", "Fritid", "Ersängsskolan", "Bostaden AB",
                 "Skatteverket", "Arbetsmiljöverket", "Kronofogden", "Räddningstjänsten",
                 "Umeå kommun", "Länsstyrelsen", "Region Västerbotten"]  # fmt: skip


def ensure_database() -> None:
    from psycopg import connect

    with connect(
        host=base["HOST"], port=base["PORT"] or 5432, user=base["USER"],
        password=base["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [NAME]).fetchone():
            conn.execute(f'CREATE DATABASE "{NAME}"')


def square(n: int) -> dict:
    x, y = 20.1 + (n % 5) * 0.05, 63.75 + (n // 5) * 0.05
    ring = [[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def day(rng: random.Random) -> date:
    return date(YEAR, 1, 1) + timedelta(days=rng.randrange(365))


@transaction.atomic
def fill() -> None:
    if Area.objects.filter(slug="bench-centrum").exists():
        print("Reusing the year of data already in the database.")
        return
    started, rng = time.monotonic(), random.Random(7)
    areas = Area.objects.bulk_create(
        Area(name=name, slug=f"bench-{n}" if n else "bench-centrum", population=5000 + 900 * n,
             boundary=square(n))
        for n, name in enumerate(AREAS)
    )  # fmt: skip
    organisations = Organisation.objects.bulk_create(
        Organisation(name=name, kind="municipal_unit", is_public_authority=True)
        for name in ORGANISATIONS
    )
    owner = User.objects.create(username="bench-owner")
    efforts = JointEffort.objects.bulk_create(
        JointEffort(date=day(rng), kind=rng.choice(EffortKind.values), description="Insats",
                    hours=rng.randint(1, 8), cost=rng.randint(0, 5000),
                    people_reached=rng.randint(0, 60))
        for _ in range(EFFORTS)
    )  # fmt: skip
    JointEffort.areas.through.objects.bulk_create(
        JointEffort.areas.through(jointeffort_id=e.pk, area_id=rng.choice(areas).pk)
        for e in efforts
    )
    JointEffort.organisations.through.objects.bulk_create(
        JointEffort.organisations.through(jointeffort_id=e.pk, organisation_id=o.pk)
        for e in efforts
        for o in rng.sample(organisations, rng.randint(1, 3))
    )
    Observation.objects.bulk_create(
        Observation(area=rng.choice(areas), place="Torget", kind=rng.choice(ObservationKind.values),
                    description="Observation", organisation=rng.choice(organisations),
                    occurred_at=datetime.combine(day(rng), datetime.min.time(), UTC)
                    + timedelta(hours=rng.randrange(24)))
        for _ in range(OBSERVATIONS)
    )  # fmt: skip
    operations = Operation.objects.bulk_create(
        Operation(name=f"Operation {n}", status=rng.choice(["active", "concluded"]),
                  lead=organisations[0], starts_on=day(rng), objective="Mål")
        for n in range(OPERATIONS)
    )  # fmt: skip
    Operation.parties.through.objects.bulk_create(
        Operation.parties.through(operation_id=op.pk, organisation_id=o.pk)
        for op in operations
        for o in rng.sample(organisations[5:8], 2)
    )
    targets = Target.objects.bulk_create(
        Target(operation=op, kind=rng.choice(["business", "premises", "property"]),
               name=f"Bolag {op.pk}-{n} AB")
        for op in operations
        for n in range(2)
    )  # fmt: skip
    inspections = Inspection.objects.bulk_create(
        Inspection(target=t, agency=rng.choice(organisations[5:8]), date=day(rng),
                   kind="cash_registers", findings="Brister")
        for t in targets
    )  # fmt: skip
    Measure.objects.bulk_create(
        Measure(inspection=i, kind=rng.choice(["fee", "injunction", "seizure"]),
                amount=rng.randint(1000, 50000))
        for i in inspections
        if rng.random() < 0.6
    )  # fmt: skip
    people = Person.objects.bulk_create(
        Person(name=f"Person {n}", area=rng.choice(areas)) for n in range(CASES)
    )
    SigCase.objects.bulk_create(
        SigCase(person=p, owner=owner, owner_organisation=organisations[1],
                status=rng.choice(["active", "active", "closed"]), opened_on=day(rng))
        for p in people
    )  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(name=f"Indikator {n:02d}", unit="per 1 000", source="police_statistics",
                  frequency="monthly")
        for n in range(INDICATORS)
    )  # fmt: skip
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=i, area=a, period=date(YEAR, month, 1),
                       value=round(rng.uniform(0, 40), 1))
        for i in indicators
        for a in areas
        for month in range(1, 13)
    )  # fmt: skip
    print(f"Filled a year of data in {time.monotonic() - started:.0f} s.")


def measure() -> None:
    """Run in a fresh process: build the Q4 follow-up and print the figures."""
    from reports import services
    from reports.models import ReportKind
    from reports.periods import quarter
    from umebra import pdf

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
        kind=ReportKind.QUARTERLY, period=quarter(YEAR, 4), actor=None
    )
    start = time.perf_counter()
    run = services.report_build(run_id=run.pk)
    total = time.perf_counter() - start
    assert run.status == "done", run.error
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"quarterly follow-up {YEAR} Q4: {total:.2f} s end to end, {run.pages} pages, "
          f"{run.size / 1024:.0f} KiB, peak memory {peak:.0f} MB (whole process), "
          f"WeasyPrint {in_weasyprint:.2f} s = {100 * in_weasyprint / total:.0f} %")  # fmt: skip


def main() -> None:
    if sys.argv[1:] == ["--measure"]:
        measure()
        return
    ensure_database()
    call_command("migrate", verbosity=0)
    fill()
    for _ in range(3):
        subprocess.run(
            [sys.executable, __file__, "--measure"],
            env={**os.environ, "DATABASE_URL": GIVEN_URL},
            check=True,
        )


if __name__ == "__main__":
    main()
