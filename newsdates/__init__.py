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

Beyond TIMEX3, each mention carries what its clause says of the event: the
tense read around it, a status (happened, scheduled, expected, cancelled:
modal words first, then the date against publication) and flags for the
editor, e.g. "tense_mismatch" when a future-tense clause resolved into the
past or a past-tense one into the future.
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from ._companions import OCCASION_DAY, PROTEST_VERB, companions, days_after_undated
from ._grammar import _NUMBER_WORDS, MON_ABBR, Candidate, candidates
from ._resolve import Resolver, fmt_day, mostly_ahead
from ._tense import modality_at, split_sentences, whole_sentences

__all__ = [
    "OCCASION_DAY",
    "PROTEST_VERB",
    "TENSE_MISMATCH",
    "DateMention",
    "event_mentions",
    "extract_dates",
    "merge_ranges",
    "split_sentences",
]

# A flag for the editor: the clause's tense and the resolved date disagree.
TENSE_MISMATCH = "tense_mismatch"


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
    tense: str | None = None
    status: str = "happened"
    flags: tuple[str, ...] = ()
    # A companion whose words come after the act its date belongs to, though
    # its own word comes before that date ("will dissolve the chamber at the
    # start of the session on Jan. 23": the session's opening) is read after
    # that act: this is the offset of the act's date.
    follows: int | None = None

    @property
    def reading_order(self) -> tuple[int, int]:
        return (self.start, 0) if self.follows is None else (self.follows, 1)

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
            "tense": self.tense,
            "status": self.status,
            "flags": list(self.flags),
        }


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest; drop anything overlapping a keeper, so
    "Tuesday, Jan. 13" beats "Tuesday" and "13 January 2026" beats "2026".
    Kept characters are marked in a byte map, so each check costs the
    candidate's own length, whatever the number of keepers."""
    if not cands:
        return []
    taken = bytearray(max(c.end for c in cands))
    chosen: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if c.end <= c.start or taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_PAIR_GAP = re.compile(r"\s*(?:-|–|—|to|and|or|until|till|through|,)\s*")


def _share_years(text: str, cands: list[Candidate]) -> list[Candidate]:
    """'Aug. 8 to Aug. 31, 2025', 'between March 2010 and May': the two ends of
    a pair share the year that only one of them states."""
    for a, b in itertools.pairwise(cands):
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


# Characters between two calls of a progress callback.
PROGRESS_STEP = 10_000


def extract_dates(
    text: str, published: date | datetime | str, progress: Callable[[int], None] | None = None
) -> list[DateMention]:
    """Date expressions in `text`, resolved against the publication date,
    in text order and non-overlapping. `progress`, if given, is called with
    the number of characters read so far (for a progress bar on long texts)."""
    pub = _as_date(published)
    whole = whole_sentences(text)
    found = _share_years(text, _select(candidates(text, whole)))
    # Tense is read within sentences of bounded length, cut outside dates.
    inside = bytearray(len(text))
    for c in found:
        inside[c.start : c.end] = b"\x01" * (c.end - c.start)
    sentences = split_sentences(text, keep=inside, whole=whole)
    starts = [s for s, _ in sentences]
    resolver = Resolver(text, pub)
    mentions: list[DateMention] = []
    reported = 0
    for c in found:
        i = max(bisect.bisect_right(starts, c.start) - 1, 0)
        sent = sentences[i] if sentences else (0, len(text))
        if progress and c.start >= reported + PROGRESS_STEP:
            reported = c.start
            progress(reported)
        r = resolver.resolve(c, sent)
        if r is None:
            continue
        # A state from now to an end ahead ("refunds through year-end") lies ahead, whatever the verb.
        tense = "future" if c.start in resolver.from_now else resolver.tense(c, sent)
        past, ahead = bool(r.latest and r.latest < pub), bool(r.latest and r.latest > pub)
        modality = modality_at(text, sent, c.start, c.end, past=past, ahead=ahead)
        mentions.append(
            DateMention(
                text=text[c.start : c.end],
                start=c.start,
                end=c.end,
                value=r.value,
                earliest=r.earliest,
                latest=r.latest,
                precision=r.precision,
                label=r.label,
                sentence=text[sent[0] : sent[1]],
                sentence_start=sent[0],
                tense=tense,
                status=_status(modality, tense, r.earliest, r.latest, pub),
                flags=_flags(modality, tense, r.earliest, r.latest, pub),
            )
        )
    if progress:
        progress(len(text))
    return mentions


_UNDER_WAY_REACH = timedelta(days=31)


def _status(modality: str | None, tense: str | None, earliest: date | None, latest: date | None, pub: date) -> str:
    """Modal words decide ("will" scheduled, "may" expected, "called off"
    cancelled); otherwise the date: what lies after publication is scheduled,
    what lies before it happened, and a span around it follows the tense."""
    if modality in ("scheduled", "expected") and latest and latest < pub:
        # "The accord, signed in 2019, is expected to be renewed": the plan
        # belongs to another clause; a date already past has happened (the
        # mismatch is flagged for the editor).
        return "happened"
    if modality:
        return modality
    if earliest and earliest > pub:
        return "scheduled"
    if latest and (latest < pub or (latest == pub and earliest and earliest < pub)):
        return "happened"  # "earlier this month" ends at publication
    if tense is None and earliest and latest and latest - earliest <= _UNDER_WAY_REACH:
        # No verb tells: an event of days under way is as far along as its
        # days ("this year" with no verb says nothing of what happened).
        return "scheduled" if mostly_ahead(earliest, latest, pub) else "happened"
    return "scheduled" if tense == "future" else "happened"


def _flags(
    modality: str | None, tense: str | None, earliest: date | None, latest: date | None, pub: date
) -> tuple[str, ...]:
    looks_ahead = tense == "future" or modality in ("scheduled", "expected")
    if looks_ahead and latest and latest < pub:
        return (TENSE_MISMATCH,)
    if tense == "past" and modality is None and earliest and earliest > pub:
        return (TENSE_MISMATCH,)
    return ()


# ------------------------------------------------------------------- ranges

