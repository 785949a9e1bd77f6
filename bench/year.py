"""A year of data for the benchmarks: efforts, observations, LOS operations, SIG cases and
indicators across all areas and months. Called with Django set up on the benchmark's own
database; made once and reused (the user ``bench-owner`` marks it)."""

import random
import time
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from cases.models import Inspection, Measure, Operation, Person, SigCase, Target
from collaboration.models import (
    Area,
    EffortKind,
    Indicator,
    IndicatorValue,
    JointEffort,
    Observation,
    ObservationKind,
)
from umebra.models import Organisation, User

YEAR = 2025
EFFORTS, OBSERVATIONS, OPERATIONS, CASES, INDICATORS = 20_000, 5_000, 500, 2_000, 50
AREAS = ["Centrum", "Ersboda", "Ålidhem", "Teg", "Haga", "Mariehem", "Holmsund", "Sävar",
         "Tomtebo", "Västerslätt"]  # fmt: skip
ORGANISATIONS = ["Polisen", "Socialtjänsten", "Fritid", "Ersängsskolan", "Bostaden AB",
                 "Skatteverket", "Arbetsmiljöverket", "Kronofogden", "Räddningstjänsten",
                 "Umeå kommun", "Länsstyrelsen", "Region Västerbotten"]  # fmt: skip


def ensure_database(base: dict, name: str) -> None:
    """Create the database ``name`` on the server of ``base`` (Django's settings) if missing."""
    from psycopg import connect

    with connect(
        host=base["HOST"], port=base["PORT"] or 5432, user=base["USER"],
        password=base["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def square(n: int) -> dict:
    x, y = 20.1 + (n % 5) * 0.05, 63.75 + (n // 5) * 0.05
    ring = [[x, y], [x + 0.05, y], [x + 0.05, y + 0.05], [x, y + 0.05], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def day(rng: random.Random) -> date:
    return date(YEAR, 1, 1) + timedelta(days=rng.randrange(365))


@transaction.atomic
def fill() -> None:
    """Fill the year, unless it is there already."""
    if User.objects.filter(username="bench-owner").exists():
        print("Reusing the year of data already in the database.")
        return
    started, rng = time.monotonic(), random.Random(7)
    # By name, so that the year joins the demo's areas and organisations where it is seeded.
    areas = [
        Area.objects.get_or_create(name=name, defaults={
            "slug": f"bench-{n}", "population": 5000 + 900 * n, "boundary": square(n)})[0]
        for n, name in enumerate(AREAS)
    ]  # fmt: skip
    organisations = [
        Organisation.objects.get_or_create(
            name=name, defaults={"kind": "municipal_unit", "is_public_authority": True}
        )[0]
        for name in ORGANISATIONS
    ]
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
        Person(organisation=organisations[1], name=f"Person {n}", area=rng.choice(areas))
        for n in range(CASES)
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
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would soon: plans need the statistics
    print(f"Filled a year of data in {time.monotonic() - started:.0f} s.")
