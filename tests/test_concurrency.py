"""
Writers against readers for a few seconds: no "database is locked", nothing
lost. On SQLite this needs a file database (set TEST_DB_NAME to a file path,
as the Makefile and CI do), so WAL, IMMEDIATE and the busy timeout are what is
exercised; on PostgreSQL it runs as is.
"""

import datetime
import threading
import time

import pytest
from django.db import connection, connections

from timeline.models import Actor, Event, Source

D = datetime.date(2026, 1, 13)
SECONDS = 3
WRITERS = 4
READERS = 4


def in_memory_sqlite() -> bool:
    name = connection.settings_dict["NAME"]
    return connection.vendor == "sqlite" and (connection.is_in_memory_db() or "memory" in str(name))


@pytest.mark.django_db(transaction=True)
def test_writers_and_readers_together_lose_nothing():
    if in_memory_sqlite():
        pytest.fail("Run with TEST_DB_NAME=/tmp/<name>.sqlite3: WAL needs a file database.")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0].lower() == "wal"
    actor = Actor.objects.create(name="Japan", short_name="Japan", slug="japan", kind="country")
    errors, written, reads = [], [], [0]
    stop = time.monotonic() + SECONDS

    def writer(n):
        try:
            i = 0
            while time.monotonic() < stop:
                event = Event.objects.create(
                    title=f"Writer {n} event {i}", slug=f"w{n}-{i}", earliest=D, latest=D,
                    status_as_of=D, is_published=True,
                )
                event.actors.add(actor)
                # An editor's second save of the same event, as the admin does.
                event.summary = "edited"
                event.save()
                if i % 5 == 0:
                    try:
                        from timeline.ingest import ingest_source
                    except ImportError:
                        Source.objects.create(published_on=D, text=f"Article {n}-{i}.")
                    else:
                        ingest_source(f"On Tuesday Japan and Korea met. Article {n}-{i}.", D, outlet="Wire")
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