# "from the 22nd to the 23rd": the second point's "the" is not its own.
# "from Thursday to noon on Friday": a time of day before the second point.
_RANGE_JOINER = re.compile(
    # "from July 1, 2024, through June 30, 2025": a comma may close the first point's year
    r"\s*(?:-|–|—|,?\s*(?:to|until|till|through))\s*"
    # "from 30 November through at least late March": the end is a floor, still the span's end
    r"(?:at\s+least\s+)?"
    r"(?:(?:noon|midnight|\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|(?:early|late)\s+(?:morning|afternoon|evening))\s+on\s+)?"
    r"(?:the\s+)?"
)
_AND_JOINER = re.compile(r"\s*and\s*(?:the\s+)?")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
# "January 27 or February 3": one event on one of two dates, the span of both.
_OR_JOINER = re.compile(r"\s*,?\s*or\s*")


def _one_span(text: str, a: DateMention, b: DateMention) -> bool:
    """Two end points of one event: "1910-1945", "from 3 to 5 March", "on 8
    or 15 February", or "Tuesday and Wednesday" (with "and" only when the two
    touch: "in June and October" are two events)."""
    gap = text[a.end : b.start]
    # "from 30 November through late March": a stated start and end, however precise each is
    stated = bool(_FROM_BEFORE.search(text, a.sentence_start, a.start)) and bool(_RANGE_JOINER.fullmatch(gap))
    if not (
        (a.precision == b.precision or stated)
        and a.sentence_start == b.sentence_start
        and a.earliest
        and a.latest
        and b.earliest
        and b.latest
        and a.earliest <= b.earliest
    ):
        return False
    if _RANGE_JOINER.fullmatch(gap) or _OR_JOINER.fullmatch(gap):
        return True
    if not _AND_JOINER.fullmatch(gap):
        return False
    # "between 2022 and 2024" is one stretch of time, however far apart its ends.
    return b.earliest <= a.latest + timedelta(days=1) or bool(_BETWEEN.search(text, a.sentence_start, a.start))


