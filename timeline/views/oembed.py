"""oEmbed (https://oembed.com): CMSs turn a pasted summit URL into the embed's iframe."""

from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from ..caching import public_cache
from ..models import Event

DEFAULT_WIDTH, DEFAULT_HEIGHT = 800, 640
MAX_SIZE = 10_000
# What the oEmbed spec lets a consumer ask; anything else is ignored.
OEMBED_PARAMETERS = ("url", "format", "maxwidth", "maxheight")


def oembed_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def size_limit(request, name: str, default: int) -> int:
    """A positive whole number of pixels from maxwidth/maxheight, or the default."""
    value = request.GET.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or not 0 < int(value) <= MAX_SIZE:
        raise ValueError(
            gettext("“%(name)s” must be a whole number of pixels from 1 to %(max)s.") % {"name": name, "max": MAX_SIZE}
        )
    return min(default, int(value))


class NotEmbeddable(Exception):
    """The URL given is not a summit page that can be embedded; the message says why."""


def embedded_page(url: str, hosts: set[str]) -> tuple[str, str]:
    """The embed's query string and title for a summit timeline, embed or event page URL."""
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=hosts, require_https=False) or not urlsplit(url).netloc:
        raise NotEmbeddable(gettext("That URL is not a summit page."))
    parts = urlsplit(url)
    # A /ja/ or /ko/ page embeds in its language: its address resolves, and the answer is written, in it.
    language = translation.get_language_from_path(parts.path)
    if language:
        translation.activate(language)
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise NotEmbeddable(gettext("That URL is not a summit page.")) from None
    if not match.namespace and match.url_name in ("index", "embed"):
        # Re-encoded, so whatever was pasted reaches the iframe as plain parameters.
        return urlencode(parse_qsl(parts.query)), gettext("summit timeline")
    if not match.namespace and match.url_name == "event_detail":
        event = Event.objects.published().filter(slug=match.kwargs["slug"]).first()
        if event is None:
            raise NotEmbeddable(gettext("No published event at that URL."))
        return urlencode({"event": event.slug}), f"{event.translated('title')} ({event.date_label}) · summit"
    raise NotEmbeddable(gettext("Only timeline, embed and event pages can be embedded."))


@require_safe
@public_cache(parameters=OEMBED_PARAMETERS)
def oembed(request):
    url = request.GET.get("url", "").strip()
    if not url:
        return oembed_error(gettext("Give the “url” of a summit timeline, embed or event page."), 400)
    answer_format = request.GET.get("format") or "json"
    if answer_format == "xml":
        # The oEmbed spec's answer for a format a provider does not offer.
        return oembed_error(gettext("Only format=json is available."), 501)
    if answer_format != "json":
        return oembed_error(gettext("Unknown format; use format=json."), 400)
    try:
        width = size_limit(request, "maxwidth", DEFAULT_WIDTH)
        height = size_limit(request, "maxheight", DEFAULT_HEIGHT)
    except ValueError as error:
        return oembed_error(str(error), 400)

    try:
        query, title = embedded_page(url, {request.get_host(), *settings.ALLOWED_HOSTS})
    except NotEmbeddable as error:
        return oembed_error(str(error), 404)

    src = request.build_absolute_uri(reverse("embed") + (f"?{query}" if query else ""))
    html = format_html(
        '<iframe src="{}" width="{}" height="{}" style="border:0;max-width:100%" title="{}" loading="lazy" '
        "data-summit-embed></iframe>"
        '<script async src="{}"></script>',
        src,
        width,
        height,
        title,
        request.build_absolute_uri(static("embed.js")),
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "provider_name": "summit",
            "provider_url": request.build_absolute_uri("/"),
            "title": title,
            "html": html,
            "width": width,
            "height": height,
            "cache_age": settings.PUBLIC_CACHE_SECONDS,
        }
    )


def oembed_discovery(request, path: str) -> str:
    """The oEmbed URL for a page, named by its canonical path: valid filters only, never raw input."""
    return reverse("oembed") + "?" + urlencode({"url": request.build_absolute_uri(path), "format": "json"})
