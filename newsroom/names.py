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
