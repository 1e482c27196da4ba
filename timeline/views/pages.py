"""The reader's pages: the timeline, an event, a source."""

from itertools import groupby
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from ..caching import public_cache
from ..filters import EmbedForm, EventFilterForm
from ..models import Event, Source
from ..relations import chain, relations_of
from ..windows import first_view

# Events per page of the list under the chart.
LIST_PAGE_SIZE = 100


def wants_partial(request) -> bool:
    # A history restore needs the whole page, not the fragment it cached.
    return bool(request.htmx) and not request.htmx.history_restore_request


def months(events):
    """Events grouped by the month they start in, for the chronological list."""
    return [(month, list(group)) for month, group in groupby(events, key=lambda e: e.earliest.replace(day=1))]


def browse(form) -> tuple[dict, int]:
    """What the timeline and the embed show for the filters: the chart's first view and a page of the list."""
    if not form.is_valid():
        return {"form": form, "events": [], "months": [], "figure": None}, 400
    data = form.cleaned_data
    events = form.filter(Event.objects.published())
    page = Paginator(events.with_related().chronological(), LIST_PAGE_SIZE).get_page(data["page"])
    context = {
        "form": form,
        "page": page,
        "total": page.paginator.count,
        "events": page.object_list,
        "months": months(page.object_list),
        "figure": first_view(events, data["lanes"], data["links"], form.query_string()),
        "query_string": form.query_string(),
    }
    return context, 200


@require_safe
@public_cache(revalidate=True)
def index(request):
    context, status = browse(EventFilterForm(request.GET))
    if status == 200:
        query = f"?{context['query_string']}" if context["query_string"] else ""
        context["embed_src"] = request.build_absolute_uri(reverse("embed") + query)
        context["embed_loader"] = request.build_absolute_uri(static("embed.js"))
        context["oembed_url"] = oembed_discovery(request, reverse("index") + query)
    template = "timeline/index.html#browse" if wants_partial(request) else "timeline/index.html"
    return render(request, template, context, status=status)


def oembed_discovery(request, path: str) -> str:
    """The oEmbed URL for a page, named by its canonical path: valid filters only, never raw input."""
    return reverse("oembed") + "?" + urlencode({"url": request.build_absolute_uri(path), "format": "json"})


@require_safe
@xframe_options_exempt
@public_cache
def embed(request):
    """The timeline without the site around it, for other sites' iframes."""
    form = EmbedForm(request.GET)
    context, status = browse(form)
    if status == 200 and form.cleaned_data["event"]:
        context["opened"] = reading(published_event(form.cleaned_data["event"]))
    response = render(request, "timeline/embed.html", context, status=status)
    # Only here may other sites frame summit, and only those the setting names.
    response._csp_replace = {"frame-ancestors": settings.EMBED_FRAME_ANCESTORS}
    return response


def reading(event) -> dict:
    """
    What the detail shows beside the event: its relations, its citations
    grouped by source (side by side when outlets differ) and the countries of
    the outlets that reported it, from the prefetched citations.
    """
    by_source = {}
    for citation in event.citations.all():
        by_source.setdefault(citation.source, []).append(citation)
    countries = sorted({source.outlet_country for source in by_source if source.outlet_country})
    unplaced = [source for source in by_source if not source.outlet_country]
    if any(not source.outlet for source in unplaced):
        countries.append("outlet not named")
    if any(source.outlet for source in unplaced):
        countries.append("country not recorded")
    return {
        "event": event,
        "related": relations_of(event),
        "by_source": list(by_source.items()),
        "countries": countries,
    }


def published_event(slug):
    return get_object_or_404(Event.objects.published().with_related(), slug=slug)


@require_safe
def event_detail(request, slug):
    event = published_event(slug)
    before, after = chain(event)
    context = {
        **reading(event),
        "chain_before": before,
        "chain_after": after,
        "oembed_url": oembed_discovery(request, event.get_absolute_url()),
    }
    return render(request, "timeline/event_detail.html", context)


@require_safe
def event_panel(request, slug):
    """The detail panel the timeline opens beside the chart."""
    event = published_event(slug)
    context = {**reading(event), "in_panel": True}
    return render(request, "timeline/event_detail.html#detail", context)


@require_safe
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    citations = (
        source.citations.filter(event__is_published=True).select_related("event").order_by("start", "end")
    )
    return render(
        request,
        "timeline/source_detail.html",
        {"source": source, "segments": highlighted_segments(source.text, citations), "citations": citations},
    )


def highlighted_segments(text: str, citations) -> list[tuple[str, list]]:
    """
    Cut the text at every citation boundary: each piece comes with the
    citations that cover it (so overlapping quotes both stay highlighted) and
    those that start there (the anchors event pages link to).
    """
    cuts = sorted({0, len(text), *(c.start for c in citations), *(c.end for c in citations)})
    return [
        (
            text[start:end],
            [c for c in citations if c.start <= start and end <= c.end],
            [c for c in citations if c.start == start],
        )
        for start, end in zip(cuts, cuts[1:])
        if start < end
    ]
