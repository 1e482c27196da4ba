"""What Japanese and Korean dates share: the calendar arithmetic, sentences,
clauses, status markers and the step from found expressions to mentions.

`ja.py` and `ko.py` each hold a grammar (regular expressions with a
resolver each) and the words of their language; `read` runs one of them
over a text. Offsets always point into the original text: full-width digits
and tildes are read through a one-to-one translation, so lengths never
change.

Each sentence is cut into clauses where one event ends and the next begins
(Korean "도착해", "참석한 뒤", "접견하고"; a report verb after a quoted clause,
"…訪問すると / 明らかにした", "…연다고 / 밝혔다"), and a date governs the clauses
from its own to the next date. A date that governs several clauses ("on the
5th she attended the forum and then held the summit") gives one mention per
clause, each quoting the sentence up to its clause's end; otherwise the
mention quotes the whole sentence.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Full-width digits, tildes, brackets and spaces read as ASCII, one character
# for one, so every offset found in the translation is one in the original.
WIDTH = str.maketrans(
    "０１２３４５６７８９～〜〰∼－–（）：，　",
    "0123456789~~~~--():, ",
)


def normalise(text: str) -> str:
    return text.translate(WIDTH)


# ------------------------------------------------------------------ calendar


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def safe_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Early, mid and late in a month (the devset's conventions: 1–10, 11–20, 21–end).
PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "first-half": (1, 15), "second-half": (16, 31)}


def part_of_month(y: int, m: int, part: str) -> tuple[date, date]:
    first, last = PARTS[part]
    return date(y, m, first), date(y, m, min(last, month_end(y, m).day))


# Meteorological seasons, northern hemisphere: winter starts in December.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def season(y: int, name: str) -> tuple[date, date]:
    start = SEASON_START[name]
    ey, em = add_months(y, start, 2)
    return date(y, start, 1), month_end(ey, em)


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


@dataclass
class Span:
    """A resolved date expression: [start, end) in the text and its dates."""

    start: int
    end: int
    earliest: date
    latest: date
    precision: str  # day, part_of_month, month, season, year, span
    kind: str = "date"  # "date", or "length" for a stated length ("4일 간") waiting for its day
    days: int = 0  # the stated length, for kind == "length"
    joined: bool = False  # a length tied to the day before it ("18일부터 총 4일")
    open_from: bool = False  # "from the 4th" with no end given


@dataclass
class Context:
    """What earlier expressions tell later ones: the publication date, the
    article's news day, the day, month and year just named, the last stay
    of several days."""

    published: date
    day: date | None = None
    # The day the article reports ("이날", "この日"): its lead's day, else the publication date.
    news_day: date | None = None
    # A day written out earlier in the sentence being read ("13일 … 이날").
    sentence_day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    stay: tuple[date, date] | None = None
    tense: str | None = None  # of the clause being read: "past", "future" or None
    sentence_month: tuple[int, int] | None = None

    def remember(self, span: Span) -> None:
        if span.precision == "day":
            self.day = span.earliest
        if span.precision in ("day", "month", "part_of_month"):
            self.month = (span.earliest.year, span.earliest.month)
            self.sentence_month = self.month
        self.year = span.earliest.year
        if span.precision == "span" and span.latest > span.earliest:
            self.stay = (span.earliest, span.latest)


def anaphoric_day(ctx: Context, offset: int, named: bool) -> date:
    """A day told relative to another. Words that point back at a day
    ("같은 날", "同日", "その翌日", and the day after: "다음 날", "翌日") count
    from the day just named. Words that mean the reported day or the one
    before it ("이날", "当日", "この日"; "전날", "前日") count from the article's
    news day, as Korean and Japanese news write them: the lead names the day
    reported, and a date named in passing later on ("13일 정상회담") does not
    move it. In both cases a day written out earlier in the same sentence
    comes first ("13일 도착해 이날 만찬", "13日に到着し、当日夜"), and a
    schedule told ahead counts from the coming day just named.
    """
    reference = ctx.day if named else ctx.news_day
    if not named and ctx.tense == "future" and ctx.day and ctx.day > ctx.published:
        # A schedule told ahead ("13일 도착한다. 이날 저녁 만찬이 열린다"): the day just named.
        reference = ctx.day
    return (ctx.sentence_day or reference or ctx.published) + timedelta(days=offset)


def day_in_month(ctx: Context, d: int) -> date | None:
    """A day number with no month: of the month the sentence named, else of
    the publication month: Japanese and Korean news name another month when
    they mean one (先月30日, 지난 30일, 다음 달 3일), except for a future event
    on a day long past this month (an itinerary running into next month), a
    past one after publication when the text was just telling last month's
    events, and a day this month does not have (31 in February)."""
    if ctx.sentence_month:
        return safe_day(*ctx.sentence_month, d)
    pub = ctx.published
    if ctx.tense == "future" and d < pub.day - _FUTURE_DAY_SLACK:
        # What is still to come cannot be weeks ago: the coming month's day.
        return safe_day(*add_months(pub.year, pub.month, 1), d)
    last_month = add_months(pub.year, pub.month, -1)
    if d > pub.day and ctx.tense == "past" and ctx.month == last_month:
        # The article has been telling last month's events ("1月30日に会談。31日には…").
        return safe_day(*last_month, d)
    return safe_day(pub.year, pub.month, d) or safe_day(*last_month, d)


def until_year_end(m: re.Match[str], ctx: Context, until: str) -> tuple[date, date, str] | None:
    """ "年末まで", "연말까지": a state from publication to the year's end."""
    end = date(ctx.published.year, 12, 31)
    if not m.string.startswith(until, m.end()) or ctx.published >= end:
        return None
    return ctx.published, end, "span"


