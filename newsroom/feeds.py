"""
Following outlets: a feed is fetched with a conditional GET, its new items
whose title or summary holds a keyword are fetched in turn and stored as
sources with their proposals. An article already stored (through another
feed, a pasted link or an upload) is linked, not stored again. A feed that
fails records why and waits twice as long before the next try.
`poll_feeds` (the command) and the scheduled job both call `poll_due` or
`poll_feed`.
"""

import datetime
import logging
from dataclasses import dataclass, field
from time import struct_time

import feedparser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext

from newsroom.fetch import TEXT_TYPES, FetchError, fetch
from newsroom.ingest import DuplicateSourceError, IngestError
from newsroom.links import ingest_link
from newsroom.models import Feed, FeedItem
from timeline.models import StoryArc

logger = logging.getLogger(__name__)


@dataclass
class PollResult:
    feed: Feed
    new_items: int = 0
    sources: list[int] = field(default_factory=list)  # stored by this poll
    linked: list[int] = field(default_factory=list)  # already stored, now also from this feed
    errors: list[str] = field(default_factory=list)
    not_modified: bool = False


def add_feed(url: str, story_slug: str, keywords=()) -> Feed:
    try:
        story = StoryArc.objects.get(slug=story_slug)
    except StoryArc.DoesNotExist:
        raise IngestError(gettext("There is no story with the slug %(slug)s.") % {"slug": repr(story_slug)}) from None
    words = sorted({word.strip() for word in keywords if word and word.strip()}, key=str.casefold)
    feed, created = Feed.objects.get_or_create(url=url, defaults={"story": story, "keywords": words})
    if not created:
        feed.story, feed.keywords, feed.active = story, words, True
        feed.save()
    return feed


def due_feeds():
    now = timezone.now()
    return Feed.objects.filter(active=True).exclude(next_poll_at__gt=now)


def poll_feed(feed: Feed, progress=None) -> PollResult:
    """Poll one feed now; a failure is recorded on the feed and raised."""
    conditional = {}
    if feed.etag:
        conditional["If-None-Match"] = feed.etag
    if feed.last_modified:
        conditional["If-Modified-Since"] = feed.last_modified
    try:
        # Feeds come as any of the XML types, and from some servers as text/html.
        fetched = fetch(feed.url, accept=TEXT_TYPES, headers=conditional)
        result = PollResult(feed)
        if fetched.not_modified:
            result.not_modified = True
        else:
            parsed = feedparser.parse(fetched.body)
            if parsed.bozo and not parsed.entries:
                raise FetchError(
                    gettext("%(url)s is not a readable RSS or Atom feed: %(error)s.")
                    % {"url": feed.url, "error": parsed.get("bozo_exception")}
                )
            if parsed.feed.get("title") and not feed.title:
                feed.title = strip_tags(parsed.feed["title"])[:300]
            take_entries(feed, parsed.entries, result, progress)
    except FetchError as error:
        feed.record_failure(str(error))
        raise
    feed.record_success(fetched.headers.get("ETag", ""), fetched.headers.get("Last-Modified", ""))
    return result


def take_entries(feed: Feed, entries, result: PollResult, progress=None) -> None:
    seen = set(feed.items.values_list("guid", flat=True))
    fresh = [entry for entry in entries if entry_guid(entry) and entry_guid(entry) not in seen]
    for number, entry in enumerate(fresh, start=1):
        take_entry(feed, entry, result)
        if progress:
            progress(number * 100 // len(fresh))


def take_entry(feed: Feed, entry, result: PollResult) -> None:
    guid, link = entry_guid(entry), entry.get("link", "")
    title = strip_tags(entry.get("title", ""))
    matched = feed.matches(title, strip_tags(entry.get("summary", "")))
    try:
        with transaction.atomic():
            item = FeedItem.objects.create(
                feed=feed, guid=guid[:500], url=link[:500], title=title[:300], matched=matched
            )
    except IntegrityError:
        return  # another worker took it meanwhile
    result.new_items += 1
    if not matched or not link:
        return
    try:
        _, ingested = ingest_link(link, published=entry_date(entry))
    except DuplicateSourceError as duplicate:
        item.source = duplicate.duplicate.source
        result.linked.append(item.source.pk)
    except (FetchError, IngestError) as error:
        item.error = str(error)
        result.errors.append(f"{link}: {error}")
    else:
        item.source = ingested.source
        result.sources.append(ingested.source.pk)
    item.save(update_fields=["source", "error"])


def entry_guid(entry) -> str:
    return str(entry.get("id") or entry.get("link") or "")


def entry_date(entry) -> datetime.date | None:
    """The date the feed gives an item; the page's own date wins when it has one."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if isinstance(parsed, struct_time):
        date = datetime.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        return date if date <= timezone.localdate() else None
    return None


def poll_due(progress=None) -> list[PollResult]:
    """Poll every feed due now; one failing feed (recorded on it) stops none of the others.
    No transaction around a poll: each item is stored in its own, so a failure
    halfway keeps what was stored and the failure's record."""
    results = []
    feeds = list(due_feeds())
    for number, feed in enumerate(feeds, start=1):
        try:
            results.append(poll_feed(feed))
        except FetchError as error:
            results.append(PollResult(feed, errors=[str(error)]))
        if progress:
            progress(number * 100 // len(feeds))
    return results
