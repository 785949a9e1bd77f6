"""The database connection dropped under the web process: a clear 503, then normal service."""

import psycopg
import pytest
from django.db import connection
from django.test import Client


def _drop_our_connection() -> None:
    """Kill this process's database session from outside, as a restart or a network cut would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"],
                         password=db["PASSWORD"] or None, dbname=db["NAME"],
                         autocommit=True) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db(transaction=True)
def test_a_dropped_connection_answers_503_and_the_next_request_works():
    client = Client(raise_request_exception=False)
    assert client.get("/promises/").status_code == 200
    _drop_our_connection()
    unavailable = client.get("/promises/")
    assert unavailable.status_code == 503
    assert unavailable["Retry-After"] == "30"
    assert "tillfälligt otillgängligt" in unavailable.content.decode()
    assert client.get("/promises/").status_code == 200  # no restart: a new connection


@pytest.mark.django_db
def test_a_cancelled_statement_is_an_error_of_ours_not_an_outage():
    """A statement timeout (or a deadlock) is an OperationalError too, but the database is
    there: it is a 500 to log and fix, not "temporarily unavailable"."""
    from django.db import OperationalError, transaction

    from umebra.views import _database_unreachable

    with (
        pytest.raises(OperationalError) as raised,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(1)")
    assert raised.value.__cause__.sqlstate == "57014"  # query_canceled
    assert not _database_unreachable(raised.value)
