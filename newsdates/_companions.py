"""Events that share one date expression with another event of their sentence.

A sentence can report several events with one date:
  * "On 30 October, after holding talks with the premier, Lee said ..." (the
    talks and the remark, the same day);
  * "... had dinner with Lee after their summit in Nara in January" (the
    dinner and the summit, both in January);
  * "in early November, when Xi visited Seoul" (the meeting and the visit);
  * "talks on Tuesday, followed by an official dinner" (the talks and the dinner);
  * "capped a week where China made its anger clear by imposing controls,
    condemning Tokyo and courting Seoul" (three acts of one week);
  * "Lee will meet the premier before heading to Shanghai on Tuesday" (the
    meeting, some time from publication up to Tuesday).
Each companion is a mention of its own, dated as the rule says, whose text is
the word opening its clause ("after", "when", "condemning", "before"), so the
desk proposes and cites each event apart.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ._grammar import _NUMBER_WORDS
from ._resolve import _day, mostly_ahead
from ._tense import _FUTURE, _PAST, whole_sentences

if TYPE_CHECKING:
    from . import DateMention

_IRREGULAR_PAST = r"(?:began|took|made|held|gave|won|met|fell|rose|left|came|went|sent|cut|set|hit|told|led|sought)"
# The words that open a noun phrase naming an event: "the talks", "a banquet", "their summit".
_DETERMINER = r"(?:the|a|an|his|her|their|its)"
# "..., after holding talks", "after their summit": an earlier event.
_AFTER = re.compile(
    rf",?\s*\b(after)\s+(?:[a-z]+ing\b|{_DETERMINER}\s|[A-Z][\w-]*['’]s\s|"
    # "after Tokyo Electric Power Co. began releasing": a name of a few words, then its verb
    rf"(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:[a-z]+s|[a-z]+ed|{_IRREGULAR_PAST})\b)"
)
_WHEN = re.compile(r",?\s*\b(when)\s+[A-Za-z]")
# "met in Gyeongju in October, where Lee proposed …": the proposal, then.
_WHERE = re.compile(
    r",\s*\b(where)\s+(?:[A-Z][\w'’-]+|he|she|they|the\s+two)\s+(?:[a-z]+ed|[a-z]+s|met|held|made|gave|said|told)\b"
)
# "from 4 to 6 January, including the summit talks and a state banquet": each, then.
_INCLUDING = re.compile(rf",?\s*\bincluding\s+(?={_DETERMINER}\s)")
_ITEM_WORDS = re.compile(rf"{_DETERMINER}(?:\s+(?!(?:and|by|in|on|at|of|with|for)\b)[\w'’-]+){{0,3}}")
_NEXT_ITEM = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)({_DETERMINER})\s")
# "talks on Tuesday afternoon, followed by an official dinner": the dinner, that day.
_FOLLOWED = re.compile(rf",?\s*\b(followed)\s+by\s+(?:{_DETERMINER}\s+)?[a-z]")
_BEFORE = re.compile(r"\b([Bb]efore)\s+[a-z]+ing\b")
# "places a rose on February 8 during the election": the occasion, that day.
_DURING = re.compile(rf"\s+(during)\s+{_DETERMINER}\s+(?:[\w'’-]+\s+){{0,4}}?(?:[A-Z][\w'’-]*\s+)*[a-z]")
# "in Gyeongju on Friday, expected to hold talks with …": a second event, only planned.
# (Not "due": "due to heavy snow" is a cause.)
_TO_VERB = r"\s+to\s+(?!(?:the|a|an|its|his|her|their|this|that)\b|[a-z]{3,}ing\b)[a-z]+"
_PLANNED = re.compile(rf",\s*\b(expected|set|scheduled|poised){_TO_VERB}")
_PLANNED_STATUS = {"expected": "expected", "poised": "expected"}
# "hosts the fair this week, with talks with the mayor set to take place", "the
# fair this week has drawn crowds as the two are also set to meet": the talks,
# the meeting, planned for those days.
_PLANNED_BESIDE = re.compile(
    r"(?:,\s*\b(with)\s+(?:(?!(?:but|while|which|that)\b)[\w'’.-]+\s+){1,12}?"
    r"|\s(as)\s+(?:(?!(?:but|while|which|that)\b)[\w'’.-]+\s+){1,8}?(?:is|are)\s+(?:also\s+)?)"
    rf"(expected|set|scheduled|slated|poised){_TO_VERB}"
)
# "stocks tumbled as China issued a warning": the other event, then.
_AS = re.compile(r"\s(as)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,3}[a-z]{2,}ed\b")
# "imports rose from 2022 to 2024 while prices fell by 31%": the fall, then too.
_WHILE = re.compile(
    r"\s(while|whereas)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’%-]+\s+){1,3}?(?:fell|rose|grew|sank|shrank|[a-z]{2,}ed)\b"
)
# "departed Seoul on Tuesday for a two-day visit to Japan": the visit, those days.
_FOR_DAYS = re.compile(rf"\s+(for)\s+{_DETERMINER}\s+(\w+)[-\u2010\u2011]day\s+[a-z]")
_MAX_DAYS = 14
# "by imposing X, condemning Y and courting Z"
_BY_GERUND = re.compile(r"\bby\s+[a-z]+ing\b")
_NEXT_GERUND = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)([a-z]{3,}ing)\b")
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where)\b")
# Where the clause an "after" phrase hangs on begins.
_CLAUSE_START = re.compile(r"(?:^|;|\band\s+(?=[a-z]+(?:ed|ly)?\b))")


def _copy(
    mention: DateMention,
    start: int,
    word: str,
    earliest: date | None = None,
    latest: date | None = None,
    status: str | None = None,
) -> DateMention:
    return replace(
        mention,
        text=word,
        start=start,
        end=start + len(word),
        flags=(),
        earliest=earliest or mention.earliest,
        latest=latest or mention.latest,
        precision=mention.precision if latest is None else "span",
        status=status or mention.status,
    )


def companions(
    text: str, sentence: list[DateMention], published: date, stays: list[tuple[date, date]] | None = None
) -> list[DateMention]:
    """The events of a sentence that share a date with its mentions
    (`stays`: the spans of days the article named before it, in order)."""
    found: list[DateMention] = []
    if not sentence:
        return found
    s0 = sentence[0].sentence_start
    s1 = s0 + len(sentence[0].sentence)
    for i, mention in enumerate(sentence):
        before_it = sentence[i - 1].end if i else s0
        after_it = sentence[i + 1].start if i + 1 < len(sentence) else s1
        found += _right_after(text, mention, after_it) or _late_after(text, mention, after_it, s1)
        found += _ended_with(text, mention, after_it)
        found += _late_before(text, mention, after_it, s1)
        found += _planned(text, mention, after_it, published) + _for_days(text, mention, after_it, published)
        found += _for_occasion(text, mention, after_it, published) + _done_at_occasion(text, mention, after_it)
        found += _late_as(text, mention, after_it) + _act_after_date(text, mention, after_it, published)
        found += _listed(text, mention, after_it) + _followed_by(text, mention, after_it, i + 1 < len(sentence))
        found += _inside_after(text, mention, before_it) + _after_owned_date(text, mention, before_it)
        found += _edge_of_occasion(text, mention, before_it, published)
        found += _day_of_occasion(text, mention, after_it, before_it, published)
        found += _until(text, mention, before_it, published, stays or [])
        found += _days_apart(text, mention, after_it, published) or _hours_apart(text, mention, after_it, published)
        found += _protested_occasion(text, mention, after_it, published)
        if i == 0:
            found += (
                _days_apart_opening(text, mention, published)
                # (when the main clause has no date of its own)
                or (_after_dated_opening(text, mention, published) if len(sentence) == 1 else [])
                or _main_after_opening(text, mention, s1)
            )
    if len(sentence) == 1:
        found += _gerunds(text, sentence[0], s1) or _acts(text, sentence[0], s1)
        found += [c for c in _two_occasions(text, sentence[0], s1) if all(f.start != c.start for f in found)]
    return found


_OCCASION = (
    r"(?:summit|talks|meeting|banquet|dinner|luncheon|lunch|reception|ceremony|press\s+conference|forum|parade|"
    r"state\s+visit|visit)"
)
# "through a bilateral summit and a banquet … on Tuesday": two occasions, one date.
_TWO_OCCASIONS = re.compile(
    # ("a summit meeting and dinner on Tuesday": the second may share the first's determiner)
    rf"\b{_DETERMINER}\s+(?:[\w-]+\s+){{0,2}}?{_OCCASION}\s+and\s+"
    rf"((?:{_DETERMINER}\s+)?(?:[\w-]+\s+){{0,2}}?{_OCCASION})\b",
    re.IGNORECASE,
)


def _two_occasions(text: str, mention: DateMention, end: int) -> list[DateMention]:
    """ "demonstrated their ties through a bilateral summit and a banquet in
    Nara on Tuesday": the second occasion, dated as the sentence's one date."""
    m = _TWO_OCCASIONS.search(text, mention.sentence_start, end)
    if not m or re.search(r"[;:]", text[min(m.end(), mention.start) : max(m.start(), mention.end)]):
        return []
    # The date stands for the first occasion, named first, so the second
    # is read after it.
    words = _ITEM_WORDS.match(text, m.start(1))
    return [replace(_copy(mention, m.start(1), words[0] if words else m[1]), follows=mention.start)]


