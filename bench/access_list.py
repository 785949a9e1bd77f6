"""Benchmark: the access layer's list pages at scale, in one municipality and nationally.

Fills a PostgreSQL database of its own per shape and times the first 50 rows of two list
pages plus their total count, each request with the user read afresh as a request does:

- the case list ("cases this user may see", newest first) for users who see 10, 1,000 and
  50,000 cases: through the access layer (what the pages use, the rows with what the list
  shows joined in), once more with the access event that names the cases listed (the
  logging's share of a list page), through django-guardian's stock get_objects_for_user, and
  with hand-written SQL that gives the same ids by the same two plans (the floor);
- the effort list (``collaboration.selectors.efforts.effort_list`` through the page's
  filter and paginator) for a school's member (who sees the efforts the school took part
  in), the police and the coordinator (who sees every effort of the municipality), and the
  coordinator of the last municipality (nationally a small one's).

A fill's users sit in a temporary table, ``bench_who``, and the places in ``bench_place``;
a filler user's grants are a window of their own municipality's cases, whose ids are
contiguous for that.

The two shapes (``BENCH_SHAPE=one``, ``national`` or ``both``, the default, which prints
them side by side):

- ``one``: one municipality with 150,000 SIG cases (with consents), 1,000,000 grants,
  10,000 LOS operations with 40,000 targets, 100,000 efforts and 25,000 observations.
  Database ``<name>_bench``.
- ``national``: 290 municipalities holding 200,000 cases, 1,000,000 grants, 1,600,000
  efforts, 400,000 observations and 40,000 operations. The users measured work in the
  first, a large city's share: 60,000 cases, 100,000 efforts (as many as the one
  municipality holds), 25,000 observations and 10,000 operations; the other 289 share the
  rest evenly, ten filler users each. Database ``<name>_national_bench``.

Each shape is filled with set-based SQL once and reused; each runs in a process of its own
(Django knows one database). ``BENCH_EXPLAIN=1`` also prints the plan (EXPLAIN ANALYZE) of
the case, effort, observation and operation lists' row query for their widest user.
Prints median and 95th percentile in ms and the number of SQL queries.

Run with `make bench-access` (PostgreSQL from DATABASE_URL or the make test default).
"""

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import environ

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


@dataclass(frozen=True)
class Shape:
    """How much there is, in all municipalities and in the first (``home_*``), whose users
    are measured."""

    database: str
    municipalities: int
    cases: int
    home_cases: int
    efforts: int
    home_efforts: int
    observations: int
    home_observations: int
    operations: int
    home_operations: int
    filler_users: int
    targets: int = 40_000
    grants: int = 1_000_000


SHAPES = {
    "one": Shape("_bench", 1, 150_000, 150_000, 100_000, 100_000, 25_000, 25_000, 10_000,
                 10_000, 2_000),
    "national": Shape("_national_bench", 290, 200_000, 60_000, 1_600_000, 100_000, 400_000,
                      25_000, 40_000, 10_000, 2_900),
}  # fmt: skip
CASE_SIZES = {"bench_small": 10, "bench_mid": 1_000, "bench_big": 50_000}
# Those who list efforts: the school takes part in one effort in a thousand, the police in
# one in three; the coordinator sees all the municipality's, and nationally the last
# municipality's coordinator all of a small one's (in one municipality, the same).
EFFORT_USERS = {
    "bench_small": "school staff",
    "bench_police": "police",
    "bench_coordinator": "coordinator",
    "bench_coordinator_last": "coordinator, last municipality",
}
RUNS = 100
WARM_UP = 10  # runs not timed: the first fill caches and plans


