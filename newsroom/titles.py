"""
A short title proposed for an event from the sentence that reports it, in
the shape of a headline: who did what, and where ("Takaichi and Lee met in
Nara"). It comes from the clause around the date, without the date itself,
who said so, asides (an age, "according to …") or the linking word that
opens it. A clause that is no sentence of its own borrows what it lacks
from the sentence's main clause: its subject ("… before flying to Osaka"
→ "The minister flew to Osaka"), and the main verb's tense for a participle
("Japan returning home" → "Japan returned home"); a clause with nothing to
say (the date alone) gives way to the main clause. Cut at a word to fit a
chart label. Not the sentence's first words: those are often attribution or
background ("Takaichi, 64, called the rare winter …").
"""

import re
from dataclasses import dataclass

from newsdates import OCCASION_DAY
from newsroom.verbs import BASE, PARTICIPLE, PAST, PRESENT, inflect, verb_form
from timeline.models import SHORT_TITLE_LENGTH

# Clauses end at ";" or ":", or at a comma or a linking word that opens another.
CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s*|,\s+(?=(?:and|but|while|after|before|as|when|which|who|where)\b)|\s+(?=(?:before|after|while|whereas)\s)"
    r"|,\s+"
)
AGE_ASIDE = re.compile(r",\s*\d{1,3},")
# A wire story's dateline: "NARA, Japan — ", "SEOUL (Reuters) - ".
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’-]+(?:,\s*[\w .]+?)?|(?:[A-Z][A-Za-z .'’-]+,\s*)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"(?:\s*\([^)]*\))?\s*[—–-]+\s+"
)
ACCORDING_TO = re.compile(r"\baccording to [^,.;]+,?\s*", re.IGNORECASE)
# "Officials said on Monday that …", "The ministry announced that …"; the sayer is kept for "it", "they".
SAID_THAT = re.compile(
    r"^(?P<sayer>[\w .'’-]{0,60}?)\s*\b(?:said|says|announced|reported|confirmed|told [\w ]{1,30}?)"
    r"(?:\s+on\s+\w+)?\s+that\s+",
    re.I,
)
# "…, aides said." "…, the ministry said on Friday."
SAID_AFTER = re.compile(
    r",?\s*(?:\w+\s){0,4}?(?:said|says|reported|announced|added|told [\w ]{1,30})(?:\s+on\s+\w+)?\s*$", re.I
)
OPENING_LINK = re.compile(
    r"^(?:and|but|so|then|after|before|when|while|as|once|since|because|although|though|if|which|who|with|"
    r"without|following|by|during|amid|despite)\b[\s,]*",
    re.I,
)
DATE_PREPOSITIONS = (
    r"(?:(?:on|in|at|by|from|until|till|since|during|for|of|this|last|next|early|late|mid|around|the)\s+)*"
)
TRAILING_SMALL_WORDS = re.compile(
    r"(?:\s+(?:a|an|the|to|of|and|or|in|on|at|for|by|with|from|its|his|her|their|that|as|be|will|is|was))+$", re.I
)
# Before a noun, never before a verb: "the visit", "after talks", "a planned summit".
NOUN_MARKERS = {
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those", "whose", "of", "for",
    "in", "on", "at", "after", "before", "since", "with", "without", "during", "amid", "despite", "following",
    "into", "from", "over", "about", "against", "between", "under", "via", "per", "and", "or",
}  # fmt: skip
AUXILIARIES = {
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "did", "does", "do",
}  # fmt: skip
# Between an auxiliary and its verb: "will also meet", "is now expected".
AUXILIARY_ADVERBS = {"also", "still", "now", "then", "later", "soon", "again", "first", "likely", "probably",
    "formally", "officially", "reportedly", "jointly", "already"}  # fmt: skip
PREPOSITIONS = {"after", "before", "since", "following", "with", "without", "by", "during", "amid", "despite"}
# Words in -ing that name a thing more often than they say what someone did.
NOUNS_IN_ING = {"meeting", "briefing", "hearing", "signing", "opening", "closing", "building", "ruling", "gathering",
    "spending", "funding", "landing", "sitting", "warning", "ending", "offering", "trading", "bombing", "shooting",
    "killing", "swearing", "founding", "morning", "evening", "during", "ceremony", "setting", "standing"}  # fmt: skip
# Who a clause is about when it says only "both" or "they": the main clause's subject instead.
STAND_INS = {"both", "all", "each", "they", "it", "he", "she", "we", "some", "many", "who", "which"}
FUTURE = {"will", "shall", "would", "'ll"}
PRONOUNS = {"it", "they", "he", "she", "we"}
SUBJECT_WORDS = 8
ADVERBIAL = re.compile(
    r"(?:\(|(?:particularly|especially|notably|even)\s+)?(?:in|at|during|as\s+of|compared\s+(?:with|to)|despite|"
    r"amid|under|from|by)\b",
    re.IGNORECASE,
)
# "… for a summit with Takaichi, …": what a trip was for, up to the clause's end.
PURPOSE = re.compile(
    r"\bfor\s+(?:a|an|the|his|her|their|its)\s+(?P<what>(?:[\w-]+\s+){0,2}?(?:summit|talks|meeting)\b[^,;.]*)"
)


@dataclass
class Reading:
    """A clause's words, where its verb is and which kind: finite, participle, infinitive, or none."""

    words: list[str]
    verb: int | None = None
    kind: str = ""
    base: str = ""
    tense: str = ""

    @property
    def subject(self) -> list[str]:
        return self.words[: self.verb] if self.verb else []


def bare(word: str) -> str:
    return word.strip('.,;:!?"“”‘’()').lower()


def read_clause(text: str, after_preposition: bool = False) -> Reading:
    """The clause's first verb group: where it starts and what it is, from the words around it."""
    words = text.split()
    reading = Reading(words)
    for index, word in enumerate(words):
        previous = bare(words[index - 1]) if index else ("after" if after_preposition else "")
        lower = bare(word)
        following = bare(words[index + 1]) if index + 1 < len(words) else ""
        if lower in AUXILIARIES and following in AUXILIARY_ADVERBS and index + 2 < len(words):
            following = bare(words[index + 2])  # "will also meet", "was later released"
        if lower in AUXILIARIES and (verb_form(following) or following.endswith("ed")):
            tense = "future" if lower in FUTURE else PAST if lower in ("was", "were", "had", "did") else PRESENT
            base = (verb_form(following) or (following, ""))[0]
            return Reading(words, index, "finite", base, tense)
        found = verb_form(word)
        if found is None:
            named = index and words[index - 1][:1].isupper() and previous not in NOUN_MARKERS
            if named and len(lower) > 4 and lower.endswith("ed") and word.islower():
                return Reading(words, index, "finite", lower, PAST)  # "Seoul protested"
            continue
        base, form = found
        if form == PARTICIPLE:
            if previous in NOUN_MARKERS - PREPOSITIONS:
                continue  # "the meeting", "a planned meeting"
            possessive = bare(words[index - 1]).endswith(("'s", "’s")) if index else False
            if possessive or (lower in NOUNS_IN_ING and not (index and words[index - 1][:1].isupper())):
                continue  # "their first meeting"; but "Lee meeting"
            later = read_clause(" ".join(words[index + 1 :]))
            if later.kind == "finite" and later.verb:
                continue  # "the meeting in Nara took place": the verb is "took"
            return Reading(words, index, "participle", base)
        if previous in NOUN_MARKERS:
            continue  # "the visit", "after talks"
        if previous == "to":
            return Reading(words, index, "infinitive", base)
        if form == BASE and not index:
            continue  # "Talks", "Visit": a clause does not open with a bare verb
        return Reading(words, index, "finite", base, PAST if form == PAST else PRESENT)
    return reading


def clauses_of(sentence: str) -> list[tuple[int, int]]:
    """Each clause's (start, end) in the sentence."""
    spans, start = [], 0
    for found in CLAUSE_BREAK.finditer(sentence):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(sentence)))
    return [(start, end) for start, end in spans if sentence[start:end].strip()]