def _right_after(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    """ "on 30 October, after holding talks": the talks, that day; "in early
    November, when Xi visited": the visit, then; "on Tuesday, followed by a
    dinner": the dinner, that day; "on 8 February during the election": the
    election, that day."""
    out = []
    for pattern in (_AFTER, _WHEN, _FOLLOWED, _WHERE, _DURING):
        m = pattern.match(text, mention.end, limit)
        if m:
            out.append(_stay_ended(text, _copy(mention, m.start(1), m[1])))
    return out


# "returned home Wednesday after wrapping up a four-day state visit": the
# visit, those days up to that day.
_STAY_ENDED = re.compile(
    rf"after\s+(?:wrapping\s+up|concluding|ending|completing|finishing|winding\s+up)\s+{_DETERMINER}\s+"
    r"(\w+)[-\u2010\u2011]day\b"
)


def _stay_ended(text: str, companion: DateMention) -> DateMention:
    m = _STAY_ENDED.match(text, companion.start)
    days = _count(m[1], 0) if m else 0
    if not 1 < days <= _MAX_DAYS or companion.precision != "day" or not companion.earliest:
        return companion
    first = companion.earliest - timedelta(days=days - 1)
    return replace(companion, earliest=first, precision="span")


# "rounded off their summit on Tuesday with a jam session": the session, that day.
_ENDED_OR_OPENED = re.compile(
    r"\b(?:round(?:ed|s)?|cap(?:ped|s)?|wrap(?:ped|s)?|top(?:ped|s)?|end(?:ed|s)?|clos(?:ed|es)|conclud(?:ed|es)|"
    r"kick(?:ed|s)?|open(?:ed|s)?|beg(?:an|ins)|start(?:ed|s)?)(?:\s+(?:off|up))?\s+(?:[\w'’-]+\s+){0,6}?$"
)
_WITH = re.compile(rf"\s+(with)\s+(?:{_DETERMINER}\s+)(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*")


def _ended_with(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    m = _WITH.match(text, mention.end, limit)
    if not m or not _ENDED_OR_OPENED.search(text, max(mention.sentence_start, mention.start - 80), mention.start):
        return []
    return [_copy(mention, m.start(1), m[1])]


_LATE_AFTER = re.compile(rf",\s*\b(after)\s+(?:[a-z]+ing\b|{_DETERMINER}\s)|\s(following)\s+{_DETERMINER}\s+[a-z]")
_SINCE = re.compile(r"\bsince\b")


def _late_after(text: str, mention: DateMention, limit: int, end: int) -> list[DateMention]:
    """ "said on Monday that …, after meeting the premier", "played drums on
    Tuesday following their summit": the meeting, that day, when the phrase
    has no date of its own (one after "since" dates
    something else: "after meeting him on his first trip since taking office
    in June")."""
    m = _LATE_AFTER.search(text, mention.end, limit)
    if not m or ";" in text[mention.end : m.start()]:
        return []
    if limit < end and not _SINCE.search(text, m.end(), limit):
        return []  # "…, after talks in March": the phrase's own date
    word = 1 if m[1] else 2
    return [_stay_ended(text, _copy(mention, m.start(word), m[word]))]


_LATE_BEFORE = re.compile(r"\s(before)\s+(?:[a-z]+ing|returning|heading)\b")


def _late_before(text: str, mention: DateMention, limit: int, end: int) -> list[DateMention]:
    """ "will hold a press conference on Saturday to wrap up her trip before
    leaving for Japan": the leaving, that day, when the phrase has no date
    of its own ("before flying to Osaka on Tuesday" has)."""
    m = _LATE_BEFORE.search(text, mention.end, limit)
    if not m or limit < end or re.search(r"[;:]", text[mention.end : m.start()]):
        return []
    return [_copy(mention, m.start(1), m[1])]


def _planned(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    """ "took centre stage in Gyeongju on Friday, expected to hold talks": the
    talks, that day, expected (or scheduled: "set to")."""
    m = _PLANNED.match(text, mention.end, limit)
    if m and mention.latest and mention.latest >= published:
        return [_copy(mention, m.start(1), m[1], status=_PLANNED_STATUS.get(m[1], "scheduled"))]
    beside = _PLANNED_BESIDE.search(text, mention.end, limit)
    if not beside or not mention.latest or mention.latest < published or re.search(r"[;:]", beside[0]):
        return []
    word = 1 if beside[1] else 2
    return [_copy(mention, beside.start(word), beside[word], status=_PLANNED_STATUS.get(beside[3], "scheduled"))]


# "arrived in Japan on Tuesday for a summit with Takaichi": the summit, that day.
_FOR_OCCASION = re.compile(
    rf"\s+(for)\s+{_DETERMINER}\s+(?:[\w-]+\s+){{0,2}}?(?:summit|talks|meeting)\b", re.IGNORECASE
)
# (Not "depart … for the summit": the summit may be days after the departure.)
_ARRIVED = re.compile(r"\b(?:arriv(?:ed|es|ing|e)|landed|lands)\b[^,;]*$", re.IGNORECASE)


# "Mori and Sato at their meeting on January 13 confirmed their cooperation":
# the meeting, and what was done at it.
_AT_THEIR_OCCASION = re.compile(
    r"\bat\s+(?:their|his|her|its|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|summit|talks|conference|session)\s+on\s+$",
    re.IGNORECASE,
)
_VERB_NEXT = re.compile(rf"\s*,?\s*([a-z]{{3,}}ed|{_IRREGULAR_PAST})\s+(?:the|a|an|their|its|his|her|to|that|[a-z]+)\b")


def _done_at_occasion(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    if not _AT_THEIR_OCCASION.search(text, max(mention.sentence_start, mention.start - 60), mention.start):
        return []
    act = _VERB_NEXT.match(text, mention.end, limit)
    return [_copy(mention, act.start(1), act[1])] if act else []


def _for_occasion(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    m = _FOR_OCCASION.match(text, mention.end, limit)
    if not m or mention.precision != "day" or not mention.earliest:
        return []
    if not _ARRIVED.search(text, mention.sentence_start, mention.start):
        return []
    return [_copy(mention, m.start(1), m[1], status="scheduled" if mention.earliest >= published else "happened")]


def _for_days(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    """ "departed on Tuesday for a two-day visit, where he is to hold a
    summit": the visit over its days from that day, and what the "where"
    clause tells of it, then; under way at publication and mostly ahead,
    both are scheduled."""
    m = _FOR_DAYS.match(text, mention.end, limit)
    days = _count(m[2], 0) if m else 0
    if not m or not 1 < days <= _MAX_DAYS or mention.precision != "day" or not mention.earliest:
        return []
    first, last = mention.earliest, mention.earliest + timedelta(days=days - 1)
    status = "scheduled" if mostly_ahead(first, last, published) else mention.status
    stay = _copy(mention, m.start(1), m[1], latest=last, status=status)
    where = _WHERE.search(text, m.end(), limit)
    if not where or re.search(r"[.;]", text[m.end() : where.start()]):
        return [stay]
    return [stay, _copy(mention, where.start(1), where[1], latest=last, status=status)]


def _late_as(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    """ "Earlier this week, stocks tumbled as China issued a warning": the
    warning, then (an "as" or "while" clause with a subject and a past verb
    of its own)."""
    m = _AS.search(text, mention.end, limit) or _WHILE.search(text, mention.end, limit)
    if not m or re.search(r"[;:]", text[mention.end : m.start()]):
        return []
    return [_copy(mention, m.start(1), m[1])]


def _listed(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    """ "from 4 to 6 January, including the summit talks and a state
    banquet": each event listed, dated as the list's date."""
    including = _INCLUDING.match(text, mention.end, limit)
    return _items(text, mention, including.end(), limit) if including else []


def _items(text: str, mention: DateMention, at: int, limit: int) -> list[DateMention]:
    """Each item of a list of events opening at `at`, dated as the mention."""
    end = min((i for i in (text.find(c, at, limit) for c in ".;:") if i >= 0), default=limit)
    starts = [at] + [item.start(1) for item in _NEXT_ITEM.finditer(text, at, end)]
    # Each is named by its first words ("a state banquet"), as the desk marks it.
    words = (_ITEM_WORDS.match(text, start) for start in starts)
    return [_copy(mention, m.start(), m[0]) for m in words if m]


# "will hold a summit on Tuesday, to be followed by a press conference and a
# dinner": each event that follows, that day.
_FOLLOWED_BY = re.compile(rf",\s*(?:to\s+be\s+|and\s+(?:will\s+be|was|were)\s+)?followed\s+by\s+(?={_DETERMINER}\s)")


def _followed_by(text: str, mention: DateMention, limit: int, dated_next: bool = False) -> list[DateMention]:
    if _FOLLOWED.match(text, mention.end, limit):
        return []  # "on Tuesday, followed by a dinner": read right after the date
    m = _FOLLOWED_BY.search(text, mention.end, limit)
    if not m or re.search(r"[;:]", text[mention.end : m.start()]):
        return []
    if dated_next and not re.search(r"[,;:]", text[m.end() : limit]):
        return []  # "followed by a trip to Shanghai on Tuesday": dated by its own day
    return _items(text, mention, m.end(), limit)


def _inside_after(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    """ "had dinner with Lee after their summit in Nara, in January": the
    summit is dated by "in January", and so is the dinner, whose own clause
    names no date."""
    window = text[limit : mention.start]
    found = list(_AFTER.finditer(window))
    if not found or ";" in window[found[-1].end() :] or _DAY_BEFORE_THEN.match(mention.text):
        # "This came after X issued an advisory the previous day": a day
        # before the main clause's, which is not that day.
        return []
    after = found[-1]
    if after.group().lstrip().startswith(","):
        return []  # "..., after talks in March": the phrase's own date
    if _RELATIVE.search(window, after.end()):
        return []  # "after a visit that ended on Wednesday": the date is the relative clause's
    if not _verb_before(window[: after.start()]):
        return []  # "Two days after the summit on 13 January": no event of its own before "after"
    return [_copy(mention, limit + after.start(1), after[1])]


# "will dissolve the chamber at the start of the Diet session on Jan. 23": the
# session opens that day too, an event of its own (its place on a calendar,
# not the act's modality, says whether it is set).
_EDGE_OF_OCCASION = re.compile(
    r"\b(at)\s+the\s+(?:start|opening|beginning|close|end|conclusion)\s+of\s+(?:the|a|this|next|its|their)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:session|summit|meeting|conference|congress|convention|assembly|forum|games)\s+"
    r"(?:on|in)\s+$",
    re.IGNORECASE,
)


def _edge_of_occasion(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    window = text[limit : mention.start]
    m = _EDGE_OF_OCCASION.search(window)
    if not m or not mention.earliest or not mention.latest or not _verb_before(window[: m.start()]):
        return []
    ahead = mention.latest >= published and mostly_ahead(mention.earliest, mention.latest, published)
    edge = _copy(mention, limit + m.start(1), m[1], status="scheduled" if ahead else "happened")
    return [replace(edge, follows=mention.start)]


# "dissolve the house on Jan. 23, the first day of this year's ordinary
# session" (or "the day the ordinary session convenes"): the date set off by
# a comma is also the occasion's own day.
_GATHERING = r"(?:session|summit|meeting|conference|congress|convention|assembly|forum|games|campaign|festival|talks)"
_DAY_OF_OCCASION = re.compile(
    r",\s+(?:the\s+(?:first|opening|last|final|closing|second|third|\w+th)\s+day\s+of\s+(?:the|a|this|next|its|"
    rf"their|this\s+year['’]s|next\s+year['’]s)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_GATHERING}|visit|trip|tour)\b"
    rf"|the\s+day\s+(?:the|a|its|their)\s+(?:[\w'’-]+\s+){{0,4}}?{_GATHERING}\s+"
    r"(?:opens|convenes|begins|starts|ends|closes|is\s+held|takes\s+place))",
    re.IGNORECASE,
)


# What such a companion's text looks like to those who read proposals (the
# matcher, the titles): "the day the session convenes", "the first day of …".
OCCASION_DAY = re.compile(r"the\s+(?:\w+\s+)?day\s+(?:of|the|a|its|their)\s+\S")


def _day_of_occasion(text: str, mention: DateMention, limit: int, before: int, published: date) -> list[DateMention]:
    m = _DAY_OF_OCCASION.match(text, mention.end, limit)
    if not m or not mention.earliest or not mention.latest or not _verb_before(text[before : mention.start]):
        return []
    ahead = mention.latest >= published and mostly_ahead(mention.earliest, mention.latest, published)
    # The whole phrase names the occasion: the words to match it by are its own.
    phrase = m[0].lstrip(", ")
    day = _copy(mention, m.end() - len(phrase), phrase, status="scheduled" if ahead else "happened")
    return [replace(day, follows=mention.start)]


_DAY_BEFORE_THEN = re.compile(r"(?:the\s+)?(?:previous|preceding|day\s+before|a\s+day\s+earlier)", re.IGNORECASE)
_BEFORE_OWNED_DATE = re.compile(r"\b(after|following)\s+$")


def _after_owned_date(text: str, mention: DateMention, limit: int) -> list[DateMention]:
    """ "played the drums following Tuesday's summit": the summit is
    Tuesday's, and what followed it that day is an event of its own."""
    if not text.startswith(("'s", "’s"), mention.end):
        return []
    window = text[limit : mention.start]
    after = _BEFORE_OWNED_DATE.search(window)
    if not after:
        return []
    if not _verb_before(window[: after.start()]):
        return []
    return [_copy(mention, limit + after.start(1), after[1])]


def _verb_before(head: str) -> bool:
    """Whether the clause ending `head` has a verb of its own, past or to come."""
    clause = head[[m.end() for m in _CLAUSE_START.finditer(head)][-1] :]
    return bool(_PAST.search(clause) or _FUTURE.search(clause))


def _until(
    text: str, mention: DateMention, limit: int, published: date, stays: list[tuple[date, date]]
) -> list[DateMention]:
    """ "will meet the premier before heading to Shanghai on Tuesday": the
    meeting lies between publication (or the start of the last stay the
    article named around Tuesday, of `stays`: "On Jan. 6 and 7, Lee will
    travel to Shanghai. There, he plans to attend …") and Tuesday; so does
    the main clause after an opening "Before returning home on Wednesday, …"."""
    if not mention.earliest or mention.earliest <= published:
        return []
    day = mention.earliest
    earliest = next((first for first, last in reversed(stays) if published < first < day <= last), published)
    # "meet students before returning home that day" (or "in the afternoon"): the day just named.
    first, last = (None, None) if _THAT_DAY.match(mention.text) else (earliest, day)
    window = text[limit : mention.start]
    found = list(_BEFORE.finditer(window))
    if not found or "," in window[found[-1].end() :]:
        return []
    before = found[-1]
    if not window[: before.start()].strip():
        main = _MAIN_AFTER_OPENING.match(text, mention.end, mention.sentence_start + len(mention.sentence))
        return [_copy(mention, main.start(1), main[1], first, last)] if main else []
    return [_copy(mention, limit + before.start(1), before[1], first, last)]


_THAT_DAY = re.compile(r"(?:that|the\s+same)\s+day$|in\s+the\s+(?:morning|afternoon|evening)$", re.IGNORECASE)
_AFTER_OPENING = re.compile(r"\s*[\"“]?(?:After|Following)\s")


def _main_after_opening(text: str, mention: DateMention, end: int) -> list[DateMention]:
    """ "After Sora cut off exports last year, Mori retreated in his trade
    war": what the main clause tells came then too."""
    opening = _AFTER_OPENING.match(text, mention.sentence_start, mention.start)
    if not opening or "," in text[opening.end() : mention.start]:
        return []
    main = _MAIN_AFTER_OPENING.match(text, mention.end, end)
    return [_copy(mention, main.start(1), main[1])] if main else []


# The subject opening the main clause after "Before returning home on Wednesday,".
_MAIN_AFTER_OPENING = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?,\s+((?:the\s+)?[A-Z][\w'’-]*|he|she|they)\b"
)


_SPEECH = {"saying", "adding", "noting", "citing", "claiming", "arguing", "stating", "telling", "calling"}
_MAX_GERUND_GAP = 80  # characters between two acts of one list


# "Last week, China summoned the ambassador, advised its citizens … and
# told students …": each act after the first, a past verb before its object.
_FIRST_ACT = re.compile(rf"\s*,?\s*(?:[A-Z][\w'’-]*\s+){{1,3}}([a-z]{{3,}}ed)\s+(?:{_DETERMINER}|[A-Z])")
_NEXT_ACT = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+)([a-z]{{3,}}ed)\s+(?=(?:{_DETERMINER}|[A-Z])\b)")


# "seized a fishing boat on Thursday and arrested its captain": the arrest, that day.
# ("was in Nara on Monday to prepare and posted on X": a purpose may come first, a preposition after)
_ACT_AFTER_DATE = re.compile(
    rf"(?:\s+to\s+[a-z]+)?\s+and\s+(?:then\s+)?([a-z]{{3,}}ed|{_IRREGULAR_PAST})\s+"
    rf"(?=(?:(?:on|in|at|to|with|about)\s+)?(?:(?:{_DETERMINER}|it|him|her|them)\s|[A-Z])"
    # "visited Tokyo in August and held summit talks": a plain noun object
    r"|(?:summit|talks|meetings?|consultations|discussions|negotiations|ceremonies|drills|exercises)\b)"
)


_DATES_ANOTHER = re.compile(r"\b(?:ahead\s+of|before|after|following|during|for|until|since)\b[^,;]*$")


def _act_after_date(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    """Not "praised the mayor ahead of a vote on Sunday and announced a trip":
    that day is the vote's, and the announcement another act's."""
    m = _ACT_AFTER_DATE.match(text, mention.end, limit)
    head = text[mention.sentence_start : mention.start]
    if not m or not mention.latest or mention.latest > published or not _verb_before(head):
        return []
    if _DATES_ANOTHER.search(head[-80:]):
        return []
    return [_copy(mention, m.start(1), m[1])]


def _acts(text: str, mention: DateMention, end: int) -> list[DateMention]:
    """ "Last week, China summoned the ambassador, advised its citizens not
    to travel": each act after the first, dated as the sentence's one date
    that opens it."""
    first = _FIRST_ACT.match(text, mention.end, end)
    if not first or text[mention.sentence_start : mention.start].strip():
        return []
    out, at = [], first.end()
    for m in _NEXT_ACT.finditer(text, at, end):
        if m.start() - at > _MAX_GERUND_GAP or ";" in text[at : m.start()]:
            break
        out.append(_copy(mention, m.start(1), m[1]))
        at = m.end()
    return out


def _gerunds(text: str, mention: DateMention, end: int) -> list[DateMention]:
    """ "by imposing controls, condemning Tokyo and courting Seoul": each act
    after the first, dated as the sentence's one date."""
    by = _BY_GERUND.search(text, mention.sentence_start, end)
    if not by:
        return []
    out, at = [], by.end()
    for m in _NEXT_GERUND.finditer(text, at, end):
        if m.start() - at > _MAX_GERUND_GAP or ";" in text[at : m.start()] or m[1] in _SPEECH:
            break
        out.append(_copy(mention, m.start(1), m[1]))
        at = m.end()
    return out


# "summoned a diplomat on Feb. 22 to protest Shimane's Takeshima Day
# ceremony": an occasion protested as it is held, that day.
# The words before what is protested; newsroom.matching reads the same ones.
PROTEST_VERB = (
    r"\b(?:to\s+protest|protest(?:ed|ing|s)?(?:\s+(?:against|over))?|object(?:ed|s|ing)?\s+to|condemn(?:ed|ing|s)?)"
)
_PROTESTED = re.compile(
    rf"{PROTEST_VERB}\s+((?:[\w'’-]+\s+){{0,6}}?(?:ceremony|event|festival|celebration|commemoration|rally|"
    r"parade|drills?|exercises?))\b",
    re.IGNORECASE,
)


def _same_clause_after_a_day(
    pattern: re.Pattern[str], text: str, mention: DateMention, limit: int
) -> tuple[re.Match[str], date] | None:
    """`pattern`'s match after a day's mention, in its clause (no ";" or ":"
    between), and the day; None for none: what a day's companions are read from."""
    m = pattern.search(text, mention.end, limit)
    if not m or mention.precision != "day" or not mention.earliest or re.search(r"[;:]", text[mention.end : m.start()]):
        return None
    return m, mention.earliest


def _protested_occasion(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    found = _same_clause_after_a_day(_PROTESTED, text, mention, limit)
    if not found:
        return []
    m, day = found
    status = "happened" if day <= published else mention.status
    return [_copy(mention, m.start(1), m[1], status=status)]


# "announced a probe on Wednesday, a day after it banned exports": the ban,
# that many days before (or after, with "before") the date.
_COUNTS = ("a", "one", "two", "three", "four", "five", "six")
# What follows "a day after": an act ("it banned", "meeting", "China issued").
_ACT_FOLLOWS = rf"(?=[a-z]+ing\b|{_DETERMINER}\s|(?:it|he|she|they|we)\s|[A-Z])"


def _count(word: str, default: int) -> int:
    """ "four" or "4" as a number; `default` for a word that is none."""
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower(), default)


def _days_apart_pattern(lead: str, opening: bool) -> re.Pattern[str]:
    """ "(just) a day after" / "two days before", then an act ("it banned",
    "meeting", "China issued"); opening a sentence, with a capital first."""

    def words(*forms: str) -> str:
        return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" if opening else w for w in forms)

    return re.compile(
        rf"{lead}(?:(?:{words('just', 'only')})\s+)?((?:{words(*_COUNTS)}|\d)\s+days?\s+(after|before))\s+"
        + _ACT_FOLLOWS
    )


_DAYS_APART = _days_apart_pattern(r",\s*", opening=False)


def _days_apart(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    found = _same_clause_after_a_day(_DAYS_APART, text, mention, limit)
    if not found:
        return []
    m, day = found
    return [_apart(mention, day, m, published)]


# "began a visit on Sunday … hours after North Korea launched missiles": the
# launch, the same day.
_HOURS_APART = re.compile(
    r"\b((?:(?:just|only|mere)\s+)?(?:(?:a\s+)?few\s+|several\s+|\d{1,2}\s+|(?:two|three|four|five|six)\s+)?"
    # ("moments after his meeting with Xi", "minutes before the vote": the same day too)
    rf"(?:hours|moments|minutes)\s+(after|before))\s+(?=[a-z]+ing\b|{_DETERMINER}\s|(?:it|he|she|they|we|rival)\s|[A-Z])"
)


def _hours_apart(text: str, mention: DateMention, limit: int, published: date) -> list[DateMention]:
    found = _same_clause_after_a_day(_HOURS_APART, text, mention, limit)
    if not found:
        return []
    m, day = found
    status = "happened" if day <= published else mention.status
    return [replace(_copy(mention, m.start(1), m[1], earliest=day, latest=day, status=status), precision="day")]


# "A day after China issued an advisory, Japan said on Monday …": the same, opening the sentence.
_DAYS_APART_OPENING = _days_apart_pattern(r"\s*", opening=True)


def _days_apart_opening(text: str, mention: DateMention, published: date) -> list[DateMention]:
    m = _DAYS_APART_OPENING.match(text, mention.sentence_start, mention.start)
    if not m or mention.precision != "day" or not mention.earliest or "," not in text[m.end() : mention.start]:
        return []
    return [_apart(mention, mention.earliest, m, published)]


def _after_dated_opening(text: str, mention: DateMention, published: date) -> list[DateMention]:
    """ "Four days after taking office on Oct. 21, Takaichi traveled to
    Malaysia": the date is the opening's own act; the main clause's act is
    that many days from it."""
    m = _DAYS_APART_OPENING.match(text, mention.sentence_start, mention.start)
    if not m or mention.precision != "day" or not mention.earliest or "," in text[m.end() : mention.start]:
        return []
    if not text.startswith(",", mention.end):
        return []  # the date must close the opening: "…on Oct. 21, Takaichi traveled"
    return [_apart(mention, mention.earliest, m, published, dated_opening=True)]


def _apart(
    mention: DateMention, its_day: date, m: re.Match[str], published: date, dated_opening: bool = False
) -> DateMention:
    """The companion of `mention` (on `its_day`) that many days before ("a day after …") or after it;
    with `dated_opening`, the other way round: the date is that of what the companion came after."""
    count = m[1].split()[0]
    n = _count(count, 1)
    day = its_day + timedelta(days=-n if (m[2] == "after") != dated_opening else n)
    status = "happened" if day <= published else mention.status
    return replace(_copy(mention, m.start(1), m[1], earliest=day, latest=day, status=status), precision="day")


# "His meeting with Xi comes a day after the North fired missiles": a
# sentence with no date of its own dates the act it names, that many days
# before the news day ("comes") or the day last named ("came").
_COMES_AFTER = re.compile(
    rf"\b(comes|came)\s+(?:just\s+|only\s+|barely\s+)?((?:{'|'.join(_COUNTS)}|\d)\s+days?\s+(after|before))\s+"
    + _ACT_FOLLOWS
)


def days_after_undated(text: str, mentions: list[DateMention], published: date) -> list[DateMention]:
    """The acts that sentences with no date of their own date by the news day."""
    from . import DateMention

    out = []
    starts = sorted(m.start for m in mentions)
    for s0, s1 in whole_sentences(text):
        m = _COMES_AFTER.search(text, s0, s1)
        if not m or any(s0 <= at < s1 for at in starts):
            continue
        days_named = [x.earliest for x in mentions if x.start < s0 and x.precision == "day" and x.earliest]
        anchor = published if m[1] == "comes" else (days_named[-1] if days_named else None)
        if anchor is None:
            continue
        count = _count(m[2].split()[0], 1)
        # ("comes two days before Lee's summit with Trump": the summit, two days on)
        day = anchor - timedelta(days=count) if m[3] == "after" else anchor + timedelta(days=count)
        r = _day(day)
        out.append(
            DateMention(
                text=m[2],
                start=m.start(2),
                end=m.end(2),
                value=r.value,
                earliest=day,
                latest=day,
                precision="day",
                label=r.label,
                sentence=text[s0:s1],
                sentence_start=s0,
                tense="past",
                status="happened" if day <= published else "scheduled",
            )
        )
    return out
