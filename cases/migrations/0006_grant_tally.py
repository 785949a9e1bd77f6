"""The grant tally and the triggers that keep it (see ``cases.models.GrantTally``).

PostgreSQL: one trigger per statement, reading the rows it touched from transition tables,
so that a bulk insert or delete adjusts each tally row once. SQLite (the development
default) has only row triggers. A grant without an organisation or a last day is never
counted, so neither is tallied. A delete only lowers rows that exist: when a user is
deleted, their tally rows may be gone before their grants are.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


POSTGRESQL = [
    """
    CREATE FUNCTION cases_grant_tally() RETURNS trigger LANGUAGE plpgsql AS $$
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
    """,
    """
    CREATE TRIGGER grant_tally_insert AFTER INSERT ON cases_sigcaseuserobjectpermission
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_grant_tally()
    """,
    """
    CREATE TRIGGER grant_tally_update AFTER UPDATE ON cases_sigcaseuserobjectpermission
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION cases_grant_tally()
    """,
    """
    CREATE TRIGGER grant_tally_delete AFTER DELETE ON cases_sigcaseuserobjectpermission
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_grant_tally()
    """,
]
POSTGRESQL_UNDO = [
    "DROP TRIGGER grant_tally_insert ON cases_sigcaseuserobjectpermission",
    "DROP TRIGGER grant_tally_update ON cases_sigcaseuserobjectpermission",
    "DROP TRIGGER grant_tally_delete ON cases_sigcaseuserobjectpermission",
    "DROP FUNCTION cases_grant_tally()",
]

_ADD = """
    INSERT INTO cases_granttally (user_id, organisation_id, valid_until, grants)
    VALUES (NEW.user_id, NEW.organisation_id, NEW.valid_until, 1)
    ON CONFLICT (user_id, organisation_id, valid_until) DO UPDATE SET grants = grants + 1;
"""
_REMOVE = """
    UPDATE cases_granttally SET grants = grants - 1 WHERE user_id = OLD.user_id
    AND organisation_id = OLD.organisation_id AND valid_until = OLD.valid_until;
"""
_NEW = "NEW.organisation_id IS NOT NULL AND NEW.valid_until IS NOT NULL"
_OLD = "OLD.organisation_id IS NOT NULL AND OLD.valid_until IS NOT NULL"
SQLITE = [
    f"""CREATE TRIGGER grant_tally_insert AFTER INSERT ON cases_sigcaseuserobjectpermission
    WHEN {_NEW} BEGIN {_ADD} END""",
    f"""CREATE TRIGGER grant_tally_delete AFTER DELETE ON cases_sigcaseuserobjectpermission
    WHEN {_OLD} BEGIN {_REMOVE} END""",
    f"""CREATE TRIGGER grant_tally_update_old AFTER UPDATE ON cases_sigcaseuserobjectpermission
    WHEN {_OLD} BEGIN {_REMOVE} END""",
    f"""CREATE TRIGGER grant_tally_update_new AFTER UPDATE ON cases_sigcaseuserobjectpermission
    WHEN {_NEW} BEGIN {_ADD} END""",
]
SQLITE_UNDO = [
    f"DROP TRIGGER {name}"
    for name in ("grant_tally_insert", "grant_tally_delete", "grant_tally_update_old",
                 "grant_tally_update_new")
]

BACKFILL = """
    INSERT INTO cases_granttally (user_id, organisation_id, valid_until, grants)
    SELECT user_id, organisation_id, valid_until, count(*) FROM cases_sigcaseuserobjectpermission
    WHERE organisation_id IS NOT NULL AND valid_until IS NOT NULL GROUP BY 1, 2, 3
"""


def install(apps, schema_editor):
    statements = POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE
    for statement in [*statements, BACKFILL]:
        schema_editor.execute(statement)


def uninstall(apps, schema_editor):
    statements = POSTGRESQL_UNDO if schema_editor.connection.vendor == "postgresql" else SQLITE_UNDO
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0005_grants_carry_their_scope'),
        ('umebra', '0003_job_heartbeat'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='GrantTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_until', models.DateField()),
                ('grants', models.IntegerField()),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='umebra.organisation')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'organisation', 'valid_until'), name='grant_tally_key')],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
