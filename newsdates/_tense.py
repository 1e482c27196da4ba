"""Sentence splitting and a light reading of tense around a mention: enough
to tell whether a bare "Wednesday" or "in February" looks back or ahead."""

from __future__ import annotations

import bisect
import re

# ------------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "etc",
    "mt",
    "ft",
    "rev",
    "hon",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "d.c",
    "i.e",
    "e.g",
    "a.m",
    "p.m",
    "approx",
    "dept",
    "est",
}
# A full stop and a space before a capital, or (text run together when it was
# copied, "in Shanghai.President Lee") none between a word and a capitalised one.
# (A capture may lose the space after a full stop, or after the quote closing it:
# "… hometown."This marks …")
_BOUNDARY = re.compile(
    r"[.!?]+[\"”’')\]]*(?:\s+(?=[\"“‘'(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
    r"|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z]))|\n\s*"
)
# Copy wrapped at a fixed width: one line break inside a sentence, the
# next line going on in lower case after a word or a comma.
_SOFT_WRAP = re.compile(r"\n[ \t]*")
_WRAPPED = re.compile(r"[a-z]")
_MID_SENTENCE = re.compile(r"[A-Za-z,][ \t]*$")
_TOKEN_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
# Words that open a sentence, not a surname after an initial: "a post on X. The pair ..."
_SENTENCE_OPENER = re.compile(
    r"(?:The|A|An|It|He|She|They|We|I|In|On|At|But|And|This|That|These|Those|His|Her|"
    r"Their|Its|There|When|While|After|Before|However)\b"
)


# A "sentence" longer than this (a list, a table, text without punctuation)
# is read in pieces cut at a space: tense and modal words further away than
# this never govern a date, and it keeps the reading linear in the text.
MAX_SENTENCE_CHARS = 1000


