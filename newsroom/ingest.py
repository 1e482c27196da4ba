"""
Reading an article for the editors: store it as a Source, propose one dated
event per date expression that places an event (several per sentence when a
sentence reports several), and turn accepted proposals into unpublished
events with verbatim citations. The admin and the `ingest` and `propose`
commands all go through here, so all refuse the same bad input.
"""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsdates.language import detect_language, mentions_in
from newsroom.matching import DuplicateSource, find_duplicate_source
from newsroom.names import actor_patterns, names_in, place_patterns
from newsroom.titles import propose_title
from timeline.models import Actor, Citation, Event, Proposal, Source, date_errors
from timeline.text import web_url_validator

MAX_TEXT_BYTES = 2 * 1024 * 1024

# The extractor is finer-grained than an event's precision.
PRECISION_MAP = {"week": Event.Precision.SPAN, "decade": Event.Precision.YEAR}


class IngestError(ValueError):
    """Input an editor has to fix; the message says what is wrong."""


class DuplicateSourceError(IngestError):
    """The article is already a source; `duplicate` says which and why."""

    def __init__(self, duplicate: DuplicateSource):
        super().__init__(str(duplicate))
        self.duplicate = duplicate


@dataclass
class IngestResult:
    source: Source
    proposals: list[Proposal] = field(default_factory=list)
    mentions: int = 0
    dry_run: bool = False


# How documents that are not plain text begin (some, a PDF above all, can be
# mostly readable text and valid UTF-8 all the same).
DOCUMENT_SIGNATURES = {
    "%PDF-": _("a PDF"),
    "PK\x03\x04": _("a binary file (a ZIP archive, or a Word or OpenOffice document)"),
    "{\\rtf": _("an RTF document"),
    "\xd0\xcf\x11\xe0": _("a binary file (an old Word or Excel document)"),
    "\x89PNG": _("a binary file (a PNG image)"),
    "GIF8": _("a binary file (a GIF image)"),
    "\xff\xd8\xff": _("a binary file (a JPEG image)"),
}


def document_kind(text: str) -> str | None:
    """What a text that is really a document or image is ("a PDF"), or None for plain text."""
    start = text.removeprefix("\ufeff").lstrip()[:8]
    return next((str(kind) for signature, kind in DOCUMENT_SIGNATURES.items() if start.startswith(signature)), None)