def merge_ranges(text: str, mentions: list[DateMention], published: date | None = None) -> list[DateMention]:
    """Join the end points of one event into one mention with precision
    "span", the value of the first point and earliest/latest covering both.
    Proposals are made from the joined mentions; the TempEval-style output of
    `extract_dates` keeps them apart. Status and flags come from the first
    point, which carries the clause's verb; a span under way on `published`
    takes the status of its larger part, over or still ahead."""
    out: list[DateMention] = []
    mentions = list(mentions)
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if i + 1 < len(mentions):
            mentions[i + 1] = _closing_year(text, a, mentions[i + 1], published)
            a = _opening_year(text, a, mentions[i + 1])
            a = _under_way_since_yesterday(text, a, mentions[i + 1], published)
            mentions[i + 1] = _closing_weekday(text, a, mentions[i + 1])
        if i + 1 < len(mentions) and _one_span(text, a, mentions[i + 1]):
            b = mentions[i + 1]
            out.append(
                replace(
                    a,
                    text=text[a.start : b.end],
                    end=b.end,
                    latest=b.latest,
                    precision="span",
                    label=_range_label(a, b),
                    flags=tuple(dict.fromkeys(a.flags + b.flags)),
                    status=_span_status(a, b, published),
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_YEAR_WRITTEN = re.compile(r"\d{4}|['’]\d{2}\b")


def _opening_year(text: str, a: DateMention, b: DateMention) -> DateMention:
    """ "in late October to early November": a first point with no year of
    its own lies before the second, in the year before it if need be (read
    alone from December, "late October" may look ahead a year)."""
    if not (a.earliest and a.latest and b.earliest and a.earliest > b.earliest):
        return a
    if a.sentence_start != b.sentence_start or not _RANGE_JOINER.fullmatch(text[a.end : b.start]):
        return a
    if _YEAR_WRITTEN.search(a.text) or _WEEKDAY_NAME.search(a.text):
        return a
    try:
        first, last = a.earliest.replace(year=a.earliest.year - 1), a.latest.replace(year=a.latest.year - 1)
    except ValueError:
        return a
    year = str(a.earliest.year)
    value = str(first.year) + a.value[4:] if a.value.startswith(year) else a.value
    label = a.label.replace(year, str(first.year))
    earlier = replace(a, earliest=first, latest=last, value=value, label=label, status=b.status)
    return earlier if first <= b.earliest else a


def _closing_year(text: str, a: DateMention, b: DateMention, published: date | None) -> DateMention:
    """ "for travel between Mar 29 and Oct 24", written in January: a second
    point with no year of its own, read as past, lies after the first, in
    the year after it, when the span that makes lies nearer publication than
    the span moving the first point back a year would."""
    if not (published and a.earliest and b.earliest and b.latest and a.earliest > b.earliest):
        return b
    if _YEAR_WRITTEN.search(b.text) or a.sentence_start != b.sentence_start or _WEEKDAY_NAME.search(b.text):
        return b  # (a weekday after the first point is the coming one: _closing_weekday)
    if not (_RANGE_JOINER.fullmatch(text[a.end : b.start]) or _BETWEEN.search(text, a.sentence_start, a.start)):
        return b
    try:
        first, last = b.earliest.replace(year=b.earliest.year + 1), b.latest.replace(year=b.latest.year + 1)
        back = a.earliest.replace(year=a.earliest.year - 1)
    except ValueError:
        return b
    if first < a.earliest or abs(_midpoint(a.earliest, last) - published) >= abs(_midpoint(back, b.latest) - published):
        return b
    year = str(b.earliest.year)
    value = str(first.year) + b.value[4:] if b.value.startswith(year) else b.value
    status = "scheduled" if first > published else b.status
    return replace(
        b,
        earliest=first,
        latest=last,
        value=value,
        label=b.label.replace(year, str(first.year)),
        status=status,
        flags=(),
    )


def _midpoint(first: date, last: date) -> date:
    return first + (last - first) / 2


_WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


_JOINERS = (_RANGE_JOINER, _OR_JOINER, _AND_JOINER)


def _joined(text: str, a: DateMention, b: DateMention) -> bool:
    """Whether two mentions of one sentence are joined as the ends of one span ("Friday and Saturday")."""
    return a.sentence_start == b.sentence_start and any(j.fullmatch(text[a.end : b.start]) for j in _JOINERS)


_SAID_AHEAD = re.compile(
    r"\b(?:will|shall|won['’]t|going\s+to|(?:set|due|scheduled|slated|plans?|planning)\s+to)\b|['’]ll\b", re.IGNORECASE
)


def _under_way_since_yesterday(text: str, a: DateMention, b: DateMention, published: date | None) -> DateMention:
    """ "the summit, which runs Friday and Saturday", written on the Saturday:
    yesterday and today, not next Friday; unless said to lie ahead ("will
    travel on Friday and Saturday")."""
    if not (published and a.earliest and b.earliest and a.precision == b.precision == "day"):
        return a
    if b.earliest != published or a.earliest != published + timedelta(days=6):
        return a
    if _SAID_AHEAD.search(text, a.sentence_start, a.start) or not _joined(text, a, b):
        return a
    if not (_WEEKDAY_NAME.fullmatch(a.text.strip()) and _WEEKDAY_NAME.fullmatch(b.text.strip())):
        return a
    day = published - timedelta(days=1)
    return replace(a, earliest=day, latest=day, value=day.isoformat(), label=fmt_day(day), status="happened")


def _closing_weekday(text: str, a: DateMention, b: DateMention) -> DateMention:
    """ "on Wednesday and Thursday", written on a Thursday: the second day
    follows the first, so it is the coming Thursday, not today."""
    if not (a.earliest and b.earliest and b.latest and a.precision == b.precision == "day"):
        return b
    if b.earliest >= a.earliest or b.earliest + timedelta(days=7) <= a.earliest:
        return b
    if not _joined(text, a, b) or not _WEEKDAY_NAME.fullmatch(b.text.strip()):
        return b
    day = b.earliest + timedelta(days=7)
    return replace(b, earliest=day, latest=day, value=day.isoformat(), label=fmt_day(day), status=a.status)


def _span_status(a: DateMention, b: DateMention, published: date | None) -> str:
    """Under way on the publication day, a span is "happened" when mostly
    over and its later point's status (scheduled, expected) when mostly ahead."""
    if published is None or a.status != "happened" or b.status not in ("scheduled", "expected"):
        return a.status
    assert a.earliest and b.latest  # checked by _one_span
    return b.status if mostly_ahead(a.earliest, b.latest, published) else a.status


def _range_label(a: DateMention, b: DateMention) -> str:
    if a.precision == "day" and a.earliest and b.latest:
        x, y = a.earliest, b.latest
        if (x.year, x.month) == (y.year, y.month):
            return f"{x.day}–{y.day} {MON_ABBR[x.month - 1]} {x.year}"
        if x.year == y.year:
            return f"{x.day} {MON_ABBR[x.month - 1]}–{fmt_day(y)}"
        return f"{fmt_day(x)}–{fmt_day(y)}"
    return f"{a.label}–{b.label}"


# A stated length of days belongs to a day when a verb of opening or ending
# ties the two within one clause: "began a three-day visit to Japan on 3
# March", "a two-day summit that begins on Tuesday", "the three-day talks,
# which open on 13 January", "a two-day visit beginning Tuesday", "for two
# days from Tuesday", "ended a three-day visit on 5 March", "On Tuesday, Lee
# began a two-day visit". A day that opens the event starts the span, one
# that ends it closes the span.
#
# Up to two weeks: visits, summits, tours and festivals are stated in days or
# a week or two, while longer lengths ("a 30-day deadline from 3 March", "a
# 90-day pause") count a period from a day rather than fill it with an event.
_LONGEST_EVENT_DAYS = 14
# A term stated in months or years ("a one-year inquiry from 2 March", "for
# six months from 1 February") runs its length, up to a few years.
_LONGEST_YEAR_DAYS = 5 * 366
_DEADLINE = re.compile(r"\b(?:deadline|ultimatum|notice)\b", re.IGNORECASE)

_COUNT = "|".join(sorted((w for w in _NUMBER_WORDS if w.isalpha() and len(w) > 2), key=len, reverse=True))
_HYPHEN = r"[-\u2010\u2011 ]"
# "three-day", "3-day", "three day", "one-week", "two-week-long", "week-long",
# "month-long", "six-month", "one-year".
_LENGTH = (
    rf"(?:\b(?P<count>{_COUNT}|\d{{1,2}}){_HYPHEN}(?P<unit>day|week|month|year)(?:{_HYPHEN}long)?"
    rf"|\b(?P<weeklong>week){_HYPHEN}?long|\b(?P<monthlong>month){_HYPHEN}?long)\b"
)
# A word of the noun phrase between the length and its verb or day. Words
# that open another clause or tie the day to something else ("after the
# summit on 13 January", "with talks on 4 March") end the search.
_WORD = (
    r"(?!(?:and|but|or|nor|that|which|who|whom|whose|where|when|while|as|if|because|after|before|since|until|"
    r"till|by|within|following|ahead|during|than|with|including|amid|last|next|this|ago|said|says|told)\b)"
    r"\(?[A-Za-z][\w'’\u2010\u2011-]*\)?"  # "(APEC)" too
)
_OPENS = (
    r"begin|begins|began|begun|beginning|start|starts|started|starting|open|opens|opened|opening|"
    r"kick(?:s|ed|ing)?\s+off|launch(?:es|ed|ing)?|embark(?:s|ed|ing)?\s+on|gets?\s+under\s?way|got\s+under\s?way"
)
_ENDS = (
    r"end|ends|ended|ending|conclude|concludes|concluded|concluding|close|closes|closed|closing|"
    r"finish|finishes|finished|finishing|wrap(?:s|ped|ping)?\s+up|wind(?:s|ing)?\s+up|wound\s+up"
)
_VERB = rf"(?:(?P<opens>{_OPENS})|(?P<ends>{_ENDS}))"
# Read backwards from the day, each ending where the day begins.
_LENGTH_BEFORE_DAY = [
    # "began a three-day visit to Japan on 3 March"
    re.compile(
        rf"\b{_VERB}\s+(?:{_WORD}\s+){{0,3}}?{_LENGTH}(?:\s+{_WORD}){{1,6}}?\s+(?:on\s+)?$",
        re.IGNORECASE,
    ),
    # "a two-day summit that begins on Tuesday", "the three-day talks, which
    # open on 13 January", "the two-day meeting opens in Niigata on Thursday",
    # "a two-day visit beginning Tuesday", "a three-day summit from 13 January",
    # "Lee's two-day visit, starting next Tuesday"
    # ("this year's two-day summit of the APEC forum in the ancient city of Gyeongju from Oct. 31")
    re.compile(
        rf"{_LENGTH}(?:\s+{_WORD}){{1,12}}?(?:\s*,?\s+(?:that|which))?(?:\s+{_WORD}){{0,3}}?"
        rf",?\s+(?:{_VERB}|(?P<from>from))(?:\s+(?:in|at)(?:\s+{_WORD}){{1,3}}?)?\s+(?:on\s+)?$",
        re.IGNORECASE,
    ),
    # "for two days from Tuesday", "for six months from 1 February"
    re.compile(
        rf"\bfor\s+(?:(?P<count>{_COUNT}|\d{{1,2}})\s+(?P<unit>day|month|year)s?|(?P<unit_a>a\s+year))\s+"
        r"(?:(?P<opens>beginning|starting)|(?P<from>from))"
        r"\s+(?:on\s+)?$",
        re.IGNORECASE,
    ),
]
# Read forwards from a day that opens its sentence: "On 3 March, Lee began a
# three-day visit to Japan". Only there, as a day inside a sentence may date
# another verb ("said on Monday Lee will begin a three-day visit").
_OPENING_THE_SENTENCE = re.compile(r"\s*(?:on\s+)?$", re.IGNORECASE)
_LENGTH_AFTER_DAY = re.compile(rf",?(?:\s+{_WORD}){{1,8}}?\s+{_VERB}\s+(?:{_WORD}\s+){{0,3}}?{_LENGTH}", re.IGNORECASE)


def _stated_days(found: re.Match[str], first: date) -> int:
    """The days of a stated length, counted on the calendar from `first` for
    months and years ("a one-year inquiry from 2 March" ends on 1 March)."""
    parts = found.groupdict()
    if parts.get("weeklong"):
        return 7
    if parts.get("monthlong"):
        parts = {"count": "1", "unit": "month"}
    if parts.get("unit_a"):
        count, unit = "1", "year"
    else:
        count, unit = parts["count"].lower(), parts["unit"].lower()
    number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
    if unit in ("month", "year"):
        months = number * (12 if unit == "year" else 1)
        year, month = divmod(first.month - 1 + months, 12)
        end_year = first.year + year
        day = min(first.day, calendar.monthrange(end_year, month + 1)[1])
        return (date(end_year, month + 1, day) - first).days
    return number * 7 if unit == "week" else number


def _length_of(text: str, mention: DateMention) -> re.Match[str] | None:
    """The stated length whose opening or ending day the mention is, if any."""
    for pattern in _LENGTH_BEFORE_DAY:
        found = pattern.search(text, mention.sentence_start, mention.start)
        if found:
            return found
    if _OPENING_THE_SENTENCE.fullmatch(text, mention.sentence_start, mention.start):
        return _LENGTH_AFTER_DAY.match(text, mention.end, mention.sentence_start + len(mention.sentence))
    return None


def _lasting(text: str, mention: DateMention, published: date) -> DateMention:
    """A day opening or ending an event of so many days, as the span of those
    days; under way at publication and mostly ahead, it is scheduled."""
    if mention.precision != "day" or not mention.earliest or mention.earliest != mention.latest:
        return mention
    found = _length_of(text, mention)
    if not found:
        return mention
    try:
        days = _stated_days(found, mention.earliest)
        counted = found.groupdict().get("unit") in ("month", "year") or found.groupdict().get("unit_a")
        # Days and weeks past two count to a deadline; months and years are a term ("a one-year inquiry").
        if not 2 <= days <= (_LONGEST_YEAR_DAYS if counted else _LONGEST_EVENT_DAYS) or _DEADLINE.search(found[0]):
            return mention
        if found.groupdict().get("ends"):
            first, last = mention.earliest - timedelta(days=days - 1), mention.earliest
        else:
            first, last = mention.earliest, mention.earliest + timedelta(days=days - 1)
    except (OverflowError, ValueError):
        return mention  # at the edge of the calendar
    status = "scheduled" if first <= published < last and mostly_ahead(first, last, published) else mention.status
    span = replace(mention, earliest=first, latest=last, precision="span", status=status)
    return replace(span, label=_range_label(replace(mention, earliest=first), span))


# "up 3 points from the previous week", "down 2 points from two weeks
# earlier", "higher than a year ago": a figure's baseline, not an event.
_BASELINE = re.compile(
    r"\b(?:up|down|rose|rise[sn]?|fell|fall(?:en|s)?|increase[sd]?|decrease[sd]?|drop(?:ped|s)?|gain(?:ed|s)?|"
    r"higher|lower|percentage\s+points?|points?|percent|%)\b[^.;:]{0,60}?"
    r"\b(?:from|than|compared\s+(?:with|to)|over|since)\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
_BASELINE_WORDS = re.compile(
    r"(?:(?:previous|prior|preceding)\s+(?:week|month|year|quarter|survey|poll)|(?:\w+\s+)?(?:weeks?|months?|years?)\s+"
    r"(?:earlier|before|ago|prior)|(?:a|one|two|three)\s+(?:week|month|year)\s+(?:earlier|before|ago|prior)|last\s+(?:week|month|year))$",
    re.IGNORECASE,
)


# "below the level of the same month last year", "compared to the same
# period a year earlier": the time a figure is compared with, not an event.
_SAME_PERIOD_A_YEAR_BEFORE = re.compile(
    r"\bthe\s+same\s+(?:month|period|quarter|week|day|time|season)\s+(?:(?:of|in)\s+)?"
    r"(?:(?:last|the\s+previous|the\s+prior)\s+year|a\s+year\s+(?:earlier|ago|before))",
    re.IGNORECASE,
)
_COMPARED = re.compile(r"\b(?:below|above|compared|than|versus|from|over|level\s+of)\b", re.IGNORECASE)


# "their lowest point since 2023", "the worst level since 2019": a record's
# baseline; nothing happened then ("the first visit since 2019" is a visit).
_RECORD_SINCE = re.compile(
    r"\b(?:lowest|highest|worst|best|weakest|strongest|deepest|biggest|largest|smallest|fewest|most)"
    r"(?:\s+[\w-]+){0,3}?\s+since\s+(?:the\s+(?:start|end)\s+of\s+)?$",
    re.IGNORECASE,
)


def _baseline(text: str, mention: DateMention) -> bool:
    if _RECORD_SINCE.search(text, max(mention.sentence_start, mention.start - 60), mention.start):
        return True
    if _BASELINE_WORDS.search(mention.text) and _BASELINE.search(
        text, max(mention.sentence_start, mention.start - 100), mention.start
    ):
        return True
    same = next(
        (
            m
            for m in _SAME_PERIOD_A_YEAR_BEFORE.finditer(text, max(0, mention.start - 40), mention.end + 40)
            if m.start() <= mention.start and mention.end <= m.end()
        ),
        None,
    )
    return bool(same and _COMPARED.search(text, max(mention.sentence_start, same.start() - 60), same.start()))


# "the airlines' winter and summer schedules", "a summer sale": a season
# naming a kind of thing, not a time something happens.
_BARE_SEASON = re.compile(r"(?:spring|summer|autumn|fall|winter)", re.IGNORECASE)
# ("an autumn festival" is a festival held in autumn: a time.)
_NOUN_AFTER_SEASON = re.compile(
    r"\s+and\s+(?:spring|summer|autumn|fall|winter)\s+[a-z]{3,}"
    r"|\s+(?:schedules?|timetables?|sales?|collections?|menus?|uniforms?|clothes|clothing|tyres|tires)\b"
)


# "debate on the 2026-2027 budget", "the 2025 defence white paper": a year
# naming a document, not a time something happens.
_YEARS_ONLY = re.compile(r"(?:\d{4})(?:\s*[-–/]\s*(?:\d{4}|\d{2}))?")
_DOCUMENT_AFTER_YEAR = re.compile(
    r"\s+(?:(?:draft|fiscal|state|annual|defen[cs]e|national|supplementary)\s+)?"
    r"(?:budgets?|white\s+papers?|guidelines|census|reports?|edition)\b",
    re.IGNORECASE,
)


def _season_naming_a_thing(text: str, mention: DateMention) -> bool:
    if _YEARS_ONLY.fullmatch(mention.text) and _DOCUMENT_AFTER_YEAR.match(text, mention.end):
        return True
    return bool(_BARE_SEASON.fullmatch(mention.text) and _NOUN_AFTER_SEASON.match(text, mention.end))


# "pre-1914 bloc economics", "post-2011 reforms": an era before or after a
# date, named as a thing; no event of that date.
_ERA_PREFIX = re.compile(r"(?<![\w-])(?:pre|post)[-\u2010\u2011]$", re.IGNORECASE)


def _era(text: str, mention: DateMention) -> bool:
    return bool(_ERA_PREFIX.search(text, max(0, mention.start - 5), mention.start))


def _bracketed(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "the day before (Jan. 22)", "on Monday (Jan. 12)": the bracketed date
    says which day the words before it mean; one mention, of that day."""
    out: list[DateMention] = []
    for m in mentions:
        previous = out[-1] if out else None
        if (
            previous
            and m.precision == "day"
            and m.earliest
            and re.fullmatch(r"\s*\(\s*", text[previous.end : m.start])
            and text[m.end : m.end + 1] == ")"
        ):
            out[-1] = replace(
                previous, earliest=m.earliest, latest=m.latest, value=m.value, label=m.label, precision=m.precision
            )
            continue
        out.append(m)
    return out


# "meetings are set to continue until Tuesday": under way, from now to then.
_GOES_ON_UNTIL = re.compile(
    r"\b(?:continue[sd]?|continuing|remain(?:s|ed)?|stay(?:s|ed)?|last(?:s|ed)?|run(?:s|ning)?)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:until|till|through)\s+(?:on\s+)?$",
    re.IGNORECASE,
)


# "a dip from November onward": from then up to the time of writing.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_ONWARD_AFTER = re.compile(r"\s+(?:on|onwards?)\b", re.IGNORECASE)


def _from_onward(text: str, mention: DateMention, published: date) -> DateMention:
    if not mention.earliest or not mention.latest or mention.latest >= published:
        return mention
    if not (
        _ONWARD_AFTER.match(text, mention.end) and _FROM_BEFORE.search(text, max(0, mention.start - 12), mention.start)
    ):
        return mention
    return _up_to_publication(mention, published)


def _up_to_publication(mention: DateMention, published: date) -> DateMention:
    """The span from the mention's start to the day the article was published."""
    now = replace(mention, earliest=published, latest=published, label=fmt_day(published))
    return replace(mention, latest=published, precision="span", label=_range_label(mention, now))


# "fares have spiked 18 percent since Wednesday": a state from then to the time
# of writing (not "the first visit since August", which is August's visit).
_HAS_SINCE = re.compile(r"\b(?:has|have)\s+(?:[\w'’.%-]+\s+){0,10}?since\s+$", re.IGNORECASE)
_SINCE_AN_EVENT = re.compile(r"\b(?:first|second|third|last|time|times)\b", re.IGNORECASE)


def _since_then(text: str, mention: DateMention, published: date) -> DateMention:
    if not mention.earliest or not mention.latest or mention.earliest >= published:
        return mention
    since = _HAS_SINCE.search(text, mention.sentence_start, mention.start)
    if not since or _SINCE_AN_EVENT.search(since[0]):
        return mention
    return _up_to_publication(mention, published)


def _continuing_until(text: str, mention: DateMention, published: date) -> DateMention:
    if mention.precision != "day" or not mention.earliest or mention.earliest <= published:
        return mention
    if not _GOES_ON_UNTIL.search(text, max(mention.sentence_start, mention.start - 60), mention.start):
        return mention
    span = replace(mention, earliest=published, latest=mention.earliest, precision="span")
    return replace(span, label=_range_label(replace(mention, earliest=published, latest=published), span))


# ------------------------------------------------------------------- events

# Mentions that do not place an event in time ("now", "recently").
_UNPLACED = ("present", "unknown")


def _frames(coarse: DateMention, fine: DateMention) -> bool:
    """'this year' around 'on Tuesday' in one sentence frames the event; it is not another one.
    A stated span ("a three-day visit beginning 3 March", "3 to 5 March",
    "during 2022-24") dates an event of its own, so a day inside it is another event."""
    if not (coarse.earliest and coarse.latest and fine.earliest and fine.latest):
        return False
    if coarse.precision == "span":
        # a stated range of days or years ("2022-24") is an event's own
        return False
    wider = (coarse.latest - coarse.earliest) > (fine.latest - fine.earliest)
    return wider and coarse.earliest <= fine.earliest and fine.latest <= coarse.latest


_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|a|an|its|his|her|their|our|this|that|these|those|and|or)\b)[a-z]{2,}\b(?!['’]s)"
)


_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose)\b[^,;]*,")


def _aside_apart(text: str, fine: DateMention, coarse: DateMention) -> bool:
    """ "Mori and Sato, who both took office in 2025, last met in October":
    the year dates an aside about the people, not the meeting."""
    return any(
        m.start() < coarse.start and coarse.end < m.end() and not m.start() < fine.start < m.end()
        for m in _RELATIVE_ASIDE.finditer(text, coarse.sentence_start, coarse.sentence_start + len(coarse.sentence))
    )


def _infinitive_between(text: str, fine: DateMention, coarse: DateMention) -> bool:
    """ "invited her on Friday to visit the US this year": the year dates the
    visit, another event than Friday's invitation, so it frames nothing."""
    return fine.end <= coarse.start and bool(_INFINITIVE.search(text, fine.end, coarse.start))


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def _state_since(text: str, fine: DateMention, coarse: DateMention) -> bool:
    """ "sources claimed on Saturday that China has tightened screening since
    earlier this month": a state running since the coarse date, told on a
    finer day of it, is another event than the telling."""
    return fine.end <= coarse.start and bool(_SINCE_BEFORE.search(text, max(0, coarse.start - 8), coarse.start))


# "Lee arrived in Beijing on Sunday. The four-day state visit ...": a stated
# length with no day of its own, in the sentence after a day, runs from it.
_EVENT_OF_DAYS = re.compile(
    rf"{_LENGTH}(?:\s+(?:state|official|working|royal|diplomatic))?\s+"
    r"(?:visit|trip|tour|stay|summit|talks|meeting|conference|session|festival|mission|voyage|expedition|"
    r"exercise|drills?)\b",
    re.IGNORECASE,
)
# "Lee will stay in Nara for two days": the same, said with a verb.
_STAY_FOR_DAYS = re.compile(
    rf"\b(?:stay|stays|stayed|staying|remain|remains|remained|be|visit|visits|tour|tours)\b[^.;]{{0,80}}?"
    rf"\bfor\s+(?P<count>{_COUNT}|\d{{1,2}})\s+(?P<unit>day)s\b",
    re.IGNORECASE,
)


def _opening_day(previous: list[DateMention], length: re.Match[str]) -> DateMention | None:
    """The day an event of so many days opens on, named in the sentence before
    it: its last day, or the first of a span as long as the event ("from 4 to
    7 January. During the four-day visit, …")."""
    days = [m for m in previous if m.precision == "day" and m.earliest]
    if days:
        return days[-1]
    for m in previous:
        if m.precision != "span" or not m.earliest or not m.latest:
            continue
        try:
            if (m.latest - m.earliest).days + 1 == _stated_days(length, m.earliest):
                return m
        except (OverflowError, ValueError):
            continue
    return None


# "Lee began a state visit to China on Sunday … [three sentences on] … Lee's
# four-day trip": a length further back runs from the day its trip began.
_TRIP_BEGUN_REACH = 6
_TRIP_BEGINS = re.compile(
    r"\b(?:began|begins|begin|arrived|arrives|landed|lands|started|starts|kicked\s+off|departed|"
    r"left\s+for|set\s+off)\b",
    re.IGNORECASE,
)
_LAST_DAY_OF = re.compile(r"\b(?:final|last|closing)\s+day\s+of\s+(?:his|her|their|its|the)\s+$", re.IGNORECASE)


def _trip_begun(text: str, earlier: list[list[DateMention]]) -> DateMention | None:
    """The last day, in the sentences before the one before a stated length,
    on which a trip is said to begin or someone to arrive."""
    for sentence in reversed(earlier):
        days = [m for m in sentence if m.precision == "day" and m.earliest]
        if days and _TRIP_BEGINS.search(days[-1].sentence):
            return days[-1]
    return None


# An event opened on the day before it lasts at most a month ("the month-long mission").
_LONGEST_OPENED_DAYS = 31


def _ahead_of_its_days(length: re.Match[str], sentence: list[DateMention]) -> bool:
    """Whether a stated length opens its sentence well before any day it
    names ("During her three-day trip to Gyeongju, she will join the two-day
    summit starting Friday"): the day is the other event's."""
    days = [m for m in sentence if m.precision in ("day", "span", "week")]
    return bool(days) and all(m.start - length.end() > _OWN_DAY_REACH for m in days)


# How far after a stated length a day may be its own ("a three-day visit beginning Tuesday").
_OWN_DAY_REACH = 40


def _lengths_after_a_day(text: str, mentions: list[DateMention], pub: date) -> list[DateMention]:
    """A mention for each event of so many days whose sentence names no day,
    opening on the day named in the sentence before it."""
    found = []
    sentences = split_sentences(text)
    starts = [start for start, _ in sentences]
    dated = {m.sentence_start for m in mentions if m.precision in ("day", "span", "week")}
    by_sentence: dict[int, list[DateMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_start, []).append(m)
    lengths = sorted([*_EVENT_OF_DAYS.finditer(text), *_STAY_FOR_DAYS.finditer(text)], key=lambda m: m.start())
    for match in lengths:
        i = bisect.bisect_right(starts, match.start()) - 1
        if i < 1 or (starts[i] in dated and not _ahead_of_its_days(match, by_sentence.get(starts[i], []))):
            continue
        day = _opening_day(by_sentence.get(starts[i - 1], []), match) or _trip_begun(
            text, [by_sentence.get(start, []) for start in starts[max(0, i - _TRIP_BEGUN_REACH) : i - 1]]
        )
        if day is None or day.earliest is None:
            continue
        first = day.earliest
        final = _LAST_DAY_OF.search(text, max(0, match.start() - 40), match.start())
        try:
            last = first + timedelta(days=_stated_days(match, first) - 1)
            if final:
                # "on the final day of his four-day visit": the day named last ends it.
                first, last = first - (last - first), first
        except (OverflowError, ValueError):
            continue
        if not 1 <= (last - first).days <= _LONGEST_OPENED_DAYS:
            continue
        status = "scheduled" if mostly_ahead(first, last, pub) else "happened"
        start, end = (match.start("count"), match.end()) if match.re is _STAY_FOR_DAYS else match.span()
        found.append(
            replace(
                day,
                text=text[start:end],
                start=start,
                end=end,
                earliest=first,
                latest=last,
                precision="span",
                label=_range_label(replace(day, latest=first), replace(day, earliest=first, latest=last)),
                sentence=text[sentences[i][0] : sentences[i][1]],
                sentence_start=sentences[i][0],
                status=status,
                flags=(),
            )
        )
        if final:
            # "The visit was made on the final day of …": what was done that day is an event too.
            found.insert(len(found) - 1, _final_day(text, day, final, sentences[i]))
        dated.add(starts[i])
    return found


def _final_day(text: str, day: DateMention, final: re.Match[str], sentence: tuple[int, int]) -> DateMention:
    """The closing day of a stay, as a mention of its own: "the final day"."""
    words = final.group().split(" of ")[0]
    at = final.start()
    return replace(
        day,
        text=words,
        start=at,
        end=at + len(words),
        sentence=text[sentence[0] : sentence[1]],
        sentence_start=sentence[0],
        flags=(),
    )


# "If the house is dissolved on 23 January, ...": a condition restates a
# date; it reports no event of its own.
_CONDITION = re.compile(r"(?:^|[,;:—]\s*)(?:if|unless|in\s+case|should\s+\w+\s+be)\b[^,;:—]*$", re.IGNORECASE)


# "If realized, the meeting next month would be the fifth": a condition
# opening the sentence makes its "would" clause a restatement too.
_OPENING_CONDITION = re.compile(r"\s*(?:if|unless|should)\b[^,;:—]{0,60},[^;:—]*\bwould\b", re.IGNORECASE)


def _conditional(text: str, mention: DateMention) -> bool:
    if _CONDITION.search(text, max(mention.sentence_start, mention.start - 200), mention.start):
        return True
    opening = _OPENING_CONDITION.match(text, mention.sentence_start, mention.sentence_start + len(mention.sentence))
    return bool(opening) and text.find(",", mention.sentence_start) < mention.start


# "…did not respond to a request for comment on Tuesday", "no one was
# available today to comment": the day a reporter got no answer is no event.
_NO_COMMENT = re.compile(
    r"\b(?:declined|refused|(?:was|were|is|are)\s+not\s+(?:immediately\s+)?available|no\s+one\s+was\s+available|"
    r"could\s+not\s+(?:immediately\s+)?be\s+reached|did\s+not\s+(?:immediately\s+)?(?:respond|reply|return))\b"
    r"[^.;]{0,60}?\b(?:comment|request|calls?|messages?|queries|inquiry)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:but|and|while|as|after|before)\b", re.IGNORECASE)
_DEICTIC_DAY = re.compile(
    r"(?:on\s+)?(?:today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE
)


# A page's timestamp line ("31/10/2025 11:01 PM", "Updated: 13 Jan 2026, 09:12 KST")
# tells when the page was made, not an event.
_STAMP_ONLY = re.compile(
    r"(?:[\s\W\d]|\b(?:[ap]\.?m\.?|gmt|utc|kst|jst|ist|hkt|sgt|cet|cest|bst|est|edt|pst|pdt|aest|at|updated|"
    r"published|posted|last\s+modified)\b)*",
    re.IGNORECASE,
)
# "Fri Mar 13 2026" on a line of its own: a page's date.
_DATE_LINE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}(?:\s+[\d:]+(?:\s*[AP]M)?)?"
)
# "Seoul, Feb 9" on a line of its own: a dateline, not an event.
_PLACE_ONLY = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,30},[\s\W]*")
_PLACED_CLOCK = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,30},((?=.*\d{1,2}:\d{2}).*)", re.DOTALL)
_SECTION_LABEL = re.compile(r"\s*(?!(?:On|In|Since|Until|By|From|Before|After|As|At)\b)(?:[A-Z][A-Za-z&]+\s+){1,2}")
# "By Kim Ji-won and Sato Mei Published: Nov 16, 2025 11:19 PM": a byline's stamp.
_STAMP_LABEL = re.compile(r"\b(?:published|updated|posted)\s*:\s*$", re.IGNORECASE)


