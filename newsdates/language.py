"""Which language an article is in, and the reader for it.

    detect_language(text) -> "ja" | "ko" | "en"
    mentions_in(text, published, language=None) -> list[DateMention]

Detection counts scripts, which is all summit needs to pick a grammar: kana
only occur in Japanese, Hangul only in Korean; Han characters are shared by
both (and Chinese), so they decide nothing. Everything else is read as
English.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from . import DateMention, cjk, event_mentions
from .ja import JAPANESE
from .ko import KOREAN

LANGUAGES = ("en", "ja", "ko")
_READERS = {"ja": JAPANESE, "ko": KOREAN}


def _is_kana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9d"


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def detect_language(text: str) -> str:
    """'ja' when kana outnumber Hangul, 'ko' when Hangul outnumber kana,
    else 'en'. A few quoted words of another script ("高市早苗(다카이치)",
    "Lee Jae-myung (이재명)") do not turn an article."""
    kana = hangul = han = latin = 0
    for ch in text:
        if _is_kana(ch):
            kana += 1
        elif _is_hangul(ch):
            hangul += 1
        elif "\u4e00" <= ch <= "\u9fff":
            han += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    # An English article quoting a name in Hangul or kana stays English.
    if not (kana or hangul) or latin > 2 * (kana + hangul + han):
        return "en"
    return "ja" if kana > hangul else "ko"


def mentions_in(
    text: str,
    published: date | datetime | str,
    language: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[DateMention]:
    """The mentions that date events, read with the grammar of the text's
    language (given, or detected when None or unknown)."""
    if language not in LANGUAGES:
        language = detect_language(text)
    reader = _READERS.get(language or "en")
    if reader is None:
        return event_mentions(text, published, progress=progress)
    return cjk.event_mentions(text, published, reader, progress=progress)