def clause_with(sentence: str, date_text: str, nth: int = 0) -> str:
    """The clause that holds the date expression (its `nth` saying, when the
    sentence says it more than once), or the whole sentence when the date is not found in it."""
    # As a word of its own: a companion's "as" is not the "as" of "has".
    found = list(re.finditer(rf"(?<!\w){re.escape(date_text)}(?!\w)", sentence)) if date_text else []
    if not found:
        return sentence
    position = found[min(nth, len(found) - 1)].start()
    for start, end in clauses_of(sentence):
        if start <= position < end:
            return sentence[start:end]
    return sentence


def cut_to_fit(text: str, limit: int = SHORT_TITLE_LENGTH) -> str:
    """At most `limit` characters, cut between words, without a dangling article or preposition."""
    text = " ".join(text.split()).strip(" ,;:.–-")
    if len(text) > limit:
        kept = text[: limit + 1].rsplit(" ", 1)[0]
        following = text[len(kept) :].split()
        if following and following[0][:1].isupper():
            # "visit the United" of "the United States": a name is kept whole or left out
            words = kept.split()
            while words and words[-1][:1].isupper():
                words.pop()
            kept = " ".join(words) if len(words) >= 3 else kept  # (not at the cost of the title's sense)
        text = kept
    previous = None
    while previous != text:
        previous = text
        text = TRAILING_SMALL_WORDS.sub("", text).strip(" ,;:.–-")
    return text


