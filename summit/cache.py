"""
Redis shared by every worker, and this worker's own memory while Redis is
unreachable: a Redis outage costs cached answers' sharing, not the site.

Every cache call goes to Redis; one that fails (connection refused, a
timeout) is answered from a bounded local-memory cache instead, and Redis is
left alone for RETRY_SECONDS so that requests do not each wait on it.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("summit.cache")

RETRY_SECONDS = 5.0
# As the local-memory cache without Redis (summit/settings.py): about 250 MB at the very worst.
LOCAL_OPTIONS = {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 3}


class RedisWithLocalFallback(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.local = LocMemCache(f"summit-fallback-{id(self)}", {**params, "OPTIONS": LOCAL_OPTIONS})
        self.lock = threading.Lock()
        self.down_until = 0.0

    def primary_reachable(self) -> bool:
        try:
            return bool(self._cache.get_client(write=False).ping())
        except RedisError:
            return False

    def either(self, name: str, *args, **kwargs):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except RedisError as error:
                with self.lock:
                    if time.monotonic() >= self.down_until:
                        logger.error("Redis unreachable (%s): this worker caches in its own memory for now.", error)
                    self.down_until = time.monotonic() + RETRY_SECONDS
        return getattr(self.local, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self.either("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self.either("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self.either("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self.either("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self.either("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self.either("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self.either("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self.either("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self.either("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self.either("delete_many", *args, **kwargs)

    def clear(self):
        self.local.clear()
        return self.either("clear")
