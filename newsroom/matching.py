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
import functools
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import gettext, ngettext, pgettext
from rapidfuzz import fuzz, utils

from newsdates import OCCASION_DAY, PROTEST_VERB
from newsdates.language import detect_language
from newsroom.names import (
    actor_pattern,
    actor_patterns,
    all_name_forms,
    name_pattern,
    names_a_titled_person,
    names_in,
    place_patterns,
    stranger_names,
    titled_strangers,
)
from timeline.labels import date_label
from timeline.models import Citation, Event, Source, current_language

# How far (days) outside a proposal's dates an event may lie and still be the
# same event: reports of a day slip by a day or two, "in October" by weeks.
DATE_MARGIN_DAYS = {"day": 2, "span": 4, "part_of_month": 7, "month": 15, "season": 30, "year": 90}
DEFAULT_MARGIN_DAYS = 30
# Events that began longer before a proposal than this are not looked at:
# reports of events longer than a season rarely need matching, and the bound keeps
# the query to an index range.
LONGEST_EVENT = datetime.timedelta(days=92)
LONG_VAGUE_PRECISIONS = ("season", "year")
LONGEST_VAGUE_EVENT = datetime.timedelta(days=366)
# The most events ranked for one proposal, whatever the timeline's size.
MAX_CANDIDATES = 300
MAX_MATCHES = 5
# How much each kind of evidence counts.
DATE_WEIGHT, ACTOR_WEIGHT, WORDING_WEIGHT, PLACE_WEIGHT = 0.3, 0.2, 0.4, 0.1
# What the desk presents as "probably already on the timeline": a score this
# high, and words of the event's title or citations in the proposal's clause
# (dates and names alone fit every event of a busy week). A text with no
# Latin words (Japanese, Korean) is compared by dates, actors and places,
# with a higher bar.
PROBABLE_SCORE = 0.5
MIN_WORDING = 0.25
MIN_WORDING_SAME_DATES = 0.15
MIN_WORDING_OTHER_DATES = 0.5
PROBABLE_SCORE_WITHOUT_WORDS = 0.6
# Kept for callers that ranked by the old threshold.
MIN_SCORE = 0.2

# Words every news sentence shares, and date words (dates are compared apart).
STOP_WORDS = frozenset(
    """
    a an and are as at be been being by for from has have had he her his in is it its of on or she that
    the their them they this to two was were will with would after before over during into
    about also than then there these those which who whom whose while when where what not no but if so
    such can could may might should shall do does did just more most other some any all both each one
    first second new last next early late mid this week weekend month year day today yesterday tomorrow
    ago earlier later january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
    sunday morning evening night afternoon according reported report prime minister president
    leader official government secretary chief spokesman spokeswoman spokesperson ministry foreign
    national top senior followed follow
    """.split()  # noqa: SIM905 - a list of words reads better as text
)
# Words news uses for the same kind of event: compared as one.
SAME_KIND = {
    "summit": "meet",
    "talk": "meet",
    "meeting": "meet",
    "met": "meet",
    "encounter": "meet",
    "trip": "visit",
    "tour": "visit",
    "travel": "visit",
    "dinner": "dine",
    "din": "dine",
    "banquet": "dine",
    "poll": "election",
    "vote": "election",
    # An export ban, curbs and controls are one kind of trade measure.
    "ban": "control",
    "curb": "control",
    "restriction": "control",
    "restrict": "control",
    "suspend": "control",
    "halt": "control",
    "suspension": "control",
    # "unveiling its fresh punitive measures": what one government does to another
    "punitive": "control",
    "countermeasure": "control",
    "retaliatory": "control",
    "remark": "remark",
    "comment": "remark",
    "suggest": "remark",
    "suggestion": "remark",
    "statement": "remark",
    "address": "remark",
    "advis": "advisory",
    "said": "remark",
    "tell": "remark",
    "say": "remark",
    "claim": "remark",
    "argu": "remark",
    "argue": "remark",
    "assert": "remark",
    "speech": "remark",
    # Japan's parliament is the Diet; news calls any by either name.
    "diet": "parliament",
    "parliamentary": "parliament",
    "legislature": "parliament",
    "conference": "meet",
    # ("briefing" loses its "ing" to the stemmer, like "meeting")
    "brief": "briefing",
    "agreement": "agree",
    "deal": "agree",
    "pact": "agree",
    "accord": "agree",
    "inquiry": "probe",
    "investigation": "probe",
    "investigate": "probe",
    "drill": "exercise",
    # Summoning an envoy is how a government protests.
    "summon": "protest",
    "object": "protest",
    "ballot": "election",
    "commemoration": "ceremony",
    # Arriving somewhere is a leg of a visit, reported as an event of its own.
    "arriv": "arrive",
    "arrival": "arrive",
    "fly": "arrive",
    "depart": "arrive",
    "departure": "arrive",
    # Going home is the last leg, not whatever else was done that day.
    "return": "arrive",
    # Playing music together is one kind of event, whatever was played.
    "drum": "music",
    "drummer": "music",
    "perform": "music",
    "performance": "music",
    "song": "music",
    "sang": "music",
    "sing": "music",
    "jam": "music",
    "concert": "music",
    # A country's rule over another, in the words news uses for it.
    "colonial": "occupation",
    "colonisation": "occupation",
    "colonization": "occupation",
    "colony": "occupation",
    "annexation": "occupation",
    "annex": "occupation",
    "occupy": "occupation",
    "occupi": "occupation",
}
KIND_WEIGHT = 2.0
# The kinds of event news reports (as SAME_KIND names them). A clause naming
# one kind does not report an event of another: an interview during a visit
# is not the visit.
EVENT_KINDS = frozenset(
    {
        "meet",
        "visit",
        "dine",
        "election",
        "control",
        "remark",
        "interview",
        "ceremony",
        "parade",
        "agree",
        "test",
        "probe",
        "exercise",
        "protest",
        "sanction",
        "briefing",
        "arrive",
        "advisory",
        "music",
    }
)
# What someone said may have been said at an interview or a briefing that
# the timeline holds: "Lee said Monday that …" reports the NHK interview.
SAID_AT = {"remark": ("interview", "briefing")}
# Kinds of event that happen on a day: one dated over several days is dated
# loosely ("last week's export ban"), so any of its days fits it.
# Longer, such an event is a run of measures (months of export curbs), not one day.
LOOSE_DAY_SPAN = datetime.timedelta(days=13)
# Kinds of event that are measures one government takes against another.
MEASURE_KINDS = frozenset({"control", "advisory", "sanction"})
ONE_DAY_KINDS = frozenset({"control", "remark", "election", "agree", "sanction", "interview", "briefing", "advisory"})
# Past forms a suffix rule cannot undo: "held talks" is "hold talks".
IRREGULAR = {
    "held": "hold", "began": "begin", "begun": "begin", "brought": "bring", "flew": "fly", "flown": "fly",
    "gave": "give", "given": "give", "led": "lead", "made": "make", "paid": "pay",
    "sent": "send", "sought": "seek", "spoke": "speak", "spoken": "speak", "took": "take", "taken": "take",
    "told": "tell", "went": "go", "won": "win", "wrote": "write", "written": "write", "struck": "strike",
    "froze": "freeze", "frozen": "freeze", "chose": "choose", "chosen": "choose",
    # "when she stated that …" said something; "state" alone is a state visit's, "States" a country's
    "stated": "say",
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d+")


def _stem(word: str) -> str:
    """A light stem: "visits", "visited", "visiting" -> "visit"."""
    word = re.sub(r"['’]s?$", "", word.lower())
    if word in IRREGULAR:
        return SAME_KIND.get(IRREGULAR[word], IRREGULAR[word])
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            if suffix == "es" and not word.endswith(("ches", "shes", "xes", "sses")):
                continue
            word = word[: len(word) - len(suffix)] + keep
            break
    # "voting" is "vote", "banning" is "ban": a kind word under its dropped e or doubled consonant.
    for form in (word, word + "e", word[:-1] if word[-2:-1] == word[-1:] else word):
        if form in SAME_KIND:
            return SAME_KIND[form]
    return word


# A press conference is a briefing, not a meeting between parties.
_BRIEFING = re.compile(r"\b(?:press|news)\s+conferences?\b", re.IGNORECASE)


# A warning against travel is a travel advisory, however worded.
_TRAVEL_WARNING = re.compile(
    r"\b(?:travel|study(?:[\s-]+abroad)?)\s+warnings?\b"
    r"|\bwarn(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,4}?(?:against|not\s+to)\s+(?:travel|visit|go|study)\w*"
    # "urged its citizens to refrain from traveling to Japan", "told them to avoid trips there"
    r"|\b(?:urg|advis|ask|tell|told|call)\w*\s+(?:[\w'’-]+\s+){0,4}?(?:to\s+)?(?:refrain\s+from|avoid|postpone|"
    r"reconsider|not\s+to)\s+(?:[\w'’-]+\s+){0,2}?(?:travel|trips?|visit|going)\w*",
    re.IGNORECASE,
)


# "will welcome her to the White House": the host's welcome is the guest's
# visit (not "welcomed the move").
_WELCOMED_GUEST = re.compile(
    r"\bwelcom(?:e|es|ed|ing)\s+(?:her|him|them|(?:[A-Z][\w'’.-]*\s+){1,4})\s*to\s+(?:the\s+)?[A-Z]"
)


# "a travel advisory", "travel stocks", "an AI travel-planning tool": travel
# naming a thing, not anyone's trip (the advisory is a kind of its own).
_TRAVEL_AS_A_NOUN = re.compile(
    r"\btravel(?=[\s-]+(?:advisor(?:y|ies)|warnings?|alerts?|stocks?|shares?|agenc(?:y|ies)|industry|giants?|"
    r"compan(?:y|ies)|firms?|sector|planning|platforms?|apps?|tools?)\b)",
    re.IGNORECASE,
)


# "his visiting counterpart": who someone is, not a visit reported.
_VISITING_GUEST = re.compile(
    r"\bvisiting(?=\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:counterparts?|leaders?|presidents?|premiers?|ministers?|"
    r"delegations?|dignitaries|guests?|officials?|heads?\s+of\s+state)\b)",
    re.IGNORECASE,
)


def content_words(text: str) -> set[str]:
    """The stemmed words that say what happened, who and where."""
    return set(written_forms(text))


def written_forms(text: str) -> dict[str, str]:
    """Each content word's stem and the word as the text first writes it
    ("beij": "Beijing"), so an editor is shown words, not stems."""
    text = _VISITING_GUEST.sub("", _BRIEFING.sub("briefing", text or ""))
    text = _TRAVEL_WARNING.sub(lambda m: f"{m[0]} advisory", text)
    text = _WELCOMED_GUEST.sub(lambda m: f"visit {m[0]}", text)
    text = _TRAVEL_AS_A_NOUN.sub("", text)
    forms: dict[str, str] = {}
    for word in _WORD.findall(text):
        if word.lower() in STOP_WORDS or word.isdigit():
            continue
        stem = _stem(word)
        if len(stem) > 1 and stem not in STOP_WORDS:
            forms.setdefault(stem, word)
    # "Horyu-ji" is also written "Horyuji": a hyphenated name, closed up.
    for joined in _HYPHENATED.finditer(text):
        forms.setdefault(_stem(joined[1] + joined[2]), joined[0])
    return forms


_HYPHENATED = re.compile(r"\b([A-Z][a-z]+)-([a-z]+)\b")


def mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) * 2 > len(letters)


