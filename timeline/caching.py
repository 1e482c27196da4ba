"""
HTTP caching for what articles pull in bulk: the embed, the API and the
exports. Validators and cached answers are versioned by the data itself
(`data_version.current`), so every worker agrees on them and an edit
retires them at once.

A cached answer is kept under everything that shapes its body, and only
that: the scheme and host (absolute links), the path, the query parameters
the view reads (so `?cb=1`, `?cb=2`… share one entry), the language, fragment
or page for htmx, the content coding of the body (brotli, gzip or none); with
it, the data's version and the day it was built at, which a request must
match to be served it (and the database's absence, to be served it stale).
"""

import datetime
import functools
import gzip
import hashlib
import logging
import time
from collections.abc import Iterable
from urllib.parse import urlencode

import brotli
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.views.decorators.http import condition
from django_ratelimit.core import get_usage

from .client import client_address
from .data_version import Version, current, read_stored
from .middleware import OUTAGE_ERRORS

logger = logging.getLogger("summit.cache")

# Rendered answers are kept at most this long; an edit retires them at once.
RESPONSE_CACHE_SECONDS = 600
# How long CDNs and browsers may show an answer they hold while summit answers errors.
STALE_IF_ERROR_SECONDS = 86400
# Bigger answers (a whole export of a large timeline) are built afresh rather
# than crowd every other answer out of the cache.
MAX_CACHED_RESPONSE_BYTES = 512 * 1024
# Brotli at 6 makes the embed's HTML 12% smaller than gzip in under 2 ms; 11 would save
# another 13% but take 85 ms on every cache miss. Gzip at Django's level.
BROTLI_QUALITY = 6
GZIP_LEVEL = 6
# Smaller bodies are sent as they are: compressing them gains nothing.
MIN_COMPRESSED_BYTES = 200

# What a view reads of the query string: form classes (all their fields) and parameter names.
Parameters = Iterable[type[forms.BaseForm] | str]


def data_version(request) -> Version | None:
    # Asked for several times per request (ETag, Last-Modified, cache key): read once.
    if not hasattr(request, "_data_version"):
        request._data_version = current()
    return request._data_version


def data_changed_at(request, *args, **kwargs) -> datetime.datetime | None:
    version = data_version(request)
    return version.changed_at.replace(microsecond=0) if version else None


def version_tag(request) -> str:
    """What a cached answer must have been built at to be served: the data's version, today."""
    version = data_version(request)
    # Today's date moves the chart's 'today' line.
    return f"{version.number if version else 0}|{timezone.localdate().isoformat()}"


def newer_tag(tag: str, than: str) -> bool:
    number, _, day = tag.partition("|")
    other_number, _, other_day = than.partition("|")
    return (day, int(number)) > (other_day, int(other_number))


@functools.cache
def form_parameters(form_class: type[forms.BaseForm]) -> frozenset[str]:
    # Built on the first request, never at import: a form reads its choices from the database.
    return frozenset(form_class().fields)


def read_parameters(parameters: Parameters) -> frozenset[str]:
    """The names of the query parameters a view reads: its forms' fields and any other names given."""
    names: set[str] = set()
    for item in parameters:
        names |= form_parameters(item) if isinstance(item, type) else {item}  # type: ignore[arg-type]
    return frozenset(names)


def quality(parameters: str) -> float:
    """The q= of one Accept-Encoding entry's parameters (`;q=0.5`); 1 when absent, 0 when unreadable."""
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def coding_quality(request, name: str) -> float:
    """How much the client wants the content coding `name`: its q=, 0 when not listed exactly so."""
    for entry in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, parameters = entry.partition(";")
        if coding.strip() == name:
            return quality(parameters)
    return 0.0


def accepts_gzip(request) -> bool:
    """Whether the client listed gzip without refusing it: `nogzip`, `x-gzip` and `gzip;q=0` are not gzip."""
    return coding_quality(request, "gzip") > 0


def chosen_coding(request) -> str:
    """
    The content coding a public answer is sent in: brotli when the client
    accepts it (and does not prefer gzip), else gzip when it accepts that,
    else none. The body is compressed here and nowhere else, so it is in this
    coding exactly when this says so: the cache key never names another.
    """
    br, gz = coding_quality(request, "br"), coding_quality(request, "gzip")
    if br > 0 and br >= gz:
        return "br"
    return "gzip" if gz > 0 else "identity"


def compress(response, coding: str):
    """The response with its body in `coding` (as GZipMiddleware does it, brotli too)."""
    if (
        coding == "identity"
        or response.streaming
        or response.has_header("Content-Encoding")
        or len(response.content) < MIN_COMPRESSED_BYTES
    ):
        return response
    if coding == "br":
        body = brotli.compress(response.content, quality=BROTLI_QUALITY, mode=brotli.MODE_TEXT)
    else:
        body = gzip.compress(response.content, compresslevel=GZIP_LEVEL, mtime=0)
    if len(body) >= len(response.content):
        return response
    response.content = body
    response["Content-Length"] = str(len(body))
    response["Content-Encoding"] = coding
    return response


def representation(request, parameters) -> str:
    """Everything about a request that shapes a public answer's body, and nothing else."""
    names = read_parameters(parameters)
    query = sorted((name, values) for name, values in request.GET.lists() if name in names)
    return "|".join(
        [
            # Absolute links (the API's `next`, oEmbed's iframe) carry both.
            request.scheme,
            request.get_host(),
            request.path,
            urlencode(query, doseq=True),
            # The language answered in: the path's prefix, `?lang=` or Accept-Language (timeline/languages.py).
            translation.get_language(),
            # htmx asks for a fragment, or the whole page when restoring history
            # (django-htmx reads only "true"; any other value is a plain request).
            "fragment" if request.headers.get("HX-Request") == "true" else "page",
            "restore" if request.headers.get("HX-History-Restore-Request") == "true" else "",
            chosen_coding(request),
        ]
    )


