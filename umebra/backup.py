"""Backup and restore of the whole database, with PostgreSQL's own tools.

``pg_dump`` in its custom format holds schema, data (reports' PDFs and the access log
included) and the access log's append-only trigger; ``pg_restore`` puts it back into an
empty database. The SQLite file of a development instance is copied with SQLite's online
backup instead.
"""

import os
import sqlite3
import subprocess
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db import connection


def _pg_args(db: dict) -> tuple[list[str], dict]:
    args = ["--host", db["HOST"] or "127.0.0.1", "--port", str(db["PORT"] or 5432),
            "--username", db["USER"], "--dbname", db["NAME"]]  # fmt: skip
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    return args, env


def backup(path: Path) -> None:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(path) as target:
            source.backup(target)
        return
    if connection.vendor != "postgresql":
        raise ImproperlyConfigured(f"No backup for {connection.vendor}")
    args, env = _pg_args(db)
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path), *args],
                   env=env, check=True)  # fmt: skip


def restore(path: Path) -> None:
    """Restore into the configured database, which must be empty (a new database)."""
    db = connection.settings_dict
    if connection.vendor != "postgresql":
        raise ImproperlyConfigured("Restore a SQLite instance by copying the file back.")
    if connection.introspection.table_names():
        raise ImproperlyConfigured(
            f"The database {db['NAME']} is not empty: restore into a new, empty database."
        )
    connection.close()
    args, env = _pg_args(db)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", *args, str(path)],
                   env=env, check=True)  # fmt: skip