# A clause ends at these; "On Friday," alone says nothing, so a short one
# borrows the next clause's words.
_CLAUSE_EDGE = re.compile(r"[,;:()“”\"]|\s[—–-]\s|—")
_ATTRIBUTION = re.compile(
    r"\s*(?:according\s+to|citing|as\s+(?:reported|announced)\s+(?:by|in)"
    # "China will suspend imports, media in Tokyo reported Wednesday"
    r"|(?:[\w'’-]+\s+){1,6}?(?:reported|said|announced|confirmed|quoted)\s+"
    # "…, the ministry said in a statement Tuesday"
    r"(?:in\s+an?\s+(?:statement|post|briefing|release|interview)\s+)?(?:on\s+)?"
    r"(?=[A-Z0-9]|(?:this|last|earlier|late)\b))\b",
)
_PARTICIPLE_OPENING = re.compile(r"\s*[a-z]{3,}ing\b")
# Right after a source's date, the object it announces: "announced on Wednesday an inquiry".
_SAYS_MORE = re.compile(r"\s*(?:an?|the|its|their|his|her|new)\s")
# "in Nara, Japan, on", "in Nara, Takaichi's hometown, last month".
_NAME_APPOSITION = re.compile(r"(?<=[a-z]),\s(?:(?:[A-Z][\w'’.-]*\s?){1,3}|[A-Z][\w.-]*['’]s\s+[a-z]+(?:\s+[a-z]+)?),")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_CLOSING_DATE = re.compile(r"[\s.)\]]*")
_PRIOR = r"prior\s+to|ahead\s+of"
_PRIOR_EVENT = re.compile(rf"\s(?:{_PRIOR})\s", re.IGNORECASE)
_SHORT_ASIDE = re.compile(r"\((?:[^\s(),;]+\s?){1,3}\)")
# "The snap election—an early poll …—held on Feb 8": an aside between dashes,
# right before the date's clause, stands between the clause and its subject.
_DASH_ASIDE_ANYWHERE = re.compile(r"(?:—|\s[—–-]\s)[^—–]{3,200}?(?:—|\s[—–-]\s)")
_DASH_ASIDE = re.compile(_DASH_ASIDE_ANYWHERE.pattern + r"\s*$")
SHORT_CLAUSE_WORDS = 3
NEAR_WORDS = 20
# Words this close to the date count fully, the rest of its clause half.
CLOSE_WORDS = 8
FAR_WORD_WEIGHT = 0.5


# A proposal for an event sharing its sentence's date (newsdates' companion
# mentions) is named by the word opening its clause: "after", "when",
# "before", "condemning". Its words follow that word.
_COMPANION = re.compile(
    r"(?:after|when|where|before|followed|as|for|with|expected|set|due|scheduled|poised|(?!spring$)[a-z]{3,}ing"
    r"|[a-z]{3,}ed|(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d)\s+days?\s+(?:after|before)"
    r"|(?:(?:just|only|mere)\s+)?(?:[\w]+\s+)?hours\s+(?:after|before))"
)
# An event of a list sharing the sentence's date ("including the talks and a
# banquet") opens with a determiner after "including", a comma or "and".
_DETERMINER = r"(?:the|a|an|his|her|their|its)\s"
_BEFORE_LISTED = re.compile(r"(?:\bincluding|\bfollowed\s+by|,|\band)\s+$")
_NEXT_LISTED = re.compile(rf"(?:,\s*(?:and\s+)?|\s+and\s+){_DETERMINER}")
_OTHER_EVENT = re.compile(rf"\s(?:after|before|{_PRIOR}|followed\s+by|following|during)\s")
# Not one that cites ("citing", "saying") or tells what came of it ("paving the
# way for an election", "prompting protests"): that is another event.
_PARTICIPLE = re.compile(
    # "…, officially dissolving the lower house": an adverb may come first
    r"\s*(?:[a-z]{3,}ly\s+)?"
    r"(?!(?:including|according|following|citing|saying|adding|noting|paving|prompting|sparking|triggering|"
    r"fuell?ing|raising|leading|setting|signall?ing|making|drawing|clearing|bringing)\b)[a-z]{3,}ing\s"
)
# A clause "followed by a dinner" reports the companion's event, not the date's own.
_OPENS_COMPANION = re.compile(r"\s*followed\s+by\b")
_OPENING_ADVERBIAL = re.compile(r"\s*(?:on|in|at|during|by|last|earlier|later|early|late|this|next)\b", re.IGNORECASE)


def _telling_words(text: str) -> set[str]:
    """The content words that are not names: "Lee arrived in Nara on Tuesday"
    says one thing (arrived), and borrows the next clause's words."""
    return content_words(" ".join(w for w in text.split() if not w[:1].isupper()))


