"""
An article's text and what the page says of it: title, author, outlet (the
site's name), publication date and canonical address, read with trafilatura
(and its htmldate for the date). What the page does not state stays None:
no outlet made up from the host name, no date from a loose search of the
text.
"""

import datetime
import re
from dataclasses import asdict, dataclass
from urllib.parse import urljoin, urlsplit

import charset_normalizer
import trafilatura
from django.utils import timezone

from newsroom.fetch import Fetched

# trafilatura falls back on the host name for a site without a declared name:
# the same pattern, to tell that guess from a name the page gives.
# Source.url's length.
MAX_URL_LENGTH = 500
HOST_NAME = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")


@dataclass
class Extracted:
    url: str  # the page's canonical address, or the one fetched
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: datetime.date | None = None
    language: str | None = None

    def as_json(self) -> dict:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Extracted":
        published = data.get("published")
        return cls(**{**data, "published": datetime.date.fromisoformat(published) if published else None})


def decode(fetched: Fetched) -> str:
    if fetched.charset:
        try:
            return fetched.body.decode(fetched.charset, errors="replace")
        except LookupError:
            pass
    best = charset_normalizer.from_bytes(fetched.body).best()
    return str(best) if best is not None else fetched.body.decode("utf-8", errors="replace")


def extract(fetched: Fetched) -> Extracted:
    """The article in a fetched page (or plain text as it is)."""
    markup = decode(fetched)
    if fetched.content_type == "text/plain":
        return Extracted(url=fetched.url, text=markup.strip())
    today = timezone.localdate()
    document = trafilatura.bare_extraction(
        markup,
        url=fetched.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states (meta tags, time elements, the URL),
        # never one found by searching the running text.
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": today.isoformat(),
        },
    )
    if document is None:
        return Extracted(url=fetched.url, text="")
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return Extracted(
        url=canonical_url(data.get("url"), fetched.url),
        text=(data.get("text") or "").strip(),
        title=clean(data.get("title")),
        author=clean(data.get("author")),
        outlet=declared_outlet(data.get("sitename"), fetched.url),
        published=parse_date(data.get("date"), today),
        language=clean(data.get("language")),
    )


def clean(value) -> str | None:
    value = " ".join(str(value or "").split())
    return value or None


def canonical_url(declared: str | None, fetched_url: str) -> str:
    """The page's canonical link when it gives an http(s) one, else the address fetched."""
    if declared:
        absolute = urljoin(fetched_url, declared.strip())
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.hostname and len(absolute) <= MAX_URL_LENGTH:
            return absolute
    return fetched_url


def declared_outlet(sitename: str | None, url: str) -> str | None:
    sitename = clean(sitename)
    if not sitename:
        return None
    guessed = HOST_NAME.match(url)
    if guessed and sitename.lower() == guessed[1].lower():
        return None
    return sitename


def parse_date(value, today: datetime.date) -> datetime.date | None:
    try:
        date = datetime.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
    return date if date and date <= today else None