def split_sentences(
    text: str, keep: bytearray | None = None, whole: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """(start, end) of each sentence; line breaks always end one (captions,
    headlines), periods only when they do not close an abbreviation; a
    sentence over MAX_SENTENCE_CHARS is cut into pieces at spaces, never at
    a position marked in `keep` (the inside of a date expression). `whole`:
    the text's `whole_sentences`, when already known."""
    spans = whole_sentences(text) if whole is None else whole
    return [piece for span in spans for piece in _pieces(text, *span, keep)]


def _pieces(text: str, start: int, end: int, keep: bytearray | None) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        lo = start + MAX_SENTENCE_CHARS // 2
        cut = text.rfind(" ", lo, start + MAX_SENTENCE_CHARS)
        while cut > lo and keep is not None and cut < len(keep) and keep[cut]:
            cut = text.rfind(" ", lo, cut)
        cut = cut if cut > lo else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    if text[start:end].strip():
        pieces.append((start, end))
    return pieces


# A timeline's heading line ("- Aug. 24, 2023:", "Early November 2025:") that
# dates the line under it.
_LABEL_LINE = re.compile(r"\s*[-•*]?\s*[A-Z0-9][\w.,' -]{1,30}:\s*")


def _inside_a_title(text: str, start: int, boundary: re.Match[str]) -> bool:
    """Whether a "!" or "?" stands inside a quotation that closes later on its
    line, a few words on, with no closing quote of its own."""
    if any(q in boundary.group() for q in '"”'):
        return False
    before = text[start : boundary.start()]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    line_end = text.find("\n", boundary.end())
    rest = text[boundary.end() : line_end if line_end >= 0 else len(text)][:60]
    return opened and ("”" in rest or '"' in rest)


def whole_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, however long."""
    spans: list[tuple[int, int]] = []
    start = 0
    for b in _BOUNDARY.finditer(text):
        if b.group().startswith(".") and "\n" not in b.group():  # (a line break ends a sentence all the same)
            tok = _TOKEN_BEFORE.search(text, max(start, b.start() - 12), b.start() + 1)
            word = tok.group(1).lower().strip(".") if tok else ""
            initial = len(word) == 1 and word.isalpha() and not _SENTENCE_OPENER.match(text, b.end())
            if word in _ABBREVIATIONS or initial:
                continue
        end = b.start() + len(b.group().rstrip())
        if b.group()[0] in "!?" and _inside_a_title(text, start, b):
            continue  # "its "LisAni! LIVE Shanghai 2025" concert": the title's "!" ends nothing
        if b.group().startswith("\n") and _LABEL_LINE.fullmatch(text, start, end):
            continue  # "- Aug. 24, 2023:" heads the line under it: one sentence
        if _SOFT_WRAP.fullmatch(b.group()) and _WRAPPED.match(text, b.end()) and _MID_SENTENCE.search(text, start, end):
            continue  # "will hold talks with Takaichi \nin Nara on Tuesday": a line wrapped mid-sentence
        if text[start:end].strip():
            spans.append((start, end))
        start = b.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# ------------------------------------------------------------------ tense cues

# Hard clause edges: a dash-bounded aside or a quotation has its own tense.
_CLAUSE_EDGE = re.compile(r"[;:()\[\]“”\"]|\s[—–-]\s|—")
# Soft edges split a clause into comma segments.
_SEGMENT_EDGE = re.compile(r",")
_ASIDE_START = re.compile(r"\s*(?:who|whom|whose|which|where|an?|the)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:and|but|or|yet|while|whereas)\s", re.IGNORECASE)
# "…, and again on": a coordinated clause that leaves its verb out.
_ELLIPSIS = re.compile(
    r"\s*(?:and|but|or)\s+(?:(?:again|then|also|later|once\s+more|even|only)\s+)*(?:(?:on|in|at|by|from)\s+)?",
    re.IGNORECASE,
)
_FOLLOWING = re.compile(r"\s*(?:following|in\s+the\s+wake\s+of)\b", re.IGNORECASE)
_RELATIVE_START = re.compile(r"\s*(?:who|whom|whose|which|where)\b", re.IGNORECASE)
# "plans to visit" is a plan; "approved the plan to dissolve" is not.
# "due to escalating tensions", "due to the storm": a cause, not a plan.
_DUE = r"due(?!\s+to\s+(?:the|a|an|its|his|her|their|this|that|these|those|[a-z]+ing\b|[A-Z]))"
_PLANS_TO = r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)plans?\s+to"
_FUTURE = re.compile(
    rf"\b(?:(?:(was|were|had\s+been)\s+)?(?:\w+ly\s+|also\s+|still\s+)?(?:set|expected|scheduled|slated|{_DUE}|poised|"
    r"going|planning|preparing|likely)\s+(?:to|for|on|in)|will|won['’]t|shall|would(?!\s+have)|"
    rf"could(?!\s+(?:not|have))|{_PLANS_TO}|"
    r"aims?\s+to|hopes?\s+to|intends?\s+to|(?:is|are)\s+to|(?<=\b(?:he|it))['’]s\s+to(?=\s+[a-z])|"
    r"(?<=\bshe)['’]s\s+to(?=\s+[a-z])|may|might|upcoming|coming|tomorrow|"
    # "shaping the next 60 years of relations" is a stretch of time, not a plan
    r"next(?!\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|many)\s+"
    r"(?:years|months|decades|weeks|days|centuries))|"
    r"forecast\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)
# Past verbs whose complement lies ahead: "agreed to ban ... by the end of the year".
_FUTURE_COMPLEMENT = re.compile(
    r"\b(?:agreed|decided|voted|promised|pledged|vowed|threatened|sought|wanted|asked|ordered|planned|"
    r"prepared|agrees|decides|promises|pledges|vows|threatens|seeks|wants|asks|orders)\s+(?:\w+\s+){0,4}?to\s+[a-z]+\b"
    # what is proposed lies ahead: "has proposed hosting a summit in March"
    r"|\b(?:proposed|proposes|proposing|suggested|suggests|offered|offers)\s+(?:hosting|holding|a|an|to)\b"
    # what something was done ahead of comes after it: "spoke to NHK ahead of his visit … on Tuesday"
    r"|\bahead\s+of\b"
)
# Present-tense verbs of schedules: "the festival opens on Wednesday" (not an
# infinitive, "to play the drums at APEC last year", nor "face-to-face").
_SCHEDULED = re.compile(
    r"(?<!-)(?<!\bto )(?<!\ba )(?<!\bthe )(?<!\bits )"
    # a noun after a possessive or a kind of visit: "began a state visit on Sunday"
    r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bstate )(?<!\bofficial )(?<!\bworking )"
    # "did not leave until Saturday": the bare verb of a past negation
    r"(?<!\bdid )(?<!\bdid not )(?<!\bdidn't )(?<!\bdidn’t )"
    r"\b(?:opens?|closes?|reopens?|starts?|begins?|ends?|meets?|resumes?|arrives?|returns?|leaves?|"
    r"travels?|visits?|heads?|faces?|plays?|hosts?|holds?|goes|go|runs?|launch(?:es)?|votes?|decides?|"
    r"expires?|expects?|kicks?\s+off|takes?\s+place|takes?\s+effect|is\s+due|are\s+due|is\s+on|are\s+on)\b(?!-)(?=(?:\s+\S+){0,5}\s*$)",
    re.IGNORECASE,
)
# After "to" a schedule word is an infinitive, after "a", "the" or "its" a
# noun ("drew to a close"), neither a present-tense verb.
# A schedule word after a stated length is a noun, not a present-tense verb:
# "ended a three-day visit on Monday" looks back.
_LENGTH_BEFORE = re.compile(r"\b\w+[-\u2010\u2011](?:day|week|long)\s+$", re.IGNORECASE)
_IRREGULAR_PAST = (
    "made|met|took|taken|went|gone|came|saw|seen|began|begun|gave|given|became|left|won|lost|hit|"
    "led|paid|sent|spent|fell|fallen|rose|risen|ran|found|got|brought|bought|thought|sought|built|struck|"
    "spoke|spoken|chose|chosen|drove|flew|flown|grew|grown|knew|known|shook|stood|sold|kept|meant|"
    "felt|fought|caught|taught|broke|broken|froze|stole|woke|was|were|had|did|been|ago|earlier|"
    "previously|yesterday|former|overtook|withdrew|drew|ate|hid|lay|sank|swore|tore|wore|held|"
    "said|told|wrote|written"
)
_PAST = re.compile(
    rf"\b(?:{_IRREGULAR_PAST})\b|\b[a-z]{{2,}}(?:ed|ied)\b(?!\s+(?:to|by)\b)|"
    # "as announced by the ministry on Tuesday": a source's past saying, not a passive
    r"\bas\s+(?:announced|reported|confirmed|stated)(?=\s+by\b)|"
    r"\b(?:has|have)\s+(?:\w+ly\s+|not\s+|never\s+|also\s+|already\s+)?[a-z]+(?:ed|en|wn|ne)\b"
)
_NOT_PAST = {
    "need",
    "speed",
    "feed",
    "seed",
    "indeed",
    "bed",
    "red",
    "shed",
    "hundred",
    "embed",
    "united",
    "based",
    "related",
    "limited",
    "advanced",
    "interested",
    "concerned",
    "proposed",
    "so-called",
    "detailed",
    "skilled",
    "armed",
    "aged",
    "supposed",
    "used",
    "breed",
    "exceed",
    "proceed",
    "succeed",
    "weed",
    "heed",
    "creed",
    "greed",
    "naked",
    "wicked",
    "sacred",
    "kindred",
}
# Reporting verbs date the report, not what is reported: they count only when
# the mention hangs on them ("said Tuesday", "told reporters on Monday").
_REPORTING = {
    "said",
    "told",
    "wrote",
    "written",
    "added",
    "noted",
    "stated",
    "reported",
    "announced",
    "warned",
    "explained",
    "claimed",
    "confirmed",
}
_DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "your",
    "my",
    "some",
    "any",
    "no",
    "each",
    "every",
}
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z’']+)\s+([A-Za-z’'-]+)\s+$")
_STRONG_PAST = {"was", "were", "had", "did", "ago", "earlier", "previously", "yesterday", "former", "been"}
_PASSIVE_AUX = re.compile(
    r"\b(?:be|being|is|are|am|get|gets|to|remains?|stays?|seems?|looks?|become|becomes)\s+"
    r"(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_PAST_ONLY = {
    "went",
    "came",
    "saw",
    "began",
    "gave",
    "became",
    "fell",
    "rose",
    "ran",
    "took",
    "spoke",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "shook",
    "broke",
    "froze",
    "stole",
    "woke",
    "wrote",
    "ate",
    "hid",
    "drew",
    "withdrew",
    "overtook",
    "sank",
    "swore",
    "tore",
    "wore",
    "did",
    "was",
    "were",
}
_CLAUSE_START = re.compile(r"(?:^|[.,;:—“\"\n]|\b(?:and|but|while|as|when))\s*$")
_PREPOSITION_AFTER = re.compile(r"\s+(?:in|on|at|with|by|for|from|during|under|over|since|after|before|into)\b")
# "other industrialized democracies", "the planned summit": an -ed word
# between a determiner and its noun is an adjective.
_QUANTIFIERS = {"other", "many", "several", "both", "all", "few", "more", "most"}
_WORD_BEFORE = re.compile(r"\b([A-Za-z’']+)\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:in|on|at|to|with|by|for|from|during|under|over|since|after|before|into|and|or|that|the|a|an|"
    r"as|than|up|out|off|down|back|away|about|against)\b)[a-z][a-z-]+\b"
)


def _attributive(text: str, pos: int, word: str) -> bool:
    before = _WORD_BEFORE.search(text, max(0, pos - 20), pos)
    return (
        before is not None
        and before.group(1).lower() in _DETERMINERS | _QUANTIFIERS
        and _NOUN_AFTER.match(text, pos + len(word)) is not None
    )


def _participle(text: str, pos: int, word: str) -> bool:
    """'the progress made with Lee', 'will be suspended': the participle says
    nothing about the clause's tense (the auxiliary, if any, does)."""
    if word in _STRONG_PAST or word in _PAST_ONLY:
        return False
    before = text[max(0, pos - 30) : pos]
    if _PASSIVE_AUX.search(before) or _attributive(text, pos, word):
        return True
    m = _TWO_WORDS_BEFORE.search(before)
    if not (
        m
        and m.group(1).lower() in _DETERMINERS
        and m.group(2).islower()
        and _PREPOSITION_AFTER.match(text, pos + len(word))
    ):
        return False
    # "The storm hit on Wednesday": a clause-initial noun phrase is the subject
    return not _CLAUSE_START.search(text, max(0, pos - 70), pos - len(before) + m.start())


class _Found:
    """Every match of one cue pattern in a sentence, found once and then
    looked up by range: a sentence holding many dates is read once, not once
    per date (which made long, date-dense texts quadratic)."""

    def __init__(self, pattern: re.Pattern[str], text: str, lo: int, hi: int):
        self.matches = list(pattern.finditer(text, lo, hi))
        self.starts = [m.start() for m in self.matches]

    def within(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The matches lying wholly inside [lo, hi)."""
        found = []
        for i in range(bisect.bisect_left(self.starts, lo), len(self.matches)):
            m = self.matches[i]
            if m.start() >= hi:
                break
            if m.end() <= hi:
                found.append(m)
        return found

    def last_before(self, pos: int) -> re.Match[str] | None:
        i = bisect.bisect_right(self.starts, pos - 1) - 1
        while i >= 0 and self.matches[i].end() > pos:
            i -= 1
        return self.matches[i] if i >= 0 else None


class _Sentence:
    """The cues of one sentence, read on first use."""

    def __init__(self, text: str, sent: tuple[int, int]):
        self.text, self.sent = text, sent
        self._found: dict[int, _Found] = {}

    def found(self, pattern: re.Pattern[str]) -> _Found:
        # keyed by identity: hashing a compiled pattern hashes its source
        found = self._found.get(id(pattern))
        if found is None:
            found = self._found[id(pattern)] = _Found(pattern, self.text, *self.sent)
        return found


_last_sentence: list[_Sentence] = []


def _sentence(text: str, sent: tuple[int, int]) -> _Sentence:
    """The cue cache of a sentence: mentions come in text order, so the
    sentence read last is kept (the same text object, the same bounds)."""
    if _last_sentence and _last_sentence[0].text is text and _last_sentence[0].sent == sent:
        return _last_sentence[0]
    _last_sentence[:] = [_Sentence(text, sent)]
    return _last_sentence[0]


# A reporting verb's own setting: "said at a press conference on", "told reporters in Tokyo on".
_WHERE_SAID = re.compile(
    r"\s+(?:(?:reporters|journalists|lawmakers|parliament|the\s+\w+)\s+)?(?:at|in|during)\s+"
    r"(?:a|an|the|his|her|their)?\s*(?:[\w-]+\s+){0,3}?(?:(?:on|in|at)\s+)?$"
    # "as announced by Cheong Wa Dae on Tuesday": who said it, then when
    r"|\s+by\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}(?:on\s+)?$",
    re.IGNORECASE,
)
# "agreed to pursue stable ties at their meeting at APEC on Friday": the
# date is of the occasion the agreeing happened at, not of what was agreed.
_AT_THEIR_OCCASION = re.compile(
    r"\b(?:at|during|in)\s+(?:their|his|her|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|call|conversation|visit|trip|session)\s+(?:(?:at|in)\s+(?:[\w-]+\s+){1,3}?)?"
    r"(?:on|in|at)?\s*$",
    re.IGNORECASE,
)
# "who had been asked to cancel her Friday show": a plan made before a past
# time, so past itself.
_HAD_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
# "amid the row over Takaichi's remarks in November": a date of something a
# person did, named as a thing, keeps none of the tense of a verb before it.
_POSSESSED_EVENT = re.compile(
    r"\w['’]s\s+(?:[\w-]+\s+){0,2}?(?:remarks?|comments?|statements?|suggestion|speech|testimony|answer|"
    r"decision|move|announcement|claims?|assertion|warning|pledge|promise)\s+(?:in|on|at|from)\s+$"
)


def _cues(sentence: _Sentence, lo: int, hi: int, start: int, end: int) -> list[tuple[int, int, str]]:
    text = sentence.text
    found: list[tuple[int, int, str]] = []
    for f in sentence.found(_FUTURE).within(lo, hi):
        found.append((f.start(), f.end(), "past" if f.group(1) else "future"))
    for p in sentence.found(_PAST).within(lo, hi):
        word = p.group().lower()
        if word in _NOT_PAST or _participle(text, p.start(), word):
            continue
        if word in _REPORTING:
            between = text[p.end() : start] if p.end() <= start else text[end : p.start()]
            # "said at a press conference on Monday": the saying's own date.
            where_said = p.end() <= start and _WHERE_SAID.match(between)
            if (len(between.split()) > 3 and not where_said) or " that " in f" {between} ":
                continue
        found.append((p.start(), p.end(), "past"))
    for f in sentence.found(_FUTURE_COMPLEMENT).within(lo, min(hi, start)):
        occasion = _AT_THEIR_OCCASION.search(text, f.end(), start)
        if occasion or _HAD_BEFORE.search(text, max(lo, f.start() - 12), f.start()):
            continue
        found.append((f.start(), f.end(), "future"))
    s = next(
        (
            s
            for s in _SCHEDULED.finditer(text, max(lo, start - 40), start)
            if not _LENGTH_BEFORE.search(text, max(lo, s.start() - 40), s.start())
        ),
        None,
    )
    if s:
        found.append((s.start(), s.end(), "future"))
    possessed = _POSSESSED_EVENT.search(text, max(lo, start - 60), start)
    # "This week's fair has drawn crowds": the date names the fair; what is
    # said of it afterwards is no tense of the fair's, unless a relative
    # clause tells the fair itself ("Saturday's incident in which jets flew").
    owned = text.startswith(("'s", "’s"), end)
    # A cue after "that" is the reported clause's: "said on Monday that she
    # will …"; one after "and" the next predicate's: "ahead of the vote on
    # Sunday and announced …".
    return [
        c
        for c in found
        if (c[1] <= start and not (possessed and c[1] <= possessed.start()))
        or (
            c[0] >= end
            and not (owned and not _TELLS_IT.search(text, end, c[0]))
            and not _THAT_OR_AND.search(text, end, c[0])
        )
    ]


_TELLS_IT = re.compile(r"\b(?:which|where|when|who)\b")


_THAT_OR_AND = re.compile(r"\b(?:that|and)\b")


def _nearest(cues: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best: tuple[int, str] | None = None
    for c0, c1, tense in cues:
        # a cue after the mention governs it less often ("announced in January would pay off")
        dist = start - c1 if c1 <= start else c0 - end + 12
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else None


# A source opening the sentence or a segment: "According to reports on the 13th, …".
_SOURCE_OPENING = re.compile(r"[\s,]*(?:[Aa]ccording\s+to|[Cc]iting)\b")


def tense_at(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    """'past', 'future' or None (no evidence) from the cues nearest the mention:
    first in its own comma segment, then, if that has none ("On Monday, Japan
    initiated ..."), in the rest of the clause, skipping relative clauses and
    appositions, which carry their own tense."""
    sentence = _sentence(text, sent)
    segments, own = _clause(sentence, start, end)
    if _SOURCE_OPENING.match(text, own[0], start):
        return "past"  # "According to reports on the 13th, …": the reports were made
    right = segments[-1][1] if segments else sent[1]
    tense = _nearest(_cues(sentence, own[0], min(own[1], right), start, end), start, end)
    if tense:
        return tense
    if _FOLLOWING.match(text, own[0]):
        return "past"  # "…, following talks in early November": what came before the clause's event
    cues: list[tuple[int, int, str]] = []
    for seg in _main_segments(text, segments, own):
        cues.extend(_cues(sentence, seg[0], seg[1], start, end))
    if not cues and _ELLIPSIS.fullmatch(text, own[0], start):
        # "met on Friday, and again on Sunday": a coordinated clause with no
        # verb of its own or after it shares the one before it.
        for seg in _main_segments(text, segments, own, coordinated=False):
            cues.extend(_cues(sentence, seg[0], seg[1], start, end))
    return _nearest(cues, start, end)


def _clause(sentence: _Sentence, start: int, end: int) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """The comma segments of the clause holding a mention, and the mention's own segment."""
    s0, s1 = sentence.sent
    edges = sentence.found(_CLAUSE_EDGE)
    before = edges.last_before(start)
    left = before.end() if before else s0
    after = edges.within(end, s1)
    right = after[0].start() if after else s1
    commas = sentence.found(_SEGMENT_EDGE).within(left, right)
    bounds = [left] + [e.end() for e in commas] + [right]
    segments = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
    own = next((s for s in segments if s[0] <= start < s[1]), (left, right))
    return segments, own


def _main_segments(
    text: str, segments: list[tuple[int, int]], own: tuple[int, int], coordinated: bool = True
) -> list[tuple[int, int]]:
    """The other segments of the clause that can carry its verb. Relative
    clauses and appositions carry their own tense and are skipped, but the
    segment right after an opening adverbial ("On Wednesday, the two leaders
    will visit ...") is the main clause even when it starts with "the"."""
    main = []
    # "…, and more rain is forecast for Wednesday": a coordinated clause of
    # its own; the clause before the conjunction has another verb and tense.
    coordinated = coordinated and _COORDINATED.match(text, own[0]) is not None
    for i, seg in enumerate(segments):
        if seg == own or (coordinated and seg[0] < own[0]):
            continue
        # An apposition follows a comma: the clause's first segment ("The two
        # leaders are expected to hold talks ..., on Tuesday afternoon, ...")
        # is its subject and verb even when it starts with "the".
        after_opening = i == 1 and segments[0] == own
        may_be_aside = i > 0 and not after_opening
        if _RELATIVE_START.match(text, seg[0]) or (may_be_aside and _ASIDE_START.match(text, seg[0])):
            continue
        main.append(seg)
    return main


# ------------------------------------------------------------------- modality

# What a clause says of its event beyond tense: planned, only likely, or off.
# Checked in this order, so "is expected to be postponed" is cancelled and
# "will likely visit" expected. A past auxiliary ("was expected to") reports an
# old plan and says nothing of the event's status now.
_MODALITIES = (
    (
        "cancelled",
        re.compile(
            r"\b(?:cancel(?:l)?ed|cancels?|call(?:ed|s)?\s+off|postpone[sd]?|scrapped|scraps|shelved|put\s+off|"
            r"(?:was|were|been|be)\s+suspended|(?:refused|refuses|declined|declines)\s+to\s+(?:attend|join|hold|host|"
            r"take\s+part|participate|go)|boycott(?:s|ed)?|pulled\s+out\s+of|fell\s+through)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "expected",
        re.compile(
            r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bas\s)\b(?:(?:widely\s+|also\s+)?expected\s+"
            r"(?:to|later|on|in|next|this|by|around|early|late)\b|may|might|"
            r"could(?!\s+(?:not|have))|likely|probably|possibly|poised\s+to|projected\s+to|forecast\s+to|"
            # "is anticipated to be released on Tuesday": looked for, not set
            r"(?:is|are)\s+anticipated\s+to|"
            r"(?:is|are)\s+preparing\s+to|considering|(?:is|are)\s+being\s+(?:coordinated|considered|discussed|"
            r"arranged|planned|weighed)|under\s+consideration|"
            # "reportedly said on Wednesday": a hedge on the source, not on what it said was done
            r"reportedly(?!\s+(?:said|told|stated|added|confirmed))|"
            # a wish or an aim, not yet a plan that was set
            r"(?:hopes?|hoping|aims?|aiming|wants?|wishes|seeks?|eager|keen)\s+to\b|"
            # a meeting still being arranged: "is working to arrange", "is coordinating"
            r"(?:is|are|has\s+been|have\s+been)\s+(?:working|seeking|trying|pushing|looking)\s+to|"
            r"(?:is|are|has\s+been|have\s+been)\s+(?:(?:quietly|still)\s+)?(?:coordinating|arranging|"
            r"negotiating|in\s+talks\s+(?:to|on|over|about))|"
            # "consultations are underway to arrange a meeting": not yet arranged
            r"(?:is|are)\s+(?:under\s?way|ongoing)\s+to\b|"
            # agreed only to work on it: "agreed to coordinate for the visit to happen this spring"
            r"(?:agreed|agrees|agree|(?:reached|reach|reaches)\s+an\s+agreement)\s+(?:with\s+(?:[\w.-]+\s+){1,4}?)?"
            r"to\s+(?:co-?ordinate|work\s+(?:towards?|on)|"
            r"arrange|explore|seek|consider)\b|"
            # "work toward a visit", "talks eyed for March 20", "mulling a trip": an aim, not a plan set
            r"(?:work|works|working)\s+towards?|eyed\s+for|being\s+eyed|eyeing|mull(?:s|ing)|weighing|"
            # an invitation, not yet accepted: "has invited Mori to visit Kobe this year"
            r"\b(?:invited|invites|invite|inviting|urged|urges|urge|urging)\s+(?:[\w.-]+\s+){1,6}?to\s+"
            r"(?:visit|come|travel)\b|"
            # "the chamber would be dissolved on Jan. 23, according to officials": a
            # report, not a plan set (unless someone who sets it said so: _SAID_IT_WOULD)
            r"would(?!\s+(?:have|not|never)\b)|"
            # what the media report of a plan is not yet confirmed: "Media reports
            # have said Mori plans to …" (not "reports said on Monday", their own date)
            r"(?:[Mm]edia|[Pp]ress|[Nn]ews)\s+reports?\s+(?:have\s+|had\s+)?(?:said|say|suggest(?:ed|s)?|indicated?)"
            r"(?!\s+(?:on|in|at|last|this|earlier|[A-Z][a-z]+day)\b)|"
            # "the agency forecasts that this year will see a fall": a forecast
            r"(?:forecasts?|forecasted|predicts?|predicted|projects|projected)\s+that|"
            # "a vote as early as Feb. 8": the soonest it could be, not a date set
            r"as\s+early\s+as|"
            # a headline leaves the auxiliary out: "Seoul, Tokyo arranging talks for Oct 30"
            r"(?<!\bafter\s)(?<!\bbefore\s)(?<!\bby\s)\b(?:arranging|coordinating))\b"
        ),
    ),
    (
        "scheduled",
        re.compile(
            rf"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:will|shall|(?:(?:is|are)\s+)?(?:set|scheduled|slated|{_DUE})\s+to|"
            rf"(?:is|are)\s+to|(?:is|are)\s+going\s+to|{_PLANS_TO}|planning\s+to|intends?\s+to|upcoming)\b|['’]ll\b",
            re.IGNORECASE,
        ),
    ),
)


# After a mention, a modal word governs it only when close and in the same
# clause: not in "last year's race that she might ..." or "her November
# remarks suggesting Japan could ...".
_MODAL_REACH = 30
_NEW_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|when|where|if|whether|[a-z]{3,}ing)\b")


def _modality_in(
    sentence: _Sentence, lo: int, hi: int, start: int = -1, end: int = -1, hedges: bool = True, after: bool = True
) -> str | None:
    """The first modality whose cue lies in [lo, hi); with a mention at
    [start, end) inside, a cue after it counts only when it is near, in the
    same clause, or says the event was called off (and only if `after`);
    "would" only if `hedges`."""
    for status, cue in _MODALITIES:
        for found in sentence.found(cue).within(lo, hi):
            if not hedges and found.group().lower() == "would":
                continue
            if status == "cancelled" and _SUBORDINATE_BEFORE.search(
                sentence.text[max(end, lo) : found.start()].rsplit(",", 1)[-1]
            ):
                # "sang the next day after her concert was cancelled": the other event's.
                continue
            said = status == "expected" and _said_it_would(sentence.text, found)
            found_status = "scheduled" if said else status
            if found.end() <= start or start < 0 or status == "cancelled":
                return found_status
            between = sentence.text[end : found.start()]
            if after and found.start() >= end and len(between) <= _MODAL_REACH and not _NEW_CLAUSE.search(between):
                return found_status
    return None


_SAID_ON = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|lawmakers)|announced|stated|added)\s+(?:on\s+)?$", re.IGNORECASE
)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|because|since|as|when|following|once)\b", re.IGNORECASE)
# "The ministry said Mori would visit Kobe": who sets the plan said it would
# happen; "sources said", "officials said" only report it.
_SAID_IT_WOULD = re.compile(
    r"(?<!\bsources\s)(?<!\bofficials\s)(?<!\breports\s)(?<!\binsiders\s)(?<!\bmedia\s)"
    r"\b(?:said|says|announced|announces|confirmed|confirms|stated|agreed|agrees)\s+(?:[\w'’.-]+\s+){0,10}$",
    re.IGNORECASE,
)


