"""
HTTP caching for what articles pull in bulk: the embed, the API and the
exports. Validators and cached answers are versioned by the data itself
(`data_version.newest_change`), so every worker agrees on them and an edit
retires them at once.

A cached answer is kept under everything that shapes its body, and only
that: the scheme and host (absolute links), the path, the query parameters
the view reads (so `?cb=1`, `?cb=2`… share one entry), the language, fragment
or page for htmx, the content coding of the body (brotli, gzip or none), the data's
version and today's date.
"""

import datetime
import functools
import gzip
import hashlib
from collections.abc import Iterable
from urllib.parse import urlencode

import brotli
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition

from .data_version import newest_change

# Rendered answers are kept at most this long; an edit retires them at once.
RESPONSE_CACHE_SECONDS = 600
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


def precise_change(request) -> datetime.datetime | None:
    # Asked for twice per request (ETag and Last-Modified): look it up once.
    if not hasattr(request, "_newest_change"):
        request._newest_change = newest_change(precise=True)
    return request._newest_change


def data_changed_at(request, *args, **kwargs) -> datetime.datetime | None:
    changed = precise_change(request)
    return changed.replace(microsecond=0) if changed else None


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
    """The ETag and cache key of an answer: its representation at the data's last change, today."""
    changed = precise_change(request)
    key = "|".join(
        [
            representation(request, parameters),
            changed.isoformat() if changed else "-",
            # Today's date moves the chart's 'today' line.
            timezone.localdate().isoformat(),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def shareable(response) -> bool:
    """Whether an answer may be kept and handed to every reader who asks the same."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and len(response.content) <= MAX_CACHED_RESPONSE_BYTES
    )


def public_cache(*, parameters: Parameters, revalidate: bool = False):
    """
    For what articles pull in bulk. `parameters` is what the view reads of the
    query string: its form classes and any other names (`[EventFilterForm,
    "event"]`). The cache ignores everything else in the URL, so the view must
    not read anything else either.

    The answer is kept in the cache under its version (so any edit retires
    it), sent with ETag, Last-Modified and a public Cache-Control, brotli- or
    gzip-compressed as the client accepts (these pages hold no secrets for
    BREACH to find), and a conditional request whose data has not changed gets 304 Not
    Modified. With `revalidate`, browsers ask every time (a cheap 304 when
    nothing changed), so an editor sees an edit at once.
    """

    def decorator(view):
        def version(request, *args, **kwargs) -> str:
            # Asked for twice per request (ETag, then the cache key): worked out once.
            if not hasattr(request, "_answer_version"):
                request._answer_version = answer_version(request, parameters)
            return request._answer_version

        @functools.wraps(view)
        def with_cache_headers(request, *args, **kwargs):
            key = f"summit:response:{version(request)}"
            response = cache.get(key)
            if response is None:
                # Compressed before it is cached, so a busy embed is compressed once, not per request.
                response = compress(view(request, *args, **kwargs), chosen_coding(request))
                if shareable(response):
                    cache.set(key, response, RESPONSE_CACHE_SECONDS)
            if response.status_code == 200 and revalidate:
                patch_cache_control(response, public=True, no_cache=True)
            elif response.status_code == 200:
                seconds = settings.PUBLIC_CACHE_SECONDS
                patch_cache_control(response, public=True, max_age=seconds, stale_while_revalidate=max(seconds, 60))
            else:
                patch_cache_control(response, no_store=True)
            # Browsers send HX-Request on htmx swaps: keep fragment and page apart; and
            # plain answers too must tell shared caches that brotli and gzip clients get another.
            patch_vary_headers(response, ["Accept-Encoding", "HX-Request", "HX-History-Restore-Request"])
            return response

        return condition(etag_func=version, last_modified_func=data_changed_at)(with_cache_headers)

    return decorator
