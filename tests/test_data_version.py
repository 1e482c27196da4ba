"""
The data version follows commits, in commit order, and never goes back: a
cached embed costs no query, an edit reaches readers once it is committed
(whenever it was saved), and a reader who saw an edit never sees the data
before it again.
"""

import datetime
from contextlib import contextmanager

import pytest
import redis
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.own_servers import OwnRedis
from timeline import data_version
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """time.monotonic as data_version sees it, moved by hand."""
    now = [1000.0]
    monkeypatch.setattr(data_version.time, "monotonic", lambda: now[0])
    return now


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """What the test's transaction would run at its commit, run at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(scope="module")
def shared_redis():
    server = OwnRedis().start()
    yield server
    server.stop()


@pytest.fixture
def with_redis(shared_redis, settings):
    settings.REDIS_URL = shared_redis.url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": shared_redis.url}
    }
    redis.Redis.from_url(shared_redis.url).flushdb()
    data_version.reset()
    yield shared_redis
    data_version.reset()


@contextmanager
def as_another_worker():
    """
    Run the block as another worker of the site would: whatever this worker
    remembers of the data version before it, it still remembers after.
    """
    kept = {name: value for name, value in vars(data_version.Remembered).items() if not name.startswith("_")}
    yield
    for name, value in kept.items():
        if name != "lock":
            setattr(data_version.Remembered, name, value)


def edit(event: Event, title: str, when: datetime.datetime | None = None, monkeypatch=None) -> None:
    if when is not None:
        # The save's own stamps (updated_at, the history record) are taken now.
        monkeypatch.setattr(timezone, "now", lambda: when)
    event.title = title
    event.save()
    if when is not None:
        monkeypatch.undo()


def test_a_cached_embed_is_answered_without_a_query(client, seed, clock):
    client.get("/embed/")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/embed/")
    assert again.status_code == 200
    assert len(queries) == 0


def test_an_edit_committed_in_this_worker_reaches_readers_at_once(client, seed, clock, commit):
    first = client.get("/embed/")
    with commit():
        edit(Event.objects.published().first(), "A title edited a moment ago")
    again = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert again["ETag"] != first["ETag"]
    assert "A title edited a moment ago" in again.content.decode()


def test_an_edit_saved_first_and_committed_last_still_reaches_readers(client, seed, clock, commit, monkeypatch):
    """T1 saves, T2 saves later but commits first, a reader caches between, then T1 commits."""
    one, two = Event.objects.published()[:2]
    saved_by_t1 = timezone.now()
    with commit():
        edit(
            two,
            "Saved second, committed first",
            when=saved_by_t1 + datetime.timedelta(seconds=5),
            monkeypatch=monkeypatch,
        )
    between = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert "Saved second, committed first" in between.content.decode()
    with commit():
        edit(one, "Saved first, committed last", when=saved_by_t1, monkeypatch=monkeypatch)
    after = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert after["ETag"] != between["ETag"]
    assert "Saved first, committed last" in after.content.decode()


def test_an_edit_from_another_worker_reaches_readers_within_the_remembered_seconds(
    client, seed, clock, settings, commit
):
    settings.DATA_VERSION_SECONDS = 2
    first = client.get("/embed/")
    with as_another_worker(), commit():
        edit(Event.objects.published().first(), "Edited elsewhere")
    clock[0] += 1
    assert client.get("/embed/")["ETag"] == first["ETag"]
    clock[0] += 1.5
    again = client.get("/embed/", HTTP_ACCEPT_ENCODING="identity")
    assert again["ETag"] != first["ETag"]
    assert "Edited elsewhere" in again.content.decode()


def test_with_redis_an_edit_from_another_worker_reaches_readers_at_once(client, seed, clock, commit, with_redis):
    first = client.get("/api/events.json")
    with as_another_worker(), commit():
        edit(Event.objects.published().first(), "Edited on the other server")
    again = client.get("/api/events.json")
    assert again["ETag"] != first["ETag"]
    assert "Edited on the other server" in again.content.decode()


def test_with_redis_answers_never_go_back_across_workers(client, seed, clock, commit, with_redis):
    """A worker that saw the edit answers with it; one that remembers the version before it must too."""
    client.get("/api/events.json")
    stale_worker = {name: value for name, value in vars(data_version.Remembered).items() if not name.startswith("_")}
    with commit():
        edit(Event.objects.published().first(), "Seen first from the saving worker")
    seen = client.get("/api/events.json")
    assert "Seen first from the saving worker" in seen.content.decode()
    for name, value in stale_worker.items():
        if name != "lock":
            setattr(data_version.Remembered, name, value)
    later = client.get("/api/events.json")
    assert later["ETag"] == seen["ETag"]
    assert "Seen first from the saving worker" in later.content.decode()


def test_a_worker_never_adopts_a_version_lower_than_one_it_has_seen(seed, clock, monkeypatch):
    newer = data_version.Version(9, timezone.now())
    data_version.adopt(newer)
    # A slow read that began before the newer version was committed ends now.
    monkeypatch.setattr(data_version, "read_stored", lambda: data_version.Version(8, timezone.now()))
    data_version.forget()
    assert data_version.current() == newer


def test_a_draft_only_edit_moves_no_public_validator(client, seed, commit):
    event = Event.objects.published().first()
    with commit():
        draft = Event.objects.create(
            title="Not yet public",
            slug="not-yet-public",
            earliest=event.earliest,
            latest=event.latest,
            status_as_of=event.status_as_of,
            is_published=False,
        )
    first = client.get("/api/events.json")
    with commit():
        edit(draft, "Still not public")
        draft.actors.add(Actor.objects.first())
        Actor.objects.create(name="Only in a draft", short_name="Draft actor", slug="draft-actor")
    again = client.get("/api/events.json")
    assert again["ETag"] == first["ETag"]
    assert again["Last-Modified"] == first["Last-Modified"]
    with commit():
        draft.is_published = True
        draft.save()
    published = client.get("/api/events.json")
    assert published["ETag"] != first["ETag"]
    assert "Still not public" in published.content.decode()


def test_unpublishing_an_event_moves_the_version(client, seed, commit):
    event = Event.objects.published().first()
    first = client.get("/api/events.json")
    with commit():
        event.is_published = False
        event.save()
    again = client.get("/api/events.json")
    assert again["ETag"] != first["ETag"]
    assert event.slug not in again.content.decode()


def test_a_writer_that_finds_the_row_put_back_meanwhile_moves_it_on(monkeypatch):
    # Two writers on an emptied database both find no row; the other one puts it back first.
    from django.db.models import QuerySet

    from timeline.models import DataVersion

    before = DataVersion.objects.get(pk=1).number
    update, calls = QuerySet.update, []

    def missing_at_first(queryset, **fields):
        calls.append(fields)
        return 0 if len(calls) == 1 else update(queryset, **fields)

    monkeypatch.setattr(QuerySet, "update", missing_at_first)
    data_version.move()
    assert DataVersion.objects.get(pk=1).number == before + 1
