"""
When public data last changed: the newest history record of any model a
reader can see, deletions and relinked actors included. Every worker (and
every restart) agrees on it, so it can version cached answers and HTTP
validators alike.
"""

import datetime

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from . import models

# Every model whose rows show on a public page, an embed or an export.
PUBLIC_MODELS = (
    models.Event,
    models.Citation,
    models.Source,
    models.Actor,
    models.Topic,
    models.Place,
    models.StoryArc,
    models.EventRelation,
)


def change_columns() -> list[tuple[str, str]]:
    """(table, column) pairs whose newest value is the newest change to public data."""
    columns = [(model.history.model._meta.db_table, "history_date") for model in PUBLIC_MODELS]
    # Fixtures and bulk imports write no history; their rows still carry updated_at.
    columns += [(model._meta.db_table, "updated_at") for model in (models.Event, models.Source)]
    return columns


def newest_change(precise: bool = False) -> datetime.datetime | None:
    """
    When anything public last changed; to the second unless `precise` (HTTP
    dates have no finer grain). One indexed query for every request that asks.
    """
    quote = connection.ops.quote_name
    parts = " UNION ALL ".join(
        f"SELECT MAX({quote(column)}) AS moment FROM {quote(table)}" for table, column in change_columns()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(moment) FROM ({parts}) AS changes")
        (latest,) = cursor.fetchone()
    if latest is None:
        return None
    if isinstance(latest, str):  # SQLite hands back raw SQL's datetimes as text
        latest = parse_datetime(latest)
    if timezone.is_naive(latest):
        latest = timezone.make_aware(latest, datetime.UTC)
    return latest if precise else latest.replace(microsecond=0)