def _stamp(mention: DateMention) -> bool:
    """Whether the mention is when the page was put up, not an event's date."""
    sentence, at = mention.sentence, mention.start - mention.sentence_start
    rest = sentence.replace(mention.text, " ")
    if _STAMP_ONLY.fullmatch(rest) or _PLACE_ONLY.fullmatch(rest) or _DATE_LINE.fullmatch(sentence.strip()):
        return True
    # "World February 22, 2026" on a line of its own: the page's section and date
    after_it = sentence[at + len(mention.text) :].strip(" \t.\n")
    if re.search(r"\d{4}", mention.text) and _SECTION_LABEL.fullmatch(sentence[: max(at, 0)]) and not after_it:
        return True
    # "Tokyo, Feb 2, 2026, 22:12 (JST)": a place and the clock, the page's own time.
    placed = _PLACED_CLOCK.fullmatch(rest)
    if placed and _STAMP_ONLY.fullmatch(placed[1]):
        return True
    # The stamp's line only: a caption may follow it with no full stop ("… 11:32 PM\nrare earth Photo:VCG").
    after = sentence[at + len(mention.text) :].split("\n", 1)[0]
    return bool(_STAMP_LABEL.search(sentence, 0, max(at, 0)) and _STAMP_ONLY.fullmatch(after))


