"""
What the timeline already holds about a new article or proposal.

`matching_events` ranks the existing events a proposal most likely reports
(overlapping dates, shared actors, similar wording); `find_duplicate_source`
tells whether an article is already a source (same URL, or near-identical
text). The admin's review desk and the `ingest` and `propose` commands call
both, so they never disagree.

Candidates are narrowed in SQL by date overlap, widened by a margin that
grows as the proposal's date gets vaguer, and capped, so ranking costs the
same at 1,000 or 100,000 events; wording is compared with rapidfuzz.
"""

import datetime
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db.models.functions import Length
from rapidfuzz import fuzz, utils

from newsdates.language import detect_language
from timeline.labels import date_label
from timeline.models import Citation, Event, Source

# How far (days) outside a proposal's dates an event may lie and still be the
# same event: reports of a day slip by a day or two, "in October" by weeks.
DATE_MARGIN_DAYS = {"day": 2, "span": 4, "part_of_month": 7, "month": 15, "season": 30, "year": 90}
DEFAULT_MARGIN_DAYS = 30
# Events that began longer before a proposal than this are not looked at:
# reports of events longer than a season rarely need matching, and the bound keeps
# the query to an index range.
LONGEST_EVENT = datetime.timedelta(days=92)
# The most events ranked for one proposal, whatever the timeline's size.
MAX_CANDIDATES = 300
MIN_SCORE = 0.35
MAX_MATCHES = 5
# How much each kind of evidence counts; without actors, dates and words share it.
DATE_WEIGHT, ACTOR_WEIGHT, WORDING_WEIGHT = 0.4, 0.2, 0.4

# Words every news sentence shares: left out before wording is compared.
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "two",
        "was",
        "were",
        "will",
        "with",
        "would",
        "said",
        "says",
        "after",
        "before",
        "over",
        "during",
    }
)


@dataclass(frozen=True)
class EventMatch:
    event: Event
    score: float
    reasons: list[str]

    def __iter__(self):
        # Unpacks as (event, score, reasons).
        return iter((self.event, self.score, self.reasons))


def _words(text: str) -> str:
    words = utils.default_process(text).split()
    return " ".join(w for w in words if w not in STOP_WORDS)


def _date_score(earliest, latest, event: Event, margin: int) -> tuple[float, str]:
    if event.earliest <= latest and earliest <= event.latest:
        if (event.earliest, event.latest) == (earliest, latest):
            return 1.0, "same dates"
        return 0.8, "dates overlap"
    gap = (earliest - event.latest).days if event.latest < earliest else (event.earliest - latest).days
    return max(0.0, 0.6 * (1 - gap / (margin + 1))), f"dates {gap} day{'s' if gap != 1 else ''} apart"


def _wording_score(quote_words: str, texts: list[str]) -> tuple[float, str]:
    """The best of the quote against an event's titles and cited passages."""
    best, best_text = 0.0, ""
    for text in filter(None, texts):
        ratio = fuzz.token_set_ratio(quote_words, _words(text)) / 100
        if ratio > best:
            best, best_text = ratio, text
    return best, best_text


# What ranking reads of an event: no summaries, no history.
CANDIDATE_FIELDS = ("pk", "title", "short_title", "slug", "earliest", "latest", "precision", "importance")


def matching_events(
    earliest: datetime.date,
    latest: datetime.date,
    precision: str,
    quote: str,
    actors=(),
    *,
    published_only: bool = False,
    limit: int = MAX_MATCHES,
) -> list[EventMatch]:
    """Existing events a proposal most likely reports, best first, each with a
    score from 0 to 1 and the reasons for it. Three queries, whatever the
    number of events: the candidates, their actors, their quotes."""
    margin = datetime.timedelta(days=DATE_MARGIN_DAYS.get(precision, DEFAULT_MARGIN_DAYS))
    # Bounding `earliest` on both sides lets the (earliest, latest) index
    # read just the window, not every earlier event.
    events = Event.objects.filter(
        earliest__gte=earliest - margin - LONGEST_EVENT,
        earliest__lte=latest + margin,
        latest__gte=earliest - margin,
    )
    if published_only:
        events = events.published()
    candidates = list(events.order_by("-importance", "earliest", "pk").only(*CANDIDATE_FIELDS)[:MAX_CANDIDATES])
    ids = [event.pk for event in candidates]
    actors_by_pk = {a.pk: a for a in actors}
    event_actors = defaultdict(set)
    if actors_by_pk:
        pairs = Event.actors.through.objects.filter(event_id__in=ids, actor_id__in=actors_by_pk)
        for event_id, actor_id in pairs.values_list("event_id", "actor_id"):
            event_actors[event_id].add(actor_id)
    quotes = defaultdict(list)
    for event_id, cited in Citation.objects.filter(event_id__in=ids).values_list("event_id", "quote"):
        quotes[event_id].append(cited)
    quote_words = _words(quote)
    matches = []
    for event in candidates:
        date_score, date_reason = _date_score(earliest, latest, event, margin.days)
        reasons = [f"{date_reason} ({date_label(event.earliest, event.latest, event.precision)})"]
        wording, similar = _wording_score(quote_words, [event.title, event.short_title, *quotes[event.pk]])
        if actors_by_pk:
            shared = [actors_by_pk[pk] for pk in sorted(event_actors[event.pk])]
            if shared:
                reasons.append("shared actors: " + ", ".join(a.short_name or a.name for a in shared))
            actor_score = len(shared) / len(actors_by_pk)
            score = DATE_WEIGHT * date_score + ACTOR_WEIGHT * actor_score + WORDING_WEIGHT * wording
        else:
            score = (DATE_WEIGHT * date_score + WORDING_WEIGHT * wording) / (DATE_WEIGHT + WORDING_WEIGHT)
        if wording >= 0.5:
            reasons.append(f"similar wording ({wording:.0%}): {similar[:80]}")
        if score >= MIN_SCORE:
            matches.append(EventMatch(event, round(score, 3), reasons))
    matches.sort(key=lambda m: (-m.score, m.event.earliest, m.event.pk))
    return matches[:limit]