def event_clause(quote: str, date_at: int, date_length: int = 0, near: int | None = None) -> str:
    """The words of the sentence around its date expression: the clause the
    date belongs to, since one sentence may report several events; with
    `near`, only the words that many words either side of the date."""
    if not 0 <= date_at <= len(quote) or not mostly_latin(quote):
        return quote
    reach = NEAR_WORDS if near is None else near
    named = quote[date_at : date_at + date_length]
    if owned := _owned_date(quote, date_at, date_length):
        return owned
    if OCCASION_DAY.match(named):
        return named  # "the day the regular session convenes" says all of its event
    if not quote[:date_at].strip() and quote[date_at + date_length :].lstrip().startswith(":"):
        return quote  # a timeline's heading, "November 7: In her first session, X warned …": all of it
    listed = re.match(_DETERMINER, named) and _BEFORE_LISTED.search(quote, 0, date_at)
    if _COMPANION.fullmatch(named) or listed:
        return _companion_clause(quote, date_at, date_length, near or NEAR_WORDS)
    edges = _clause_edges(quote)
    if _closes_caption(quote, edges, date_at, date_length):
        return _caption_opening(quote, date_at, near or NEAR_WORDS)
    lo, hi = _date_clause(quote, edges, date_at, date_length)
    hi = _with_participle(quote, edges, hi)
    # An announcement standing alone ("…next week, as announced on Tuesday")
    # borrows nothing of the clause it was not lent to.
    floor = lo if lo > 0 and _ATTRIBUTION.match(quote, lo) else _since_floor(quote, lo, date_at)
    if act := _DATED_NEXT_ACT.search(quote, lo, date_at):
        # "summoned the ambassador and on Nov. 14 warned citizens …": the
        # date's act is the one after "and", not the one before.
        lo = floor = max(floor, act.start(1))
    lo, hi = _widen_short_clause(quote, edges, lo, hi, floor=floor)
    hi = _before_other_event(quote, date_at, date_length, hi)
    hi = _before_next_dated_act(quote, date_at + date_length, hi)
    words = _near_the_date(_without_dash_asides(quote, date_at), lo, hi, date_at, date_length, reach)
    return " ".join(words.split())


def _without_dash_asides(quote: str, date_at: int) -> str:
    """The sentence with its asides between dashes blanked out (offsets kept),
    but for one holding the date: "restrictions on items – goods, services
    and technologies … – are effective" is about restrictions, however long the aside."""
    for aside in _DASH_ASIDE_ANYWHERE.finditer(quote):
        if not aside.start() <= date_at < aside.end():
            quote = quote[: aside.start()] + " " * (aside.end() - aside.start()) + quote[aside.end() :]
    return quote


# "performed following Tuesday's summit": the date is the summit's; the
# word before it ("following", proposed apart) stands for what followed.
_AFTER_WORD = re.compile(r"\b(?:after|following)\s+$")
_POSSESSIVE = ("'s", "’s")


def _owned_date(quote: str, date_at: int, date_length: int) -> str:
    """The clause of a date owned by an occasion after "following" or
    "after", or of that word standing for the event before it; "" for others."""
    end = date_at + date_length
    if quote.startswith(_POSSESSIVE, end) and _AFTER_WORD.search(quote, 0, date_at):
        return _companion_clause(quote, date_at, date_length, NEAR_WORDS)
    named = quote[date_at:end]
    following = re.match(r"\s+", quote[end:])
    date_next = end + (following.end() if following else 0)
    if named in ("after", "following") and re.match(r"[A-Z][a-z]+['’]s\b", quote[date_next:]):
        edges = _clause_edges(quote)
        lo = max(edge for edge in edges[:-1] if edge <= date_at)
        return _near_the_date(quote, lo, date_at, date_at, 0, NEAR_WORDS)
    return ""


def _companion_clause(quote: str, date_at: int, date_length: int, reach: int) -> str:
    """A companion's date ("after", "the same day") opens the words of its own
    event, up to the next item of a list."""
    words = list(re.finditer(r"[^\s;]+", quote[date_at:]))[: reach + 1]
    clause = quote[date_at : date_at + words[-1].end()] if words else quote
    next_item = _NEXT_LISTED.search(clause, date_length)
    return clause[: next_item.start()] if next_item and clause[:1].islower() else clause


def _caption_opening(quote: str, date_at: int, reach: int) -> str:
    """A caption's closing date ("… prior to their talks in Beijing, Jan. 5,
    2026.") dates its opening words; what comes "prior to" it is another event."""
    prior = _PRIOR_EVENT.search(quote, 0, date_at)
    words = list(re.finditer(r"\S+", quote[: prior.start() if prior else date_at]))
    return quote[: words[min(len(words), 2 * reach) - 1].end()] if words else quote


def _clause_edges(quote: str) -> list[int]:
    """Where the sentence's clauses begin. "(ROK)", "(local time)", "in Nara,
    Japan, on …": an aside of a word or two, or a place's country, does not
    end a clause."""
    aside = {i for m in _SHORT_ASIDE.finditer(quote) for i in (m.start(), m.end() - 1)}
    aside |= {i for m in _NAME_APPOSITION.finditer(quote) for i in (m.start(), m.end() - 1)}
    edges = [0] + [m.end() for m in _CLAUSE_EDGE.finditer(quote) if m.start() not in aside] + [len(quote)]
    return sorted(set(edges))


def _closes_caption(quote: str, edges: list[int], date_at: int, date_length: int) -> bool:
    """Whether the date closes a caption ("…, Jan. 5, 2026."), unless it is a
    source's date or the sentence opens with its own."""
    lo = max(edge for edge in edges[:-1] if edge <= date_at)
    if (lo > 0 and _ATTRIBUTION.match(quote, lo)) or (lo == 0 and _OPENING_ADVERBIAL.match(quote)):
        return False
    return quote[:date_at].rstrip().endswith(",") and bool(_CLOSING_DATE.fullmatch(quote, date_at + date_length))


def _date_clause(quote: str, edges: list[int], date_at: int, date_length: int) -> tuple[int, int]:
    """The bounds of the clause the date expression stands in."""
    i = max(k for k in range(len(edges) - 1) if edges[k] <= date_at)
    lo, hi = edges[i], edges[i + 1]
    while hi < len(quote) and hi < date_at + date_length:
        hi = edges[edges.index(hi) + 1]
    if lo > 0 and _ATTRIBUTION.match(quote, lo) and not _SAYS_MORE.match(quote, date_at + date_length, hi):
        # "China banned exports, according to a statement on Tuesday": the
        # date of the source dates the clause it is cited for (not in "In a
        # move …, the ministry announced on Wednesday an inquiry into …"),
        # with the clause's participles ("…, citing safety, sources said").
        j = i - 1
        while j > 0 and _PARTICIPLE_OPENING.match(quote, edges[j]):
            j -= 1
        if not _OWN_DATE.search(quote, edges[j], lo):
            return _subject_before_aside(quote, edges, edges[j]), lo
        # "will visit China early next week, as announced on Tuesday": the
        # clause has its own date; this one is only the announcement's.
    lo = _subject_before_aside(quote, edges, lo)
    if lo == 0 and _OPENING_ADVERBIAL.match(quote):
        # "On 7 November, Takaichi, in her first address, said …": a date
        # opening the sentence dates its main clause, however far.
        return lo, len(quote)
    return lo, hi


def _subject_before_aside(quote: str, edges: list[int], lo: int) -> int:
    """Where a clause begins that opens right after an aside between dashes:
    at its subject, before the aside."""
    aside = _DASH_ASIDE.search(quote, 0, lo) if lo > 0 else None
    return max(edge for edge in edges if edge <= aside.start()) if aside else lo


def _with_participle(quote: str, edges: list[int], hi: int) -> int:
    """ "struck a chord on Tuesday, performing a drum duet": a participle after
    the date's clause tells what was done, up to another event it names
    ("following their summit")."""
    if hi >= len(quote) or quote[hi - 1] != "," or not _PARTICIPLE.match(quote, hi):
        return hi
    end = edges[edges.index(hi) + 1]
    other = _OTHER_EVENT.search(quote, hi, end)
    return other.start() if other else end


def _since_floor(quote: str, lo: int, date_at: int) -> int:
    """ "their first meeting since Takaichi took office last month": the date
    dates what follows "since", not the meeting."""
    since = [m.start() for m in _SINCE.finditer(quote, lo, date_at)]
    return since[-1] if since else 0


def _widen_short_clause(quote: str, edges: list[int], lo: int, hi: int, floor: int) -> tuple[int, int]:
    """A clause too short to say what happened borrows its neighbours' words."""
    lo = max(lo, floor)
    while len(_telling_words(quote[lo:hi])) < SHORT_CLAUSE_WORDS and (lo > floor or hi < len(quote)):
        # Words quoted after a reporting verb are what was said, not the event.
        if hi < len(quote) and not _OPENS_COMPANION.match(quote, hi) and quote[hi - 1] not in '"“':
            hi = edges[edges.index(hi) + 1]
        elif lo > floor:
            lo = max(floor, edges[edges.index(lo) - 1])
        else:
            break  # what follows is another event's ("followed by a dinner")
    return lo, hi


