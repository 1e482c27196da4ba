"""`/healthz` for load balancers: can this server reach its database and its cache?"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("summit.health")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Health check: database unreachable (%s)", error)
        return False


def cache_ok() -> bool:
    # The Redis backend answers from local memory while Redis is down: ask it about Redis itself.
    reachable = getattr(cache, "primary_reachable", None)
    if reachable is not None:
        return reachable()
    try:
        cache.set("summit:healthz", "ok", 10)
        return cache.get("summit:healthz") == "ok"
    except Exception as error:  # any backend's failure is a failed check
        logger.warning("Health check: cache unreachable (%s)", error)
        return False


@require_safe
@never_cache
def healthz(request):
    checks = {"database": database_ok(), "cache": cache_ok()}
    body = {name: "ok" if fine else "unavailable" for name, fine in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