# A day number this many days before publication may still be told in the
# future tense (a correction, a late report); further back it is next month's.
_FUTURE_DAY_SLACK = 7


def month_without_year(ctx: Context, m: int) -> int:
    """The year of a month named alone: the publication year, or the one
    before or after when the tense says the month is past or to come."""
    pub = ctx.published
    # The month right after publication is this year's whatever the
    # sentence's last verb: "12月の便を運休すると通知した" in November
    # notified of December's cancellations, not of last December's.
    if ctx.tense == "past" and m > pub.month + 1:
        return pub.year - 1
    # Nor is one or two months before it next year's: "関空の中国便客 1月は58%減"
    # in February reports January's figures, whatever the headline's verb.
    if ctx.tense == "future" and m < pub.month - 2:
        return pub.year + 1
    if ctx.tense is None and m > pub.month + 6:
        # No verb says which: "11月の国会答弁で…悪化している" in January is
        # last November's, the nearer of the two.
        return pub.year - 1
    return pub.year


def last_past_day(pub: date, d: int) -> date | None:
    """지난 N일: the most recent day N on or before publication."""
    if d <= pub.day:
        return safe_day(pub.year, pub.month, d)
    y, m = add_months(pub.year, pub.month, -1)
    return safe_day(y, m, d)


def next_coming_day(pub: date, d: int) -> date | None:
    """오는 N일: the coming day N, on or after publication."""
    if d >= pub.day:
        return safe_day(pub.year, pub.month, d)
    y, m = add_months(pub.year, pub.month, 1)
    return safe_day(y, m, d)


def weekday_near(pub: date, weekday: int, tense: str | None, week_shift: int | None = None) -> date:
    """A weekday: in a named week (last = -1, this = 0, next = 1), else the
    one the tense points to, else the coming one."""
    if week_shift is not None:
        return monday(pub) + timedelta(weeks=week_shift, days=weekday)
    delta = weekday - pub.weekday()
    if tense == "past":
        return pub + timedelta(days=delta if delta <= 0 else delta - 7)
    return pub + timedelta(days=delta if delta >= 0 else delta + 7)


def weekend(pub: date, week_shift: int | None, tense: str | None) -> tuple[date, date]:
    """Saturday and Sunday: of a named week, else the last one before
    publication when told in the past, else the coming one."""
    saturday = monday(pub) + timedelta(days=5)
    if week_shift is not None:
        saturday += timedelta(weeks=week_shift)
    elif tense == "past" and saturday >= pub:
        saturday -= timedelta(weeks=1)
    return saturday, saturday + timedelta(days=1)


# ----------------------------------------------------------------- grammar

# What a rule reads: first and last day and a precision, or None when the
# match is no date after all (31 February).
Resolved = tuple[date, date, str] | None
Resolver = Callable[[re.Match[str], Context], Resolved]


@dataclass
class Rule:
    pattern: re.Pattern[str]
    resolve: Resolver
    # A day this rule finds is written out ("13일", "1月13日"): later words
    # of the sentence ("이날", "前日") may refer to it. Not so for the
    # relative words themselves ("전날 … 이날" are two different days).
    anchors: bool = True


