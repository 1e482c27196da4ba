"""
The pages behind a timeline's marks: an event, with what it rests on, and a
source. Readers see what is published; staff who may view a record in the
admin also see it before then, marked as a draft, in answers no cache keeps.
"""

from urllib.parse import urlsplit

from django.contrib.auth import get_permission_codename
from django.http import QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from ..filters import EventFilterForm
from ..models import Citation, Event, Source
from ..relations import chain, relations_of
from .oembed import oembed_discovery


def reading(event) -> dict:
    """
    What the detail shows beside the event: its relations, its citations
    grouped by source (side by side when outlets differ) and the countries of
    the outlets that reported it, from the prefetched citations.
    """
    by_source: dict[Source, list[Citation]] = {}
    for citation in event.citations.all():
        by_source.setdefault(citation.source, []).append(citation)
    countries = sorted({source.outlet_country for source in by_source if source.outlet_country})
    unplaced = [source for source in by_source if not source.outlet_country]
    if any(not source.outlet for source in unplaced):
        countries.append(gettext("outlet not named"))
    if any(source.outlet for source in unplaced):
        countries.append(gettext("country not recorded"))
    return {
        "event": event,
        "related": relations_of(event),
        "by_source": list(by_source.items()),
        "countries": countries,
    }


# What an embed's steps keep besides the filters: how the publisher presents it.
EMBED_PRESENTATION = ("theme", "title")


def stepping(event, form: EventFilterForm, page_path: str, param: str = "event") -> dict:
    """
    The events before and after `event` in the list of the reader's filters, each with the page
    that opens it (`page_path` with the filters and `param`, `event` or the embed's `story`), so a
    reader goes through the timeline one event at a time, with or without JavaScript.
    """
    if not form.is_valid():
        return {}
    events = Event.objects.published().matching(form.cleaned_data)
    steps = {}
    for name, neighbour in (("previous", events.previous_before(event)), ("next", events.next_after(event))):
        if neighbour:
            steps[name] = {"event": neighbour, "url": f"{page_path}?{step_query(form, param, neighbour.slug)}"}
    return {"steps": steps, "step_param": param}


def step_query(form: EventFilterForm, param: str, slug: str) -> str:
    query = QueryDict(form.query_string(), mutable=True)
    if param == "story":
        # A story's chart moves to each event: the window is the story's, not the one left behind.
        query.pop("window", None)
    for name in EMBED_PRESENTATION:
        if form.data.get(name):
            query[name] = form.data[name]
    query[param] = slug
    return query.urlencode()


def page_filters(request) -> tuple[EventFilterForm, str, str]:
    """
    The filters of the page a panel opens on, which htmx names in HX-Current-URL: the timeline's
    or the embed's (in story mode, whose steps keep reading), with that page's path.
    """
    current = urlsplit(request.headers.get("HX-Current-URL", ""))
    query = QueryDict(current.query, mutable=True)
    in_embed = current.path.rstrip("/").endswith("/embed")
    page_path = reverse("embed") if in_embed else reverse("index")
    param = "story" if in_embed and query.get("story") else "event"
    if not in_embed:
        for name in EMBED_PRESENTATION:
            query.pop(name, None)
    return EventFilterForm(query), page_path, param


DRAFT_EVENT = _("Only staff can see this event until it is published.")
DRAFT_SOURCE = _("Only staff can see this article until an event citing it is published.")
DRAFT_CITATIONS = _("Some passages below are cited by events that are not published yet.")


def published_event(slug):
    return get_object_or_404(Event.objects.published().with_related(), slug=slug)


def may_preview(user, model) -> bool:
    """Staff who may view a model's records in the admin also see its drafts on the public pages."""
    options = model._meta
    return user.is_staff and user.has_perm(f"{options.app_label}.{get_permission_codename('view', options)}")


def visible_event(request, slug) -> Event:
    events = Event.objects.with_related()
    if not may_preview(request.user, Event):
        events = events.published()
    return get_object_or_404(events, slug=slug)


