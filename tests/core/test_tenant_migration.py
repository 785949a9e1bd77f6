"""The migrations that made the municipality the tenant, run on a filled database: the
demo's, taken back to the schema before them, then forward again. Nothing is lost, all of it
becomes Umeå's, and the access log's hash chain holds unbroken.

Before them an installation held one municipality, so the demo's second one gives up the
one thing the schema of before could not hold: its report queued for the same quarter as
Umeå's (one run of a kind and period at a time)."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from reports.models import ReportRun
from umebra import access
from umebra.audit.selectors import event_chain_first_broken_link
from umebra.audit.services import alert_raise
from umebra.models import User

# The last migration of each app before the municipality became the tenant.
BEFORE = [
    ("umebra", "0009_mail_reminders_grants_digest"),
    ("collaboration", "0011_responsible_person"),
    ("cases", "0012_plausible_ranges"),
    ("reports", "0002_job_heartbeat"),
    ("audit", "0004_listed_object"),
]


def _rows() -> dict[str, int]:
    """Rows in every table the schema before the tenant had: not the new ones, nor the
    record of applied migrations."""
    with connection.cursor() as cursor:
        tables = [
            table
            for table in connection.introspection.table_names(cursor)
            if "municipalit" not in table and table != "django_migrations"
        ]
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_a_filled_database_becomes_umeas_with_nothing_lost(monkeypatch):
    # The log of before named no municipality: the demo is logged so, as the code of then
    # logged it, and the hashes of its events cover no municipality either.
    record = access.event_record
    monkeypatch.setattr(
        access, "event_record", lambda **event: record(**{**event, "municipality_ids": ()})
    )
    call_command("seed_demo", stdout=StringIO())
    monkeypatch.undo()
    alert_raise(user=User.objects.get(username="polis"), description="A read to look at")
    ReportRun.objects.exclude(municipality__code="2480").delete()
    checked, broken = event_chain_first_broken_link()
    assert checked > 0 and broken is None
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate(BEFORE)
    before = _rows()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM collaboration_jointeffort")
        assert cursor.fetchone()[0] > 100  # filled, and by the schema of before
    _migrate(latest)

    assert _rows() == before
    assert event_chain_first_broken_link() == (checked, None)
    Municipality = apps.get_model("umebra", "Municipality")
    [umea] = Municipality.objects.all()
    assert (umea.name, umea.code, umea.slug) == ("Umeå", "2480", "umea")
    for label in [
        "collaboration.Area", "collaboration.JointEffort", "collaboration.Observation",
        "collaboration.CooperationAgreement", "collaboration.Undertaking",
        "collaboration.CollaborationGroup", "collaboration.Indicator",
        "collaboration.SituationPicture", "collaboration.ActionPlan", "collaboration.Fund",
        "cases.SigCase", "cases.Operation", "cases.Target", "reports.ReportRun",
    ]:  # fmt: skip
        model = apps.get_model(label)
        assert model.objects.exists(), label
        assert not model.objects.exclude(municipality=umea).exists(), label
    # Each operation names its own municipality, and only that one (its targets are there).
    Operation = apps.get_model("cases", "Operation")
    assert [list(o.municipalities.all()) for o in Operation.objects.all()] == [
        [umea]
    ] * Operation.objects.count()
    Organisation = apps.get_model("umebra", "Organisation")
    assert not Organisation.objects.exclude(municipalities=umea).exists()
    # The log of before names no municipality (Umeå's auditors review it); its alerts, Umeå.
    AccessEvent, AccessAlert = (
        apps.get_model("audit.AccessEvent"),
        apps.get_model("audit.AccessAlert"),
    )
    assert not AccessEvent.objects.filter(municipalities__isnull=False).exists()
    assert list(AccessAlert.objects.values_list("municipalities__code", flat=True)) == ["2480"]
    regional = set(Organisation.objects.filter(regional=True).values_list("name", flat=True))
    assert regional == {"Polisen LPO Umeå", "Skatteverket", "Arbetsmiljöverket", "Kronofogden"}
    # Every member of the police and the agencies works in Umeå, as they did.
    Membership = apps.get_model("umebra", "Membership")
    assert (
        not Membership.objects.filter(organisation__regional=True)
        .exclude(municipalities=umea)
        .exists()
    )
