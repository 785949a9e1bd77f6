"""A report's many queries read one snapshot: a write committed meanwhile is not half-counted."""

import psycopg
import pytest
from django.db import DatabaseError, connection

from umebra.models import Organisation
from umebra.snapshots import consistent_snapshot


def _commit_elsewhere(sql: str) -> None:
    """Write from another session, as a user logging an effort during the build would."""
    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                         password=db["PASSWORD"] or None, dbname=db["NAME"],
                         autocommit=True) as other:  # fmt: skip
        other.execute(sql)


@pytest.mark.django_db(transaction=True)
def test_a_row_committed_during_the_snapshot_is_not_seen_until_it_ends():
    with consistent_snapshot():
        before = Organisation.objects.count()
        _commit_elsewhere(
            "INSERT INTO umebra_organisation (name, kind, organisation_number,"
            " is_public_authority, regional) VALUES ('Polisen Syd', 'police', '', true, true)"
        )
        assert Organisation.objects.count() == before
    assert Organisation.objects.count() == before + 1


@pytest.mark.django_db(transaction=True)
def test_nothing_is_written_in_the_snapshot():
    with pytest.raises(DatabaseError, match="read-only"), consistent_snapshot():
        Organisation.objects.create(name="Polisen Norr", kind="police")
