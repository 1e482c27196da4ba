"""
Content and dates in the reader's language (issue 22).

`{{ event|tr:"title" }}` is the title in the page's language, else in
English; `|in_lang` wraps such text in `lang="…"` when its language differs
from the page's, with a small "English" mark when it stands in for a missing
translation. `|day` and `|month` write a date as a reader of the language
does (13 Jan 2026, 2026年1月13日, 2026년 1월 13일).
"""

import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import gettext

from ..labels import day_label, month_label
from ..models import Localized, current_language

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """A translatable model's field in the active language, falling back to English."""
    if obj is None or not hasattr(obj, "translated"):
        return ""
    return obj.translated(field)


@register.filter
def in_lang(text) -> str:
    """Text with its language marked where it differs from the page's; a fallback says so."""
    if not isinstance(text, Localized) or not text or text.lang == current_language():
        return text
    if not text.fallback:
        return format_html('<span lang="{}">{}</span>', text.lang, str(text))
    return format_html(
        '<span lang="{}">{}</span><small class="untranslated" title="{}">{}</small>',
        text.lang,
        str(text),
        gettext("Not translated yet: shown in English."),
        gettext("English"),
    )


@register.filter
def day(value: datetime.date | None) -> str:
    """One day as the active language writes it."""
    return day_label(value, current_language()) if value else ""


@register.filter
def month(value: datetime.date | None) -> str:
    """A month as the active language writes it: January 2026, 2026年1月, 2026년 1월."""
    return month_label(value, current_language(), long=True) if value else ""


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """This page in each language summit speaks: code, name, address, and whether it is this one."""
    request = context.get("request")
    form = context.get("form")
    # The filters travel to the page's other languages once its form has accepted them; any other
    # parameter (refused, or one the page does not read) stays behind.
    keeps_query = form is not None and form.is_bound and not form.errors
    here = (request.get_full_path() if keeps_query else request.path) if request else "/"
    current = current_language()
    return [
        {"code": code, "name": name, "url": translate_url(here, code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
