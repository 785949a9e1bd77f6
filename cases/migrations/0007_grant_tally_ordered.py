"""The grant tally's trigger, hardened (PostgreSQL; SQLite, the development default, keeps
its row triggers from 0006):

- the rows a statement changes are locked in key order, so that two statements touching
  the same users' tallies wait for each other instead of deadlocking;
- rows that fall to zero are removed, so that past days do not pile up;
- emptying the grant table with TRUNCATE (which fires no row or statement DELETE trigger)
  empties the tally too.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION cases_grant_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM cases_granttally;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM 1 FROM cases_granttally t
        JOIN (SELECT DISTINCT user_id, organisation_id, valid_until FROM old_rows) gone
          ON t.user_id = gone.user_id AND t.organisation_id = gone.organisation_id
         AND t.valid_until = gone.valid_until
        ORDER BY t.user_id, t.organisation_id, t.valid_until
        FOR UPDATE OF t;
        UPDATE cases_granttally t SET grants = t.grants - gone.n
        FROM (SELECT user_id, organisation_id, valid_until, count(*) AS n FROM old_rows
              WHERE organisation_id IS NOT NULL AND valid_until IS NOT NULL
              GROUP BY 1, 2, 3) gone
        WHERE t.user_id = gone.user_id AND t.organisation_id = gone.organisation_id
          AND t.valid_until = gone.valid_until;
        DELETE FROM cases_granttally t
        USING (SELECT DISTINCT user_id, organisation_id, valid_until FROM old_rows) gone
        WHERE t.user_id = gone.user_id AND t.organisation_id = gone.organisation_id
          AND t.valid_until = gone.valid_until AND t.grants <= 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cases_granttally (user_id, organisation_id, valid_until, grants)
        SELECT user_id, organisation_id, valid_until, count(*) FROM new_rows
        WHERE organisation_id IS NOT NULL AND valid_until IS NOT NULL
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        ON CONFLICT (user_id, organisation_id, valid_until)
        DO UPDATE SET grants = cases_granttally.grants + EXCLUDED.grants;
    END IF;
    RETURN NULL;
END $$
"""

PREVIOUS = """
CREATE OR REPLACE FUNCTION cases_grant_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE cases_granttally t SET grants = t.grants - gone.n
        FROM (SELECT user_id, organisation_id, valid_until, count(*) AS n FROM old_rows
              WHERE organisation_id IS NOT NULL AND valid_until IS NOT NULL
              GROUP BY 1, 2, 3) gone
        WHERE t.user_id = gone.user_id AND t.organisation_id = gone.organisation_id
          AND t.valid_until = gone.valid_until;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO cases_granttally (user_id, organisation_id, valid_until, grants)
        SELECT user_id, organisation_id, valid_until, count(*) FROM new_rows
        WHERE organisation_id IS NOT NULL AND valid_until IS NOT NULL
        GROUP BY 1, 2, 3
        ON CONFLICT (user_id, organisation_id, valid_until)
        DO UPDATE SET grants = cases_granttally.grants + EXCLUDED.grants;
    END IF;
    RETURN NULL;
END $$
"""

TRUNCATE = """
CREATE TRIGGER grant_tally_truncate AFTER TRUNCATE ON cases_sigcaseuserobjectpermission
FOR EACH STATEMENT EXECUTE FUNCTION cases_grant_tally()
"""


def harden(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)
        schema_editor.execute(TRUNCATE)
        schema_editor.execute("DELETE FROM cases_granttally WHERE grants <= 0")


def soften(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER grant_tally_truncate ON cases_sigcaseuserobjectpermission"
        )
        schema_editor.execute(PREVIOUS)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_grant_tally")]

    operations = [migrations.RunPython(harden, soften)]
