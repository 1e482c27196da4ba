"""
Trigram indexes for the review desk's event search on PostgreSQL.

The search filters with icontains, which PostgreSQL runs as
UPPER(title::text) LIKE UPPER('%…%'): no b-tree serves a leading wildcard,
so at 100,000 events each keystroke scanned the table. A pg_trgm GIN index
on exactly that expression does, for the distinctive words an editor types
(a word in a tenth of all titles is still read by a scan, the planner's choice). SQLite has no pg_trgm; there this
migration does nothing and the search stays a scan (40–140 ms at 100,000
events on a busy 2-core machine, bench/bench_review.py).

Plain SQL in RunPython rather than django.contrib.postgres's operations, so
that a SQLite-only install never imports the PostgreSQL driver. Creating the
extension needs a role allowed to (the database owner on PostgreSQL 13+).
"""

from django.db import migrations

COLUMNS = ("title", "short_title")


def index_name(column):
    return f"timeline_event_{column}_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(column)} ON timeline_event "
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(column)}")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0005_proposal_status_flags")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
