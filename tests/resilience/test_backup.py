"""A backup restores into an empty database with every record and an intact access log."""

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.workers import ROOT, database_url_of_this_test
from umebra.audit.models import AccessEvent

COUNTED = ["umebra_user", "collaboration_jointeffort", "cases_sigcase", "audit_accessevent",
           "reports_reportrun"]  # fmt: skip


def _counts(dbname: str) -> dict[str, int]:
    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                         password=db["PASSWORD"] or None, dbname=dbname) as conn:  # fmt: skip
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    db = connection.settings_dict
    admin = {
        "host": db["HOST"],
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_with_all_records_and_an_intact_audit_chain(empty_database, tmp_path):
    call_command("seed_demo", stdout=None)
    assert AccessEvent.objects.count() > 0
    backup = tmp_path / "umebra.dump"
    call_command("backup", str(backup), stdout=None)

    url = database_url_of_this_test().rsplit("/", 1)[0] + "/" + empty_database
    env = {**os.environ, "DATABASE_URL": url}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "restore", str(backup)], cwd=ROOT, env=env, check=True, timeout=300)
    assert _counts(empty_database) == _counts(connection.settings_dict["NAME"])
    verified = subprocess.run([*manage, "audit_verify"], cwd=ROOT, env=env, timeout=120,
                              capture_output=True, text=True)  # fmt: skip
    assert verified.returncode == 0, verified.stderr
    assert "intact" in verified.stdout

    again = subprocess.run([*manage, "restore", str(backup)], cwd=ROOT, env=env, timeout=120,
                           capture_output=True, text=True)  # fmt: skip
    assert again.returncode != 0 and "not empty" in again.stderr