# A dateline ("SEOUL, Jan. 13 (UPI) --", "WASHINGTON, Jan 13 –") says where and
# when the story was filed: the news day, which dates the lead's event only
# when the lead names no date of its own.
# Its place may be several ("NARA, JAPAN & SEOUL, Jan. 13 —") or left out
# ("Nov. 15 — China on Friday …"); with no place, a colon would be a
# timeline's heading ("June 4: envoy recalled"), which dates what follows.
# The agency may follow the day, bracketed or not ("Feb. 5 Kyodo -"), and the
# place may be written in capitals or not ("Nara, Jan. 14 (Jiji Press)–").
_DATELINE_DAY = (
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?"
    r"\s*(?:\([^)]{1,30}\)\s*|(?:[A-Z][A-Za-z]+\s+){1,2}(?=[-–—]))?"
)
# "Kobe [Sora], Jan. 13 (Wire):": a wire's dateline may name the country in brackets.
_DATELINE_PLACE = r"[A-Z][A-Za-z .'’/-]{1,40}(?:\s*\[[A-Z][A-Za-z .'’-]{1,30}\])?"
_DATELINE = re.compile(
    rf"(?:{_DATELINE_PLACE}(?:(?:,|\s&)\s*{_DATELINE_PLACE})*,\s*{_DATELINE_DAY}\s*(?:--|–|—|-|:)"
    # "Seoul, Dec 30 (NationPress) President …": the agency in brackets ends it too
    rf"|{_DATELINE_PLACE},\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Z][a-z]{{2,8}}\.?)(?:,?\s+\d{{4}})?"
    r"\s*\([^)]{1,30}\)"
    # "Seoul, Jan 9 South Korean President …": a wire's dateline may run into the lead
    rf"|{_DATELINE_PLACE},\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?\s+(?=[A-Z][a-z])"
    rf"|{_DATELINE_DAY}(?:--|–|—))"
)