def render_draft_aware(request, template: str, context: dict, draft: str):
    """
    Render, with the draft banner when `draft` says why the page is not public;
    such an answer is for this staff member alone, never for a shared cache.
    """
    response = render(request, template, {**context, "draft": draft})
    if draft:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def event_detail(request, slug):
    event = visible_event(request, slug)
    before, after = chain(event)
    context = {
        **reading(event),
        "chain_before": before,
        "chain_after": after,
        "oembed_url": oembed_discovery(request, event.get_absolute_url()),
    }
    draft = "" if event.is_published else DRAFT_EVENT
    return render_draft_aware(request, "timeline/event_detail.html", context, draft)


@require_safe
def event_panel(request, slug):
    """The detail panel the timeline opens beside the chart, with steps to the events around it."""
    event = visible_event(request, slug)
    draft = "" if event.is_published else DRAFT_EVENT
    context = {**reading(event), "in_panel": True}
    if event.is_published:
        context.update(stepping(event, *page_filters(request)))
    response = render_draft_aware(request, "timeline/event_detail.html#detail", context, draft)
    # The steps depend on the page the panel opens on.
    patch_vary_headers(response, ["HX-Current-URL"])
    return response


@require_safe
def source_detail(request, pk):
    sources = Source.objects.all() if may_preview(request.user, Source) else Source.objects.public()
    source = get_object_or_404(sources, pk=pk)
    citations = source.citations.select_related("event").order_by("start", "end")
    if not may_preview(request.user, Event):
        citations = citations.filter(event__is_published=True)
    citations = list(citations)
    if not any(citation.event.is_published for citation in citations):
        draft = DRAFT_SOURCE
    elif not all(citation.event.is_published for citation in citations):
        draft = DRAFT_CITATIONS
    else:
        draft = ""
    context = {"source": source, "citations": citations}
    if may_preview(request.user, Source):
        # Staff read the whole article; readers get what summit cites of it.
        context["segments"] = highlighted_segments(source.text, citations)
    else:
        context["excerpts"] = excerpts(source.text, citations)
    return render_draft_aware(request, "timeline/source_detail.html", context, draft)


# Around each cited passage, readers see this much of the article, cut at a
# space: enough to read the passage in its place, not to republish the article.
CONTEXT_CHARS = 160


def excerpts(text: str, citations) -> list[dict]:
    """
    The cited passages with a little of the text around them, overlapping
    ones merged: each {"segments", "cut_before", "cut_after"}, the segments
    as highlighted_segments gives them.
    """
    windows: list[list[int]] = []
    for citation in sorted(citations, key=lambda c: (c.start, c.end)):
        start = context_edge(text, citation.start - CONTEXT_CHARS, forward=True)
        end = context_edge(text, citation.end + CONTEXT_CHARS, forward=False)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [
        {
            "segments": highlighted_segments(text, citations, start, end),
            "cut_before": start > 0,
            "cut_after": end < len(text),
        }
        for start, end in windows
    ]


def context_edge(text: str, position: int, forward: bool) -> int:
    """`position` moved to the nearest space towards the passage, so no word is cut in two."""
    if position <= 0:
        return 0
    if position >= len(text):
        return len(text)
    if forward:
        space = text.find(" ", position)
        return space + 1 if space >= 0 else position
    space = text.rfind(" ", 0, position)
    return space if space >= 0 else position


def highlighted_segments(text: str, citations, start: int = 0, end: int | None = None) -> list[tuple[str, list, list]]:
    """
    Cut the text (from `start` to `end`) at every citation boundary: each
    piece comes with the citations that cover it (so overlapping quotes both
    stay highlighted) and those that start there (the anchors event pages link to).
    """
    end = len(text) if end is None else end
    inside = [c for c in citations if start <= c.start and c.end <= end]
    cuts = sorted({start, end, *(c.start for c in inside), *(c.end for c in inside)})
    citations = inside
    return [
        (
            text[start:end],
            [c for c in citations if c.start <= start and end <= c.end],
            [c for c in citations if c.start == start],
        )
        for start, end in zip(cuts, cuts[1:])
        if start < end
    ]
