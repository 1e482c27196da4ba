"""
Failure that is not the reader's fault answers 503 with a friendly page.

An unreachable database (or a cache that cannot be read) is an outage, not a
bug in a view: readers get a short page and a Retry-After, operators get the
traceback in the log, and nobody sees a stack trace.
"""

import logging
import pickle
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger("summit.outage")

RETRY_AFTER_SECONDS = 30

# What "the cache is broken" looks like: Redis down or timing out, or an
# entry that no longer unpickles (written by another version of the code).
try:
    from redis.exceptions import RedisError
except ImportError:  # pragma: no cover - redis is in requirements.txt
    RedisError = OSError  # type: ignore[misc,assignment]
CACHE_ERRORS = (RedisError, pickle.UnpicklingError, EOFError, ConnectionError, TimeoutError)
OUTAGE_ERRORS = (OperationalError, InterfaceError, *CACHE_ERRORS)

# Written out in full so the page still answers when templates cannot load.
FALLBACK_PAGE = (
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Back soon · summit</title>'
    "<h1>summit is catching its breath</h1><p>The timeline cannot be read right now. "
    "Please try again in a minute.</p></html>"
)


def unavailable_response(request):
    # Editors must know their change was not saved; readers just that the page will be back.
    editing = request.method not in ("GET", "HEAD") or request.path.startswith("/admin/")
    try:
        # No request context: the context processors might need the database.
        body = loader.render_to_string("503_editor.html" if editing else "503.html")
    except Exception:
        logger.exception("503.html could not be rendered")
        body = FALLBACK_PAGE
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Answered above the CSP and clickjacking middleware, so say it here:
    # the page has no script and inline styles only.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response["X-Frame-Options"] = "DENY"
    # An outage page must not be kept by browsers or CDNs after it is over.
    response["Cache-Control"] = "no-store"
    return response


class ServiceUnavailableMiddleware:
    """Turn database and cache outages raised by views into a logged 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            log_outage(request, exception)
            return unavailable_response(request)
        return None


def log_outage(request, exception):
    logger.error(
        "Service unavailable on %s %s: %s",
        request.method,
        request.path,
        exception,
        exc_info=(type(exception), exception, exception.__traceback__),
    )


def server_error(request):
    """
    handler500. Middleware below ours (sessions, auth, axes) can hit the
    database outside any view, where process_exception never sees it; Django
    then lands here with the exception still being handled.
    """
    exception = sys.exc_info()[1]
    if isinstance(exception, OUTAGE_ERRORS):
        # django.request has already logged the traceback.
        return unavailable_response(request)
    from django.views.defaults import server_error as default_server_error

    return default_server_error(request)