def _dateline_alone(mention: DateMention) -> bool:
    """A dateline read as a sentence of its own ("TOKYO, February 9. /TASS/."):
    a place and an agency in capitals, no words of an event."""
    rest = mention.sentence.replace(mention.text, " ")
    return (
        len(mention.sentence) <= _DATELINE_LENGTH
        and not re.search(r"[a-z]", rest)
        and bool(re.search(r"[A-Z]{3}", rest))
    )


_DATELINE_LENGTH = 60


_THE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.IGNORECASE)


def _attributive(text: str, mention: DateMention) -> bool:
    """ "the Feb. 8 election": a date naming a thing, not dating the clause."""
    return bool(_THE_BEFORE.search(text, max(mention.sentence_start, mention.start - 8), mention.start))


def _in_dateline(text: str, mention: DateMention) -> bool:
    line_start = text.rfind("\n", 0, mention.start) + 1
    found = _DATELINE.match(text, line_start)
    return found is not None and mention.end <= found.end()


def _no_comment(text: str, mention: DateMention) -> bool:
    """Whether the mention dates a reporter's unanswered request, in the same clause."""
    if not _DEICTIC_DAY.fullmatch(mention.text.strip()) or text.startswith(("'s", "’s"), mention.end):
        return False
    end = mention.sentence_start + len(mention.sentence)
    for found in _NO_COMMENT.finditer(text, mention.sentence_start, end):
        if found.end() <= mention.start:
            between = text[found.end() : mention.start]
        elif mention.end <= found.start():
            between = text[mention.end : found.start()]
        else:
            between = ""  # "no one was available today to comment"
        if not _CLAUSE_BREAK.search(between):
            return True
    return False