def ensure_database(base: dict, name: str) -> None:
    from psycopg import connect

    with connect(
        host=base["HOST"], port=base["PORT"] or 5432, user=base["USER"],
        password=base["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def spread(n: str, home: str, total: str) -> str:
    """SQL for the municipality (1..M) of the ``n``-th of ``total`` rows: the first ``home``
    in the first, the rest in even, contiguous blocks over the others (NULLIF: one
    municipality has no others)."""
    return (
        f"CASE WHEN {n} <= %({home})s THEN 1 ELSE 2 + ((({n} - %({home})s - 1)::bigint"
        f" * (%(municipalities)s - 1)) / NULLIF(%({total})s - %({home})s, 0))::int END"
    )


# The places (municipality, its area and organisations) and the people who work there:
# the case owner of each municipality, `filler_users` school staff spread over them all,
# and in the first the users measured. The police work in every municipality.
PLACES = """
INSERT INTO umebra_municipality (name, slug, code)
SELECT 'Bench ' || k, 'bench-' || k, lpad(k::text, 4, '0')
FROM generate_series(1, %(municipalities)s) k;
INSERT INTO umebra_organisation (name, kind, organisation_number, is_public_authority, regional)
SELECT o.name || ' ' || k, 'municipal_unit', '', true, false
FROM generate_series(1, %(municipalities)s) k,
     (VALUES ('Socialtjänst'), ('Skola'), ('Fritid')) o(name)
UNION ALL SELECT 'Bench polis', 'police', '', true, true;
CREATE TEMP TABLE bench_place AS
SELECT k, m.id AS municipality_id,
       (SELECT id FROM umebra_organisation WHERE name = 'Socialtjänst ' || k) AS social_id,
       (SELECT id FROM umebra_organisation WHERE name = 'Skola ' || k) AS school_id,
       (SELECT id FROM umebra_organisation WHERE name = 'Fritid ' || k) AS leisure_id,
       (SELECT id FROM umebra_organisation WHERE name = 'Bench polis') AS police_id
FROM generate_series(1, %(municipalities)s) k JOIN umebra_municipality m ON m.slug = 'bench-' || k;
INSERT INTO umebra_organisation_municipalities (organisation_id, municipality_id)
SELECT unnest(ARRAY[social_id, school_id, leisure_id, police_id]), municipality_id
FROM bench_place;
INSERT INTO collaboration_area (name, slug, population, municipality_id)
SELECT 'Område ' || k, 'bench-' || k, 10000, municipality_id FROM bench_place;
ALTER TABLE bench_place ADD COLUMN area_id bigint;
UPDATE bench_place SET area_id = (SELECT id FROM collaboration_area WHERE slug = 'bench-' || k);
CREATE TEMP TABLE bench_who AS
SELECT 'bench_' || n AS username, p.school_id AS organisation_id, 'school_staff' AS role,
       true AS filler
FROM generate_series(1, %(filler_users)s) n JOIN bench_place p ON p.k = 1 + (n - 1) %% %(municipalities)s
UNION ALL SELECT 'bench_owner_' || k, social_id, 'social_worker', false FROM bench_place
UNION ALL SELECT u, school_id, 'school_staff', false
FROM bench_place, unnest(ARRAY['bench_small', 'bench_mid', 'bench_big']) u WHERE k = 1
UNION ALL SELECT 'bench_coordinator', leisure_id, 'coordinator', false FROM bench_place WHERE k = 1
UNION ALL SELECT 'bench_coordinator_last', leisure_id, 'coordinator', false FROM bench_place
WHERE k = %(municipalities)s
UNION ALL SELECT 'bench_police', police_id, 'police', false FROM bench_place WHERE k = 1;
INSERT INTO umebra_user (username, password, is_superuser, first_name, last_name, email, is_staff,
                         is_active, date_joined)
SELECT username, '!', false, '', '', '', false, true, now() FROM bench_who;
INSERT INTO umebra_membership (user_id, organisation_id, role, valid_from, status, requested_at,
                               decided_at, refusal_reason, administers_members, awaiting)
SELECT u.id, w.organisation_id, w.role, '2020-01-01', 'approved', now(), now(), '', false, ''
FROM bench_who w JOIN umebra_user u USING (username);
INSERT INTO umebra_membership_municipalities (membership_id, municipality_id)
SELECT m.id, p.municipality_id FROM umebra_membership m JOIN umebra_user u ON u.id = m.user_id
JOIN bench_place p ON p.k = 1 WHERE u.username = 'bench_police';
ALTER TABLE bench_place ADD COLUMN owner_id bigint;
UPDATE bench_place SET owner_id = (SELECT id FROM umebra_user WHERE username = 'bench_owner_' || k)
"""

# Each municipality's cases get contiguous ids, so that a filler's grants can be a window
# of its own municipality's cases.
CASES = f"""
INSERT INTO cases_person (organisation_id, name, personal_number, area_id)
SELECT p.social_id, 'Person ' || n, NULL, p.area_id
FROM generate_series(1, %(cases)s) n JOIN bench_place p ON p.k = {spread("n", "home_cases", "cases")}
ORDER BY n;
INSERT INTO cases_sigcase (person_id, owner_id, owner_organisation_id, status, opened_on,
                           last_entry_at, municipality_id)
SELECT pe.id, p.owner_id, p.social_id, 'active', DATE '2020-01-01' + (pe.id %% 2000)::int, now(),
       p.municipality_id
FROM cases_person pe JOIN bench_place p ON p.social_id = pe.organisation_id ORDER BY pe.id;
INSERT INTO cases_consent (case_id, information, valid_from, valid_to, complete, revoked_reason,
                           signed_scan, created_at)
SELECT id, 'bench', DATE '2020-01-01', DATE '2099-01-01', true, '', '', now() FROM cases_sigcase;
INSERT INTO cases_consent_organisations (consent_id, organisation_id)
SELECT c.id, p.school_id FROM cases_consent c JOIN cases_sigcase s ON s.id = c.case_id
JOIN bench_place p USING (municipality_id);
ALTER TABLE bench_place ADD COLUMN first_case bigint, ADD COLUMN case_count int;
UPDATE bench_place p SET first_case = s.first, case_count = s.count
FROM (SELECT municipality_id, min(id) AS first, count(*) AS count FROM cases_sigcase
      GROUP BY municipality_id) s WHERE s.municipality_id = p.municipality_id
"""

GRANTS = """
INSERT INTO cases_sigcaseuserobjectpermission (user_id, permission_id, content_object_id,
                                               organisation_id, valid_until)
SELECT u.id, %(permission)s, c.id, p.school_id, DATE '2099-01-01'
FROM bench_place p
JOIN LATERAL (SELECT id FROM cases_sigcase WHERE municipality_id = p.municipality_id
              ORDER BY id LIMIT %(count)s) c ON true
JOIN umebra_user u ON u.username = %(username)s
WHERE p.k = 1
"""

# Each filler user gets `each` grants, a window of their municipality's cases, and the first
# `extra` of them one more, so that the rows come to `grants` exactly.
FILLER_GRANTS = """
INSERT INTO cases_sigcaseuserobjectpermission (user_id, permission_id, content_object_id,
                                               organisation_id, valid_until)
SELECT u.id, %(permission)s, c.id, p.school_id, DATE '2099-01-01'
FROM (SELECT u.id, w.organisation_id, row_number() OVER (ORDER BY u.id) AS n
      FROM umebra_user u JOIN bench_who w USING (username) WHERE w.filler) u
JOIN bench_place p ON p.school_id = u.organisation_id
JOIN LATERAL (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases_sigcase
    WHERE id >= p.first_case + ((u.id * 7919) %% (p.case_count - %(each)s))
    ORDER BY id LIMIT %(each)s + 1
) c ON c.n <= %(each)s OR u.n <= %(extra)s
"""

# Operations (led by the police), efforts (the municipality's leisure office takes part in
# each, the police in one in three, the school in one in a thousand) and observations.
COLLABORATION = f"""
INSERT INTO cases_operation (name, status, lead_id, starts_on, objective, summary, municipality_id)
SELECT 'Operation ' || n, 'active', p.police_id, DATE '2020-01-01' + (n %% 2000)::int, 'bench', '',
       p.municipality_id
FROM generate_series(1, %(operations)s) n
JOIN bench_place p ON p.k = {spread("n", "home_operations", "operations")} ORDER BY n;
INSERT INTO cases_operation_municipalities (operation_id, municipality_id)
SELECT id, municipality_id FROM cases_operation;
INSERT INTO cases_target (operation_id, kind, name, organisation_number, address, municipality_id)
SELECT o.id, 'business', 'Target ' || n, '', '', o.municipality_id
FROM generate_series(1, %(targets)s) n
JOIN cases_operation o ON o.id = (SELECT min(id) FROM cases_operation) + (n %% %(operations)s);
INSERT INTO collaboration_jointeffort (date, kind, description, hours, cost, people_reached,
                                       created_at, updated_at, municipality_id)
SELECT DATE '2020-01-01' + (n %% 2000)::int, (%(effort_kinds)s::text[])[1 + n %% %(effort_kind_count)s],
       'Insats', 2, 0, 10, now(), now(), p.municipality_id
FROM generate_series(1, %(efforts)s) n
JOIN bench_place p ON p.k = {spread("n", "home_efforts", "efforts")} ORDER BY n;
INSERT INTO collaboration_jointeffort_areas (jointeffort_id, area_id)
SELECT e.id, p.area_id FROM collaboration_jointeffort e JOIN bench_place p USING (municipality_id);
INSERT INTO collaboration_jointeffort_organisations (jointeffort_id, organisation_id, municipality_id)
SELECT e.id, p.leisure_id, municipality_id FROM collaboration_jointeffort e
JOIN bench_place p USING (municipality_id)
UNION ALL SELECT e.id, p.police_id, municipality_id FROM collaboration_jointeffort e
JOIN bench_place p USING (municipality_id) WHERE e.id %% 3 = 0
UNION ALL SELECT e.id, p.school_id, municipality_id FROM collaboration_jointeffort e
JOIN bench_place p USING (municipality_id) WHERE e.id %% 1000 = 0;
INSERT INTO collaboration_observation (place, occurred_at, kind, description, created_at, area_id,
                                       organisation_id, municipality_id)
SELECT 'Torget', TIMESTAMPTZ '2020-01-01' + ((n::bigint * 7919) %% 48000) * interval '1 hour',
       (%(observation_kinds)s::text[])[1 + n %% %(observation_kind_count)s], 'Observation', now(),
       p.area_id, p.leisure_id, p.municipality_id
FROM generate_series(1, %(observations)s) n
JOIN bench_place p ON p.k = {spread("n", "home_observations", "observations")} ORDER BY n
"""

# The access layer's own two plans without the ORM: the count from the owned cases, the grant
# tally and emergency access chooses between looking up the few visible ids and walking the
# newest-first index with a probe per case. No one query is good at every size: joined to
# the grants, PostgreSQL walks the index for a user with 1,000 grants and takes 130 ms.
HAND_COUNT = """
SELECT (SELECT count(*) FROM cases_sigcase WHERE owner_id = %(user)s)
     + COALESCE((SELECT sum(grants) FROM cases_granttally WHERE user_id = %(user)s
                 AND organisation_id = %(organisation)s AND valid_until >= CURRENT_DATE), 0)
     + (SELECT count(DISTINCT case_id) FROM cases_emergencyaccess
        WHERE user_id = %(user)s AND expires_at > now())
"""
HAND_SPARSE = """
SELECT c.id FROM cases_sigcase c
WHERE c.id IN (SELECT unnest(ARRAY(
    SELECT id FROM cases_sigcase WHERE owner_id = %(user)s
    UNION ALL SELECT content_object_id FROM cases_sigcaseuserobjectpermission
              WHERE user_id = %(user)s AND organisation_id = %(organisation)s
              AND valid_until >= CURRENT_DATE
    UNION ALL SELECT case_id FROM cases_emergencyaccess
              WHERE user_id = %(user)s AND expires_at > now())))
  AND c.municipality_id = %(municipality)s
ORDER BY c.opened_on DESC, c.id DESC LIMIT 50
"""
HAND_DENSE = """
SELECT c.id FROM cases_sigcase c
WHERE c.municipality_id = %(municipality)s AND (c.owner_id = %(user)s
   OR (SELECT g.id FROM cases_sigcaseuserobjectpermission g
       WHERE g.content_object_id = c.id AND g.user_id = %(user)s
       AND g.organisation_id = %(organisation)s AND g.valid_until >= CURRENT_DATE LIMIT 1)
      IS NOT NULL
   OR (SELECT e.id FROM cases_emergencyaccess e
       WHERE e.case_id = c.id AND e.user_id = %(user)s AND e.expires_at > now() LIMIT 1)
      IS NOT NULL)
ORDER BY c.opened_on DESC, c.id DESC LIMIT 50
"""


def fill(shape: Shape) -> None:
    """Fill the shape in one transaction (a fill cut short leaves nothing to reuse)."""
    from django.contrib.auth.models import Permission
    from django.db import connection, transaction

    from collaboration.models import EffortKind, ObservationKind
    from umebra.models import User

    if User.objects.filter(username="bench_owner_1").exists():
        print("Reusing the benchmark data already in the database.", file=sys.stderr)
        return
    started = time.monotonic()
    params = asdict(shape) | {
        "effort_kinds": EffortKind.values, "effort_kind_count": len(EffortKind.values),
        "observation_kinds": ObservationKind.values,
        "observation_kind_count": len(ObservationKind.values),
    }  # fmt: skip
    permission = Permission.objects.get(codename="view_sigcase").pk
    with transaction.atomic(), connection.cursor() as cursor:
        # One statement at a time: with server-side binding (the settings) PostgreSQL
        # prepares each execute, and a prepared statement holds one command.
        for script in (PLACES, CASES, COLLABORATION):
            for statement in filter(str.strip, script.split(";\n")):
                cursor.execute(statement, params)
        for username, count in CASE_SIZES.items():
            cursor.execute(GRANTS, {"permission": permission, "username": username, "count": count})
        each, extra = divmod(shape.grants - sum(CASE_SIZES.values()), shape.filler_users)
        cursor.execute(FILLER_GRANTS, {"permission": permission, "each": each, "extra": extra})
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would: index-only scans need it
        cursor.execute("SELECT count(*) FROM cases_sigcaseuserobjectpermission")
        rows = cursor.fetchone()[0]
    print(f"Filled {shape.municipalities} municipalities, {shape.cases:,} cases, {rows:,} grants, "
          f"{shape.efforts:,} efforts in {time.monotonic() - started:.0f} s.",
          file=sys.stderr)  # fmt: skip


def timed(function) -> tuple[float, float, int]:
    """Median and p95 in ms, and the number of queries (counted in a run of its own, as
    capturing SQL slows the runs that are timed)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(WARM_UP):
        function()
    with CaptureQueriesContext(connection) as captured:
        function()
    durations = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function()
        durations.append((time.perf_counter() - start) * 1000)
    durations.sort()
    return statistics.median(durations), durations[int(0.95 * (RUNS - 1))], len(captured)


def case_list_approaches(user) -> dict:
    """The ways of reading a case list page measured, each checked against the others."""
    from django.db import connection, transaction
    from guardian.shortcuts import get_objects_for_user

    from cases.models import SigCase
    from cases.selectors.sig import case_list
    from cases.visibility import DENSE
    from umebra import access
    from umebra.audit.models import AccessAction
    from umebra.models import User

    membership = user.memberships.get()

    def access_layer():
        # What the list page does: a fresh user (as each request), the page, the total.
        fresh = User.objects.get(pk=user.pk)
        return list(case_list(user=fresh)[:50]), access.count(fresh, SigCase)

    def access_layer_logged():
        # The same, and the access event that names the 50 cases shown (issue 15).
        fresh = User.objects.get(pk=user.pk)
        page, total = list(case_list(user=fresh)[:50]), access.count(fresh, SigCase)
        with transaction.atomic():
            access.record(
                access.actor_for(fresh), AccessAction.VIEW, SigCase, reason="list", listed=page
            )
        return page, total

    def guardian_stock():
        cases = get_objects_for_user(user, "cases.view_sigcase", klass=SigCase).order_by(
            "-opened_on", "-id"
        )
        return list(cases[:50]), cases.count()

    def hand_written():
        params = {"user": user.pk, "organisation": membership.organisation_id,
                  "municipality": membership.organisation.municipalities.get().pk}  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute(HAND_COUNT, params)
            total = cursor.fetchone()[0]
            cursor.execute(HAND_DENSE if total > DENSE else HAND_SPARSE, params)
            return cursor.fetchall(), total

    page, total = access_layer()
    assert total == CASE_SIZES[user.username] and len(page) == min(total, 50), (user, total)
    assert [c.pk for c in page] == [row[0] for row in hand_written()[0]], user
    return {
        "access layer (pages)": access_layer,
        "... and the list logged": access_layer_logged,
        "guardian get_objects_for_user": guardian_stock,
        "hand-written SQL": hand_written,
    }


def effort_page(user):
    """The effort list page's reads: a fresh user, its filter (unbound: no choice made), the
    first page of rows with their areas and organisations, and the access layer's count (as
    ``effort_list_view`` asks for a list its filters do not narrow)."""
    from collaboration.filters import EffortFilter
    from collaboration.models import JointEffort
    from collaboration.selectors.efforts import effort_list
    from umebra import access
    from umebra.models import User

    fresh = User.objects.get(pk=user.pk)
    efforts = EffortFilter(None, queryset=effort_list(user=fresh), user=fresh).qs
    return list(efforts[:50]), access.count(fresh, JointEffort)


def measure() -> list[dict]:
    """Every figure of the shape this process runs on."""
    from umebra.models import User

    rows = []
    for username, size in CASE_SIZES.items():
        user = User.objects.get(username=username)
        for name, function in case_list_approaches(user).items():
            median, p95, queries = timed(function)
            rows.append({"list": "cases", "sees": size, "approach": name, "median": median,
                         "p95": p95, "queries": queries})  # fmt: skip
    for username, label in EFFORT_USERS.items():
        user = User.objects.get(username=username)
        sees = effort_page(user)[1]
        median, p95, queries = timed(lambda user=user: effort_page(user))
        rows.append({"list": "efforts", "sees": sees, "approach": label,
                     "median": median, "p95": p95, "queries": queries})  # fmt: skip
    return rows


def explain() -> None:
    """The plan of each list's row query for its widest user, to see which index leads."""
    from django.db import connection

    from cases.selectors.los import operation_list
    from cases.selectors.sig import case_list
    from collaboration.selectors.efforts import effort_list
    from collaboration.selectors.observations import observation_list
    from umebra.models import User

    coordinator = User.objects.get(username="bench_coordinator")
    lists = {
        "case list, sees 50,000": case_list(user=User.objects.get(username="bench_big")),
        "effort list, coordinator": effort_list(user=coordinator),
        "effort list, last municipality's coordinator": effort_list(
            user=User.objects.get(username="bench_coordinator_last")
        ),
        "observation list, coordinator": observation_list(user=coordinator),
        "operation list, coordinator": operation_list(user=coordinator),
    }
    for name, queryset in lists.items():
        sql, params = queryset[:50].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params)
            plan = "\n    ".join(row[0] for row in cursor.fetchall())
        print(f"{name}:\n    {plan}", file=sys.stderr)


