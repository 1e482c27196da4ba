"""
The version of what readers can see: a number moved after every commit that
changed a published record (a draft's edits move nothing), so that cached
answers and HTTP validators keyed on it follow commits, in commit order.

The number lives in one database row (models.DataVersion), moved in the
same transaction as the change, so it becomes visible with it, at the
commit, whatever order transactions commit in (a stamp taken at the save
cannot be that: a transaction saving first and committing last would land
under a version readers had already cached). A reader that reads the version,
then the data, and finds the version moved meanwhile knows its data may be
newer than its version, and does not cache it (timeline/caching.py).

Every worker compares versions and keeps the highest it has seen, so its
answers never go back. With Redis, the committing worker publishes the new
version there at once and every worker of every server reads it on each
request; each worker also reads the row at most every DATA_VERSION_SECONDS,
which is also all it can do without Redis (or while Redis is down), and what
catches a bump that was never published (a worker killed in between).
"""

import dataclasses
import datetime
import functools
import logging
import threading
import time

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from . import models

logger = logging.getLogger("summit.data_version")

# Every model whose rows can show on a public page, an embed or an export.
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
PUBLIC_LINKS = (models.Event.actors.through, models.Event.places.through, models.Event.topics.through)

SHARED_KEY = "summit:data-version"
# Redis keeps the higher of what it holds and what it is given, atomically, so
# two workers publishing out of order cannot move it back.
KEEP_HIGHER = """
local held = redis.call('GET', KEYS[1])
if held and tonumber(string.match(held, '^(%d+)')) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. ARGV[2])
return 1
"""
# After Redis fails, each worker leaves it alone this long rather than wait on it per request.
REDIS_RETRY_SECONDS = 5.0


@dataclasses.dataclass(frozen=True, order=True)
class Version:
    number: int
    changed_at: datetime.datetime = dataclasses.field(compare=False)

    def encoded(self) -> str:
        return f"{self.number} {self.changed_at.isoformat()}"

    @classmethod
    def decoded(cls, text: str | bytes) -> "Version":
        if isinstance(text, bytes):
            text = text.decode()
        number, changed_at = text.split(" ", 1)
        return cls(int(number), datetime.datetime.fromisoformat(changed_at))


class Remembered:
    """The highest version this worker has seen, and when it last read the database's."""

    lock = threading.Lock()
    version: Version | None = None
    read_at: float | None = None
    redis_down_until = 0.0


def forget() -> None:
    """Read the database's version on the next request (the highest seen is still kept)."""
    with Remembered.lock:
        Remembered.read_at = None


def reset() -> None:
    """Forget everything, the highest version seen included: for tests, whose databases roll back."""
    with Remembered.lock:
        Remembered.version = Remembered.read_at = None
        Remembered.redis_down_until = 0.0
    redis_client.cache_clear()


def adopt(version: Version | None) -> Version | None:
    """Keep `version` if it is higher than the one seen; the highest seen either way."""
    with Remembered.lock:
        if version is not None and (Remembered.version is None or version > Remembered.version):
            Remembered.version = version
        return Remembered.version


def current() -> Version | None:
    """
    The data's version as this worker knows it: the highest of what it has
    seen, what Redis holds, and (at most every DATA_VERSION_SECONDS) the
    database row. None only when nothing could be read at all. A database
    that cannot be read is an outage the caller meets on its own query.
    """
    adopt(read_shared())
    now = time.monotonic()
    with Remembered.lock:
        due = Remembered.read_at is None or now - Remembered.read_at >= settings.DATA_VERSION_SECONDS
        if due:
            Remembered.read_at = now
    if due:
        try:
            stored = read_stored()
        except DatabaseError:
            logger.warning("The data version could not be read; answering from the last one seen.")
        else:
            held = adopt(stored)
            if stored is not None and stored == held:
                publish(stored)
    return adopt(None)


def read_stored() -> Version | None:
    row = models.DataVersion.objects.filter(pk=1).values_list("number", "changed_at").first()
    return Version(*row) if row else None


