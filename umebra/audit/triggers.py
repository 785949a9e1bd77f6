"""The append-only triggers of the access log's tables, for the migrations that add them.

PostgreSQL refuses any update or delete of a row of such a table, with the function that
migration 0002 made for the events; SQLite (development) has no such trigger.
"""


def on_postgresql(sql: str):
    """A migration step that runs ``sql`` on PostgreSQL and nothing elsewhere."""

    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


def append_only(table: str) -> tuple:
    """The steps that make ``table`` append-only, and undo it (for ``RunPython``)."""
    create = f"""
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION audit_accessevent_append_only();
"""
    drop = f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};"
    return on_postgresql(create), on_postgresql(drop)
