"""Detection: the regex grammar of English news date expressions. Each
pattern's handler turns a match into candidates (extent + what was said);
nothing here knows the publication date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# ---------------------------------------------------------------- vocabulary

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_NUM = {name: i + 1 for i, name in enumerate(_MONTHS)}
_MONTH_NUM.update({name[:3]: i + 1 for i, name in enumerate(_MONTHS)})
_MONTH_NUM["sept"] = 9
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "a couple of": 2,
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_NAME = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Capitalised month names only: lower-case "may" and "march" are a modal and
# a verb. Abbreviations keep their period inside the match ("Feb. 22").
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Sept\.?|Jan\.?|Feb\.?|Mar\.|Apr\.?|"
    r"Jun\.|Jul\.|Aug\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
# Before a day number "Mar 29", "Jun 5" are months even without a period.
_MON_DAY = rf"(?:{_MON}|(?:Mar|Jun|Jul)(?=\s+\d))"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = (
    r"(?:\d{1,2}|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_PART = r"(?i:early|mid|late|the\s+(?:beginning|start|middle|end|close|first\s+half|second\s+half)\s+of)"
_NOT_AMOUNT = r"(?<![$£€¥#\w.,])"
# What makes a four-digit number a quantity rather than a year.
_QUANTITY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|[a-z]*(?:people|persons|troops|soldiers|units|tons|tonnes|"
    r"km|kilometres|kilometers|miles|metres|meters|feet|dollars|yen|euros|won|yuan|votes|jobs|cases|"
    r"deaths|homes|households|workers|members|employees|residents|points|barrels|cars|"
    r"vehicles|students|staff|officers|police|fans|rooms|seats|acres|hectares|kg|mw|"
    r"calories|words|pages|times|more|others|basis\s+points|of\s+(?:the|them|whom)))\b|\s*(?:-|–)?\s*(?:m|km|kg|ft)\b",
    re.IGNORECASE,
)
_QUANTITY_BEFORE = re.compile(
    r"(?:about|around|nearly|almost|some|approximately|roughly|than|least|up\s+to|only|just|"
    r"estimated|total\s+of|of\s+about)\s+$",
    re.IGNORECASE,
)

# ------------------------------------------------------------------ patterns


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    data: dict[str, Any]


_Handler = Callable[[re.Match[str]], Iterator[Candidate]]


@dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    handler: _Handler
    needs: re.Pattern[str]  # one of the words every match holds


_PATTERNS: list[_Pattern] = []
_DIGITS = tuple("0123456789")
_MONTH_WORDS = tuple(name[:3] for name in _MONTHS)


def _pattern(regex: str, flags: int = 0, *, needs: tuple[str, ...]) -> Callable[[_Handler], _Handler]:
    """Register a pattern and its handler. `needs`: lower-case strings of which
    every match holds at least one; a sentence holding none is not searched."""

    def register(handler: _Handler) -> _Handler:
        _PATTERNS.append(_Pattern(re.compile(regex, flags), handler, re.compile("|".join(map(re.escape, needs)))))
        return handler

    return register


def _mon(token: str) -> int:
    return _MONTH_NUM[
        token.rstrip(".").lower()[:4] if token.lower().startswith("sept") else token.rstrip(".").lower()[:3]
    ]


def _daynum(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _cand(match: re.Match[str], kind: str, group: int | str = 0, /, **data: Any) -> Candidate:
    return Candidate(match.start(group), match.end(group), kind, data)


def _tod(word: str | None) -> str | None:
    return _TOD.get(word.lower()) if word else None


@_pattern(r"\b(\d{4})-(\d{2})-(\d{2})\b", needs=_DIGITS)
def _p_iso(m: re.Match[str]) -> Iterator[Candidate]:
    y, mo, d = (int(g) for g in m.groups())
    if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
        yield _cand(m, "ymd", y=y, m=mo, d=d)


@_pattern(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", needs=_DIGITS)
def _p_slashed(m: re.Match[str]) -> Iterator[Candidate]:
    a, b, y = (int(g) for g in m.groups())
    mo, d = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
        yield _cand(m, "ymd", y=y, m=mo, d=d)


@_pattern(
    rf"\b(?:({_WD}),?\s+)?({_MON_DAY})\s+({_DAY})\b(?!\s*(?:%|,\d|\d))"
    rf"(?:,?\s+({_YEAR})\b)?(?:\s+(morning|afternoon|evening|night))?",
    needs=_DIGITS,
)
def _p_month_day(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(
        m,
        "ymd",
        y=int(m[4]) if m[4] else None,
        m=_mon(m[2]),
        d=_daynum(m[3]),
        tod=_tod(m[5]),
        wd=_WEEKDAYS.index(m[1].lower()) if m[1] else None,
    )


@_pattern(rf"\b(?:({_WD}),?\s+)?(?:the\s+)?({_DAY})\s+(?:of\s+)?({_MON})(?:,?\s+({_YEAR})\b)?", needs=_DIGITS)
def _p_day_month(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(
        m,
        "ymd",
        y=int(m[4]) if m[4] else None,
        m=_mon(m[3]),
        d=_daynum(m[2]),
        wd=_WEEKDAYS.index(m[1].lower()) if m[1] else None,
    )


# "3 to 5 March", "3-5 March": two points, the first borrowing the month.
@_pattern(rf"\b({_DAY})\s*(?:-|–|to|and|until|through)\s*(({_DAY})\s+({_MON})(?:,?\s+({_YEAR})\b)?)", needs=_DIGITS)
def _p_day_range_month(m: re.Match[str]) -> Iterator[Candidate]:
    y = int(m[5]) if m[5] else None
    mo = _mon(m[4])
    yield _cand(m, "ymd", 1, y=y, m=mo, d=_daynum(m[1]))
    yield _cand(m, "ymd", 2, y=y, m=mo, d=_daynum(m[3]))


# "March 3-5", "Jan. 13 and 14, 2026"
@_pattern(
    rf"\b(({_MON_DAY})\s+({_DAY}))\s*(?:-|–|to|and|until|through)\s*({_DAY})\b(?!\s*{_MON})(?:,?\s+({_YEAR})\b)?",
    needs=_DIGITS,
)
def _p_month_day_range(m: re.Match[str]) -> Iterator[Candidate]:
    y = int(m[5]) if m[5] else None
    mo = _mon(m[2])
    yield _cand(m, "ymd", 1, y=y, m=mo, d=_daynum(m[3]))
    yield Candidate(m.start(4), m.end(5) if m[5] else m.end(4), "ymd", {"y": y, "m": mo, "d": _daynum(m[4])})


# "October last year", "in March of next year", "late May this year".
@_pattern(
    rf"\b(?:({_PART})[\s-]+)?({_MON}),?\s+(?:of\s+)?(last|next|this)\s+year\b(?!['’])",
    needs=_MONTH_WORDS,
)
def _p_month_of_year(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "ym", y=None, m=_mon(m[2]), part=_part(m[1]), year_offset={"last": -1, "next": 1}.get(m[3], 0))


@_pattern(rf"\b(?:({_PART})(?:\s+in)?[\s-]+)?({_MON}),?\s+(?:of\s+)?({_YEAR})\b", needs=_DIGITS)
def _p_month_year(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "ym", y=int(m[3]), m=_mon(m[2]), part=_part(m[1]))


# Month names that are also an English word: "may" is a modal, "march" a verb.
_WORD_MONTHS = ("may", "march", "mar")


# A bare month. "May" and "March" need a cue in front; any month followed
# by a capitalised word is likely a name.
@_pattern(
    rf"(?:\b((?i:in|since|by|until|till|through|during|before|after|from|of|to|between|and|or|"
    rf"last|next|this|(?:(?:in|until|by|since)\s+)?(?:early|mid|late)(?:\s+(?:last|next|this))?|"
    rf"the\s+(?:beginning|start|middle|end|close|first\s+half|second\s+half)\s+of|the|her|his|their|its))[\s-]+)?"
    rf"({_MON})(?![\s-]*\d)"
    rf"(?P<name>\s+[A-Z][a-z])?",
    needs=_MONTH_WORDS,
)
def _p_bare_month(m: re.Match[str]) -> Iterator[Candidate]:
    words = (m[1] or "").lower().split()
    name = m[2].rstrip(".").lower()
    if not words and name in _WORD_MONTHS:
        return
    if words == ["the"] and name in _WORD_MONTHS:
        return  # "the march", "the May government": not a month ("the October Apec meeting" is)
    if m["name"] and words != ["the"] and words[:1] not in _POSSESSIVES and (not words or name in _WORD_MONTHS):
        return  # a month before a capitalised word is likely a name ("March Madness"; not "her March U.S. visit")
    if not words and len(m[2]) <= 3:
        return  # a lone "Jan" or "Aug" without a period is too often something else
    if (
        words in (["and"], ["or"], ["to"])
        and name in _WORD_MONTHS
        and not _MONTH_BEFORE.search(m.string, max(0, m.start() - 25), m.start())
    ):
        return  # "... and May resigned": a name, unless it pairs with a month ("March and May")
    modifiers = [w for w in words if w in _MONTH_MODIFIERS]
    part = _part(" ".join(words)) if modifiers and modifiers[0] in ("early", "mid", "late", "the") else None
    rel = words[-1] if words and words[-1] in ("last", "next", "this") else None
    start = m.start(2)
    if part or rel:
        # keep the modifiers ("late last October"), drop a preposition before them
        lead = re.search(rf"\b{modifiers[0]}\b", m[1], re.IGNORECASE)
        start = m.start(1) + (lead.start() if lead else 0)
    data = {"y": None, "m": _mon(m[2]), "part": part, "rel": rel}
    if words[:1] == ["since"]:
        data["since"] = True  # "cold since March": a March already past
    yield Candidate(start, m.end(2), "ym", data)


_MONTH_MODIFIERS = ("early", "mid", "late", "the", "last", "next", "this")
# "her March visit", "their May talks": someone's event of that month.
_POSSESSIVES = (["her"], ["his"], ["their"], ["its"])
_MONTH_BEFORE = re.compile(rf"(?:{_MON}|\d)[\s,.]*$")


def _part(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    for key, part in (
        ("first half", "H1"),
        ("second half", "H2"),
        ("early", "early"),
        ("beginning", "early"),
        ("start", "early"),
        ("mid", "mid"),
        ("middle", "mid"),
        ("late", "late"),
        ("end", "end"),
        ("close", "end"),
    ):
        if key in word:
            return part
    return None


_YEAR_CUE = re.compile(r"(?:in|since|by|of|from|until|to|before|after|during|the|year|'s)\s+$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


# "late 2025", "late in 2025", "fiscal 2026"
@_pattern(rf"{_NOT_AMOUNT}(?:\b({_PART}|fiscal|FY)(?:\s+in)?[\s-]+)?\b({_YEAR})\b(?![,.]\d)", needs=_DIGITS)
def _p_year(m: re.Match[str]) -> Iterator[Candidate]:
    y = int(m[2])
    before = m.string[max(0, m.start() - 20) : m.start()]
    if _QUANTITY_AFTER.match(m.string, m.end()) or (not m[1] and _QUANTITY_BEFORE.search(before)):
        return
    cued = m[1] or _YEAR_CUE.search(before)
    if y < 1800 and not cued:
        return
    part = None if (m[1] or "").lower() in ("fiscal", "fy") else _part(m[1])
    yield _cand(m, "year", y=y, part=part)


# "1910-1945", "2025-26": two years.
@_pattern(rf"{_NOT_AMOUNT}\b({_YEAR})\s*[-–/]\s*(\d{{4}}|\d{{2}})\b(?![-–/.,]\d)", needs=_DIGITS)
def _p_year_range(m: re.Match[str]) -> Iterator[Candidate]:
    y1 = int(m[1])
    y2 = int(m[2]) if len(m[2]) == 4 else (y1 // 100) * 100 + int(m[2])
    if y1 < y2 <= y1 + 200 and not _QUANTITY_AFTER.match(m.string, m.end()):
        yield _cand(m, "year", 1, y=y1, part=None)
        yield _cand(m, "year", 2, y=y2, part=None)


# "the Nara period (710–794)": a period's years in brackets, however old.
@_pattern(
    r"\b(?i:period|era|dynasty|reign|age|empire|kingdom|rule)\s*\(\s*(\d{3,4})\s*(?:-|–|—|to)\s*(\d{3,4})\s*\)",
    needs=_DIGITS,
)
def _p_period_years(m: re.Match[str]) -> Iterator[Candidate]:
    first, last = int(m[1]), int(m[2])
    if 100 <= first < last <= 2100:
        yield _cand(m, "year", 1, y=first, part=None)
        yield _cand(m, "year", 2, y=last, part=None)


# "a week in which tensions rose", "capped a week where ...": the week of writing.
@_pattern(r"\b[Aa]\s+week(?=\s+(?:in\s+which|where|when|that|of)\b)", needs=("week",))
def _p_a_week(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "relunit", unit="week", offset=0, part=None, anaphoric=False)


@_pattern(r"\b(?:the\s+)?(?:(early|mid|late)[\s-]+)?(1[0-9]|20)(\d)0s\b|(?<![\w'’])['’](\d)0s\b", needs=_DIGITS)
def _p_decade(m: re.Match[str]) -> Iterator[Candidate]:
    if m[4]:
        d = int(m[4])
        century = "19" if d >= 3 else "20"
        yield _cand(m, "decade", value=f"{century}{d}", part=None)
    else:
        yield _cand(m, "decade", value=f"{m[2]}{m[3]}", part=_part(m[1]))


@_pattern(
    r"\bthe\s+(?:(early|mid|late)[\s-]+)?(?:(\d{1,2})(?:st|nd|rd|th)|(twentieth|twenty-first|nineteenth))\s+century\b",
    re.IGNORECASE,
    needs=("century",),
)
def _p_century(m: re.Match[str]) -> Iterator[Candidate]:
    n = int(m[2]) if m[2] else {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}[m[3].lower()]
    if n >= 1:
        yield _cand(m, "century", n=n, part=_part(m[1]) if m[1] else None)


@_pattern(
    rf"\b(?:((?i:last|next|this|this\s+past|this\s+coming|coming|past))\s+)?({_WD})\b"
    r"(?:\s+(morning|afternoon|evening|night))?",
    needs=("day",),
)
def _p_weekday(m: re.Match[str]) -> Iterator[Candidate]:
    mod = (m[1] or "").lower().replace("this past", "last").replace("this coming", "next")
    mod = {"past": "last", "coming": "next"}.get(mod, mod)
    yield _cand(m, "weekday", wd=_WEEKDAYS.index(m[2].lower()), mod=mod or None, tod=_tod(m[3]))


@_pattern(
    r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|"
    r"tonight|last\s+night)\b(?:\s+(morning|afternoon|evening|night))?|\bthis\s+(morning|afternoon|evening)\b",
    re.IGNORECASE,
    needs=("yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"),
)
def _p_relday(m: re.Match[str]) -> Iterator[Candidate]:
    word = m[0].lower()
    offset = (
        -2
        if "before yesterday" in word
        else 2
        if "after tomorrow" in word
        else -1
        if word.startswith(("yesterday", "last night"))
        else 1
        if word.startswith("tomorrow")
        else 0
    )
    tod = _tod(m[1] or m[2]) or ("NI" if word.startswith(("tonight", "last night")) else None)
    if word.startswith("today") and m.start() > 0 and m.string[m.start() - 1] in "'’":
        return
    yield _cand(m, "relday", offset=offset, tod=tod)


@_pattern(
    r"\b(?:(earlier|later|early|late)\s+)?(last|next|this|this\s+past|previous|current|following|coming)\s+"
    r"(week|weekend|month|year|quarter|decade|century)\b(?!s)|\b(?:the\s+)?(coming|past)\s+(weekend)\b",
    re.IGNORECASE,
    needs=("week", "month", "year", "quarter", "decade", "century"),
)
def _p_relunit(m: re.Match[str]) -> Iterator[Candidate]:
    rel = (m[2] or m[4]).lower()
    unit = (m[3] or m[5]).lower()
    if rel == "past" and unit != "weekend":
        return
    if m[0][0].isupper() and m[0].split()[-1][0].isupper():
        return  # "This Week in Asia": a title
    start = m.start()
    if rel in ("previous", "following") and m.string[max(0, start - 4) : start].lower() == "the ":
        start -= 4
    offset = {"last": -1, "previous": -1, "this past": -1, "past": -1, "next": 1, "following": 1, "coming": 1}.get(
        _SPACES.sub(" ", rel), 0
    )
    anaphoric = rel in ("previous", "following")
    # "later this month" is the rest of it, not its late part ("late" is in "later").
    part = {"earlier": "earlier", "later": "later"}.get((m[1] or "").lower()) or _part(m[1])
    yield Candidate(start, m.end(), "relunit", {"unit": unit, "offset": offset, "part": part, "anaphoric": anaphoric})


_FALL_CUE = re.compile(r"\b(?:in|during|by|until|over|through|since|this)\s+$", re.IGNORECASE)


# Lower-case only: "Summer Olympics" and "Arab Spring" are names.
@_pattern(
    rf"\b(?:(?i:the)\s+)?(?:((?i:early|late|mid))[\s-]?)?(?:((?i:last|next|this|this\s+past|the))\s+)?"
    rf"(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?({_YEAR})\b)?"
    r"(?![\s-]+(?:of\s+\w|wheat|onions?|rolls?|storms?|weather|coats?|clothes|tyres|tires|camps?|"
    r"solstice|equinox|sales?|collection|squash|school))",
    needs=("spring", "summer", "autumn", "fall", "winter"),
)
def _p_season(m: re.Match[str]) -> Iterator[Candidate]:
    season = _SEASONS[m[3]]
    rel = _SPACES.sub(" ", (m[2] or "").lower()).replace("this past", "last")
    if not rel and m[0][:3].lower() == "the":
        rel = "the"
    if m[3] == "fall" and not (
        m[4]
        or rel in ("last", "next", "this")
        or (rel == "the" and _FALL_CUE.search(m.string, max(0, m.start() - 10), m.start()))
    ):
        return  # "prices fall", "the fall in prices"
    yield _cand(
        m, "season", season=season, rel=rel if rel != "the" else None, y=int(m[4]) if m[4] else None, part=_part(m[1])
    )


@_pattern(
    rf"\b(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th|last)[\s-]+(quarter|half)\b"
    rf"(?!\s+of\s+(?:{_MON}|(?:this|last|next|the)\s+(?:month|week)))"
    rf"(?:\s+of\s+(?:({_YEAR})\b|(this|last|next|the)\s+year\b))?|\b([QH])([1-4])\s*(?:of\s+)?({_YEAR})?\b",
    re.IGNORECASE,
    needs=("quarter", "half", *_DIGITS),
)
def _p_quarter(m: re.Match[str]) -> Iterator[Candidate]:
    if m[5]:
        kind = "Q" if m[5].upper() == "Q" else "H"
        n = int(m[6])
        if kind == "H" and n > 2 or not m[5].isupper():
            return
        yield _cand(m, "quarter", kind=kind, n=n, y=int(m[7]) if m[7] else None, rel=None)
        return
    if m[1].lower() == "last" and not (m[3] or m[4]):
        return  # "last quarter" is the previous quarter; handled as a relative unit
    kind = "Q" if m[2].lower() == "quarter" else "H"
    n = _ORDINALS[m[1].lower()]
    if kind == "H":
        n = 2 if n >= 2 else 1
    yield _cand(m, "quarter", kind=kind, n=n, y=int(m[3]) if m[3] else None, rel=(m[4] or "").lower() or None)


# "in the first 10 months of the year", "the first three months of 2025": January to that month.
@_pattern(
    rf"\b(?:the\s+)?first\s+({_NUM})\s+months\s+of\s+(?:({_YEAR})\b|(this|last|next|the)\s+year\b)",
    re.IGNORECASE,
    needs=("months",),
)
def _p_first_months(m: re.Match[str]) -> Iterator[Candidate]:
    n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS.get(m[1].lower(), 0)
    if 2 <= n <= 11:
        yield _cand(m, "quarter", kind="M", n=n, y=int(m[2]) if m[2] else None, rel=(m[3] or "").lower() or None)


# Parts of a relative unit: "the end of the year", "the beginning of next month".
@_pattern(
    r"\b(early|mid|late|the\s+(?:beginning|start|middle|end|close|first\s+half|second\s+half)\s+of)[\s-]+"
    r"(?:(this|last|next|the)\s+)(week|month|year)\b",
    re.IGNORECASE,
    needs=("week", "month", "year"),
)
def _p_part_of_unit(m: re.Match[str]) -> Iterator[Candidate]:
    rel = m[2].lower()
    part = "H1" if "first half" in m[1].lower() else "H2" if "second half" in m[1].lower() else _part(m[1])
    yield _cand(
        m,
        "relunit",
        unit=m[3].lower(),
        offset={"last": -1, "next": 1}.get(rel, 0),
        part=part,
        anaphoric=False,
        the=rel == "the",
    )


@_pattern(
    r"(?<=\bof )the\s+(year|month)\b(?!\s+(?:before|after|earlier|later|ago|that|when|in|to|of|for|the|'s|’s))",
    needs=("year", "month"),
)
def _p_the_unit(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "relunit", unit=m[1], offset=0, part=None, anaphoric=False)


_MORE_THAN = re.compile(r"\b(?:more\s+than|over)\s+$", re.IGNORECASE)


@_pattern(
    rf"\b({_NUM})\s+(day|week|month|year|decade)s?\s+(?:(ago|earlier|later|previously|prior)\b(?!\s+(?:than|to))|"
    rf"(before|after)\b(?!\s+(?:the|a|an|his|her|their|its|that|this|he|she|they|it|[A-Z]|[a-z]+ing\b)))",
    re.IGNORECASE,
    needs=("day", "week", "month", "year", "decade"),
)
def _p_offset(m: re.Match[str]) -> Iterator[Candidate]:
    n = int(m[1]) if m[1].isdigit() else _NUMBER_WORDS[m[1].lower()]
    word = (m[3] or m[4]).lower()
    if word == "ago" and _MORE_THAN.search(m.string, max(0, m.start() - 12), m.start()):
        n += 1  # "more than 80 years ago": at least 81
    sign = -1 if word in ("ago", "earlier", "before", "previously", "prior") else 1
    yield _cand(m, "offset", n=n * sign, unit=m[2].lower(), anaphoric=word != "ago")


@_pattern(
    r"\b(?:the\s+(next|following|previous|same)\s+(?:day|morning|afternoon|evening|night)|the\s+day\s+(before|after)"
    r"|that\s+(?:same\s+)?(day|week|month|year)|the\s+same\s+(week|month|year)"
    r"|(?:later|earlier)\s+in\s+the\s+(day)"
    # "before returning home in the afternoon": that day's afternoon
    r"|(?<!\bthis\s)(?<!\bthe\s)in\s+the\s+(?P<part>morning|afternoon|evening))\b"
    # not a day hoped for: "we hope to see that day come soon"
    r"(?!\s+(?:of|that|when|before|after|in|to|at|comes?|will\s+come|arrives?)\b)",
    re.IGNORECASE,
    needs=("day", "week", "month", "year", "morning", "afternoon", "evening"),
)
def _p_anaphoric_day(m: re.Match[str]) -> Iterator[Candidate]:
    """ "the next day", "that (same) week", "later in the day": counted from the day just named."""
    unit = m[3] or m[4] or m[5] or ("day" if m["part"] else None)
    if unit:
        yield _cand(m, "offset", n=0, unit=unit.lower(), anaphoric=True)
        return
    word = (m[1] or m[2]).lower()
    n = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(word, 0)
    yield _cand(m, "offset", n=n, unit="day", anaphoric=True)


_ORDINAL_DAY = r"(\d{1,2})(?:st|nd|rd|th)"
_MONTH_OF = r"\s+of\s+(this|next|last|the\s+following|the\s+previous|the\s+same)\s+month\b"


# "on the 9th", "by the 20th", "around the 13th–14th of next month", "the
# 10th of last month": a day of the publication month, of the month just
# named in the sentence, or of the month said. A bare "the 20th" needs a
# preposition before it or the month after it ("the 20th anniversary").
@_pattern(
    rf"\b(?:((?i:on|by|until|till|since|from|before|after|around|about|between|through|for))\s+)?"
    rf"(the\s+{_ORDINAL_DAY})(?:\s*(?:-|–|—|to|and|or|through)\s*(?:the\s+)?({_ORDINAL_DAY}))?(?:{_MONTH_OF})?"
    r"(?!\s+(?:of|century|anniversary|time|round|floor|day|week|year|month|edition|place|consecutive|straight|"
    r"(?:ranked|ranking|leading|placed|seeded)\b))",
    needs=_DIGITS,
)
def _p_day_of_month(m: re.Match[str]) -> Iterator[Candidate]:
    rel = _SPACES.sub(" ", m[6].lower()) if m[6] else None
    if not (m[1] or rel):
        return
    month = {"this": 0, "the same": 0, "next": 1, "the following": 1, "last": -1, "the previous": -1}.get(rel or "")
    anaphoric = rel in ("the following", "the previous", "the same")
    first, second = int(m[3]), int(m[5]) if m[5] else None
    if not 1 <= first <= 31 or (second is not None and not first < second <= 31):
        return
    if second is None:
        yield Candidate(m.start(2), m.end(), "dom", {"d": first, "month": month, "anaphoric": anaphoric})
        return
    yield Candidate(m.start(2), m.end(2), "dom", {"d": first, "month": month, "anaphoric": anaphoric})
    yield Candidate(m.start(4), m.end(), "dom", {"d": second, "month": month, "anaphoric": anaphoric})


_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "new year’s eve": (12, 31),
    "new year’s day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "valentine’s day": (2, 14),
}


@_pattern(
    r"\b(Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year['’]s\s+(?:Eve|Day)|Halloween|"
    rf"Valentine['’]s\s+Day)(?:\s+({_YEAR})\b)?",
    needs=("christmas", "new year", "halloween", "valentine"),
)
def _p_holiday(m: re.Match[str]) -> Iterator[Candidate]:
    mo, d = _HOLIDAYS[_SPACES.sub(" ", m[1].lower())]
    yield _cand(m, "ymd", y=int(m[2]) if m[2] else None, m=mo, d=d)


_NOW_THAT = re.compile(r"\s*,?\s*that\b")
_IN_THE = re.compile(r"\b(?:in|of|into)\s+$")
_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


@_pattern(
    r"\b(?:now|currently|nowadays|at\s+present|recently|lately|the\s+past|the\s+future)\b"
    r"(?!\s+(?:that|defunct|infamous|famous|-|week|year|month|decade|few|couple|several|many|\d|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|"
    r"days|weeks|months|years|decades|centuries|hours))",
    re.IGNORECASE,
    needs=("now", "currently", "present", "recently", "lately", "past", "future"),
)
def _p_ref(m: re.Match[str]) -> Iterator[Candidate]:
    word = _SPACES.sub(" ", m[0].lower())
    if word == "now" and _NOW_THAT.match(m.string, m.end()):
        return  # "now that ...": a conjunction
    if word in ("the past", "the future") and not _IN_THE.search(m.string, max(0, m.start() - 6), m.start()):
        return
    yield _cand(m, "ref", value=_REFS[word])


# "… frosty since November. That's when Takaichi suggested …": the time
# just named, as precisely as it was named.
@_pattern(r"(?:^|(?<=[.!?]\s))(?:That['’]s|That\s+was|This\s+was|It\s+was\s+then)\s+when\b", needs=("when",))
def _p_thats_when(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "same")


# "China staged drills last week. At that time, the ministry accused …": a
# sentence opening on the time just named is dated by it ("At the time, he
# was …" tells a state instead).
@_pattern(r"(?:^|(?<=[.!?]\s))At\s+that\s+time(?=,)", needs=("time",))
def _p_at_that_time(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "same")


@_pattern(r"\b(?:the\s+)?(weekend)\b(?!s)", re.IGNORECASE, needs=("weekend",))
def _p_the_weekend(m: re.Match[str]) -> Iterator[Candidate]:
    if m[0].lower().startswith("the"):
        yield _cand(m, "relunit", unit="weekend", offset=0, part=None, anaphoric=False)


@_pattern(r"\b(?:(mid|end)-?year|year-end)\b", re.IGNORECASE, needs=("year",))
def _p_mid_year(m: re.Match[str]) -> Iterator[Candidate]:
    yield _cand(m, "relunit", unit="year", offset=0, part=(m[1] or "end").lower(), anaphoric=False)


@_pattern(
    rf"\bthe\s+(first|last|final)\s+(three|six)\s+months\s+of\s+(?:({_YEAR})\b|(this|last|next|the)\s+year\b)",
    re.IGNORECASE,
    needs=("months",),
)
def _p_months_of_year(m: re.Match[str]) -> Iterator[Candidate]:
    first = m[1].lower() == "first"
    kind, n = ("Q", 1 if first else 4) if m[2].lower() == "three" else ("H", 1 if first else 2)
    yield _cand(m, "quarter", kind=kind, n=n, y=int(m[3]) if m[3] else None, rel=(m[4] or "").lower() or None)


@_pattern(rf"\bthe\s+week\s+of\s+(?:({_MON})\s+({_DAY})|({_DAY})\s+({_MON}))(?:,?\s+({_YEAR})\b)?", needs=_DIGITS)
def _p_week_of(m: re.Match[str]) -> Iterator[Candidate]:
    mon, day = (m[1], m[2]) if m[1] else (m[4], m[3])
    yield _cand(m, "ymd", y=int(m[5]) if m[5] else None, m=_mon(mon), d=_daynum(day), week=True)


def candidates(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Every reading of every pattern; overlaps are settled by the caller.
    Given the text's sentences, each is searched only by the patterns whose
    needed words it holds (most hold few), and no match crosses two."""
    found: list[Candidate] = []
    for lo, hi in sentences if sentences is not None else [(0, len(text))]:
        lower = text[lo:hi].lower()
        for pattern in _PATTERNS:
            if pattern.needs.search(lower):
                for m in pattern.regex.finditer(text, lo, hi):
                    found.extend(pattern.handler(m))
    return found
