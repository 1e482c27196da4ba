"""
Writers against readers for a few seconds: no "database is locked", nothing
lost. On SQLite the settings give tests a file database (TEST_DB_NAME names
another file), so WAL, IMMEDIATE and the busy timeout are what is exercised;
on PostgreSQL it runs as is.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, connections

from newsroom.ingest import ingest_source
from timeline.models import Actor, Event

D = datetime.date(2026, 1, 13)
SECONDS = 3
WRITERS = 4
READERS = 4


@pytest.mark.django_db(transaction=True)
def test_writers_and_readers_together_lose_nothing():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0].lower() == "wal", "WAL needs a file database: TEST_DB_NAME must be a file path"
    actor = Actor.objects.create(name="Japan", short_name="Japan", slug="japan", kind="country")
    errors, written, reads = [], [], [0]
    stop = time.monotonic() + SECONDS

    def writer(n):
        try:
            i = 0
            while time.monotonic() < stop:
                event = Event.objects.create(
                    title=f"Writer {n} event {i}",
                    slug=f"w{n}-{i}",
                    earliest=D,
                    latest=D,
                    status_as_of=D,
                    is_published=True,
                )
                event.actors.add(actor)
                # An editor's second save of the same event, as the admin does.
                event.summary = "edited"
                event.save()
                if i % 5 == 0:
                    # The articles differ by a number only: the duplicate check would refuse them, and
                    # what is tested here is writing, not spotting reprints.
                    article = f"On Tuesday Japan and Korea met. Article {n}-{i}."
                    ingest_source(article, D, outlet="Wire", allow_duplicate=True)
                written.append(f"w{n}-{i}")
                i += 1
        except Exception as exc:  # collected, not swallowed: the test fails on any
            errors.append(repr(exc))
        finally:
            connections.close_all()

    def reader():
        try:
            while time.monotonic() < stop:
                list(Event.objects.published().with_related().chronological()[:50])
                reads[0] += 1
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert written, "no writes happened"
    assert reads[0] > 0
    stored = set(Event.objects.filter(slug__in=written).values_list("slug", flat=True))
    assert stored == set(written)
    assert set(Event.objects.filter(slug__in=written).values_list("summary", flat=True)) == {"edited"}