def _said_it_would(text: str, found: re.Match[str]) -> bool:
    return found.group().lower() == "would" and bool(
        _SAID_IT_WOULD.search(text, max(0, found.start() - 100), found.start())
    )


# In another segment of the clause, a modal word in a relative or reported
# clause ("the embassy rejected a request that the army might ...") or in an
# "as" clause ("comes as Kobe seeks to ...") is not the clause's own.
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|when|where|if|whether|as(?=\s+[A-Z]))\b")


# A plan the sentence goes on to call off or turn down: "the meeting, which
# was scheduled for the 24th, was postponed", "proposed a summit in January,
# but Beijing is rejecting it", "Summit in January; Beijing Rejects",
# "initially sought to hold it this year, but is now aiming for March".
_OLD_PLAN = re.compile(r"\b(?:was|were|had\s+been)\s+(?:scheduled|planned|set|slated|due)\b", re.IGNORECASE)
_TURNED_DOWN = re.compile(
    r"(?:\bbut\b|;|\bhowever\b)[^.;]*?\b(?:reject(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+(?:it\s+)?down|"
    r"refus(?:es|ed|ing)(?!\s+to\s+(?:comment|say|confirm|disclose|elaborate|answer|speak|discuss)))\b",
    re.IGNORECASE,
)
# "The show — scheduled for 20 November, at the theatre — has been cancelled":
# a plan set off from its subject, which the rest of the sentence calls off.
_PLAN_ASIDE = re.compile(
    r"\s*(?:originally\s+|initially\s+)?(?:scheduled|planned|slated|set)\s+(?:for|on|to\s+\w+\s+on)\s+$",
    re.IGNORECASE,
)
_FIRST_PLAN = re.compile(r"\b(?:initially|originally|at\s+first)\b", re.IGNORECASE)
_BUT = re.compile(r"\bbut\b", re.IGNORECASE)


