"""
Text as it enters summit. Articles pasted from Word or a PDF carry control
characters (vertical tab, form feed, NUL) that XML exports cannot hold and
no reader can see: article text has them turned into line breaks, shorter
fields refuse them with a message an editor can act on.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

# C0 and C1 controls and DEL, but tab, line feed and carriage return.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


LINE_LIKE = re.compile(r"[\x0b\x0c\x1c-\x1e\x85]")


def strip_control_characters(text: str) -> str:
    """
    Line-like controls (vertical tab, form feed, separators) become line
    breaks, the rest spaces: one character for one, so offsets into the text
    (citations) stay where they were.
    """
    return CONTROL_CHARACTERS.sub(" ", LINE_LIKE.sub("\n", text))


def refuse_control_characters(value: str) -> None:
    match = CONTROL_CHARACTERS.search(value or "")
    if match:
        raise ValidationError(
            "This text contains an invisible control character (U+%(code)04X), often pasted from "
            "Word or a PDF. Retype or remove it.",
            code="control_character",
            params={"code": ord(match.group())},
        )


# A source's URL is shown to readers as a link: only the web's schemes.
web_url_validator = URLValidator(schemes=["http", "https"])
