"""
HTTP caching for what articles pull in bulk: the embed, the API and the
exports. Validators come from the data itself, so every worker (and every
restart) agrees on them: the newest history record of any model a reader can
see is when the data last changed, deletions and relinked actors included.
"""

import datetime
import hashlib
from functools import partial, wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import condition

from . import models

# Every model whose rows show on a public page, an embed or an export.
PUBLIC_MODELS = (
    models.Event,
    models.Citation,
    models.Source,
    models.Actor,
    models.Topic,
    models.Place,
    models.StoryArc,
    models.EventRelation,
)


# Rendered answers are kept at most this long; an edit retires them at once.
RESPONSE_CACHE_SECONDS = 600


def change_columns() -> list[tuple[str, str]]:
    """(table, column) pairs whose newest value is the newest change to public data."""
    columns = [(model.history.model._meta.db_table, "history_date") for model in PUBLIC_MODELS]
    # Fixtures and bulk imports write no history; their rows still carry updated_at.
    columns += [(model._meta.db_table, "updated_at") for model in (models.Event, models.Source)]
    return columns


def newest_change(precise: bool = False) -> datetime.datetime | None:
    """
    When anything public last changed; to the second unless `precise` (HTTP
    dates have no finer grain). One indexed query for every request that asks.
    """
    quote = connection.ops.quote_name
    parts = " UNION ALL ".join(
        f"SELECT MAX({quote(column)}) AS moment FROM {quote(table)}" for table, column in change_columns()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(moment) FROM ({parts}) AS changes")
        (latest,) = cursor.fetchone()
    if latest is None:
        return None
    if isinstance(latest, str):  # SQLite hands back raw SQL's datetimes as text
        latest = parse_datetime(latest)
    if timezone.is_naive(latest):
        latest = timezone.make_aware(latest, datetime.timezone.utc)
    return latest if precise else latest.replace(microsecond=0)


def precise_change(request) -> datetime.datetime | None:
    # Asked for twice per request (ETag and Last-Modified): look it up once.
    if not hasattr(request, "_newest_change"):
        request._newest_change = newest_change(precise=True)
    return request._newest_change


def data_changed_at(request, *args, **kwargs) -> datetime.datetime | None:
    changed = precise_change(request)
    return changed.replace(microsecond=0) if changed else None


def data_etag(request, *args, **kwargs) -> str:
    # The URL picks the slice of data; today's date moves the 'today' line.
    # Two edits within a second differ here, though not in Last-Modified.
    changed = precise_change(request)
    key = "|".join(
        [
            request.get_host(),
            request.get_full_path(),
            # htmx asks for a fragment, or the whole page when restoring history.
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-History-Restore-Request", ""),
            # A gzipped answer is another representation: its own ETag and cache entry.
            "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "",
            changed.isoformat() if changed else "-",
            datetime.date.today().isoformat(),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def public_cache(view=None, *, revalidate=False):
    """
    For what articles pull in bulk: the answer is kept in the cache under its
    ETag (so any edit retires it), sent with ETag, Last-Modified and a public
    Cache-Control, gzipped when the client accepts it (these pages hold no
    secrets for BREACH to find), and a conditional request whose data has not
    changed gets 304 Not Modified. With `revalidate`, browsers ask every time
    (a cheap 304 when nothing changed), so an editor sees an edit at once.
    """
    if view is None:
        return partial(public_cache, revalidate=revalidate)
    # Compressed before it is cached, so a busy embed is gzipped once, not per request.
    compressed_view = gzip_page(view)

    @wraps(view)
    def with_cache_headers(request, *args, **kwargs):
        key = f"summit:response:{data_etag(request)}"
        response = cache.get(key)
        if response is None:
            response = compressed_view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming:
                cache.set(key, response, RESPONSE_CACHE_SECONDS)
        if response.status_code == 200 and revalidate:
            patch_cache_control(response, public=True, no_cache=True)
        elif response.status_code == 200:
            seconds = settings.PUBLIC_CACHE_SECONDS
            patch_cache_control(
                response, public=True, max_age=seconds, stale_while_revalidate=max(seconds, 60)
            )
        else:
            patch_cache_control(response, no_store=True)
        # Browsers send HX-Request on htmx swaps: keep fragment and page apart.
        patch_vary_headers(response, ["HX-Request", "HX-History-Restore-Request"])
        return response

    return condition(etag_func=data_etag, last_modified_func=data_changed_at)(with_cache_headers)
