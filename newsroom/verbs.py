"""
The verbs news reports events with, in every form a sentence uses them:
enough English morphology for a title to say who did what (newsroom/titles.py)
without a parser. Plain Python, no Django.
"""

from functools import cache

# Base forms; irregular past tenses below, the rest are regular.
NEWS_VERBS = [
    word
    for line in (
        "accept acquire address adopt agree annex announce apologise apologize appoint approve arrest arrive",
        "assume attack attend ban begin block break brief bring build buy call cancel catch celebrate chair",
        "charge choose close come commemorate complete conclude condemn confirm convict create criticise",
        "criticize cut decide declare delay deliver deny depart deploy detain dine discuss dismiss dissolve",
        "drive drum elect end endorse establish expand expel extend fall fight find finish fly form found",
        "free gather give go halt hand hang hear hit hold honor honour host impose inaugurate increase indict",
        "introduce invade join keep kill launch lead leave let lift lose make mark meet name negotiate",
        "nominate open oppose order organise organize pass pay perform plan play pledge postpone praise",
        "present promise propose protest publish put quit raise ratify reach recall receive reduce refuse",
        "reject release renew reopen replace reshuffle resign resume return review ride rise rule run say",
        "seek seize sell send sentence set shut sign sing sink sit speak spend stage stand start strike",
        "succeed sue summon support suspend swear take talk teach tell test throw tour travel unveil urge",
        "visit vote vow warn welcome win withdraw worship write",
    )
    for word in line.split()
]

IRREGULAR_PAST = {
    "begin": "began",
    "break": "broke",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose",
    "come": "came",
    "cut": "cut",
    "drive": "drove",
    "fall": "fell",
    "fight": "fought",
    "find": "found",
    "fly": "flew",
    "give": "gave",
    "go": "went",
    "hang": "hung",
    "hear": "heard",
    "hit": "hit",
    "hold": "held",
    "keep": "kept",
    "lead": "led",
    "leave": "left",
    "let": "let",
    "lose": "lost",
    "make": "made",
    "meet": "met",
    "pay": "paid",
    "put": "put",
    "quit": "quit",
    "ride": "rode",
    "rise": "rose",
    "run": "ran",
    "say": "said",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shut": "shut",
    "sing": "sang",
    "sink": "sank",
    "sit": "sat",
    "speak": "spoke",
    "spend": "spent",
    "stand": "stood",
    "strike": "struck",
    "swear": "swore",
    "take": "took",
    "teach": "taught",
    "tell": "told",
    "throw": "threw",
    "win": "won",
    "withdraw": "withdrew",
    "write": "wrote",
}
# Verbs whose last consonant doubles before -ed and -ing.
DOUBLING = {"ban", "drum", "plan", "quit", "run", "set", "shut", "sit", "swim", "hit", "cut", "put", "let", "begin"}
# Doubled in British spelling only: "cancelled", "travelling".
BRITISH_DOUBLE_L = {"cancel", "travel", "label", "signal", "fuel", "model", "level", "total"}
# "Found" is the past of "find" far more often than a form of "found".
AMBIGUOUS_BASES = {"found"}

PAST, PRESENT, BASE, PARTICIPLE = "past", "present", "base", "participle"


def third_person(base: str) -> str:
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def regular_past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    if base in DOUBLING:
        return base + base[-1] + "ed"
    return base + "ed"


def past(base: str) -> str:
    return IRREGULAR_PAST.get(base) or regular_past(base)


def participle(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if base in DOUBLING:
        return base + base[-1] + "ing"
    return base + "ing"


@cache
def forms() -> dict[str, tuple[str, str]]:
    """Every form of every verb: the form (lower case) → (its base, which form it is)."""
    found: dict[str, tuple[str, str]] = {}
    for base in NEWS_VERBS:
        for form, kind in ((participle(base), PARTICIPLE), (third_person(base), PRESENT), (past(base), PAST)):
            found.setdefault(form, (base, kind))
            if base in BRITISH_DOUBLE_L and kind != PRESENT:
                found.setdefault(form.replace("led", "lled").replace("ling", "lling"), (base, kind))
        if base not in AMBIGUOUS_BASES:
            found[base] = (base, BASE)
    return found


def verb_form(word: str) -> tuple[str, str] | None:
    """(base, which form) when the word is a form of a news verb, else None."""
    return forms().get(word.lower())


def inflect(base: str, tense: str, plural: bool = False) -> str:
    """The base in a tense: past, present (third person unless plural) or "will" future."""
    if tense == PAST:
        return past(base)
    if tense == "future":
        return f"will {base}"
    return base if plural else third_person(base)
