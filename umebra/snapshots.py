"""Reading many tables as of one moment.

A report runs dozens of queries; under PostgreSQL's default READ COMMITTED each sees the data
as of its own start, so an effort logged half-way through could count in one table and not
in the next, and the totals of the report would disagree. REPEATABLE READ takes one snapshot
at the first query and shows every later one the same data, and READ ONLY says (and has the
server enforce) that nothing is written meanwhile.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def consistent_snapshot() -> Iterator[None]:
    """Every query inside reads the same snapshot of the database.

    Inside a transaction already under way (a test's, say) the isolation level can no
    longer be chosen, and that transaction's own rules apply. SQLite's transactions read one
    snapshot anyway.
    """
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
