"""
The chart's entry point: the views hand over the filtered events and the
cleaned filters; this decides the window of time shown (`framing`), picks the
events to draw (choose.py), lays them out (layout.py) and draws the layout
for Plotly (draw_plotly.py). The server's SVG and the phone's rows are drawn
from the same layout by the template (templatetags/chart_svg.py).

Charts are cached, keyed by the data's last change, so an edit anywhere
gives new keys and old charts simply expire.
"""

import datetime
import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, Min
from django.utils import timezone, translation

from ..data_version import newest_change
from ..models import short_title_from
from ..relations import cause_and_effect, relations_among
from . import choose, style
from .draw_plotly import to_figure
from .layout import ChartEvent, Counted, LaneKey, Layout, LinkKey, Outside, View, lay_out, outside
from .vertical import DownLane, lay_out_down

CACHE_SECONDS = 600


@dataclass(frozen=True)
class Framing:
    """What the reader asked the chart to show: the window (None: the busiest span), plot width, lanes, links."""

    start: datetime.date | None
    end: datetime.date | None  # the day after the last shown
    width: int
    lanes: str
    links: bool


@dataclass
class Chart:
    """
    A view of the chart: its layout (plain data, what every drawing is drawn
    from), the same laid out down the screen for a narrow box, and Plotly's
    figure of the layout.
    """

    layout: Layout
    rows: list[DownLane]
    figure: dict[str, Any]


def framing(cleaned: dict[str, Any]) -> Framing:
    """
    The chart's view from the cleaned filters: the `window` when given, else
    `from`/`to` when set (a Nov–Dec filter shows Nov–Dec), else left to the
    chart, which fits the busiest span of the events.
    """
    start, last = cleaned.get("window") or (cleaned.get("from"), cleaned.get("to"))
    width = cleaned.get("width") or style.DEFAULT_PLOT_WIDTH
    return Framing(
        start=start,
        end=last + style.DAY if last else None,
        # Whole tens of pixels, so nearby screens share cached layouts; narrower is the safe side.
        width=width - width % 10,
        lanes=cleaned["lanes"],
        links=bool(cleaned.get("links")),
    )


def lane_keys(event: Any, lanes: str) -> tuple[LaneKey, ...]:
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


def chart_event(event: Any, lanes: str, today: datetime.date) -> ChartEvent:
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


def related(events: list[Any]) -> list[LinkKey]:
    """The relations among the drawn events, cause first, in words."""
    by_id = {event.pk: event for event in events}
    found = []
    for relation in relations_among(events):
        a, b = by_id[relation.from_event_id], by_id[relation.to_event_id]
        relation.from_event, relation.to_event = a, b
        cause, effect = cause_and_effect(relation)
        text = f"{a.translated('title')} {relation.get_kind_display()} {b.translated('title')}"
        found.append(LinkKey(by_id[cause].slug, by_id[effect].slug, text))
    return found


def outside_of(events: Any, view: View) -> Outside:
    """What lies outside the view among all the filtered events (a crowded view holds only some of them)."""
    before = events.filter(latest__lt=view.start).aggregate(n=Count("pk"), first=Min("earliest"))
    after = events.filter(earliest__gte=view.end).aggregate(n=Count("pk"), last=Max("earliest"))
    return outside(view, before["n"], before["first"], after["n"], after["last"])


def charted(
    events: Any,
    window: choose.Window,
    start: datetime.date,
    end: datetime.date,
    asked: Framing,
    bins: choose.Bins | None,
    total: int | None = None,
) -> Chart:
    """
    The window's events laid out from `start` to `end` (the day after the last
    shown) and drawn for Plotly; `total` counts the events of the filters the
    chart stands for (the window's own by default).
    """
    today = timezone.localdate()
    records = [chart_event(event, asked.lanes, today) for event in window.events]
    view = View(start, end, asked.width, asked.lanes, today)
    counted = Counted(
        total=window.total if total is None else total,
        complete=window.complete,
        # Counted among all the filtered events: a crowded or zoomed view lays out only some of them.
        outside=outside_of(events, view),
        density=(bins.name, bins.spans()) if bins else None,
    )
    layout = lay_out(records, view, related=related(window.events) if asked.links else None, counted=counted)
    return Chart(layout, lay_out_down(records, layout), to_figure(layout))


def cache_key(kind: str, *parts: object) -> str:
    # The language too: labels, lane names and dates are written in it.
    digest = hashlib.sha256(repr((translation.get_language(), *parts)).encode()).hexdigest()[:40]
    # Any edit moves the newest change, so charts of older data are never read again.
    changed = newest_change(precise=True)
    # Today's date too: "today" and "not confirmed since" move with it.
    return f"summit:{kind}:{changed.isoformat() if changed else '-'}:{timezone.localdate()}:{digest}"


def first_view(events: Any, asked: Framing, key: str) -> Chart | None:
    """
    The chart a page opens with, for the filtered events: all of them if few,
    else the most important of the busiest span with the density band. Its
    window is the busiest span of the events, padded, unless the reader asked
    for one. Cached per filter set (`key`), framing and data version.
    """

    def build() -> Chart | None:
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
        start, end = asked.start or fitted[0], asked.end or fitted[1]
        if end <= start:
            start, end = fitted
        if bins is not None:
            window = choose.events_in_window(events, start, end - style.DAY)
        return charted(events, window, start, end, asked, bins, total)

    chart = cache.get_or_set(cache_key("first-view", key, asked), build, CACHE_SECONDS)
    return chart if isinstance(chart, Chart) else None


def window_chart(events: Any, first: datetime.date, last: datetime.date, asked: Framing, key: str) -> Chart:
    """The chart of one window (its first and last day), for the page to redraw after a zoom or pan."""

    def build() -> Chart:
        window = choose.events_in_window(events, first, last)
        bins = None
        if not window.complete:
            bins = choose.count_bins(events, first, last)
        elif events.count() <= choose.MAX_DRAWN:
            # Few events in all: every one of them, so the chart pans before the next layout arrives.
            window = choose.Window(choose.events_in_window(events).events, window.total)
        return charted(events, window, first, last + style.DAY, asked, bins)

    chart = cache.get_or_set(cache_key("window", key, first, last, asked), build, CACHE_SECONDS)
    assert isinstance(chart, Chart)  # build() always returns a chart
    return chart