def move() -> None:
    """
    Move the version on in the current transaction, so that it becomes visible
    with the change itself, at its commit (the row stays locked until then:
    writers of public records commit one after another). Announced once committed.
    """
    now = timezone.now()
    row = models.DataVersion.objects.filter(pk=1)
    moved = row.update(number=F("number") + 1, changed_at=Greatest(F("changed_at"), Value(now)))
    if not moved:  # a database emptied by hand (or by a test's flush)
        try:
            with transaction.atomic():
                models.DataVersion.objects.create(pk=1, number=1, changed_at=now)
        except IntegrityError:  # another writer put the row back first: move it on
            row.update(number=F("number") + 1, changed_at=Greatest(F("changed_at"), Value(now)))
    transaction.on_commit(announce)


def announce() -> None:
    """After a commit that moved the version: adopt it here and publish it to every other worker."""
    try:
        version = read_stored()
    except DatabaseError:
        return  # the others read it from the database within DATA_VERSION_SECONDS
    if version is not None:
        adopt(version)
        publish(version)


def bump() -> None:
    """For writes that send no signals (bulk_create, raw SQL), after them: move the version and announce it."""
    with transaction.atomic():
        move()


# Redis, when there is one: where the committing worker tells all the others.


@functools.cache
def redis_client():
    import redis

    return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.25, socket_timeout=1.0)


def redis_ready() -> bool:
    return bool(getattr(settings, "REDIS_URL", "")) and time.monotonic() >= Remembered.redis_down_until


def redis_failed(error: Exception) -> None:
    logger.warning("Redis unreachable for the data version (%s); reading the database instead.", error)
    Remembered.redis_down_until = time.monotonic() + REDIS_RETRY_SECONDS


def read_shared() -> Version | None:
    if not redis_ready():
        return None
    import redis

    try:
        held = redis_client().get(SHARED_KEY)
    except redis.RedisError as error:
        redis_failed(error)
        return None
    return Version.decoded(held) if held else None


def publish(version: Version) -> None:
    if not redis_ready():
        return
    import redis

    try:
        redis_client().eval(KEEP_HIGHER, 1, SHARED_KEY, version.number, version.changed_at.isoformat())
    except redis.RedisError as error:
        redis_failed(error)


# What moves the version: a committed change readers could see.


def reader_visible(sender, instance) -> bool:
    """Whether a change to `instance` could show on a public page (a draft's cannot)."""
    if sender is models.Event:
        return instance.is_published or getattr(instance, "_was_published", False)
    if sender is models.Citation:
        return models.Event.objects.filter(pk=instance.event_id, is_published=True).exists()
    if sender is models.EventRelation:
        ends = (instance.from_event_id, instance.to_event_id)
        return models.Event.objects.filter(pk__in=ends, is_published=True).exists()
    if sender is models.Source:
        return models.Citation.objects.filter(source_id=instance.pk, event__is_published=True).exists()
    # Actors, places, topics and stories show (in lists and the filter form) through published events.
    return instance.events.filter(is_published=True).exists()


@receiver(pre_save, sender=models.Event)
def note_whether_published(sender, instance, raw=False, **kwargs) -> None:
    """Unpublishing is a change readers see; a draft staying a draft is not."""
    if instance.pk and not instance._state.adding:
        instance._was_published = models.Event.objects.filter(pk=instance.pk, is_published=True).exists()


@receiver(post_save)
@receiver(post_delete)
def public_record_changed(sender, instance, **kwargs) -> None:
    if sender in PUBLIC_MODELS and reader_visible(sender, instance):
        move()


@receiver(m2m_changed)
def public_links_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if sender not in PUBLIC_LINKS or not action.startswith("post_"):
        return
    if not reverse:
        visible = instance.is_published or action == "post_clear"
    else:
        visible = action == "post_clear" or models.Event.objects.filter(pk__in=pk_set or (), is_published=True).exists()
    if visible:
        move()