_DATE_WORD = (
    r"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"\d{1,2}\s+[A-Z][a-z]+)"
)
# "would dissolve parliament on Friday and hold elections on February 8":
# the next act has a date of its own, so words of its own.
_OWN_DATE = re.compile(
    rf"\b(?:{_DATE_WORD}|(?:next|last|this|coming)\s+(?:week|month|year)|tomorrow|yesterday|today|tonight)\b",
    re.IGNORECASE,
)
_NEXT_DATED_ACT = re.compile(rf"\s+and\s+(?=(?:[a-z]+\s+){{1,6}}?(?:on|in|by)\s+{_DATE_WORD})")


_DATED_NEXT_ACT = re.compile(r"\s(and)\s+(?:then\s+|later\s+)?(?:on|in|at|by)\s+$")


def _before_next_dated_act(quote: str, date_end: int, hi: int) -> int:
    """Where the clause of a date ends when an act with a date of its own
    follows it; not after a reporting verb's date ("said on Monday that …"),
    whose clause is all that was said."""
    nxt = _NEXT_DATED_ACT.search(quote, date_end, hi)
    if not nxt or re.search(r"\bthat\b", quote[date_end : nxt.start()]):
        return hi
    return nxt.start()


def _before_other_event(quote: str, date_at: int, date_length: int, hi: int) -> int:
    """ "raised objections on Saturday after China advised …": what follows
    "after" is the companion's event (newsdates proposes it apart)."""
    other = _OTHER_EVENT.search(quote, date_at + date_length, hi)
    between = quote[date_at + date_length : other.start()] if other else ""
    if _OPENING_ADVERBIAL.fullmatch(quote, 0, date_at) or not quote[:date_at].strip():
        between = between.lstrip(", ")  # the comma closing "Earlier in the day, …" is no break
    return other.start() if other and not re.search(r"[,;:]", between) else hi


def _near_the_date(quote: str, lo: int, hi: int, date_at: int, date_length: int, reach: int) -> str:
    """In a long clause the words next to the date say what it dates."""
    words = list(re.finditer(r"\S+", quote[lo:hi]))
    at = next((i for i, w in enumerate(words) if lo + w.end() > date_at), len(words))
    after = next((i for i, w in enumerate(words) if lo + w.start() >= date_at + date_length), len(words))
    first, last = max(0, at - reach), min(len(words), after + reach)
    if words and (first > 0 or last < len(words)):
        lo, hi = lo + words[first].start(), lo + words[last - 1].end()
    return quote[lo:hi]


# "this year's ceremony", "the talks", "their previous session": a clause
# naming its event with a determiner refers back to an earlier mention.
_DEFINITE = re.compile(
    r"\b(?:(?:this|last|next) year['’]s|the|this|that|its|their|his|her)\s+((?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+)",
    re.IGNORECASE,
)


def antecedent(before: str, clause: str) -> str:
    """The words around the last mention, in the text `before` the clause's
    sentence, of an event the clause names with a determiner ("this year's
    ceremony" after "the Takeshima Day ceremony"): what the clause says
    without saying it. Empty when the clause refers back to nothing."""
    if not mostly_latin(clause):
        return ""
    kinds = {
        _stem(word) for m in _DEFINITE.finditer(clause) for word in m.group(1).split() if _stem(word) in EVENT_KINDS
    }
    if not kinds:
        return ""
    # Read back from the clause a window at a time, not the whole article
    # per proposal: the mention is nearly always a few paragraphs up.
    size = ANTECEDENT_WINDOW
    while True:
        # A window starts after whitespace, so its first word is whole.
        start = 0 if size >= len(before) else before.rfind(" ", 0, len(before) - size) + 1
        words = list(_WORD.finditer(before, start))
        for i in range(len(words) - 1, -1, -1):
            if _stem(words[i].group()) in kinds:
                if i < CLOSE_WORDS and start > 0:
                    break  # its words before lie outside this window: widen it
                first, last = max(0, i - CLOSE_WORDS), min(len(words), i + CLOSE_WORDS + 1)
                return before[words[first].start() : words[last - 1].end()]
        else:
            if start == 0:
                return ""
        size *= 8


# How much text before a clause is read at first for its antecedent (characters).
ANTECEDENT_WINDOW = 4000


@dataclass(frozen=True)
class EventMatch:
    event: Event
    score: float
    reasons: list[str]
    probable: bool = True

    def __iter__(self):
        # Unpacks as (event, score, reasons).
        return iter((self.event, self.score, self.reasons))


# An event known only to a part of a month or vaguer may be any day of it;
# one dated to the day or a span of days lasts that long (a visit around one
# of its days reports another, smaller event).
VAGUE_PRECISIONS = ("part_of_month", "month", "season", "year")
# How well the wording of a meeting of a visit's people, during it, fits the visit.
MEETING_DURING_VISIT = 0.3
# A date inside a long event of its own kind fits it this well at least.
SAME_KIND_INSIDE = 0.6
# The least a date inside an event's dates fits it, however long the event
# (months of measures): the date does not tell against it, the words decide.
INSIDE_FLOOR = 0.25
# How well a date inside an event dated vaguely fits it: a day of "early
# November" may well be it, a day of "2025" much less surely.
VAGUE_FIT = {"season": 0.65, "year": 0.5}
# Periods a text names outright ("in October", "in 2025"): an event outside one
# is not what the text reports.
STATED_PERIODS = ("month", "year")
# The date score of an event outside such a period: still listed, never probable.
OUTSIDE_STATED_PERIOD = 0.1
# A stated span longer than a month ("2022年から2024年にかけて") is such a period too.
STATED_SPAN = datetime.timedelta(days=31)


def stated_period(precision: str, earliest, latest) -> bool:
    return precision in STATED_PERIODS or (precision == "span" and latest - earliest > STATED_SPAN)


def _date_fit(
    earliest, latest, event: Event, margin: int, precision: str = "day", loose: bool = False
) -> tuple[float, str]:
    """How well an event's dates fit a proposal's: the same dates best; an
    event inside the proposal's range by how much of it it fills; a longer
    event around the proposal (a visit around one of its days) weakly."""
    label = date_label(event.earliest, event.latest, event.precision, current_language())
    if (event.earliest, event.latest) == (earliest, latest):
        return 1.0, gettext("same dates (%(dates)s)") % {"dates": label}
    days = (latest - earliest).days + 1
    event_days = (event.latest - event.earliest).days + 1
    slack = datetime.timedelta(days=margin)
    if earliest <= event.earliest and event.latest <= latest:
        return 0.6 + 0.4 * min(1.0, event_days / days), gettext("dates within the proposal's (%(dates)s)") % {
            "dates": label
        }
    overlaps = event.earliest <= latest and earliest <= event.latest
    if not overlaps and precision in STATED_PERIODS:
        # "In October" is rarely a November event, however near.
        gap = (earliest - event.latest).days if event.latest < earliest else (event.earliest - latest).days
        outside = (
            gettext("dates outside the stated month (%(dates)s, %(apart)s)")
            if precision == "month"
            else gettext("dates outside the stated year (%(dates)s, %(apart)s)")
        )
        return OUTSIDE_STATED_PERIOD, outside % {"dates": label, "apart": days_apart(gap)}
    if earliest - slack <= event.earliest and event.latest <= latest + slack and not overlaps:
        return 0.5, gettext("dates within a few days (%(dates)s)") % {"dates": label}
    if overlaps:
        shared = (min(latest, event.latest) - max(earliest, event.earliest)).days + 1
        union = (max(latest, event.latest) - min(earliest, event.earliest)).days + 1
        if event.earliest <= earliest and latest <= event.latest:
            if event.precision in VAGUE_PRECISIONS or loose:
                return VAGUE_FIT.get(event.precision, 0.8), gettext("within the event's vaguer dates (%(dates)s)") % {
                    "dates": label
                }
            # A day inside a long event is weak evidence (a meeting during a
            # visit); a span filling most of it ("this week" of a week-long
            # measure) fits as well as an overlap of the same share.
            inside = max(0.6 * (shared / union) ** 0.5, 0.9 * shared / union if days > 1 else 0.0, INSIDE_FLOOR)
            return inside, gettext("inside the event's dates (%(dates)s)") % {"dates": label}
        return 0.9 * shared / union, gettext("dates overlap (%(dates)s)") % {"dates": label}
    gap = (earliest - event.latest).days if event.latest < earliest else (event.earliest - latest).days
    apart = gettext("dates %(apart)s (%(dates)s)") % {"apart": days_apart(gap), "dates": label}
    return max(0.0, 0.4 * (1 - gap / (margin + 1))), apart


