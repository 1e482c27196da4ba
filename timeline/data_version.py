"""
When public data last changed: the newest history record of any model a
reader can see, deletions and relinked actors included. Every worker (and
every restart) agrees on it, so it can version cached answers and HTTP
validators alike.

Asked by every request, so each worker remembers the answer for
DATA_VERSION_SECONDS: a cached embed is then answered without touching the
database. A save or delete in the worker itself forgets it at once; one in
another worker (or a bulk import, which sends no signals) reaches this
worker's readers within those seconds.
"""

import datetime
import functools
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
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


@functools.cache
def change_columns() -> tuple[tuple[str, str], ...]:
    """(table, column) pairs whose newest value is the newest change to public data."""
    columns = [(model.history.model._meta.db_table, "history_date") for model in PUBLIC_MODELS]
    # Fixtures and bulk imports write no history; their rows still carry updated_at.
    columns += [(model._meta.db_table, "updated_at") for model in (models.Event, models.Source)]
    # Built once: simple_history makes a new manager class on every `Model.history`.
    return tuple(columns)


class Remembered:
    """The newest change as last read, when it was read, and how many saves this worker has seen."""

    lock = threading.Lock()
    moment: datetime.datetime | None = None
    read_at: float | None = None
    saves = 0


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def forget_newest_change(**kwargs) -> None:
    """Any write in this worker: the next request reads the version afresh."""
    forget()
    # A reader between the save and its commit read (and remembered) the version before it.
    transaction.on_commit(forget)


def forget() -> None:
    with Remembered.lock:
        Remembered.saves += 1
        Remembered.read_at = None


def newest_change(precise: bool = False) -> datetime.datetime | None:
    """
    When anything public last changed; to the second unless `precise` (HTTP
    dates have no finer grain). One indexed query, at most once per
    DATA_VERSION_SECONDS in each worker.
    """
    now = time.monotonic()
    with Remembered.lock:
        fresh = Remembered.read_at is not None and now - Remembered.read_at < settings.DATA_VERSION_SECONDS
        latest, saves = Remembered.moment, Remembered.saves
    if not fresh:
        latest = read_newest_change()
        with Remembered.lock:
            # A save while we read may not be in what we read: then it is not remembered.
            if Remembered.saves == saves:
                Remembered.moment, Remembered.read_at = latest, now
    if latest is None:
        return None
    return latest if precise else latest.replace(microsecond=0)


def read_newest_change() -> datetime.datetime | None:
    """The newest change, from the database."""
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
    return latest
