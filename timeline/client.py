"""
Who is asking: the client's address as the outermost trusted proxy saw it.

Behind TRUSTED_PROXY_COUNT reverse proxies, each appends the address it was
reached from to X-Forwarded-For, so the one to trust is that many entries
from the right; anything further left was written by the client and proves
nothing. With no proxy (0, the default), or a header that is short or not an
address, it is the connection's own address. Login lockouts (django-axes) and
the public rate limit both key on this.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    own = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return own
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return own
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return own
