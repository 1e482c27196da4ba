"""
A static file's text, to put inline: the embed's stylesheet, so that its first
paint waits for nothing but the page itself (no render-blocking request).
"""

import functools

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

register = template.Library()


@functools.cache
def cached_text(name: str) -> str:
    return read_text(name)


def read_text(name: str) -> str:
    path = finders.find(name)
    if not path:
        raise template.TemplateSyntaxError(f"No static file {name!r} to inline.")
    with open(path, encoding="utf-8") as file:
        # A stylesheet cannot close the <style> element it is put in.
        return file.read().replace("</", "<\\/")


@register.simple_tag
def inline_static(name: str) -> str:
    """The text of the static file `name` (read once per process, or every time with DEBUG on)."""
    return mark_safe(read_text(name) if settings.DEBUG else cached_text(name))