def days_apart(gap: int) -> str:
    """ "3 days apart", in the editor's language."""
    return ngettext("%(count)d day apart", "%(count)d days apart", gap) % {"count": gap}


def _date_score(earliest, latest, event: Event, margin: int, precision: str = "day") -> tuple[float, str]:
    """Dates alone, as the Japanese and Korean matcher weighs them
    (newsroom.matching_cjk): 1 for the same dates, 0.8 for overlapping ones,
    less with each day apart up to the margin; little outside a stated month
    or year ("지난해" is not February of this year)."""
    if event.earliest <= latest and earliest <= event.latest:
        if (event.earliest, event.latest) == (earliest, latest):
            return 1.0, gettext("same dates")
        return 0.8, gettext("dates overlap")
    gap = (earliest - event.latest).days if event.latest < earliest else (event.earliest - latest).days
    if stated_period(precision, earliest, latest):
        return OUTSIDE_STATED_PERIOD, gettext("dates %(apart)s") % {"apart": days_apart(gap)}
    return max(0.0, 0.6 * (1 - gap / (margin + 1))), gettext("dates %(apart)s") % {"apart": days_apart(gap)}


def _weights(texts_by_event: dict[int, set[str]]) -> dict[str, float]:
    """Rarer words weigh more: "Horyu" tells events apart, "Japan" does not."""
    counts: dict[str, int] = defaultdict(int)
    for words in texts_by_event.values():
        for word in words:
            counts[word] += 1
    total = max(1, len(texts_by_event))
    return {word: math.log(1 + total / n) for word, n in counts.items()}


def _wording(
    clause: set[str], title: set[str], citations: list[set[str]], weight, names: set[str], close: set[str]
) -> tuple[float, set[str]]:
    """The share of the event's title found in the clause, or the overlap
    (Dice) of the clause with one of the event's citations, whichever is
    higher; nothing unless a word other than a name is shared (names are
    weighed as actors and places). Words of the clause not `close` to the
    date count half."""

    def mass(words):
        return sum(weight(w) for w in words)

    def near_mass(words):
        return sum(weight(w) * (1.0 if w in close else FAR_WORD_WEIGHT) for w in words)

    best, best_shared = 0.0, set()
    for words, title_like in ((title, True), *((cited, False) for cited in citations)):
        shared = words & clause
        # A title that is a name and nothing else ("Takeshima Day") is matched by that name.
        if not shared - names and not (title_like and shared and not words - names):
            continue
        size = mass(words) if title_like else (mass(words) + mass(clause)) / 2
        score = near_mass(shared) / size if size else 0.0
        if score > best:
            best, best_shared = score, shared
    return best, best_shared


def _evidence(ids: list[int]) -> tuple[dict, dict, dict, set[str], dict]:
    """What the candidates' actors, places and citations say: three queries."""
    event_actors: dict = defaultdict(list)
    name_words: set[str] = set()
    person_words: dict = defaultdict(set)
    for event_id, actor_id, kind, *names in Event.actors.through.objects.filter(event_id__in=ids).values_list(
        "event_id", "actor_id", "actor__kind", "actor__name", "actor__short_name", "actor__aliases"
    ):
        event_actors[event_id].append((actor_id, kind))
        words = content_words(" ".join(filter(None, names)))
        name_words |= words
        if kind == "person":
            person_words[event_id] |= words
    event_places: dict = defaultdict(set)
    for event_id, place_id, *names in Event.places.through.objects.filter(event_id__in=ids).values_list(
        "event_id", "place_id", "place__name", "place__aliases"
    ):
        event_places[event_id].add(place_id)
        name_words |= content_words(" ".join(filter(None, names)))
    cited: dict = defaultdict(list)
    for event_id, text in Citation.objects.filter(event_id__in=ids).values_list("event_id", "quote"):
        cited[event_id].append(content_words(text))
    return event_actors, event_places, cited, name_words, person_words


# What ranking reads of an event: no summaries, no history.
CANDIDATE_FIELDS = ("pk", "title", "short_title", "slug", "earliest", "latest", "precision", "importance")


@dataclass
class _Mention:
    """What a proposal says, as the ranking weighs it against each candidate."""

    earliest: datetime.date
    latest: datetime.date
    precision: str
    margin_days: int
    clause_words: set[str]
    close_words: set[str]
    written: dict  # stem -> the word as the clause writes it
    kinds: set  # the kinds of event the clause names
    latin: bool
    named: dict  # actor pk -> Actor, those the sentence names
    in_article: set | None  # actor pks the whole article names, when known
    place_ids: set
    people: set = field(default_factory=set)  # the people the sentence itself names
    stranger_led: bool = False  # a person the timeline does not hold acts before the date
    # Where the clause says someone goes ("visit to China"): ("actor" | "place", pk).
    destinations: set = field(default_factory=set)
    # The clause names by title someone the timeline does not hold ("Prime Minister Mark Carney").
    names_stranger: bool = False
    # What kind of place the clause says was visited ("a historic site"): its noun's stem.
    visited_things: set = field(default_factory=set)
    # The clause tells of meeting a group ("met with top executives"), not a counterpart.
    meets_a_group: bool = False
    # The clause tells of a meeting of three ("a trilateral summit", "the Japan-China-Korea summit").
    trilateral: bool = False
    # The sentence names a group ("the APEC summit"), none of whose people.
    a_groups_own: bool = False


@dataclass
class _Candidates:
    """The events near a proposal's dates and what their actors, places and citations say."""

    events: list
    actors: dict
    places: dict
    titles: dict
    cited: dict
    name_words: set[str]
    weights: dict
    person_words: dict  # event pk -> the words of its people's names

    def weight(self, word: str) -> float:
        # The kind of event ("election", "visit") says most about which it is.
        kind = KIND_WEIGHT if word in EVENT_KINDS else 1.0
        return kind * self.weights.get(word, math.log(2 + len(self.events)))


def events_near(earliest, latest, margin: datetime.timedelta, published_only: bool, whole_years: bool = False):
    """The events a proposal dated `earliest`..`latest` may report, most
    important first and at most MAX_CANDIDATES, whatever the timeline's size;
    with `whole_years`, also those dated only by a season or year around it
    (the Japanese and Korean matcher, weighing dates alone, leaves them out)."""
    # Bounding `earliest` on both sides lets the (earliest, latest) index
    # read just the window, not every earlier event.
    # A year or a season is the vaguest date an event is given: one dated
    # "2025" is looked at from any of its days.
    since = Q(earliest__gte=earliest - margin - LONGEST_EVENT)
    if whole_years:
        since |= Q(precision__in=LONG_VAGUE_PRECISIONS, earliest__gte=earliest - margin - LONGEST_VAGUE_EVENT)
    events = Event.objects.filter(
        since,
        earliest__lte=latest + margin,
        latest__gte=earliest - margin,
    )
    if published_only:
        events = events.published()
    return events.order_by("-importance", "earliest", "pk")


def _candidates(earliest, latest, margin: datetime.timedelta, published_only: bool, named_things) -> _Candidates:
    events = events_near(earliest, latest, margin, published_only, whole_years=True)
    candidates = list(events.only(*CANDIDATE_FIELDS)[:MAX_CANDIDATES])
    ids = [event.pk for event in candidates]
    event_actors, event_places, cited, name_words, person_words = _evidence(ids)
    # Names are weighed as actors and places; as words they would count twice.
    name_words |= set().union(*(content_words(" ".join(all_name_forms(a))) for a in named_things))
    titles = {e.pk: content_words(f"{e.title} {e.short_title}") for e in candidates}
    weights = _weights({pk: titles[pk].union(*cited[pk]) for pk in ids})
    return _Candidates(candidates, event_actors, event_places, titles, cited, name_words, weights, person_words)


