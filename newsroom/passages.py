"""
Any passage of an article citable, whether the extractor proposed it or not:
the editor selects it on the review desk (or types a few words of it), and
the server works out where it is in the article. Offsets are never typed.
A passage found several times is the occurrence nearest the selection the
browser reports, or, without one, the editor is asked which.
"""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext, ngettext

from newsroom.ingest import IngestError, proposals_for
from timeline.models import Event, Proposal, Source

# A citation is a passage, not the article: a few paragraphs at most.
MAX_PASSAGE_CHARS = 2000
CONTEXT_CHARS = 60
CITED_BY_HAND = "cited_by_hand"


class PassageError(IngestError):
    """Why a passage cannot be cited, for the editor."""


@dataclass
class Occurrence:
    start: int
    end: int
    before: str
    text: str
    after: str


class AmbiguousPassage(PassageError):
    """The passage is in the article more than once: the editor picks one."""

    def __init__(self, occurrences: list[Occurrence]):
        count = len(occurrences)
        message = ngettext(
            "This passage appears %(count)d time in the article: pick the one you mean.",
            "This passage appears %(count)d times in the article: pick the one you mean.",
            count,
        )
        super().__init__(message % {"count": count})
        self.occurrences = occurrences


def spans_of(text: str, passage: str) -> list[tuple[int, int]]:
    """Where the passage is in the text: verbatim, else with any run of spaces and line breaks for each space."""
    spans = [(m.start(), m.start() + len(passage)) for m in re.finditer(re.escape(passage), text)]
    if spans:
        return spans
    words = passage.split()
    pattern = r"\s+".join(re.escape(word) for word in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def find_passage(text: str, passage: str, near: int | None = None) -> tuple[int, int]:
    """The passage's (start, end) in the text; AmbiguousPassage when it is there several times and `near` is None."""
    passage = passage.strip()
    if not passage:
        raise PassageError(gettext("Select a passage of the article (or type a few words of it) first."))
    if len(passage) > MAX_PASSAGE_CHARS:
        raise PassageError(
            gettext("Cite at most %(most)d characters: a passage, not the article.") % {"most": MAX_PASSAGE_CHARS}
        )
    spans = spans_of(text, passage)
    if not spans:
        raise PassageError(gettext("This passage is not in the article as written; select it in the text below."))
    if len(spans) == 1:
        return spans[0]
    if near is not None:
        return min(spans, key=lambda span: abs(span[0] - near))
    raise AmbiguousPassage(
        [
            Occurrence(
                start,
                end,
                text[max(0, start - CONTEXT_CHARS) : start],
                text[start:end],
                text[end : end + CONTEXT_CHARS],
            )
            for start, end in spans
        ]
    )


def read_offset(value) -> int | None:
    """The browser's selection offset, or None for anything that is not a small whole number."""
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 9 else None


def cite_passage(source: Source, passage: str, near: int | None = None) -> Proposal:
    """
    A proposal for the passage, reviewed like the extractor's: dated as its
    first date expression reads, else as the article's day for the editor to
    correct. Citing the same passage again gives the same proposal.
    """
    start, end = find_passage(source.text, passage, near)
    quote = source.text[start:end]
    with transaction.atomic():
        # (JSON containment is not a lookup SQLite has: the few candidates are checked here.)
        for existing in source.proposals.filter(start=start, end=end):
            if CITED_BY_HAND in existing.flags:
                return existing
        probe = Source(text=quote, published_on=source.published_on, language=source.language)
        found = proposals_for(probe)
        proposal = Proposal(
            source=source,
            quote=quote,
            start=start,
            end=end,
            date_text="",
            timex="",
            earliest=source.published_on,
            latest=source.published_on,
            precision=Event.Precision.DAY,
            flags=[CITED_BY_HAND],
        )
        if found:
            first = found[0]
            proposal.date_text = first.date_text
            proposal.date_start = start + (first.date_start or 0)
            proposal.timex = first.timex
            proposal.earliest, proposal.latest, proposal.precision = first.earliest, first.latest, first.precision
            proposal.event_status = first.event_status
        proposal.save()
        if found:
            proposal.suggested_actors.set(found[0].actor_suggestions)  # type: ignore[attr-defined]
    return proposal
