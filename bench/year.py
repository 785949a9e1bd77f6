"""A year of data for the benchmarks: efforts, observations, LOS operations, SIG cases and
indicators across all areas and months, in the demo's municipality (Umeå). Called with
Django set up on the benchmark's own database; made once and reused (the user
``bench-owner`` marks it). ``fill_nation`` adds the other 289 municipalities' year beside
it, set-based."""

import random
import time
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from cases.models import Inspection, Measure, Operation, Person, SigCase, Target
from collaboration.models import (
    Area,
    EffortKind,
    EffortParty,
    Indicator,
    IndicatorValue,
    JointEffort,
    Observation,
    ObservationKind,
)
from umebra.demo import demo_municipality
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
    municipality = demo_municipality()
    # By name, so that the year joins the demo's areas and organisations where it is seeded.
    areas = [
        Area.objects.get_or_create(name=name, municipality=municipality, defaults={
            "slug": f"bench-{n}", "population": 5000 + 900 * n, "boundary": square(n)})[0]
        for n, name in enumerate(AREAS)
    ]  # fmt: skip
    organisations = [
        Organisation.objects.get_or_create(
            name=name, defaults={"kind": "municipal_unit", "is_public_authority": True}
        )[0]
        for name in ORGANISATIONS
    ]
    for organisation in organisations:
        if not organisation.municipalities.exists():  # one the year made: Umeå's
            organisation.municipalities.add(municipality)
    owner = User.objects.create(username="bench-owner")
    efforts = JointEffort.objects.bulk_create(
        JointEffort(municipality=municipality, date=day(rng), kind=rng.choice(EffortKind.values),
                    description="Insats", hours=rng.randint(1, 8), cost=rng.randint(0, 5000),
                    people_reached=rng.randint(0, 60))
        for _ in range(EFFORTS)
    )  # fmt: skip
    JointEffort.areas.through.objects.bulk_create(
        JointEffort.areas.through(jointeffort_id=e.pk, area_id=rng.choice(areas).pk)
        for e in efforts
    )
    EffortParty.objects.bulk_create(
        EffortParty(jointeffort_id=e.pk, organisation_id=o.pk, municipality_id=e.municipality_id)
        for e in efforts
        for o in rng.sample(organisations, rng.randint(1, 3))
    )
    Observation.objects.bulk_create(
        Observation(municipality=municipality, area=rng.choice(areas), place="Torget",
                    kind=rng.choice(ObservationKind.values), description="Observation",
                    organisation=rng.choice(organisations),
                    occurred_at=datetime.combine(day(rng), datetime.min.time(), UTC)
                    + timedelta(hours=rng.randrange(24)))
        for _ in range(OBSERVATIONS)
    )  # fmt: skip
    operations = Operation.objects.bulk_create(
        Operation(municipality=municipality, name=f"Operation {n}",
                  status=rng.choice(["active", "concluded"]), lead=organisations[0],
                  starts_on=day(rng), objective="Mål")
        for n in range(OPERATIONS)
    )  # fmt: skip
    Operation.parties.through.objects.bulk_create(
        Operation.parties.through(operation_id=op.pk, organisation_id=o.pk)
        for op in operations
        for o in rng.sample(organisations[5:8], 2)
    )
    Operation.municipalities.through.objects.bulk_create(
        Operation.municipalities.through(operation_id=op.pk, municipality_id=municipality.pk)
        for op in operations
    )
    targets = Target.objects.bulk_create(
        Target(operation=op, municipality=municipality,
               kind=rng.choice(["business", "premises", "property"]), name=f"Bolag {op.pk}-{n} AB")
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
        SigCase(municipality=municipality, person=p, owner=owner,
                owner_organisation=organisations[1],
                status=rng.choice(["active", "active", "closed"]), opened_on=day(rng))
        for p in people
    )  # fmt: skip
    indicators = Indicator.objects.bulk_create(
        Indicator(municipality=municipality, name=f"Indikator {n:02d}", unit="per 1 000",
                  source="police_statistics", frequency="monthly")
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


# The nation of the national shape: Umeå's year above, and the other municipalities' beside
# it, so that the country holds these in all.
MUNICIPALITIES = 290
NATION = {"efforts": 1_600_000, "observations": 400_000, "operations": 40_000, "cases": 200_000}

# Each other municipality gets an organisation, an area, and its even share of each kind of
# row over the same year; the rows are spread round-robin (n %% others), as they come in.
NATION_FILL = """
INSERT INTO umebra_municipality (name, slug, code)
SELECT 'Kommun ' || k, 'kommun-' || k, (5000 + k)::text FROM generate_series(1, %(others)s) k;
INSERT INTO umebra_organisation (name, kind, organisation_number, is_public_authority, regional)
SELECT 'Kommun ' || k || ' socialtjänst', 'municipal_unit', '', true, false
FROM generate_series(1, %(others)s) k;
CREATE TEMP TABLE bench_other AS
SELECT k, m.id AS municipality_id, o.id AS organisation_id
FROM generate_series(1, %(others)s) k JOIN umebra_municipality m ON m.slug = 'kommun-' || k
JOIN umebra_organisation o ON o.name = 'Kommun ' || k || ' socialtjänst';
INSERT INTO umebra_organisation_municipalities (organisation_id, municipality_id)
SELECT organisation_id, municipality_id FROM bench_other;
INSERT INTO collaboration_area (name, slug, population, municipality_id)
SELECT 'Centrum', 'kommun-' || k || '-centrum', 10000, municipality_id FROM bench_other;
ALTER TABLE bench_other ADD COLUMN area_id bigint;
UPDATE bench_other SET area_id = (SELECT id FROM collaboration_area WHERE slug = 'kommun-' || k || '-centrum');
INSERT INTO collaboration_jointeffort (date, kind, description, hours, cost, people_reached,
                                       created_at, updated_at, municipality_id)
SELECT %(start)s::date + n %% 365, (%(effort_kinds)s::text[])[1 + n %% cardinality(%(effort_kinds)s::text[])],
       'Insats', 1 + n %% 8, n %% 5000, n %% 60, now(), now(), o.municipality_id
FROM generate_series(1, %(efforts)s) n JOIN bench_other o ON o.k = 1 + n %% %(others)s;
INSERT INTO collaboration_jointeffort_areas (jointeffort_id, area_id)
SELECT e.id, o.area_id FROM collaboration_jointeffort e JOIN bench_other o USING (municipality_id);
INSERT INTO collaboration_jointeffort_organisations (jointeffort_id, organisation_id, municipality_id)
SELECT e.id, o.organisation_id, municipality_id FROM collaboration_jointeffort e
JOIN bench_other o USING (municipality_id);
INSERT INTO collaboration_observation (place, occurred_at, kind, description, created_at, area_id,
                                       organisation_id, municipality_id)
SELECT 'Torget', %(start)s::timestamptz + (n %% 8760) * interval '1 hour',
       (%(observation_kinds)s::text[])[1 + n %% cardinality(%(observation_kinds)s::text[])],
       'Observation', now(), o.area_id, o.organisation_id, o.municipality_id
FROM generate_series(1, %(observations)s) n JOIN bench_other o ON o.k = 1 + n %% %(others)s;
INSERT INTO cases_operation (name, status, lead_id, starts_on, objective, summary, municipality_id)
SELECT 'Operation ' || n, 'active', o.organisation_id, %(start)s::date + n %% 365, 'Mål', '',
       o.municipality_id
FROM generate_series(1, %(operations)s) n JOIN bench_other o ON o.k = 1 + n %% %(others)s;
INSERT INTO cases_operation_municipalities (operation_id, municipality_id)
SELECT id, municipality_id FROM cases_operation o
WHERE NOT EXISTS (SELECT 1 FROM cases_operation_municipalities m WHERE m.operation_id = o.id);
INSERT INTO cases_person (organisation_id, name, personal_number, area_id)
SELECT o.organisation_id, 'Person ' || n, NULL, o.area_id
FROM generate_series(1, %(cases)s) n JOIN bench_other o ON o.k = 1 + n %% %(others)s;
INSERT INTO cases_sigcase (person_id, owner_id, owner_organisation_id, status, opened_on,
                           last_entry_at, municipality_id)
SELECT p.id, %(owner)s, o.organisation_id, 'active', %(start)s::date + p.id::int %% 365, now(),
       o.municipality_id
FROM cases_person p JOIN bench_other o USING (organisation_id)
"""


def fill_nation() -> None:
    """Add the other municipalities' year, unless they are there already."""
    from umebra.models import Municipality

    if Municipality.objects.filter(slug="kommun-1").exists():
        print("Reusing the other municipalities' year already in the database.")
        return
    started = time.monotonic()
    home = {
        "efforts": JointEffort.objects.count(),
        "observations": Observation.objects.count(),
        "operations": Operation.objects.count(),
        "cases": SigCase.objects.count(),
    }
    params = {kind: NATION[kind] - home[kind] for kind in NATION} | {
        "others": MUNICIPALITIES - 1,
        "start": date(YEAR, 1, 1),
        "owner": User.objects.get(username="bench-owner").pk,
        "effort_kinds": EffortKind.values,
        "observation_kinds": ObservationKind.values,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        # One statement at a time: server-side binding prepares each, and a prepared
        # statement holds one command.
        for statement in filter(str.strip, NATION_FILL.split(";\n")):
            cursor.execute(statement, params)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"Filled {MUNICIPALITIES - 1} other municipalities' year in "
          f"{time.monotonic() - started:.0f} s.")  # fmt: skip
