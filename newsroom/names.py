"""Names in any script: an actor's or place's names found in a sentence.

English names are whole words ("Lee" is not in "Leeway"); Japanese and
Korean run names into their particles and titles (高市首相, 이재명 대통령은,
다카이치는), so a name in those scripts is found wherever it is written.
"""

import re

# The languages whose translated name fields are read when a model has them
# (name_ja, short_name_ko, ...).
NAME_LANGUAGES = ("en", "ja", "ko")
NAME_FIELDS = ("name", "short_name")
# Letters that make a Latin name part of a longer word.
_LATIN = r"0-9A-Za-z\u00c0-\u024f"


def all_name_forms(obj) -> list[str]:
    """Every name of an actor or place: its name, short name and aliases, and
    the same fields in each language when the model is translated."""
    names = [getattr(obj, f, None) for f in NAME_FIELDS]
    names += [getattr(obj, f"{f}_{lang}", None) for f in NAME_FIELDS for lang in NAME_LANGUAGES]
    names += obj.alias_list
    return sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)


def name_pattern(names: list[str]) -> re.Pattern | None:
    """One pattern for all the names, longest first."""
    if not names:
        return None
    parts = []
    for name in names:
        part = re.escape(name)
        if re.match(rf"[{_LATIN}]", name):
            part = rf"(?<![{_LATIN}]){part}"
        if re.search(rf"[{_LATIN}]$", name):
            part = rf"{part}(?![{_LATIN}])"
        parts.append(part)
    return re.compile("|".join(parts))


# The adjective (and people) a country's name gives in English news: "Chinese
# officials" are China's, "the Japanese side" Japan's. Irregular ones listed;
# the rest follow the usual endings (Korea -> Korean, Taiwan -> Taiwanese).
_DEMONYMS = {
    "china": ["Chinese"],
    "japan": ["Japanese"],
    "united states": ["American", "Americans"],
    "united kingdom": ["British", "Briton", "Britons"],
    "britain": ["British"],
    "france": ["French"],
    "germany": ["German", "Germans"],
    "netherlands": ["Dutch"],
    "switzerland": ["Swiss"],
    "spain": ["Spanish", "Spaniard", "Spaniards"],
    "sweden": ["Swedish", "Swede", "Swedes"],
    "denmark": ["Danish", "Dane", "Danes"],
    "finland": ["Finnish", "Finn", "Finns"],
    "poland": ["Polish", "Pole", "Poles"],
    "ireland": ["Irish"],
    "turkey": ["Turkish", "Turk", "Turks"],
    "greece": ["Greek", "Greeks"],
    "thailand": ["Thai"],
    "philippines": ["Filipino", "Filipinos", "Philippine"],
    "vietnam": ["Vietnamese"],
    "viet nam": ["Vietnamese"],
    "portugal": ["Portuguese"],
    "iraq": ["Iraqi", "Iraqis"],
    "israel": ["Israeli", "Israelis"],
    "pakistan": ["Pakistani", "Pakistanis"],
    "saudi arabia": ["Saudi", "Saudis"],
    "new zealand": ["New Zealander", "New Zealanders"],
    "canada": ["Canadian", "Canadians"],
    "peru": ["Peruvian", "Peruvians"],
    "norway": ["Norwegian", "Norwegians"],
    "mexico": ["Mexican", "Mexicans"],
    "egypt": ["Egyptian", "Egyptians"],
    "brazil": ["Brazilian", "Brazilians"],
    "iran": ["Iranian", "Iranians"],
    "mongolia": ["Mongolian", "Mongolians"],
    "singapore": ["Singaporean", "Singaporeans"],
    "italy": ["Italian", "Italians"],
    "ukraine": ["Ukrainian", "Ukrainians"],
    "australia": ["Australian", "Australians"],
    "india": ["Indian", "Indians"],
    "russia": ["Russian", "Russians"],
    "korea": ["Korean", "Koreans"],
}


def demonyms(name: str) -> list[str]:
    """'South Korea' -> ['South Korean', 'South Koreans']; 'Taiwan' -> ['Taiwanese']."""
    key = name.strip().lower()
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    words = name.strip().split()
    if len(words) > 1 and words[0].lower() in ("north", "south", "east", "west"):
        return [f"{words[0]} {d}" for d in demonyms(" ".join(words[1:]))]
    if not re.fullmatch(r"[A-Z][a-z]+", name.strip()):
        return []
    base = name.strip()
    if base.endswith("ia"):
        return [base + "n", base + "ns"]
    if base.endswith(("an", "am")):
        return [base + "ese"]
    if base.endswith("a"):
        return [base + "n", base + "ns"]
    return []


def actor_name_forms(actor) -> list[str]:
    """An actor's names, and for a country the adjectives its names give."""
    names = all_name_forms(actor)
    if getattr(actor, "kind", "") == "country":
        names += [d for n in names for d in demonyms(n)]
    return sorted(set(names), key=len, reverse=True)


def actor_patterns() -> list[tuple]:
    """One pattern per actor over all its name forms, longest first."""
    from timeline.models import Actor

    return [(actor, pattern) for actor in Actor.objects.all() if (pattern := name_pattern(actor_name_forms(actor)))]


def place_patterns() -> list[tuple]:
    from timeline.models import Place

    return [(place, pattern) for place in Place.objects.all() if (pattern := name_pattern(all_name_forms(place)))]


def names_in(text: str, patterns) -> list:
    """The actors (or places) of `patterns` that the text names."""
    return [obj for obj, pattern in patterns if pattern.search(text or "")]
