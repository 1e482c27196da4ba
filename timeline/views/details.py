"""The pages behind a timeline's marks: an event, with what it rests on, and a source."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from ..models import Event, Source
from ..relations import chain, relations_of
from .oembed import oembed_discovery


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