def _weigh(event: Event, mention: _Mention, known: _Candidates) -> EventMatch | None:
    """How likely `event` is the one the mention reports, with the reasons; None when ruled out."""
    persons = [pk for pk, kind in known.actors[event.pk] if kind == "person"]
    named_persons = [pk for pk in persons if mention.in_article is not None and pk in mention.in_article]
    # A group's meeting whose title names none of its people ("G7 finance
    # ministers discuss …"), not two leaders' talks at a group's summit.
    among_many = any(kind == "organisation" for _, kind in known.actors[event.pk]) and not (
        known.titles[event.pk] & known.person_words[event.pk]
    )
    if mention.latin and named_persons and len(named_persons) < len(persons) and not among_many:
        # A meeting of two leaders is not reported by an article naming
        # only one (one naming neither may say "its leader"); a meeting of
        # a group's members (the G7's ministers) may name any one of them.
        # Japanese and Korean write names in forms the timeline may lack: not checked.
        return None
    event_kinds = known.titles[event.pk] & EVENT_KINDS
    loose = bool(event_kinds) and event_kinds <= ONE_DAY_KINDS and event.latest - event.earliest <= LOOSE_DAY_SPAN
    date_score, date_reason = _date_fit(
        mention.earliest, mention.latest, event, mention.margin_days, mention.precision, loose
    )
    if date_score <= 0:
        return None
    if mention.kinds & event_kinds and event.earliest <= mention.earliest and mention.latest <= event.latest:
        # A travel advisory on a day of "export controls and a travel
        # advisory" over weeks: one of that run of measures.
        date_score = max(date_score, SAME_KIND_INSIDE)
    reasons = [date_reason]
    wording, event_kinds = _wording_of(event, mention, known, event_kinds, persons, reasons)
    own = [pk for pk, _ in known.actors[event.pk]]
    # Named in a fixed order: the database returns an event's actors in any.
    shared = sorted((mention.named[pk] for pk in own if pk in mention.named), key=lambda a: a.short_name or a.name)
    if shared:
        names = pgettext("list separator", ", ").join(a.translated("short_name") or a.name for a in shared)
        reasons.append(gettext("shared actors: %(names)s") % {"names": names})
    actor_score = (len(shared) / len(set(own)) + len(shared) / max(1, len(mention.named))) / 2 if own else 0.0
    place_score = 1.0 if mention.place_ids & known.places[event.pk] else 0.0
    if place_score:
        reasons.append(gettext("same place"))
    # Evidence neither side can give (no actors named here nor on the
    # event) is left out of the weighing rather than counted against; so is
    # a place the sentence does not name (most sentences name none), or an
    # event whose places were never recorded.
    parts = [(DATE_WEIGHT, date_score), (WORDING_WEIGHT, wording if mention.latin or wording else actor_score)]
    if mention.named or own:
        parts.append((ACTOR_WEIGHT, actor_score))
    if mention.place_ids and known.places[event.pk]:
        parts.append((PLACE_WEIGHT, place_score))
    score = sum(w * x for w, x in parts) / sum(w for w, _ in parts)
    probable = _probable(event, mention, score, date_score, wording, event_kinds) or _same_scene(
        mention, date_score, place_score, own
    )
    if not probable and _one_of_its_measures(event, mention, event_kinds, own):
        probable = True
        reasons.append(gettext("one of the measures it spans, by the same countries"))
    if mention.latin and _another_event(event, mention, known, event_kinds, set(persons), bool(own and not shared)):
        probable = False
    return EventMatch(event, round(min(score, 1.0), 3), reasons, probable)


def _another_event(event: Event, mention: _Mention, known: _Candidates, event_kinds, persons: set, strangers: bool):
    """Whether an English sentence tells of another event than `event`,
    however alike: other actors (`strangers`: none of the event's), other
    people, another destination, a stop of a visit, or a protest of it."""
    return (
        (mention.named and strangers)
        or _elsewhere(mention, event_kinds, known.actors[event.pk], known.places[event.pk])
        or _visits_something_else(mention, event_kinds, known.titles[event.pk])
        or _other_people(mention.people, persons)
        or (mention.stranger_led and persons)
        or (mention.people and persons and not mention.people & persons)
        or _meets_someone_else(mention, persons)
        # "met with top executives", "a meeting with Korean residents": not the leaders' talks
        or (mention.meets_a_group and len(persons) >= 2)
        # a meeting of three is none of the two's own, nor the other way round
        or bool(_TRILATERAL.search(event.title)) != mention.trilateral
        # "South Korea will host the two-day APEC summit": the group's, not two leaders' talks at it
        or (mention.a_groups_own and len(persons) >= 2)
        # "summoned a diplomat to protest the Takeshima Day ceremony", "lodged
        # a protest against the export ban": the protest, not what it protests.
        or ("protest" in mention.kinds and "protest" not in event_kinds)
    )


def _wording_of(event: Event, mention: _Mention, known: _Candidates, event_kinds, persons, reasons: list):
    """How much the mention's words say the event's, adding the reason; and
    the kinds the event counts as (a visit counts its meetings)."""
    wording, shared_words = _wording(
        mention.clause_words,
        known.titles[event.pk],
        known.cited[event.pk],
        known.weight,
        known.name_words,
        mention.close_words,
    )
    if event.precision in LONG_VAGUE_PRECISIONS and _says_only_that_it_was_said(shared_words, known.name_words):
        # "Mori suggested in parliament last week" shares only a name and
        # "suggests" with a remark known only to its year: nothing of what was said.
        wording, shared_words = 0.0, set()
    if shared_words:
        written = sorted((mention.written.get(word, word) for word in shared_words), key=str.lower)
        words = pgettext("list separator", ", ").join(written[:6])
        reasons.append(
            gettext("similar wording (%(percent)s), shared words: %(words)s")
            % {"percent": f"{wording:.0%}", "words": words}
        )
    if _meeting_during_visit(event, mention, event_kinds, persons):
        # "Takaichi will meet Trump at the White House on 19 March": the
        # visit's own people meeting during it report the visit.
        wording = max(wording, MEETING_DURING_VISIT)
        reasons.append(gettext("a meeting of the visit's people during it"))
        event_kinds = event_kinds | mention.kinds
    elif _visit_for_the_meeting(event, mention, event_kinds, persons, known):
        # "Takaichi's visit to Gyeongju in October 2025": the trip the
        # meeting there was held on.
        wording = max(wording, MEETING_DURING_VISIT)
        reasons.append(gettext("the visit the meeting was held on"))
        event_kinds = event_kinds | mention.kinds
    return wording, event_kinds


def _one_of_its_measures(event: Event, mention: _Mention, event_kinds, own: list) -> bool:
    """ "China will suspend Japanese seafood imports" on a day inside weeks of
    "China's export controls and a travel advisory" against Japan: one of
    that run of measures, taken by the same countries."""
    return (
        mention.latin
        and bool(mention.kinds & event_kinds & MEASURE_KINDS)
        and event.latest - event.earliest > LOOSE_DAY_SPAN
        and event.earliest <= mention.earliest
        and mention.latest <= event.latest
        and len(set(own)) >= 2
        and set(own) <= set(mention.named)
    )


def _same_scene(mention: _Mention, date_score: float, place_score: float, own: list) -> bool:
    """ "Lee and Takaichi pose for a photo at Horyu-ji on 14 January": no
    words of a kind of event, but the event's own day, all its people and
    its place."""
    return (
        mention.latin
        and not mention.kinds
        and date_score >= 1.0
        and place_score > 0
        and len(set(own)) >= 2
        and set(own) <= set(mention.named)
    )


# "will visit China", "a trip by Trump to China", "travel to the United States".
_DESTINATION = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|trips?|travel(?:s|led|ed|ling|ing)?|tour(?:s|ed|ing)?|fl(?:y|ies|ew|ying)|"
    r"head(?:s|ed|ing)?)(?:\s+by(?:\s+[A-Z][\w'’.-]*){1,3})?\s+(?:to\s+)?(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*)"
)


# "visited a historic site in Shanghai", "toured the factory": a place of a
# kind, not a country or a city, and the last word of its noun phrase.
_VISITED_THING = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\s+(?:a|an|the|its|his|her|their)\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"([a-z]{3,})(?=\s*(?:[,.;]|$)|\s+(?:in|at|on|near|outside|that|which|where|and|with|during|before|after|for)\b)"
)


# "take Lee on a tour of Horyu Temple": the kind of place toured, named or not.
_TOUR_OF = re.compile(
    r"\b(?:a|the|his|her|their)\s+(?:[a-z]+\s+)?(?:tour|visit)\s+(?:of|to)\s+(?:the\s+|a\s+)?(?:[A-Z][\w'’-]*\s+){0,3}"
    r"(temple|shrine|museum|factory|plant|site|memorial|cemetery|palace|castle|base|port|university|school|park)\b",
    re.IGNORECASE,
)


def _visited_things(text: str) -> set[str]:
    things = [m[1] for m in _VISITED_THING.finditer(text or "")] + [m[1] for m in _TOUR_OF.finditer(text or "")]
    return content_words(" ".join(things))


