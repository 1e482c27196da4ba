"""
A view's figure: the events chosen (choose.py) turned into plain records,
laid out (layout.py) and drawn for Plotly (draw_plotly.py). No request in
here: the views hand over a queryset and the view's range, width and lanes.

Figures are cached, keyed by the data's last change, so an edit anywhere
gives new keys and old figures simply expire.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.db.models import Max, Min
from django.utils import timezone, translation

from ..data_version import newest_change
from ..models import short_title_from
from ..relations import relations_among
from . import choose, style
from .draw_plotly import connector_trace, to_figure
from .layout import ChartEvent, LaneKey, Layout, View, lay_out

FIGURE_CACHE_SECONDS = 600


def lane_keys(event, lanes: str) -> tuple[LaneKey, ...]:
    """The lanes an event belongs to under a lanes mode, from its prefetched actors, topics and arc."""
    if lanes == "topic":
        return tuple(LaneKey(topic.slug, topic.translated("name"), topic.colour) for topic in event.topics.all())
    if lanes == "arc":
        arc = event.arc
        if arc is None:
            return ()
        return (LaneKey(arc.slug, arc.translated("title"), style.ARC_COLOURS[arc.pk % len(style.ARC_COLOURS)]),)
    if lanes == "none":
        return ()
    return tuple(LaneKey(actor.slug, actor.translated("short_name"), actor.colour) for actor in event.actors.all())


def chart_event(event, lanes: str, today: datetime.date) -> ChartEvent:
    actors = list(event.actors.all())
    # In the reader's language where translated; a short title in another language than the title is not used.
    title, short_title = event.translated("title"), event.translated("short_title")
    if not short_title or short_title.lang != title.lang:
        short_title = short_title_from(title)
    return ChartEvent(
        slug=event.slug,
        title=title,
        short_title=short_title,
        earliest=event.earliest,
        latest=event.latest,
        precision=event.precision,
        status=event.status,
        importance=event.importance,
        date_label=event.date_label,
        lanes=lane_keys(event, lanes),
        colour=actors[0].colour if actors else style.NEUTRAL_COLOUR,
        unconfirmed_since=event.unconfirmed_since(today),
    )


def laid_out(events: list, start: datetime.date, end: datetime.date, lanes: str, width: int) -> Layout:
    today = timezone.localdate()
    records = [chart_event(event, lanes, today) for event in events]
    return lay_out(records, View(start, end, width, lanes, today))


def cache_key(kind: str, *parts) -> str:
    # The language too: labels, lane names and dates are written in it.
    digest = hashlib.sha256(repr((translation.get_language(), *parts)).encode()).hexdigest()[:40]
    # Any edit moves the newest change, so figures of older data are never read again.
    changed = newest_change(precise=True)
    # Today's date too: "today" and "not confirmed since" move with it.
    return f"summit:{kind}:{changed.isoformat() if changed else '-'}:{timezone.localdate()}:{digest}"


def first_view(
    events,
    lanes: str,
    links: bool,
    key: str,
    *,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    width: int = style.DEFAULT_PLOT_WIDTH,
) -> dict | None:
    """
    The figure a page opens with, for the filtered events: all of them if few,
    else the most important of the busiest span with the density band. Its x
    range is the busiest span of the events, padded, unless `start` or `end`
    (the day after the last shown) are given. Cached per filter set (`key`),
    range, width and data version.
    """

    def build():
        total = events.count()
        if not total:
            return None
        bins = None
        if total <= choose.MAX_DRAWN:
            window = choose.events_in_window(events)
            fitted = choose.padded(*choose.busiest_span([(e.earliest, e.earliest, 1) for e in window.events]))
        else:
            # Too many to sort in Python: the busiest span comes from the counts per bin.
            # One aggregate each: SQLite answers a lone MIN or MAX from an index, the pair by reading the table.
            first = events.aggregate(first=Min("earliest"))["first"]
            last = events.aggregate(last=Max("latest"))["last"]
            bins = choose.count_bins(events, first, last)
            fitted = choose.padded(*choose.busiest_span(bins.runs()))
        view_start, view_end = start or fitted[0], end or fitted[1]
        if view_end <= view_start:
            view_start, view_end = fitted
        if bins is not None:
            window = choose.events_in_window(events, view_start, view_end - style.DAY)
        layout = laid_out(window.events, view_start, view_end, lanes, width)
        return with_links(to_figure(layout, bins=bins, total=total, complete=window.complete), window, layout, links)

    parts = (key, lanes, links, start, end, width)
    return cache.get_or_set(cache_key("first-view", *parts), build, FIGURE_CACHE_SECONDS)


def window_figure(
    events, start: datetime.date, end: datetime.date, lanes: str, links: bool, key: str, width: int
) -> dict:
    """The figure of one window (its first and last day), for the chart to redraw after a zoom or pan."""

    def build():
        window = choose.events_in_window(events, start, end)
        bins = None
        if not window.complete:
            bins = choose.count_bins(events, start, end)
        elif events.count() <= choose.MAX_DRAWN:
            # Few events in all: every one of them, so the chart pans before the next layout arrives.
            window = choose.Window(choose.events_in_window(events).events, window.total)
        layout = laid_out(window.events, start, end + style.DAY, lanes, width)
        figure = to_figure(layout, bins=bins, total=window.total, complete=window.complete)
        return with_links(figure, window, layout, links)

    parts = (key, start, end, lanes, links, width)
    figure = cache.get_or_set(cache_key("window", *parts), build, FIGURE_CACHE_SECONDS)
    assert figure is not None  # build() always returns a figure
    return figure


def with_links(figure: dict, window: choose.Window, layout: Layout, links: bool) -> dict:
    """Add the connectors between related drawn events when the reader asked for them."""
    if links:
        trace = connector_trace(window.events, relations_among(window.events), layout)
        if trace:
            figure["data"].append(trace)
    return figure


def fitted_layout(events: list, lanes: str, width: int = style.DEFAULT_PLOT_WIDTH) -> Layout:
    """A list of events laid out over the busiest span of their dates."""
    start, end = choose.padded(*choose.busiest_span([(event.earliest, event.earliest, 1) for event in events]))
    return laid_out(events, start, end, lanes, width)


def build_figure(events: list, lanes: str = "actor") -> dict:
    """The figure of a list of events (with actors, topics and arc fetched), over the busiest span of their dates."""
    return to_figure(fitted_layout(events, lanes))


def connector_traces(events: list, relations: list, lanes: str = "actor") -> list[dict]:
    """The connectors between related events of a list, as drawn on `build_figure`'s chart of them."""
    trace = connector_trace(events, relations, fitted_layout(events, lanes))
    return [trace] if trace else []