def decode_text(data: bytes, name: str | None = None, limit: int = MAX_TEXT_BYTES) -> str:
    """Bytes of an uploaded or read file as text, or a clear refusal."""
    name = name or gettext("The upload")
    if len(data) > limit:
        raise IngestError(
            gettext("%(name)s is %(size).1f MB; the limit is %(limit)d MB of plain text.")
            % {"name": name, "size": len(data) / 1024 / 1024, "limit": limit // 1024 // 1024}
        )
    kind = document_kind(data[:16].decode("latin-1"))
    if kind:
        raise IngestError(
            gettext("%(name)s is %(kind)s, not plain text: copy its text out and paste or upload that.")
            % {"name": name, "kind": kind}
        )
    if b"\x00" in data:
        raise IngestError(gettext("%(name)s looks like a binary file, not plain text.") % {"name": name})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError(gettext("%(name)s is not UTF-8 text.") % {"name": name}) from None
    return text.removeprefix("\ufeff")


def read_text_file(path, limit: int = MAX_TEXT_BYTES) -> str:
    """A file's text, refused before it is read whole when it is over the
    limit: the size is checked first, and at most limit + 1 bytes are read,
    so a device or a growing file (/dev/zero) is refused at once."""
    name = str(path)
    try:
        with Path(path).open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                raise IngestError(
                    f"{name} is {size / 1024 / 1024:.1f} MB; the limit is {limit // 1024 // 1024} MB of plain text."
                )
            data = file.read(limit + 1)
    except OSError as error:
        raise IngestError(f"Cannot read {name}: {error.strerror or error}.") from None
    if len(data) > limit:
        raise IngestError(f"{name} is over the limit of {limit // 1024 // 1024} MB of plain text.")
    return decode_text(data, name=name)


def check_url(url: str | None) -> str | None:
    """An article's URL, http(s) only (readers follow it), or None when unknown."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        web_url_validator(url)
    except ValidationError:
        raise IngestError(
            gettext("%(url)s is not a web address; give the article's http:// or https:// URL.") % {"url": repr(url)}
        ) from None
    return url


def check_text(text: str) -> str:
    if not text or not text.strip():
        raise IngestError(gettext("The article text is empty."))
    if len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise IngestError(
            gettext("The article text is over %(limit)d MB; paste one article at a time.")
            % {"limit": MAX_TEXT_BYTES // 1024 // 1024}
        )
    if "\x00" in text:
        raise IngestError(gettext("The article text contains binary data."))
    kind = document_kind(text)
    if kind:
        raise IngestError(
            gettext("The article text is %(kind)s, not plain text: paste the article's own text.") % {"kind": kind}
        )
    return text


def parse_published(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        try:
            value = datetime.date.fromisoformat(str(value).strip())
        except ValueError:
            raise IngestError(f"Publication date {value!r} is not a date in the form YYYY-MM-DD.") from None
    if value > timezone.localdate():
        raise IngestError(f"Publication date {value.isoformat()} is in the future.")
    return value


def actors_in(sentence: str, patterns) -> list[Actor]:
    return names_in(sentence, patterns)


def source_language(source: Source) -> str:
    """The language an article is read in: its own when set to one summit
    reads, else the one its text is written in (a new Source defaults to
    'en' whatever its text, so 'en' is checked against the text too)."""
    given = (source.language or "").lower()[:2]
    if given in ("ja", "ko"):
        return given
    return detect_language(source.text or "")


def proposals_for(source: Source, progress: Callable[[int], None] | None = None) -> list[Proposal]:
    """Unsaved proposals, one per dated event of the source's text, read in
    the source's language (detected when not given); nothing is written."""
    patterns, places = actor_patterns(), place_patterns()
    article_actors = names_in(source.text, patterns)
    proposals = []
    language = source_language(source)
    for mention in mentions_in(source.text, source.published_on, language, progress=progress):
        # Open-ended mentions ("since 2019") have no span to store, and the
        # extractor reads dates summit does not store ("the 1st century").
        if mention.earliest is None or mention.latest is None:
            continue
        latest = max(mention.latest, mention.earliest)
        if date_errors(mention.earliest, latest):
            continue
        proposal = Proposal(
            source=source,
            quote=mention.sentence,
            start=mention.sentence_start,
            end=mention.sentence_start + len(mention.sentence),
            date_text=mention.text[:200],
            date_start=mention.start,
            timex=mention.value[:40],
            earliest=mention.earliest,
            latest=latest,
            precision=PRECISION_MAP.get(mention.precision, mention.precision),
            event_status=mention.status,
            flags=list(mention.flags),
        )
        proposal.actor_suggestions = actors_in(mention.sentence, patterns)  # type: ignore[attr-defined]
        proposal.language = language  # type: ignore[attr-defined]
        # For matching: who the whole article names, and where the sentence is.
        proposal.article_actors = article_actors  # type: ignore[attr-defined]
        proposal.place_suggestions = names_in(mention.sentence, places)  # type: ignore[attr-defined]
        proposals.append(proposal)
    return proposals


def ingest_source(
    text,
    published,
    outlet=None,
    title=None,
    url=None,
    author=None,
    dry_run=False,
    allow_duplicate=False,
    progress: Callable[[int], None] | None = None,
    **metadata,
) -> IngestResult:
    """
    Store an article and its proposals in one transaction; nothing on error.
    An article already stored (same URL or near-identical text) is refused
    with a DuplicateSourceError naming it, unless `allow_duplicate`.
    """
    text = check_text(text)
    published = parse_published(published)
    url = check_url(url)
    if not allow_duplicate:
        duplicate = find_duplicate_source(text, url)
        if duplicate:
            raise DuplicateSourceError(duplicate)
    if not metadata.get("language"):
        metadata["language"] = detect_language(text)
    source = Source(
        text=text,
        published_on=published,
        outlet=outlet or None,
        title=title or None,
        url=url,
        author=author or None,
        **metadata,
    )
    # Reading the dates is the slow part: done before the write transaction,
    # so a long article holds no lock while it is read (a worker's heartbeat
    # and the desk's progress are written meanwhile).
    proposals = proposals_for(source, progress=progress)
    with transaction.atomic():
        # Stored whatever dates are found: an undated article can still be cited by hand.
        source.save()
        result = propose(source, proposals=proposals)
        result.dry_run = dry_run
        if dry_run:
            transaction.set_rollback(True)
    return result


def propose(
    source: Source, progress: Callable[[int], None] | None = None, proposals: list[Proposal] | None = None
) -> IngestResult:
    """Create the proposals of a saved source (used by the admin's add form
    too), or save `proposals` read from its text beforehand."""
    language = source_language(source)
    if source.language != language:
        # The desk matches and labels by the language the text was read in.
        source.language = language
        source.save(update_fields=["language"])
    if proposals is None:
        proposals = proposals_for(source, progress=progress)
    for proposal in proposals:
        proposal.save()
        proposal.suggested_actors.set(proposal.actor_suggestions)  # type: ignore[attr-defined]
    return IngestResult(source=source, proposals=proposals, mentions=len(proposals))


def unique_slug(title: str) -> str:
    return Event().free_slug(title)


def locate_quote(proposal: Proposal, quote: str) -> tuple[int, int]:
    """Offsets of an (edited) quote, preferring the proposal's own sentence."""
    text = proposal.source.text
    quote = quote.strip()
    if not quote:
        raise IngestError(gettext("The quote is empty."))
    position = text.find(quote, proposal.start)
    if position < 0 or position > proposal.end:
        position = text.find(quote)
    if position < 0:
        raise IngestError(gettext("The quote no longer appears verbatim in the source text."))
    return position, position + len(quote)


def _check_pending(proposal: Proposal):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != Proposal.Status.PENDING:
        raise IngestError(
            gettext("This proposal was already %(status)s.") % {"status": proposal.get_status_display().lower()}
        )
    return proposal


def accept_proposal(proposal: Proposal, user=None, edits=None, into_event=None) -> Event:
    """
    Accept a proposal as a new unpublished event, or as a citation on
    `into_event`. `edits` may correct title, summary, earliest, latest,
    precision, status, actors and quote before anything is created.
    """
    edits = edits or {}
    with transaction.atomic():
        proposal = _check_pending(proposal)
        quote = edits.get("quote") or proposal.quote
        start, end = locate_quote(proposal, quote)
        quote = proposal.source.text[start:end]
        if into_event is not None:
            event = into_event
        else:
            earliest = edits.get("earliest") or proposal.earliest
            latest = edits.get("latest") or proposal.latest
            errors = date_errors(earliest, latest)
            if errors:
                raise IngestError(" ".join(errors.values()))
            date_at = proposal.date_start - start if proposal.date_start is not None else None
            title = (edits.get("title") or "").strip() or propose_title(quote, proposal.date_text, date_at=date_at)
            status = edits.get("status") or _status(proposal, earliest)
            event = Event(
                title=title[:200],
                slug=unique_slug(title),
                summary=edits.get("summary", ""),
                earliest=earliest,
                latest=latest,
                precision=edits.get("precision") or proposal.precision,
                status=status,
                status_as_of=proposal.source.published_on,
                is_published=False,
            )
            try:
                event.full_clean(exclude=["slug"])
            except ValidationError as error:
                raise IngestError(" ".join(error.messages)) from None
            event.save()
            actors = edits.get("actors")
            event.actors.set(proposal.suggested_actors.all() if actors is None else actors)
        if not event.citations.filter(source=proposal.source, start=start, end=end).exists():
            Citation.objects.create(event=event, source=proposal.source, quote=quote, start=start, end=end)
        proposal.status = Proposal.Status.ACCEPTED
        proposal.event = event
        proposal.reviewed_at = timezone.now()
        proposal.save()
    return event


def _status(proposal: Proposal, earliest: datetime.date) -> str:
    """The status the sentence gave, unless the editor moved the date across
    the publication date, which makes the date's own status the better guess."""
    if earliest == proposal.earliest and proposal.event_status:
        return proposal.event_status
    return Event.status_for(earliest, proposal.source.published_on)


def reject_proposal(proposal: Proposal, user=None) -> Proposal:
    with transaction.atomic():
        proposal = _check_pending(proposal)
        proposal.status = Proposal.Status.REJECTED
        proposal.reviewed_at = timezone.now()
        proposal.save()
    return proposal