_CALLED_OFF = r"(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:cancel+ed|postponed|called\s+off|scrapped)"
_OPENING_DAY = re.compile(r"\s*(?:[Oo]n\s+)?$")
_CALLED_OFF_AFTER = re.compile(rf"\s*,\s*(?:[\w'’-]+\s+){{1,6}}?{_CALLED_OFF}\b")
_CALLED_OFF_BEFORE = re.compile(rf"\b{_CALLED_OFF}\s+(?:on\s+)?$")


def _day_it_was_called_off(text: str, sent: tuple[int, int], start: int, end: int) -> bool:
    """Whether the date is that of the calling off, not of what was called off:
    "On 28 Nov, the concert was hastily cancelled", "was postponed on Monday"."""
    opening = _OPENING_DAY.fullmatch(text, sent[0], start) and _CALLED_OFF_AFTER.match(text, end, sent[1])
    return bool(opening or _CALLED_OFF_BEFORE.search(text, max(sent[0], start - 40), start))


_SET_TO = re.compile(r"\b(?:was|were)\s+(?:set|scheduled|slated|due)\s+to\s+[a-z]", re.IGNORECASE)


def _plan_undone(sentence: _Sentence, own: tuple[int, int], start: int, end: int) -> bool:
    text, (s0, s1) = sentence.text, sentence.sent
    cancelled = _MODALITIES[0][1]
    if _OLD_PLAN.search(text, own[0], own[1]) and sentence.found(cancelled).within(s0, s1):
        return True
    if _PLAN_ASIDE.match(text, own[0], start) and sentence.found(cancelled).within(own[1], s1):
        return True
    if _TURNED_DOWN.search(text, end, s1):
        return True
    return bool(_FIRST_PLAN.search(text, own[0], start) and _BUT.search(text, end, s1))


