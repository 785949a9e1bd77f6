"""Query expressions the ORM lacks, for plans PostgreSQL gets right by itself."""

from django.db.models import BigIntegerField, Expression, IntegerField, Subquery


class IdSet(Expression):
    """A known set of ids for ``pk__in=IdSet(ids)``.

    On PostgreSQL the ids become a subquery over an array. A literal ``IN (…)`` list is
    estimated as spread evenly over the table, so for a sorted page PostgreSQL may walk the
    sort index and test every row; against a subquery it looks each id up by primary key
    and sorts the few rows it found, whatever order the ids lie in.
    """

    def __init__(self, ids):
        super().__init__(output_field=BigIntegerField())
        self.ids = list(ids)

    def as_sql(self, compiler, connection):
        if not self.ids:
            return "(NULL)", []
        return "(" + ", ".join(["%s"] * len(self.ids)) + ")", self.ids

    def as_postgresql(self, compiler, connection):
        return "(SELECT unnest(%s::bigint[]))", [self.ids]


class RowCount(Subquery):
    """The number of rows ``queryset`` has, as a value inside another query, so that several
    counts come back in one round trip."""

    template = "(SELECT count(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()