def answer_version(request, parameters) -> str:
    """The ETag of an answer: its representation at the data's version, today."""
    key = f"{representation(request, parameters)}|{version_tag(request)}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def entry_key(request, parameters) -> str:
    """
    Where an answer is kept: one entry per representation, holding the
    version it was built at, so an edit replaces entries rather than adds them
    and the last good answer is at hand when the database is not.
    """
    digest = hashlib.sha256(representation(request, parameters).encode()).hexdigest()[:32]
    return f"summit:response:{digest}"


def shareable(response) -> bool:
    """Whether an answer may be kept and handed to every reader who asks the same."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and len(response.content) <= MAX_CACHED_RESPONSE_BYTES
    )


def moved_since(request) -> bool:
    """
    Whether the data version moved while the answer was built: its data may
    then hold a change newer than its version, and kept under that version it
    could be served after a newer answer. Served, then, but not kept.
    """
    version = data_version(request)
    try:
        stored = read_stored()
    except DatabaseError:
        return True
    return stored is not None and (version is None or stored.number != version.number)


def refuse_when_over_the_limit(request):
    """
    A 429 once a client has asked for more uncached answers than
    PUBLIC_MISS_RATE allows (a unique `q=` per request bypasses the cache, so
    each costs a query): cached answers stay free, and readers keep theirs.
    """
    usage = get_usage(
        request,
        group="public-miss",
        key=lambda group, request: client_address(request),
        rate=settings.PUBLIC_MISS_RATE,
        increment=True,
    )
    if not usage or not usage["should_limit"]:
        return None
    # No request context: as cheap as an answer can be, since it may be asked for thousands of times.
    response = HttpResponse(loader.render_to_string("429.html"), status=429)
    response["Retry-After"] = str(max(usage["time_left"], 1))
    patch_cache_control(response, no_store=True)
    return response


def stale(entry):
    """
    The last good answer when the database cannot make a new one (RFC 5861's
    stale-if-error), saying how old it is; never kept downstream.
    """
    tag, stored_at, response = entry
    response["Age"] = str(max(int(time.time() - stored_at), 0))
    response["Warning"] = '111 - "Revalidation Failed"'
    response["Cache-Control"] = "no-cache"
    logger.warning("Serving a stale answer (%s s old): the database is unavailable.", response["Age"])
    return response


def public_cache(*, parameters: Parameters, revalidate: bool = False):
    """
    For what articles pull in bulk. `parameters` is what the view reads of the
    query string: its form classes and any other names (`[EventFilterForm,
    "event"]`). The cache ignores everything else in the URL, so the view must
    not read anything else either.

    The answer is kept in the cache with the data version it was built at (so
    any edit retires it), sent with ETag, Last-Modified and a public
    Cache-Control, brotli- or gzip-compressed as the client accepts (these
    pages hold no secrets for BREACH to find), and a conditional request whose
    data has not changed gets 304 Not Modified. With `revalidate`, browsers
    ask every time (a cheap 304 when nothing changed), so an editor sees an
    edit at once. While the database is down, the last answer kept is served,
    with its age.
    """

    def decorator(view):
        def version(request, *args, **kwargs) -> str:
            # Asked for twice per request (ETag, then the cache): worked out once.
            if not hasattr(request, "_answer_version"):
                request._answer_version = answer_version(request, parameters)
            return request._answer_version

        def answer(request, *args, **kwargs):
            key, tag = entry_key(request, parameters), version_tag(request)
            entry = cache.get(key)
            if entry is not None and entry[0] == tag:
                return entry[2]
            refused = refuse_when_over_the_limit(request)
            if refused:
                return refused
            try:
                # Compressed before it is cached, so a busy embed is compressed once, not per request.
                response = compress(view(request, *args, **kwargs), chosen_coding(request))
            except OUTAGE_ERRORS:
                if entry is None:
                    raise
                return stale(entry)
            if shareable(response) and (entry is None or not newer_tag(entry[0], tag)) and not moved_since(request):
                # Its validators go with it, for when it is served stale.
                response["ETag"] = quote_etag(version(request))
                if changed := data_changed_at(request):
                    response["Last-Modified"] = http_date(changed.timestamp())
                cache.set(key, (tag, time.time(), response), RESPONSE_CACHE_SECONDS)
            return response

        @functools.wraps(view)
        def with_cache_headers(request, *args, **kwargs):
            return add_cache_headers(answer(request, *args, **kwargs), revalidate)

        return condition(etag_func=version, last_modified_func=data_changed_at)(with_cache_headers)

    return decorator


def add_cache_headers(response, revalidate: bool):
    """How long browsers and shared caches may keep a public answer: an
    answer served stale or refused keeps its own headers, an error is not kept."""
    if response.has_header("Warning") or response.status_code == 429:
        pass
    elif response.status_code == 200 and revalidate:
        patch_cache_control(response, public=True, no_cache=True)
    elif response.status_code == 200:
        seconds = settings.PUBLIC_CACHE_SECONDS
        patch_cache_control(
            response,
            public=True,
            max_age=seconds,
            stale_while_revalidate=max(seconds, 60),
            stale_if_error=STALE_IF_ERROR_SECONDS,
        )
    else:
        patch_cache_control(response, no_store=True)
    # Browsers send HX-Request on htmx swaps: keep fragment and page apart; and
    # plain answers too must tell shared caches that brotli and gzip clients get another.
    patch_vary_headers(response, ["Accept-Encoding", "HX-Request", "HX-History-Restore-Request"])
    return response