def run_shape(name: str) -> None:
    """In a process of its own: set Django up on the shape's database, fill, measure, and
    print the figures as JSON on stdout."""
    shape = SHAPES[name]
    given = os.environ["DATABASE_URL"]
    base = environ.Env.db_url_config(given)
    os.environ["DATABASE_URL"] = given.rsplit("/", 1)[0] + "/" + base["NAME"] + shape.database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")
    # Production settings: with DEBUG on, Django keeps the text of every query, which costs
    # more than some of the queries measured here.
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)
    ensure_database(base, base["NAME"] + shape.database)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    fill(shape)
    if os.environ.get("BENCH_EXPLAIN"):
        explain()
    print(json.dumps(measure()))


def report(figures: dict[str, list[dict]]) -> None:
    """One line per list, user and approach: each shape's rows seen, median, p95, queries."""
    names = list(figures)
    heading = "".join(f" | {name:^34}" for name in names)
    print(f"\n{'list':<8} {'user, approach':<32}{heading}")
    print(f"{'':<8} {'':<32}" + " | {:>7} {:>9} {:>7} {:>7}".format(
        "sees", "median ms", "p95 ms", "queries") * len(names))  # fmt: skip
    for rows in zip(*figures.values(), strict=True):
        first = rows[0]
        cells = "".join(
            f" | {r['sees']:>7,} {r['median']:>9.1f} {r['p95']:>7.1f} {r['queries']:>7}"
            for r in rows
        )
        print(f"{first['list']:<8} {first['approach']:<32}{cells}")


def main() -> None:
    if sys.argv[1:2] == ["--shape"]:
        run_shape(sys.argv[2])
        return
    chosen = os.environ.get("BENCH_SHAPE", "both")
    names = list(SHAPES) if chosen == "both" else [chosen]
    figures = {}
    for name in names:
        done = subprocess.run(
            [sys.executable, __file__, "--shape", name], check=True, stdout=subprocess.PIPE
        )
        figures[name] = json.loads(done.stdout.splitlines()[-1])
    report(figures)


if __name__ == "__main__":
    main()
