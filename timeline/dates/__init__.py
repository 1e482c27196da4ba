"""English news date expressions: find them, then resolve them against the
publication date.

    extract_dates(text, published) -> list[DateMention]

Plain Python, no Django, so it is tested and benchmarked on its own
(bench/bench_dates.py). Detection (`_grammar`) is a regex grammar of our own:
dateparser's search is slow and takes durations, money and the modal "may"
for dates. Resolution (`_resolve`) is calendar arithmetic plus a light tense
reading of the clause around each mention (`_tense`), because "Wednesday" or
"in February" only has a value once we know whether the writer looks back or
ahead. With no tense evidence a bare weekday or month is the nearest one; a
tense reading pointing more than ~8 months (dates) or ~11 months (months)
away is overruled by that nearest choice, as news leaves out the year only
for dates close at hand.

Conventions (TimeML TIMEX3, DATE type only):
  * Extents follow TimeML: the preposition is left out ("in November" ->
    "November"), modifiers and determiners that belong to the expression stay
    in ("late October", "last week", "the 1990s", "the weekend").
  * Ranges and pairs follow TempEval-3: "1910-1945", "Tuesday and Wednesday"
    and "from 3 to 5 March" are two mentions each, one per end point, so each
    carries its own exact value. `merge_ranges` joins such pairs into one
    "span" mention (value of the first point) for display.
  * Deictic expressions ("Tuesday", "last week", "in May") are anchored at the
    publication date; anaphoric ones ("a week earlier", "the next day",
    "three days later", "the following month") at the last date mentioned
    before them, else at the publication date.
  * Partial precision is kept: "late October" has value 2025-10 with
    earliest/latest narrowed to 21-31 Oct; "mid-2025" is value 2025 narrowed
    to May-Aug. Quarters and halves are 2025-Q3 / 2025-H1 ("span").
  * Seasons are meteorological, northern hemisphere; YYYY-WI is the winter
    that ends in February of YYYY.
  * "today" resolves to the publication day; "now"/"currently" to
    PRESENT_REF, "recently"/"the past" to PAST_REF, "the future" to FUTURE_REF.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ._grammar import MON_ABBR, Candidate, candidates
from ._resolve import Resolver, fmt_day
from ._tense import split_sentences

__all__ = ["DateMention", "PRECISIONS", "extract_dates", "merge_ranges", "split_sentences"]

PRECISIONS = ("day", "part_of_month", "month", "season", "year", "span",
              "week", "decade", "present", "unknown")


@dataclass(frozen=True)
class DateMention:
    """One date expression: `text` is text[start:end] of the input; `value` is
    a TIMEX3 DATE value; `earliest`/`latest` bound it (None when open)."""

    text: str
    start: int
    end: int
    value: str
    earliest: date | None
    latest: date | None
    precision: str
    label: str
    sentence: str
    sentence_start: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision,
            "label": self.label,
            "sentence": self.sentence,
        }


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest; drop anything overlapping a keeper, so
    "Tuesday, Jan. 13" beats "Tuesday" and "13 January 2026" beats "2026"."""
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if c.end <= c.start:
            continue
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_PAIR_GAP = re.compile(r"\s*(?:-|–|—|to|and|or|until|till|through|,)\s*")


def _share_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Aug. 8 to Aug. 31, 2025', 'between March 2010 and May': the two ends of
    a pair share the year that only one of them states."""
    for a, b in zip(cands, cands[1:]):
        if a.kind == b.kind and a.kind in ("ymd", "ym") and _PAIR_GAP.fullmatch(text, a.end, b.start):
            if a.data.get("y") is None and b.data.get("y") and a.data["m"] <= b.data["m"]:
                a.data["y"] = b.data["y"]
            elif b.data.get("y") is None and a.data.get("y") and a.data["m"] <= b.data["m"]:
                b.data["y"] = a.data["y"]
    return cands


def _as_date(published: date | datetime | str) -> date:
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


def extract_dates(text: str, published: date | datetime | str) -> list[DateMention]:
    """Date expressions in `text`, resolved against the publication date,
    in text order and non-overlapping."""
    pub = _as_date(published)
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    resolver = Resolver(text, pub)
    mentions: list[DateMention] = []
    for c in _share_years(text, _select(candidates(text))):
        i = max(bisect.bisect_right(starts, c.start) - 1, 0)
        sent = sentences[i] if sentences else (0, len(text))
        r = resolver.resolve(c, sent)
        if r is None:
            continue
        mentions.append(DateMention(
            text=text[c.start:c.end], start=c.start, end=c.end, value=r.value,
            earliest=r.earliest, latest=r.latest, precision=r.precision, label=r.label,
            sentence=text[sent[0]:sent[1]], sentence_start=sent[0]))
    return mentions


# ------------------------------------------------------------------- ranges

_JOINER_FULL = re.compile(r"\s*(?:-|–|—|to|and|until|till|through)\s*")


def merge_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Join adjacent end points ("1910-1945", "Tuesday and Wednesday",
    "from 3 to 5 March") into one mention with precision "span", the value of
    the first point and earliest/latest covering both. For display; the
    TempEval-style output of `extract_dates` keeps them apart."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            b = mentions[i + 1]
            gap = text[a.end:b.start]
            if (_JOINER_FULL.fullmatch(gap) and a.precision == b.precision and a.sentence_start == b.sentence_start
                    and a.earliest and b.earliest and b.latest and a.earliest <= b.earliest):
                out.append(DateMention(
                    text=text[a.start:b.end], start=a.start, end=b.end, value=a.value,
                    earliest=a.earliest, latest=b.latest, precision="span",
                    label=_range_label(a, b), sentence=a.sentence, sentence_start=a.sentence_start))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range_label(a: DateMention, b: DateMention) -> str:
    if a.precision == "day" and a.earliest and b.latest:
        x, y = a.earliest, b.latest
        if (x.year, x.month) == (y.year, y.month):
            return f"{x.day}–{y.day} {MON_ABBR[x.month - 1]} {x.year}"
        if x.year == y.year:
            return f"{x.day} {MON_ABBR[x.month - 1]}–{fmt_day(y)}"
        return f"{fmt_day(x)}–{fmt_day(y)}"
    return f"{a.label}–{b.label}"
