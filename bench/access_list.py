"""Benchmark: the access layer's "cases this user may see" list page at scale.

Fills a PostgreSQL database of its own with 200,000 protected objects (SIG cases, LOS
operations and targets) and 1,000,000 object-permission rows, then times the first 50
visible cases, newest first, plus their total count, for users who see 10, 1,000 and 50,000
cases: through the access layer (what the pages use: the user read afresh as each request
does, the rows with what the list shows joined in), through django-guardian's stock
get_objects_for_user, and with hand-written SQL that gives the same ids by the same two
plans (the floor: no ORM, no joins). Prints median and 95th percentile and the number of
SQL queries. The access layer is timed twice: once as it reads, once with the access
event that names the cases the page listed (the logging's share of a list page).

Run with `make bench-access` (PostgreSQL from DATABASE_URL or the make test default; the
data goes into a separate database, <name>_bench, made once and reused).
"""

import os
import statistics
import sys
import time
from pathlib import Path

import environ

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
base = environ.Env.db_url_config(os.environ["DATABASE_URL"])
os.environ["DATABASE_URL"] = (
    os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + base["NAME"] + "_bench"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")
# Production settings: with DEBUG on, Django keeps the text of every query, which costs
# more than some of the queries measured here.
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from guardian.shortcuts import get_objects_for_user  # noqa: E402

from cases.models import SigCase  # noqa: E402
from cases.selectors.sig import case_list  # noqa: E402
from cases.visibility import DENSE  # noqa: E402
from umebra import access  # noqa: E402
from umebra.audit.models import AccessAction  # noqa: E402
from umebra.models import User  # noqa: E402

CASES, OPERATIONS, TARGETS = 150_000, 10_000, 40_000
PERMISSIONS = 1_000_000
SIZES = {"bench_small": 10, "bench_mid": 1_000, "bench_big": 50_000}
FILLER_USERS = 2_000
RUNS = 100
WARM_UP = 10  # runs not timed: the first fill caches and plans


def ensure_database() -> None:
    from psycopg import connect

    admin = base | {"NAME": "postgres"}
    with connect(
        host=admin["HOST"], port=admin["PORT"] or 5432, user=admin["USER"],
        password=admin["PASSWORD"] or None, dbname="postgres", autocommit=True,
    ) as conn:  # fmt: skip
        name = base["NAME"] + "_bench"
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


FILL = """
INSERT INTO umebra_organisation (name, kind, organisation_number, is_public_authority)
VALUES ('Bench socialtjänst', 'municipal_unit', '', true), ('Bench skola', 'municipal_unit', '', true),
       ('Bench polis', 'police', '', true);
INSERT INTO collaboration_area (name, slug, population) VALUES ('Bench', 'bench', 10000);
INSERT INTO umebra_user (username, password, is_superuser, first_name, last_name, email, is_staff,
                         is_active, date_joined)
SELECT 'bench_' || n, '!', false, '', '', '', false, true, now()
FROM generate_series(1, %(filler)s) n
UNION ALL SELECT u, '!', false, '', '', '', false, true, now()
FROM unnest(ARRAY['bench_owner', 'bench_small', 'bench_mid', 'bench_big']) u;
INSERT INTO umebra_membership (user_id, organisation_id, role, valid_from, status, requested_at,
                               decided_at, refusal_reason, administers_members, awaiting)
SELECT u.id, (SELECT id FROM umebra_organisation WHERE name = CASE WHEN u.username = 'bench_owner'
              THEN 'Bench socialtjänst' ELSE 'Bench skola' END),
       CASE WHEN u.username = 'bench_owner' THEN 'social_worker' ELSE 'school_staff' END,
       '2020-01-01', 'approved', now(), now(), '', false, ''
FROM umebra_user u WHERE u.username LIKE 'bench_%%';
INSERT INTO cases_person (organisation_id, name, personal_number, area_id)
SELECT (SELECT id FROM umebra_organisation WHERE name = 'Bench socialtjänst'), 'Person ' || n, NULL,
       (SELECT id FROM collaboration_area WHERE slug = 'bench')
FROM generate_series(1, %(cases)s) n;
INSERT INTO cases_sigcase (person_id, owner_id, owner_organisation_id, status, opened_on, last_entry_at)
SELECT p.id, (SELECT id FROM umebra_user WHERE username = 'bench_owner'),
       (SELECT id FROM umebra_organisation WHERE name = 'Bench socialtjänst'), 'active',
       DATE '2020-01-01' + (p.id %% 2000)::int, now()
FROM cases_person p WHERE p.name LIKE 'Person %%';
INSERT INTO cases_consent (case_id, information, valid_from, valid_to, complete, revoked_reason,
                           signed_scan, created_at)
SELECT id, 'bench', DATE '2020-01-01', DATE '2099-01-01', true, '', '', now() FROM cases_sigcase;
INSERT INTO cases_consent_organisations (consent_id, organisation_id)
SELECT c.id, (SELECT id FROM umebra_organisation WHERE name = 'Bench skola') FROM cases_consent c;
INSERT INTO cases_operation (name, status, lead_id, starts_on, objective, summary)
SELECT 'Operation ' || n, 'active', (SELECT id FROM umebra_organisation WHERE name = 'Bench polis'),
       DATE '2020-01-01', 'bench', '' FROM generate_series(1, %(operations)s) n;
INSERT INTO cases_target (operation_id, kind, name, organisation_number, address)
SELECT o.id, 'business', 'Target ' || n, '', ''
FROM generate_series(1, %(targets)s) n
JOIN cases_operation o ON o.id = (SELECT min(id) FROM cases_operation) + (n %% %(operations)s);
"""

GRANTS = """
INSERT INTO cases_sigcaseuserobjectpermission (user_id, permission_id, content_object_id,
                                               organisation_id, valid_until)
SELECT u.id, %(permission)s, c.id, (SELECT id FROM umebra_organisation WHERE name = 'Bench skola'),
       DATE '2099-01-01'
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases_sigcase) c
JOIN umebra_user u ON u.username = %(username)s
WHERE c.n <= %(count)s;
"""

FILLER_GRANTS = """
INSERT INTO cases_sigcaseuserobjectpermission (user_id, permission_id, content_object_id,
                                               organisation_id, valid_until)
SELECT u.id, %(permission)s, c.id, (SELECT id FROM umebra_organisation WHERE name = 'Bench skola'),
       DATE '2099-01-01'
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM umebra_user
      WHERE username ~ '^bench_[0-9]+$') u
JOIN LATERAL (
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM cases_sigcase
    WHERE id >= (SELECT min(id) FROM cases_sigcase) + ((u.id * 7919) %% (%(cases)s - %(each)s))
    ORDER BY id LIMIT %(each)s + 1
) c ON c.n <= %(each)s OR u.n <= %(extra)s;
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
ORDER BY c.opened_on DESC, c.id DESC LIMIT 50
"""
HAND_DENSE = """
SELECT c.id FROM cases_sigcase c
WHERE c.owner_id = %(user)s
   OR (SELECT g.id FROM cases_sigcaseuserobjectpermission g
       WHERE g.content_object_id = c.id AND g.user_id = %(user)s
       AND g.organisation_id = %(organisation)s AND g.valid_until >= CURRENT_DATE LIMIT 1)
      IS NOT NULL
   OR (SELECT e.id FROM cases_emergencyaccess e
       WHERE e.case_id = c.id AND e.user_id = %(user)s AND e.expires_at > now() LIMIT 1)
      IS NOT NULL
ORDER BY c.opened_on DESC, c.id DESC LIMIT 50
"""


def fill() -> None:
    if User.objects.filter(username="bench_owner").exists():
        print("Reusing the benchmark data already in the database.")
        return
    started = time.monotonic()
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(codename="view_sigcase").pk
    with connection.cursor() as cursor:
        sizes = {"filler": FILLER_USERS, "cases": CASES, "operations": OPERATIONS,
                 "targets": TARGETS}  # fmt: skip
        # One statement at a time: with server-side binding (the settings) PostgreSQL
        # prepares each execute, and a prepared statement holds one command.
        for statement in filter(str.strip, FILL.split(";\n")):
            cursor.execute(statement, sizes)
        for username, count in SIZES.items():
            cursor.execute(GRANTS, {"permission": permission, "username": username, "count": count})
        # Each filler user gets `each` grants, and the first `extra` of them one more, so that
        # the rows come to PERMISSIONS exactly.
        each, extra = divmod(PERMISSIONS - sum(SIZES.values()), FILLER_USERS)
        cursor.execute(FILLER_GRANTS, {"permission": permission, "cases": CASES, "each": each,
                                       "extra": extra})  # fmt: skip
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would: index-only scans need it
        cursor.execute("SELECT count(*) FROM cases_sigcaseuserobjectpermission")
        rows = cursor.fetchone()[0]
    print(f"Filled {CASES + OPERATIONS + TARGETS:,} protected objects and {rows:,} permission "
          f"rows in {time.monotonic() - started:.0f} s.")  # fmt: skip


def timed(function) -> tuple[float, float, int]:
    """Median and p95 in ms, and the number of queries (counted in a run of its own, as
    capturing SQL slows the runs that are timed)."""
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


def main() -> None:
    ensure_database()
    call_command("migrate", verbosity=0)
    fill()
    print(f"\n{'sees':>8}  {'approach':<28} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for username, size in SIZES.items():
        user = User.objects.get(username=username)
        membership = user.memberships.get()

        def access_layer(user=user):
            # What the list page does: a fresh user (as each request), the page, the total.
            fresh = User.objects.get(pk=user.pk)
            return list(case_list(user=fresh)[:50]), access.count(fresh, SigCase)

        def access_layer_logged(user=user):
            # The same, and the access event that names the 50 cases shown (issue 15).
            fresh = User.objects.get(pk=user.pk)
            page, total = list(case_list(user=fresh)[:50]), access.count(fresh, SigCase)
            with transaction.atomic():
                access.record(
                    access.actor_for(fresh), AccessAction.VIEW, SigCase, reason="list", listed=page
                )
            return page, total

        def guardian_stock(user=user):
            cases = get_objects_for_user(user, "cases.view_sigcase", klass=SigCase).order_by(
                "-opened_on", "-id"
            )
            return list(cases[:50]), cases.count()

        def hand_written(user=user, organisation=membership.organisation_id):
            with connection.cursor() as cursor:
                params = {"user": user.pk, "organisation": organisation}
                cursor.execute(HAND_COUNT, params)
                total = cursor.fetchone()[0]
                cursor.execute(HAND_DENSE if total > DENSE else HAND_SPARSE, params)
                return cursor.fetchall(), total

        page, total = access_layer()
        assert total == size and len(page) == min(size, 50), (username, total, len(page))
        assert [c.pk for c in page] == [row[0] for row in hand_written()[0]], username
        for name, function in [("access layer (pages)", access_layer),
                               ("... and the list logged", access_layer_logged),
                               ("guardian get_objects_for_user", guardian_stock),
                               ("hand-written SQL", hand_written)]:  # fmt: skip
            median, p95, queries = timed(function)
            print(f"{size:>8,}  {name:<28} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