def modality_at(
    text: str, sent: tuple[int, int], start: int, end: int, past: bool = False, ahead: bool = False
) -> str | None:
    """'cancelled', 'expected', 'scheduled' or None, from the words of the
    mention's own comma segment; when that segment has no verb of its own
    ("On Wednesday, the two leaders will visit ..."), from the rest of the
    clause, up to a subordinate clause there. A date wholly `past` takes no
    plan from the rest of the clause ("X will meet Y on Monday, following
    their meeting in early November"); a date still `ahead` may be a plan
    the sentence calls off."""
    sentence = _sentence(text, sent)
    if past and _day_it_was_called_off(text, sent, start, end):
        return None  # "On 28 Nov, the concert was cancelled": the calling off happened that day
    segments, own = _clause(sentence, start, end)
    if _SOURCE_OPENING.match(text, own[0], start):
        # "According to media reports on the 13th, Mori is expected to …":
        # the reports' date; the plan they report is not theirs.
        return None
    # (a plan that "was slated" for a day now past, in a sentence that calls it off, is off too)
    planned = ahead or _PLAN_ASIDE.match(text, own[0], start) or _OLD_PLAN.search(text, own[0], own[1])
    if planned and _plan_undone(sentence, own, start, end):
        return "cancelled"
    # "Koizumi said Friday he would visit": the day is the saying's; what follows is what was said.
    said = bool(_SAID_ON.search(text, max(own[0], start - 30), start))
    found = _modality_in(sentence, own[0], own[1], start, end, after=not said)
    if not found and not past and _SET_TO.search(text, own[0], own[1]):
        # "Lee was set to hold talks with Xi on Monday", filed that Monday:
        # the wire's plan, not yet done.
        return "scheduled"
    if found or _cues(sentence, own[0], own[1], start, end):
        return found
    for seg in _main_segments(text, segments, own):
        subordinate = _SUBORDINATE.search(text, seg[0] + 1, seg[1])
        # "declined to comment on Wednesday, saying what would be targeted was
        # unclear": a hedge in another segment is what was said, not the act's.
        found = _modality_in(sentence, seg[0], subordinate.start() if subordinate else seg[1], hedges=False)
        if found and not (past and found in ("scheduled", "expected")):
            return found
    return None
