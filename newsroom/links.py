"""
From a link to a source: fetch the page safely, read the article and what
the page says of it, and store it with its proposals. The admin's paste-a-link
form, `ingest --url` and the feed poller all come through here.
"""

import datetime
from collections.abc import Callable

from django.utils.translation import gettext

from newsroom.extract import MAX_URL_LENGTH, Extracted, extract
from newsroom.fetch import PAGE_TYPES, fetch
from newsroom.ingest import DuplicateSourceError, IngestError, IngestResult, ingest_source
from newsroom.matching import DuplicateSource, find_duplicate_source

METADATA = ("title", "author", "outlet")


def read_link(url: str) -> Extracted:
    """The article at `url`; FetchError when it cannot be had, IngestError when it holds no text."""
    extracted = extract(fetch(url, accept=PAGE_TYPES))
    if not extracted.text:
        raise IngestError(gettext("No article text was found at %(url)s.") % {"url": url})
    if len(extracted.url) > MAX_URL_LENGTH:
        raise IngestError(
            gettext("The page's address is over %(most)d characters; summit keeps at most that.")
            % {"most": MAX_URL_LENGTH}
        )
    return extracted


def already_stored(extracted: Extracted, fetched_url: str | None = None) -> DuplicateSource | None:
    """The source this page already is, by its canonical address, the address it
    was fetched from, or its text."""
    duplicate = find_duplicate_source(extracted.text, extracted.url)
    if duplicate is None and fetched_url and fetched_url != extracted.url:
        duplicate = find_duplicate_source("", fetched_url)
    return duplicate


def ingest_link(
    url: str,
    *,
    published: datetime.date | str | None = None,
    overrides: dict | None = None,
    dry_run: bool = False,
    allow_duplicate: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[Extracted, IngestResult]:
    """Fetch, read and store an article with its proposals. `published` and
    `overrides` (title, author, outlet, outlet_country) win over the page.
    `progress` hears the per cent of the text read for dates."""
    extracted = read_link(url)
    overrides = {key: value for key, value in (overrides or {}).items() if value}
    published = published or extracted.published
    if not published:
        raise IngestError(
            gettext("%(url)s does not say when it was published; give the date (--published YYYY-MM-DD).")
            % {"url": url}
        )
    duplicate = None if allow_duplicate else already_stored(extracted, url)
    if duplicate:
        raise DuplicateSourceError(duplicate)
    metadata = {key: getattr(extracted, key) for key in METADATA}
    result = ingest_source(
        extracted.text,
        published,
        url=extracted.url,
        dry_run=dry_run,
        allow_duplicate=allow_duplicate,
        progress=(lambda done: progress(done * 100 // len(extracted.text))) if progress else None,
        **{**metadata, **overrides},
    )
    return extracted, result
