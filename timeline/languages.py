"""
Which language a request is answered in (issue 22).

Reader pages name their language in the URL: English unprefixed, /ja/ and
/ko/ (LocaleMiddleware reads the prefix). On top of that, after
LocaleMiddleware:
- any unprefixed address takes `?lang=en|ja|ko`, so a publisher picks the
  embed's language and an API client the answer's;
- the API, exports, oEmbed and the feed, unprefixed and without `lang`, follow
  the client's Accept-Language; so does the admin (the editor's browser).
Reader pages never follow Accept-Language: a link or a cached page names its
language, whoever fetched it first.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers

# Unprefixed paths answered in the client's Accept-Language when no `lang` is given.
ACCEPT_LANGUAGE_PATHS = ("/admin/", "/api/", "/oembed", "/feed/")


def supported_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def requested_language(request) -> tuple[str | None, bool]:
    """
    The language an unprefixed request asks for, and whether it came from
    Accept-Language (so the answer varies on it). (None, False) keeps
    LocaleMiddleware's choice.
    """
    if translation.get_language_from_path(request.path_info):
        return None, False
    if "lang" in request.GET:
        return request.GET["lang"], False
    if request.path_info.startswith(ACCEPT_LANGUAGE_PATHS):
        return translation.get_language_from_request(request, check_path=False), True
    return None, False


class RequestedLanguageMiddleware:
    """
    `?lang=` and, where it applies, Accept-Language, for unprefixed addresses.
    Applied once the URL is resolved (process_view): the resolver reads the
    active language to match a prefix, so an unprefixed address must still
    resolve as English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_language_from_header", False):
            patch_vary_headers(response, ["Accept-Language"])
        elif response.has_header("Vary"):
            # LocaleMiddleware says every unprefixed answer varies on
            # Accept-Language; a reader page's never does, and a shared cache
            # would keep one copy per browser language of the same page.
            kept = [name.strip() for name in response["Vary"].split(",") if name.strip().lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response

    def process_view(self, request, view, args, kwargs):
        language, from_header = requested_language(request)
        if language is None:
            return None
        if language not in supported_languages():
            choices = ", ".join(supported_languages())
            return HttpResponseBadRequest(f"lang must be one of {choices}.\n", content_type="text/plain; charset=utf-8")
        translation.activate(language)
        request.LANGUAGE_CODE = language
        request._language_from_header = from_header
        return None