def matches_for_proposal(proposal, *, published_only: bool = False, limit: int = MAX_MATCHES) -> list[EventMatch]:
    """`matching_events` for a Proposal, saved (its suggested actors) or not (`actor_suggestions`)."""
    actors = getattr(proposal, "actor_suggestions", None)
    if actors is None:
        actors = list(proposal.suggested_actors.all()) if proposal.pk else []
    # Japanese and Korean sentences cannot be compared word for word with English titles.
    language = _language_of(proposal)
    if language in ("ja", "ko"):
        from newsroom.matching_cjk import matching_events_cjk

        return matching_events_cjk(
            proposal.earliest,
            proposal.latest,
            proposal.precision,
            proposal.quote,
            actors,
            status=proposal.event_status,
            language=language,
            published_only=published_only,
            limit=limit,
        )
    return matching_events(
        proposal.earliest,
        proposal.latest,
        proposal.precision,
        proposal.quote,
        actors,
        published_only=published_only,
        limit=limit,
    )


def _language_of(proposal) -> str:
    """The language the proposal was read in (set by `proposals_for`), else its source's."""
    language = getattr(proposal, "language", None)
    if language:
        return language
    if proposal.source.language in ("ja", "ko"):
        return proposal.source.language
    # Sources stored before languages were read default to English.
    return detect_language(proposal.quote or "")


# ------------------------------------------------------------------ duplicates

# Query parameters that say how a reader arrived, not which article it is.
TRACKING_PARAMETER = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ocid|amp|outputtype)$", re.IGNORECASE
)
# An AMP copy's address: /amp/ or a trailing /amp or .amp in the path, an amp. host.
AMP_PATH = re.compile(r"/amp(?=/|$)|\.amp(?=$|\.html?$)", re.IGNORECASE)
# Articles whose lengths differ by more than this are not the same text.
LENGTH_TOLERANCE = 0.02
# Characters compared for near-identical text: enough to tell articles apart, cheap at any length.
PREFIX_CHARS = 2000
SAME_TEXT_RATIO = 95


def normalise_url(url: str) -> str:
    """The URL an article is known by: scheme and host in lower case, no
    'www.', no fragment, no trailing slash, no tracking parameters, and an
    AMP copy's address as its article's."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("amp.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMETER.match(k)))
    path = AMP_PATH.sub("", parts.path).rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def normalise_text(text: str) -> str:
    """Text with case, punctuation and spacing left out: what survives a re-paste."""
    return " ".join(utils.default_process(text).split())


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DuplicateSource:
    source: Source
    reason: str  # "same URL" or "same text"

    def __str__(self):
        where = f" ({self.source.url})" if self.source.url else ""
        return f"This article is already source #{self.source.pk}{where}: {self.reason}."


def find_duplicate_source(text: str, url: str | None = None, exclude_pk=None) -> DuplicateSource | None:
    """The existing source this article repeats, by URL or near-identical text, or None."""
    sources = Source.objects.exclude(pk=exclude_pk) if exclude_pk else Source.objects.all()
    if url:
        wanted = normalise_url(url)
        host = urlsplit(wanted).netloc.split(":")[0]
        for source in sources.filter(url__icontains=host).only("pk", "url").order_by("pk"):
            if source.url and normalise_url(source.url) == wanted:
                return DuplicateSource(source, "same URL")
    if not text or not text.strip():
        return None
    length = len(text)
    near = sources.annotate(length=Length("text")).filter(
        length__gte=int(length * (1 - LENGTH_TOLERANCE)), length__lte=int(length * (1 + LENGTH_TOLERANCE)) + 1
    )
    fingerprint = text_fingerprint(text)
    prefix = normalise_text(text[: PREFIX_CHARS * 2])[:PREFIX_CHARS]
    for source in near.only("pk", "url", "text").order_by("pk"):
        if text_fingerprint(source.text) == fingerprint:
            return DuplicateSource(source, "same text")
        other = normalise_text(source.text[: PREFIX_CHARS * 2])[:PREFIX_CHARS]
        if fuzz.ratio(prefix, other) >= SAME_TEXT_RATIO:
            return DuplicateSource(source, "near-identical text")
    return None