def _destinations(text: str, actors, places) -> set:
    """The countries and places the clause says someone goes to."""
    where = " ".join(m[1] for m in _DESTINATION.finditer(text or ""))
    if not where:
        return set()
    found = {("actor", a.pk) for a in actors if a.kind == "country" and (p := actor_pattern(a)) and p.search(where)}
    return found | {("place", p.pk) for p in places if (pat := name_pattern(all_name_forms(p))) and pat.search(where)}


def _elsewhere(mention: _Mention, event_kinds, event_actors, event_places) -> bool:
    """ "Trump will visit China in April" is not a visit to the United States:
    a visit the clause sends somewhere none of the event's countries or places is."""
    if "visit" not in event_kinds or not mention.destinations:
        return False
    own = {("actor", pk) for pk, _ in event_actors} | {("place", pk) for pk in event_places}
    return not mention.destinations & own


def _visits_something_else(mention: _Mention, event_kinds, title_words: set) -> bool:
    """ "Lee visited a historic site in Shanghai" during his state visit to
    China is a stop of that visit, not the visit; "visited the temple" is
    the visit to Horyu-ji Temple."""
    return "visit" in event_kinds and bool(mention.visited_things) and not mention.visited_things & title_words


def _says_only_that_it_was_said(shared_words: set, name_words: set) -> bool:
    kinds = {SAME_KIND.get(word, word) for word in shared_words} & EVENT_KINDS
    return kinds == {"remark"} and all(
        SAME_KIND.get(word, word) in EVENT_KINDS or word in name_words for word in shared_words
    )


def _meeting_during_visit(event: Event, mention: _Mention, event_kinds, persons: list) -> bool:
    return (
        mention.latin
        and "visit" in event_kinds
        and bool(mention.kinds & {"meet", "dine"})
        and len(set(persons)) >= 2
        and set(persons) <= mention.people
        and event.earliest <= mention.earliest
        and mention.latest <= event.latest
    )


_TRILATERAL = re.compile(
    r"\b(?:[Tt]rilateral|[Tt]hree-way|[Tt]ripartite|[Tt]hree-nation|[Tt]hree-country|"
    # "the South Korea-China-Japan summit"
    r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?[-–][A-Z][a-z]+(?:\s[A-Z][a-z]+)?[-–][A-Z][a-z]+)\b"
)
_MEETS_A_GROUP = re.compile(
    r"\b(?:met|meets|meet|meeting|talks|luncheon|lunch|dinner|gathering|session)\s+with\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:executives|business\s+leaders|businesspeople|entrepreneurs|residents|expatriates|compatriots|students|"
    r"lawmakers|legislators|scholars|experts|investors|CEOs|community|diaspora|veterans|reporters|journalists|"
    r"workers|citizens)\b",
    re.IGNORECASE,
)


def _meets_someone_else(mention: _Mention, event_people: set) -> bool:
    """ "Lee shakes hands with Prime Minister Mark Carney on 30 October" is
    not Lee's meeting with Takaichi that day: one of a meeting's people,
    with a stranger in place of the other."""
    return mention.names_stranger and len(event_people) >= 2 and bool(mention.people) and mention.people < event_people


def _patterns_of(actors) -> list[tuple]:
    return [(actor, pattern) for actor in actors if (pattern := actor_pattern(actor))]


def _visit_for_the_meeting(event: Event, mention: _Mention, event_kinds, persons: list, known: _Candidates) -> bool:
    own = {("actor", pk) for pk, _ in known.actors[event.pk]} | {("place", pk) for pk in known.places[event.pk]}
    return (
        mention.latin
        and mention.kinds == {"visit"}
        and "meet" in event_kinds
        and bool(mention.destinations & own)
        # "560,000 travellers visited Japan": a count of trips, no one's trip to a meeting
        and not any(_TRAVELLERS.fullmatch(word) for word in mention.written.values())
        and mention.people <= set(persons)
        and mention.earliest <= event.earliest
        and event.latest <= mention.latest
    )


_TRAVELLERS = re.compile(r"\b(?:travell?ers|tourists|visitors|passengers|arrivals|holidaymakers)\b", re.IGNORECASE)


def _other_people(named: set, event_people: set) -> bool:
    """Whether a sentence naming two people or more ("Lee met Xi") names
    others than the event's ("Takaichi meets Xi"): then it reports another
    meeting."""
    return len(named) >= 2 and len(event_people) >= 2 and bool(named - event_people) and bool(event_people - named)


def _probable(event: Event, mention: _Mention, score: float, date_score: float, wording: float, event_kinds) -> bool:
    """Whether the desk presents the event as probably the one reported."""
    kinds = mention.kinds | {related for kind in mention.kinds for related in SAID_AT.get(kind, ())}
    if date_score <= OUTSIDE_STATED_PERIOD or (mention.latin and kinds and event_kinds and not kinds & event_kinds):
        return False
    if not mention.latin:
        return score >= (PROBABLE_SCORE if wording else PROBABLE_SCORE_WITHOUT_WORDS)
    # An act on a day ("will suspend imports on Wednesday"), or a measure of
    # any date ("China's 2010 export ban"), is not a year's state of affairs
    # ("imports fall to 60% in 2025").
    act = mention.precision == "day" or bool(kinds & MEASURE_KINDS)
    if act and kinds and not event_kinds and event.precision in LONG_VAGUE_PRECISIONS:
        return False
    # the same dates, or the same kind of event, need fewer other shared words ("a February election")
    needed = MIN_WORDING_SAME_DATES if date_score >= 1.0 or kinds & event_kinds else MIN_WORDING
    if event.latest < mention.earliest or mention.latest < event.earliest:
        # Another day than the text's needs the event's own words: "meets
        # residents on Wednesday" is not Tuesday's summit.
        needed = MIN_WORDING_OTHER_DATES
    return score >= PROBABLE_SCORE and wording >= needed


def _kinds(written: dict) -> set:
    """The kinds of event a clause names; only an arrival when it opens with
    one ("arrived in Nara on Tuesday to begin summit talks"): what it is
    for is another event."""
    kinds = [word for word in written if word in EVENT_KINDS]
    return {"arrive"} if kinds[:1] == ["arrive"] else set(kinds)


def _named(quote: str, actors, referred_people, article_actors) -> dict:
    """The actors a sentence is about, by pk: those it names, "the two
    leaders" it refers to, or, naming nobody ("voters"), its article's; not
    when it names a stranger ("Minister Hana Mori")."""
    named = {a.pk: a for a in (*actors, *referred_people)}
    if not named and article_actors and mostly_latin(quote) and not names_a_titled_person(quote):
        named = {a.pk: a for a in article_actors}
    return named


def _mention_kinds(written: dict, close: str | None, date_text: str, protested: bool) -> set:
    """ "to start the four-day visit": a date that names its event says its
    kind; "to protest the Takeshima Day ceremony" names the ceremony, not a protest."""
    kinds = _kinds(written_forms(date_text)) or _kinds_near_the_date(written, close)
    return kinds - {"protest"} if protested else kinds


def _kinds_near_the_date(written: dict, close: str | None) -> set:
    """The clause's kinds; but "arrived in Beijing on Sunday for a state
    visit from Jan. 4 to 7" dates the visit, named next to the date, not
    the arrival the clause opens with."""
    kinds = _kinds(written)
    if kinds == {"arrive"} and close is not None:
        near = {kind for kind in _kinds(written_forms(close)) if kind != "arrive"}
        if near and "arrive" not in {SAME_KIND.get(w, w) for w in content_words(close)}:
            return near
    return kinds