def month_resolver(
    month_of: Callable[[re.Match[str], Context], tuple[int, int] | None], parts: dict[str, str]
) -> Resolver:
    """The reader of a month named alone, whole or in part ("3月下旬",
    "3월 중순"): `month_of` gives the match's (year, month) by the
    language's own words, `parts` names its parts of a month (see PARTS)."""

    def resolve(m: re.Match[str], ctx: Context) -> Resolved:
        month = month_of(m, ctx)
        if month is None:
            return None
        part = m.groupdict().get("part")
        if part:
            first, last = part_of_month(*month, parts[part])
            return first, last, "part_of_month"
        return date(*month, 1), month_end(*month), "month"

    return resolve


def month_range_resolver(year_of: Callable[[re.Match[str], Context], int | None]) -> Resolver:
    """The reader of a run of months ("1~9月", "3~5월"), first to last, in the
    year the match names (`year_of`) or the one its tense points to."""

    def resolve(m: re.Match[str], ctx: Context) -> Resolved:
        m1, m2 = int(m.group("m1")), int(m.group("m2"))
        if not 1 <= m1 < m2 <= 12:
            return None
        year = year_of(m, ctx)
        if year is None:
            year = month_without_year(ctx, m1)
        return date(year, m1, 1), month_end(year, m2), "span"

    return resolve


def during_stay(m: re.Match[str], ctx: Context) -> Resolved:
    """ "滞在中", "방문 기간": the stay of several days just named (read by `cjk`)."""
    return ctx.published, ctx.published, "stay"


# Numbers that count days in words: Korean native numbers ("이틀간") and kanji numerals ("三日間").
COUNT_WORDS = {
    **{word: n for n, word in enumerate(("하루", "이틀", "사흘", "나흘", "닷새", "엿새", "이레"), start=1)},
    "열흘": 10,
    **{numeral: n for n, numeral in enumerate("一二三四五六七八九十", start=1)},
}


def length_days(found: re.Match[str]) -> int:
    """The days of a stated length: "3泊4日" and "1박2일" by their days,
    "3日間", "4일 간" and "이틀간" by the count."""
    g = found.groupdict()
    value = g.get("days") or g.get("count") or g.get("word") or "0"
    return int(value) if value.isdigit() else COUNT_WORDS[value]


def found_in(text: str, rules: Iterable[Rule]) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every rule's matches, longest first then earliest, none overlapping a keeper."""
    hits = [(m.start(), m.end(), rule, m) for rule in rules for m in rule.pattern.finditer(text) if m.end() > m.start()]
    kept: list[tuple[int, int, Rule, re.Match[str]]] = []
    for hit in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
        if not any(hit[0] < k[1] and k[0] < hit[1] for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h[0])


# ------------------------------------------------------------- the language


@dataclass
class Language:
    """What a grammar module gives the shared reader."""

    code: str
    rules: list[Rule]
    sentence_end: re.Pattern[str]
    connective: re.Pattern[str]  # ends a clause that runs on into the next event
    quotative: re.Pattern[str]  # ends a quoted clause before its report verb
    is_past: Callable[[str], bool]
    is_future: Callable[[str], bool]
    cancelled: re.Pattern[str]
    negated: re.Pattern[str]  # a plan denied after the date: "予定はない", "계획은 없다"
    two_events: re.Pattern[str]  # two occasions joined by "and": groups "first" and "second"
    relative: re.Pattern[str]  # an occasion in a relative clause: "会談した (大統領)", "회담한 (대통령)"
    expected: re.Pattern[str]
    scheduled: re.Pattern[str]
    quoted: re.Pattern[str]  # speech in quotation marks: not the sentence's own words
    lengths: re.Pattern[str]  # a stated length: "3泊4日", "4일 간", "1박2일"
    length_days: Callable[[re.Match[str]], int]


def two_events(nouns: str, joins: str) -> re.Pattern[str]:
    """Two occasions joined by 'and' ("首脳会談と夕食会"): a date before
    them dates both, and the reader proposes each."""
    # The second may carry a word before it: "정상회담과 국빈 만찬", "会談と公式夕食会".
    return re.compile(rf"(?P<first>{nouns})\s*(?:{joins})\s*(?:(?:국빈|공식|환영|公式|歓迎)\s*)?(?P<second>{nouns})")


def sentences(text: str, ending: re.Pattern[str]) -> list[tuple[int, int]]:
    """Sentences as [start, end) offsets: cut at the language's sentence ends
    and at line breaks (headlines, captions and speaker labels stand alone),
    without the blanks around them."""
    cuts = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for mark in ending.finditer(text, line.start(), line.end()):
            cuts.append((start, mark.end()))
            start = mark.end()
        cuts.append((start, line.end()))
    trimmed = []
    for s, e in cuts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