# "signed in May, and ratified it that same month": a second event of those dates.
_REFERS_BACK = re.compile(
    r"(?:that|the)\s+same\b|later\s+in\s+the\s+day|earlier\s+in\s+the\s+day|(?:later\s+|earlier\s+)?that\s+day\b",
    re.IGNORECASE,
)


def event_mentions(
    text: str, published: date | datetime | str, progress: Callable[[int], None] | None = None
) -> list[DateMention]:
    """The mentions that each date an event, in text order: every one of a
    sentence ("in June 2025, and Takaichi in October" are two), the two ends
    of one event joined into a span ("Tuesday and Wednesday"), a day opening
    an event of so many days as those days ("a two-day visit beginning
    Tuesday", "ended a three-day visit on 5 March"); left out are
    mentions that place nothing ("now", "recently") and a vaguer date that
    only frames a finer one of its sentence."""
    found = _bracketed(text, extract_dates(text, published, progress=progress))
    mentions = [
        _since_then(
            text,
            _from_onward(
                text,
                _continuing_until(text, _lasting(text, m, _as_date(published)), _as_date(published)),
                _as_date(published),
            ),
            _as_date(published),
        )
        for m in merge_ranges(text, found, _as_date(published))
        if m.earliest
        and m.latest
        and m.precision not in _UNPLACED
        and not _conditional(text, m)
        and not _no_comment(text, m)
        and not _stamp(m)
        and not _dateline_alone(m)
        and not _baseline(text, m)
        and not _season_naming_a_thing(text, m)
        and not _era(text, m)
    ]
    by_sentence: dict[int, list[DateMention]] = {}
    for mention in mentions:
        by_sentence.setdefault(mention.sentence_start, []).append(mention)
    kept: list[DateMention] = []
    pub = _as_date(published)
    for sentence in by_sentence.values():
        if len(sentence) > 1 and not all(_attributive(text, m) for m in sentence if not _in_dateline(text, m)):
            # The lead's own date ("agreed Monday") dates its event, not the
            # dateline's; one that only names a thing ("in the Feb. 8
            # election") leaves the dateline to date the lead.
            sentence = [m for m in sentence if not _in_dateline(text, m)] or sentence
        dates: set[tuple[date | None, date | None]] = set()
        own: list[DateMention] = []
        again: list[DateMention] = []  # a date said twice ("SEOUL, Jan. 13 -- … on Tuesday")
        for mention in sentence:
            if any(
                _frames(mention, other)
                and not _infinitive_between(text, other, mention)
                and not _aside_apart(text, other, mention)
                and not _state_since(text, other, mention)
                for other in sentence
                if other is not mention
            ):
                continue
            if (mention.earliest, mention.latest) in dates and not _REFERS_BACK.match(mention.text):
                again.append(mention)
                continue
            dates.add((mention.earliest, mention.latest))
            own.append(mention)
        # Each saying of a date may open a companion ("on Tuesday for a two-day visit").
        stays = [(m.earliest, m.latest) for m in kept if m.precision == "span" and m.earliest and m.latest]
        shared = {m.start: m for m in companions(text, sorted(own + again, key=lambda m: m.start), pub, stays)}
        kept += sorted(own + list(shared.values()), key=lambda m: m.reading_order)
    kept += _lengths_after_a_day(text, kept, pub)
    return sorted(kept + days_after_undated(text, kept, pub), key=lambda m: m.reading_order)