def matching_events(
    earliest: datetime.date,
    latest: datetime.date,
    precision: str,
    quote: str,
    actors=(),
    *,
    clause: str | None = None,
    close: str | None = None,
    article_actors=None,
    places=(),
    published_only: bool = False,
    limit: int = MAX_MATCHES,
    probable_only: bool = False,
    referred_people=(),
    stranger_led: bool = False,
    date_text: str = "",
    protested: bool = False,
) -> list[EventMatch]:
    """Existing events a proposal may report, best first, each with a score
    from 0 to 1, the reasons for it and whether it is probably the same
    event. `actors` and `places` are those named in the sentence; `clause`
    the words around its date (the sentence when not given); a person of an
    event whom `article_actors` (those the whole article names) leaves out
    rules that event out. Four queries, whatever the number of events."""
    margin = datetime.timedelta(days=DATE_MARGIN_DAYS.get(precision, DEFAULT_MARGIN_DAYS))
    known = _candidates(earliest, latest, margin, published_only, (*actors, *places))
    written = written_forms(quote if clause is None else clause)
    clause_words = set(written)
    named = _named(quote, actors, referred_people, article_actors)
    mention = _Mention(
        earliest,
        latest,
        precision,
        margin.days,
        clause_words,
        clause_words if close is None else content_words(close),
        written,
        _mention_kinds(written, close, date_text, protested),
        mostly_latin(quote),
        named,
        None if article_actors is None else {a.pk for a in article_actors} | set(named),
        {p.pk for p in places},
        {a.pk for a in (*actors, *referred_people) if a.kind == "person"},
        stranger_led,
        _destinations(quote if clause is None else clause, actors, places),
        bool(titled_strangers(clause or quote, _patterns_of((*actors, *(article_actors or ()))))),
        # "his four-day state visit to China": a date naming the visit itself tells of no stop of it
        set() if "visit" in _kinds(written_forms(date_text)) else _visited_things(quote if clause is None else clause),
        bool(_MEETS_A_GROUP.search(quote if clause is None else clause)),
        bool(_TRILATERAL.search(quote if clause is None else clause)),
        any(a.kind == "organisation" for a in actors)
        and not any(a.kind == "person" for a in (*actors, *referred_people)),
    )
    matches = []
    for event in known.events:
        match = _weigh(event, mention, known)
        if match and match.score >= MIN_SCORE and (match.probable or not probable_only):
            matches.append(match)
    matches.sort(key=lambda m: (-m.probable, -m.score, m.event.earliest, m.event.pk))
    return matches[:limit]


def _date_in_quote(proposal) -> int | None:
    """Where the proposal's date expression is written in its quote, when known."""
    if proposal.date_start is None or proposal.start is None:
        return None
    return proposal.date_start - proposal.start


def matches_for_proposal(
    proposal, *, published_only: bool = False, limit: int = MAX_MATCHES, probable_only: bool = True
) -> list[EventMatch]:
    """The events a Proposal (saved or not) probably reports, best first:
    what the desk shows as "probably already on the timeline", empty for an
    event new to the timeline. Actors come from `actor_suggestions` (unsaved)
    or the suggested actors (saved); the article's actors and the sentence's
    places are read from the source's text when not given."""
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
            date_at=_date_in_quote(proposal),
            article=proposal.source.text,
        )
    article_actors = getattr(proposal, "article_actors", None)
    if article_actors is None:
        article_actors = names_in(proposal.source.text, actor_patterns())
    places = getattr(proposal, "place_suggestions", None)
    if places is None:
        places = names_in(proposal.quote, place_patterns())
    if dateline := _CAPITALS_DATELINE.match(proposal.quote):
        # "WASHINGTON, Jan 13 –": the place the story was filed from, in capitals.
        places = [*places, *(p for p in names_in(dateline[1].title(), place_patterns()) if p not in places)]
    at = (proposal.date_start - proposal.start) if proposal.date_start is not None else -1
    clause = event_clause(proposal.quote, at, len(proposal.date_text or ""))
    if earlier := antecedent(proposal.source.text[: proposal.start], clause):
        clause = f"{clause} {earlier}"
        places = [*places, *(p for p in names_in(earlier, place_patterns()) if p not in places)]
    referred = _people_referred(
        proposal.source.text[: proposal.start], clause, actors, article_actors, proposal.source.text
    )
    return matching_events(
        proposal.earliest,
        proposal.latest,
        proposal.precision,
        proposal.quote,
        actors,
        clause=clause,
        close=event_clause(proposal.quote, at, len(proposal.date_text or ""), near=CLOSE_WORDS),
        article_actors=article_actors,
        places=places,
        published_only=published_only,
        limit=limit,
        probable_only=probable_only,
        referred_people=referred,
        stranger_led=not referred
        and _led_by_stranger(proposal.quote, at, article_actors, proposal.source.text, len(proposal.date_text or "")),
        date_text=proposal.date_text or "",
        protested=at > 0 and bool(_PROTESTED_BEFORE.search(proposal.quote, 0, at)),
    )


_CAPITALS_DATELINE = re.compile(r"\s*([A-Z][A-Z .'’-]{2,30}),\s")
# Right before a companion's words: what they name is what was protested.
_PROTESTED_BEFORE = re.compile(rf"{PROTEST_VERB}\s+$", re.IGNORECASE)


def _led_by_stranger(quote: str, date_at: int, article_actors, article: str = "", date_length: int = 0) -> bool:
    """ "Italian Prime Minister Giorgia Meloni will visit Japan from next
    Thursday": someone the timeline does not hold, named by title before the
    date where none of its people is, does what the date dates; so does one
    the article named by title before ("Premier Li Qiang … Li will travel"),
    and one named right after a date that opens the sentence ("On Monday,
    Chief Cabinet Secretary Minoru Kihara said …")."""
    if date_at < 0:
        return False
    before = quote[:date_at]
    if _OPENING_WORD.fullmatch(before):
        after = quote[date_at + date_length :]
        verb = _SUBJECTS_VERB.search(after)
        before = after[: verb.start()] if verb else ""
    if not before.strip():
        return False
    # Whoever of the timeline the sentence names, its article names too.
    patterns = _patterns_of(article_actors or ())
    people = [(actor, pattern) for actor, pattern in patterns if actor.kind == "person"]
    if names_in(before, people):
        return False
    if titled_strangers(before, patterns):
        return True
    strangers = _article_strangers(article, tuple(pattern.pattern for _, pattern in patterns))
    return any(re.search(rf"\b{re.escape(word)}\b", before) for word in strangers)


@functools.lru_cache(maxsize=4)
def _article_strangers(article: str, known_names: tuple[str, ...]) -> frozenset[str]:
    """`stranger_names` of an article, read once for all its proposals
    rather than once for each (a long article has hundreds). Keyed by the
    actors' name patterns, not the actors, so a renamed actor is read anew."""
    return frozenset(stranger_names(article, [(None, re.compile(known)) for known in known_names]))


_OPENING_WORD = re.compile(r"\s*(?:(?:On|In|At|By|During|Since|From)\s+)?")
# The first verb after a sentence's opening date: its subject comes before it.
_SUBJECTS_VERB = re.compile(r"\b(?:said|says|told|tells|announced|will|would|has|had|is|was|were|are)\b")
# "The two leaders are to hold their first summit": whom the text just named.
_THE_TWO = re.compile(r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|heads\s+of\s+state)\b|\bthe\s+two\b", re.I)
# "he is scheduled to hold …": a person the sentence does not name acts.
_SUBJECT_PRONOUN = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|but|where|when|while)\s+)\s*(?:[Hh]e|[Ss]he)\s+(?:is|was|will|would|has|had|also|[a-z]+ed|[a-z]+s)\b"
)
# How far back "the two leaders" may look for their names.
REFERRED_WINDOW = 1500


def _people_referred(before: str, clause: str, actors, article_actors, article: str = "") -> list:
    """The two people of the article named last before a clause that names
    none but speaks of "the two leaders"; the one named last before a clause
    whose subject is "he" or "she" ("he is to hold a summit with Xi"), unless
    someone the timeline does not hold was named after them."""
    pronoun = _SUBJECT_PRONOUN.search(clause)
    if not pronoun and (any(a.kind == "person" for a in actors) or not _THE_TWO.search(clause)):
        return []
    window = before[-REFERRED_WINDOW:]
    last_seen = []
    for actor in article_actors or ():
        pattern = actor_pattern(actor) if actor.kind == "person" else None
        if pattern and (found := list(pattern.finditer(window))):
            last_seen.append((found[-1].end(), actor))
    last_seen.sort(key=lambda x: -x[0])
    if not pronoun:
        return [actor for _, actor in last_seen[:2]]
    if not last_seen or last_seen[0][1] in actors:
        return []
    strangers = _article_strangers(article, tuple(p.pattern for _, p in _patterns_of(article_actors or ())))
    after = window[last_seen[0][0] :]
    if any(re.search(rf"\b{re.escape(word)}\b", after) for word in strangers):
        return []  # "… Meloni said. She will visit …": not whom the timeline holds
    return [last_seen[0][1]]


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
        reason = {"same URL": gettext("same URL"), "same text": gettext("same text")}.get(self.reason, self.reason)
        if self.source.url:
            message = gettext("This article is already source #%(id)s (%(url)s): %(reason)s.")
        else:
            message = gettext("This article is already source #%(id)s: %(reason)s.")
        return message % {"id": self.source.pk, "url": self.source.url, "reason": reason}


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
