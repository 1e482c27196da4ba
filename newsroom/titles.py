"""
A short title proposed for an event from the sentence that reports it: the
clause around its date, without the date itself, who said so, asides (an
age, "according to …") or the linking word that opens it, with an actor in
front when the clause starts with its verb, cut at a word to fit a chart
label. Not the sentence's first words: those are often attribution or
background ("Takaichi, 64, called the rare winter …").
"""

import re

from timeline.models import SHORT_TITLE_LENGTH

# Clauses end at ";" or ":", or at a comma or a linking word that opens another.
CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s*|,\s+(?=(?:and|but|while|after|before|as|when|which|who|where)\b)|\s+(?=(?:before|after|while|whereas)\s)"
    r"|,\s+"
)
AGE_ASIDE = re.compile(r",\s*\d{1,3},")
# A wire story's dateline: "NARA, Japan — ", "SEOUL (Reuters) - ".
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,\s*[\w .]+?)?(?:\s*\([^)]*\))?\s*[—–-]\s+")
ACCORDING_TO = re.compile(r"\baccording to [^,.;]+,?\s*", re.IGNORECASE)
# "Officials said on Monday that …", "The ministry announced that …"
SAID_THAT = re.compile(
    r"^[\w .'’-]{0,60}?\b(?:said|says|announced|reported|confirmed|told [\w ]{1,30}?)(?:\s+on\s+\w+)?\s+that\s+", re.I
)
# "…, aides said." "…, the ministry said on Friday."
SAID_AFTER = re.compile(
    r",?\s*(?:\w+\s){0,4}?(?:said|says|reported|announced|added|told [\w ]{1,30})(?:\s+on\s+\w+)?\s*$", re.I
)
OPENING_LINK = re.compile(
    r"^(?:and|but|so|then|after|before|when|while|as|once|since|because|although|though|if|which|who)\b[\s,]*", re.I
)
DATE_PREPOSITIONS = (
    r"(?:(?:on|in|at|by|from|until|till|since|during|for|of|this|last|next|early|late|mid|around|the)\s+)*"
)
TRAILING_SMALL_WORDS = re.compile(
    r"(?:\s+(?:a|an|the|to|of|and|or|in|on|at|for|by|with|from|its|his|her|their|that|as|be|will|is|was))+$", re.I
)


def clause_with(sentence: str, date_text: str) -> str:
    """The clause that holds the date expression, or the whole sentence when the date is not found in it."""
    position = sentence.find(date_text) if date_text else -1
    if position < 0:
        return sentence
    start = 0
    for found in CLAUSE_BREAK.finditer(sentence):
        if found.start() > position:
            return sentence[start : found.start()]
        if found.end() <= position:
            start = found.end()
    return sentence[start:]


def cut_to_fit(text: str, limit: int = SHORT_TITLE_LENGTH) -> str:
    """At most `limit` characters, cut between words, without a dangling article or preposition."""
    text = " ".join(text.split()).strip(" ,;:.–-")
    if len(text) > limit:
        text = text[: limit + 1].rsplit(" ", 1)[0]
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


def propose_title(quote: str, date_text: str = "", actors: list[tuple[str, list[str]]] | None = None) -> str:
    """
    A short title for the event a sentence reports (see the module's
    docstring); `actors` are (short name, every name) of those it names.
    """
    sentence = DATELINE.sub("", " ".join(quote.split()))
    sentence = ACCORDING_TO.sub("", AGE_ASIDE.sub("", sentence))
    clause = clause_with(sentence, date_text)
    if date_text:
        clause = re.sub(DATE_PREPOSITIONS + re.escape(date_text), " ", clause, count=1, flags=re.IGNORECASE)
    clause = SAID_THAT.sub("", clause.strip())
    clause = SAID_AFTER.sub("", clause.strip(" .")).strip(" ,.")
    clause = OPENING_LINK.sub("", clause).strip(" ,")
    actors = [(short, names) for short, names in (actors or []) if short]
    clause = by_short_names(clause, actors)
    if clause[:1].islower() and actors and not any(short in clause for short, _ in actors):
        # "called the rare winter summit": say who.
        clause = f"{actors[0][0]} {clause}"
    title = cut_to_fit(clause) or cut_to_fit(sentence)
    return title[:1].upper() + title[1:]