def by_short_names(text: str, actors: list[tuple[str, list[str]]]) -> str:
    """Each actor named once, by its short name: "Japanese Prime Minister Sanae Takaichi" → "Takaichi"."""
    for short, names in actors:
        forms = sorted({name for name in [short, *names] if name}, key=len, reverse=True)
        if forms:
            alternation = "|".join(re.escape(form) for form in forms)
            # The capitalised words before a name are its titles ("South Korean President").
            text = re.sub(rf"(?:\b[A-Z][\w'’-]*\s+){{0,5}}(?:{alternation})\b", short, text)
    return text


def tidy(clause: str, date_text: str) -> tuple[str, bool]:
    """The clause without its date, attribution and opening link word; and whether that word was a preposition."""
    if date_text:
        # ("Wednesday's announcement": the possessive goes with its date)
        clause = re.sub(
            rf"(?<!\w){DATE_PREPOSITIONS}(?<!\w){re.escape(date_text)}(?!\w)(?:['’]s\b)?",
            " ",
            clause,
            count=1,
            flags=re.IGNORECASE,
        )
    clause = SAID_AFTER.sub("", clause.strip(" .")).strip(" ,.")
    opening = OPENING_LINK.match(clause)
    clause = OPENING_LINK.sub("", clause).strip(" ,")
    preposition = opening is not None and bare(opening.group().strip(" ,")) in PREPOSITIONS
    return " ".join(clause.split()), preposition


def main_clause(sentence: str, skip: tuple[int, int]) -> Reading | None:
    """
    The sentence's first clause with a subject and a finite verb, other than
    the date's own; a name set apart by an aside is the subject of the verb
    after it ("The summit, scheduled for …, was cancelled").
    """
    named: list[str] = []
    for start, end in clauses_of(sentence):
        text, preposition = tidy(sentence[start:end], "")
        reading = read_clause(text)
        if (start, end) == skip or preposition:
            continue
        if reading.kind == "finite" and reading.verb == 0 and named:
            return Reading([*named, *reading.words], len(named), "finite", reading.base, reading.tense)
        if reading.kind == "finite" and reading.verb and len(reading.subject) <= SUBJECT_WORDS:
            return reading
        if not reading.kind and not named and len(reading.words) <= 4:
            named = reading.words
    return None


def other_clause(sentence: str, skip: tuple[int, int]) -> str:
    """The first clause other than the date's own that says something: "all flights … had been cancelled"."""
    for start, end in clauses_of(sentence):
        text, _ = tidy(sentence[start:end], "")
        if (start, end) != skip and len(text.split()) >= 3:
            return text
    return ""


def main_subject(sentence: str, skip: tuple[int, int]) -> tuple[list[str], str]:
    """Who the sentence is about and the tense it tells it in: from its main clause, or its opening name."""
    main = main_clause(sentence, skip)
    if main:
        return main.subject, main.tense
    first = sentence[: clauses_of(sentence)[0][1]].split() if clauses_of(sentence) else []
    if first and len(first) <= 4 and not read_clause(" ".join(first)).kind:
        return first, ""  # "Lee, who took office …": the name before the aside
    return [], ""


def reading_tail(reading: Reading) -> tuple[str, str, str]:
    return reading.kind, reading.base, reading.tense


def plural(subject: list[str]) -> bool:
    lowered = [bare(word) for word in subject]
    return "and" in lowered or (bool(lowered) and lowered[-1].endswith("s") and not lowered[-1].endswith("ss"))


def with_subject(reading: Reading, subject: list[str], tense: str) -> str:
    """The clause said as a sentence: the subject in front, a participle or infinitive made finite."""
    rest = reading.words[(reading.verb or 0) + 1 :]
    if reading.kind in (PARTICIPLE, "participle", "infinitive"):
        verb = inflect(reading.base, tense or PAST, plural(subject))
        return " ".join([*subject, verb, *rest])
    return " ".join([*subject, *reading.words[reading.verb or 0 :]])


