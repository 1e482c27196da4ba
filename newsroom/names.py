"""Names in any script: an actor's or place's names found in a sentence.

English names are whole words ("Lee" is not in "Leeway"); Japanese and
Korean run names into their particles and titles (高市首相, 이재명 대통령은,
다카이치는), so a name in those scripts is found wherever it is written.

Japanese and Korean news name a person again by family name and title
(高市総理, 李大統領, 小泉防衛相; 이 대통령, 다카이치 총리, 시 주석). A person's
family names are read from their names: a ja/ko short name or alias that
begins their full name (高市 of 高市早苗, 다카이치 of 다카이치 사나에), and the
first syllable of a name written Korean- or Chinese-style, three Hangul
syllables with no space (이재명, 시진핑) and the Han name beside it (李在明,
習近平). A family name followed by a title names the person; alone, only
when it is itself one of their names (a one-syllable 李 or 이 alone is
everywhere).
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


# Titles written after a family name (longest first when joined).
JA_TITLES = (
    "首相",
    "総理大臣",
    "総理",
    "元首相",
    "前首相",
    "大統領",
    "元大統領",
    "前大統領",
    "国家主席",
    "主席",
    "首席",
    "氏",
    "外相",
    "外務大臣",
    "防衛相",
    "財務相",
    "経産相",
    "官房長官",
    "国務長官",
    "長官",
    "大臣",
    "議員",
    "知事",
    "委員長",
    "総裁",
    "代表",
    "幹事長",
    "さん",
)
KO_TITLES = (
    "대통령",
    "전 대통령",
    "총리",
    "전 총리",
    "장관",
    "외무상",
    "외상",
    "방위상",
    "재무상",
    "관방장관",
    "국무장관",
    "국가주석",
    "주석",
    "위원장",
    "대표",
    "의원",
    "총재",
    "지사",
    "대변인",
    "여사",
    "씨",
)
_HAN = "\u4e00-\u9fff"
_HANGUL = "\uac00-\ud7a3"
_KANA = "\u3041-\u30ff"


def _script(name: str) -> str | None:
    """'ko' for a name in Hangul, 'ja' for one in Han characters or kana."""
    if re.fullmatch(rf"[{_HANGUL}\s]+", name):
        return "ko"
    if re.fullmatch(rf"[{_HAN}{_KANA}・]+", name):
        return "ja"
    return None


def family_names(actor) -> dict[str, set[str]]:
    """A person's family names in Japanese and Korean script ("ja" holds the
    Han and kana ones), read from their names (see the module's note)."""
    found: dict[str, set[str]] = {"ja": set(), "ko": set()}
    if getattr(actor, "kind", "") != "person":
        return found
    names = all_name_forms(actor)
    for short in names:
        script = _script(short)
        if script and any(len(full) > len(short) and full.startswith(short) for full in names):
            found[script].add(short)
    # Korean and Chinese names: two or three syllables in Hangul and in Han
    # characters, family name first (이재명 and 李在明, 왕이 and 王毅); not a
    # transliteration that happens to be short (트럼프), nor a Japanese name
    # (이시바 시게루).
    korean = getattr(actor, "name_ko", None) or ""
    han = getattr(actor, "name_ja", None) or ""
    if re.fullmatch(rf"[{_HANGUL}]{{2,3}}", korean) and re.fullmatch(rf"[{_HAN}]{{2,3}}", han):
        found["ko"].add(korean[0])
        found["ja"].add(han[0])
        # In katakana too, family name first: イ・ジェミョン, イ大統領.
        found["ja"] |= {
            n.split("・")[0] for n in names if re.fullmatch(r"[\u30a1-\u30fa\u30fc]+・[\u30a1-\u30fa\u30fc]+", n)
        }
    return found


def titled_parts(actor) -> list[str]:
    """Patterns for a person's family name followed by a title: 高市総理,
    李大統領, 이 대통령, and the Han name with a Korean title as Korean
    headlines write it (李대통령, 習 주석); not in a longer word ("도시 주석",
    "韓国李強首相" for 李)."""
    parts = []
    han_letters = _HAN + "\u30a1-\u30fa\u30fc"
    for script, titles, letters in (("ja", JA_TITLES + KO_TITLES, han_letters), ("ko", KO_TITLES, _HANGUL)):
        for name in sorted(family_names(actor)[script], key=len, reverse=True):
            # Anyone called Li or Kim is 李氏 or 김 씨: one syllable takes an office.
            usable = [t for t in titles if len(name) > 1 or t not in _COURTESY]
            joined = "|".join(re.escape(t).replace(r"\ ", r"\s?") for t in sorted(usable, key=len, reverse=True))
            parts.append(rf"(?<![{letters}]){re.escape(name)}\s?(?:{joined})")
    return parts


# Courtesy titles, not offices: with a one-syllable family name they fit too many people.
_COURTESY = {"氏", "さん", "씨", "여사"}


def actor_pattern(actor) -> re.Pattern | None:
    """One pattern for an actor: every name form, and a person's family name with a title."""
    names = name_pattern(actor_name_forms(actor))
    titled = titled_parts(actor)
    if not titled:
        return names
    return re.compile("|".join(([names.pattern] if names else []) + titled))


def actor_patterns() -> list[tuple]:
    """One pattern per actor over all its name forms, longest first."""
    from timeline.models import Actor

    return [(actor, pattern) for actor in Actor.objects.all() if (pattern := actor_pattern(actor))]


def place_patterns() -> list[tuple]:
    from timeline.models import Place

    return [(place, pattern) for place in Place.objects.all() if (pattern := name_pattern(all_name_forms(place)))]


def names_in(text: str, patterns) -> list:
    """The actors (or places) of `patterns` that the text names."""
    return [obj for obj, pattern in patterns if pattern.search(text or "")]


# A person named by a title ("Minister Hana Mori", "Mr. Sato", "Governor
# Kim"): English news names most people this way.
_TITLED_PERSON = re.compile(
    r"\b(?:President|Minister|Secretary|Ambassador|Governor|Mayor|Premier|Chancellor|Chairman|Chairwoman|"
    r"Chair|Spokesman|Spokeswoman|Spokesperson|Envoy|Senator|Lawmaker|Representative|Mr|Ms|Mrs|Dr)\.?"
    r"\s+[A-Z][\w'’-]+"
)


def titled_strangers(text: str, patterns) -> list[str]:
    """The people the text names by title whom none of the actors'
    `patterns` names ("Prime Minister Giorgia Meloni" to a timeline that
    does not hold her)."""
    known = [m.span() for _, pattern in patterns for m in pattern.finditer(text or "")]
    return [
        m[0]
        for m in _TITLED_PERSON.finditer(text or "")
        if not any(start < m.end() and m.start() < end for start, end in known)
    ]


_NEXT_NAME = re.compile(r"\s+([A-Z][\w'’-]+)")


def stranger_names(text: str, patterns) -> set[str]:
    """The words of the names of `titled_strangers` ("Premier Li Qiang": Li,
    Qiang), by which the text refers to them later ("Li will travel ...")."""
    words = set()
    for m in _TITLED_PERSON.finditer(text or ""):
        if not titled_strangers(m[0], patterns):
            continue
        words.add(m[0].split()[-1])
        if following := _NEXT_NAME.match(text, m.end()):
            words.add(following[1])
    return words


def names_a_titled_person(text: str) -> bool:
    """Whether the text names someone by title; where none of the timeline's
    actors is named, that someone is a stranger to it."""
    return bool(_TITLED_PERSON.search(text or ""))
