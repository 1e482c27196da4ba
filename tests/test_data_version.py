"""
Each worker remembers the data version for DATA_VERSION_SECONDS, so a cached
embed costs no query; an edit still reaches readers: at once from the worker
that saved it, within those seconds from any other.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from timeline import data_version
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """time.monotonic as data_version sees it, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(data_version.time, "monotonic", lambda: now[0])
    return now


def test_a_cached_embed_is_answered_without_a_query(client, seed, clock):
    client.get("/embed/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/embed/")
    assert again.status_code == 200
    assert len(queries) == 0


def test_an_edit_saved_in_this_worker_reaches_readers_at_once(client, seed, clock):
    first = client.get("/embed/")
    event = Event.objects.published().first()
    event.title = "A title edited a moment ago"
    event.save()
    again = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert again["ETag"] != first["ETag"]
    assert "A title edited a moment ago" in again.content.decode()


def test_an_edit_from_another_worker_reaches_readers_within_the_remembered_seconds(client, seed, clock, settings):
    settings.DATA_VERSION_SECONDS = 2
    first = client.get("/embed/")
    # Written as another process would: no signal reaches this one.
    Event.objects.filter(pk=Event.objects.published().first().pk).update(
        title="Edited elsewhere", updated_at=timezone.now()
    )
    clock[0] += 1
    assert client.get("/embed/")["ETag"] == first["ETag"]
    clock[0] += 1.5
    again = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert again["ETag"] != first["ETag"]
    assert "Edited elsewhere" in again.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_version_read_before_an_edit_commits_is_forgotten_at_the_commit(seed, clock):
    event = Event.objects.published().first()
    with transaction.atomic():
        event.title = "Edited inside a transaction"
        event.save()
        # Another reader of this worker reads between the save and its commit.
        data_version.newest_change()
        assert data_version.Remembered.read_at is not None
    assert data_version.Remembered.read_at is None