def name_pronoun(title: str, subject: list[str]) -> str:
    """ "It will send …" → "Seoul will send …": a pronoun in front is whoever the sentence is about."""
    first, _, rest = title.partition(" ")
    if first.lower() in PRONOUNS and subject:
        return " ".join([*subject, rest])
    return title


def propose_title(
    quote: str, date_text: str = "", actors: list[tuple[str, list[str]]] | None = None, date_at: int | None = None
) -> str:
    """
    A short title for the event a sentence reports (see the module's
    docstring); `actors` are (short name, every name) of those it names;
    `date_at`, where in the quote the date stands ("on Friday and in
    Beijing on Sunday" says "Sunday" for two events).
    """
    saying = quote[:date_at].count(date_text) if date_at is not None and date_text else 0
    sentence = DATELINE.sub("", " ".join(quote.split()))
    sentence = ACCORDING_TO.sub("", AGE_ASIDE.sub("", sentence)).strip()
    sayer: list[str] = []
    said = SAID_THAT.match(sentence)
    if said:
        sayer = said.group("sayer").split()
        # Reported speech: what "would" happen is what will.
        sentence = re.sub(r"^(\S+(?:\s+\S+){0,5}?)\s+would\s+", r"\1 will ", sentence[said.end() :], count=1)
    actors = [(short, names) for short, names in (actors or []) if short]
    sentence = by_short_names(sentence, actors)
    if OCCASION_DAY.match(date_text):
        # "the day the ordinary session convenes" names its event whole.
        title = cut_to_fit(re.sub(r"^the\s+(?:day\s+(?=the\s))?", "", date_text))
        return title[:1].upper() + title[1:]
    if date_text == "for" and (purpose := PURPOSE.search(sentence)):
        # "arrived on Tuesday for a summit with Takaichi": the companion is the summit.
        title = cut_to_fit(purpose["what"])
        return title[:1].upper() + title[1:]
    clause = clause_with(sentence, by_short_names(date_text, actors) if date_text else "", saying)
    position = sentence.find(clause)
    own = (position, position + len(clause))
    text, preposition = tidy(clause, by_short_names(date_text, actors) if date_text else "")
    reading = read_clause(text, after_preposition=preposition)
    subject, tense = main_subject(sentence, own)
    named = [short for short, _ in actors if short in text]
    if not subject and actors:
        subject = [" and ".join(short for short, _ in actors[:2])] if len(actors) > 1 and not named else []
        subject = subject or [actors[0][0]]
    if reading.subject and all(bare(word) in STAND_INS for word in reading.subject) and subject:
        reading = Reading([*subject, *reading.words[reading.verb or 0 :]], len(subject), *reading_tail(reading))
    date_first = bool(date_text) and clause.lstrip().startswith(date_text)
    if date_first and reading.kind == "finite" and reading.verb == 0 and len(reading.words) > 1:
        # "Feb. 22 marks Takeshima Day": the date is the subject, the day is what it marks.
        title = " ".join(reading.words[1:])
    elif reading.kind and reading.verb == 0:
        # "called the rare winter summit", "flying to Osaka": say who.
        title = with_subject(reading, subject, tense) if subject else ""
    elif reading.kind == "participle":
        # "the delegation from Japan returning home": a finite verb in the main clause's tense.
        title = with_subject(reading, reading.subject, tense)
    else:
        title = text
    # Nothing left but the date, or a participle with no verb to lean on ("scheduled for June 12").
    fragment = not reading.kind and text[:1].islower() and bare(text.split()[0]).endswith(("ed", "ing"))
    fragment = fragment and not date_first
    # "In a statement issued on Monday, …", "(Jan 26)", "Compared with …": a setting, not the event.
    bare_text = re.sub(r"\([^)]*\)", "", text)
    setting = ADVERBIAL.match(clause.strip()) and (reading.kind != "finite" or len(text.split()) <= 2)
    setting = setting or not re.search(r"[^\W\d]{3}", bare_text)
    if not title or fragment or setting:
        main = main_clause(sentence, own)
        title = " ".join(main.words) if main else (other_clause(sentence, own) if setting else "") or text
    # "It" is the sayer (a ministry, a government), never a person named in the sentence.
    title = name_pronoun(title, sayer) if sayer or title.lower().startswith("it ") else name_pronoun(title, subject)
    title = cut_to_fit(title) or cut_to_fit(sentence)
    return title[:1].upper() + title[1:]
