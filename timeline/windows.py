"""
Level of detail: what the chart shows of a time window. A window with few
events shows every one of them. A crowded window shows its most important
events (at most MAX_DRAWN) and a density band, the count of events per day,
week, month or year, for the rest; zooming in asks the server for the
narrower window, until every event in it is drawn. So a reader never
downloads more than MAX_DRAWN events, whatever the size of the archive.

The figure of a window is cached, keyed by the data's last change, so an
edit anywhere gives new keys and old figures simply expire.
"""

import datetime
import hashlib
import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import CharField, Count, F, Max, Min
from django.db.models.functions import Cast, Substr, TruncWeek

from .caching import newest_change
from .figures import DAY, build_figure, connector_traces, padded
from .relations import relations_among

MAX_DRAWN = 400
# A crowded window is ranked in this many slices of time.
SLICES = 8
FIGURE_CACHE_SECONDS = 600

def iso_prefix(length: int):
    """The first characters of the ISO date: its year or year-month. Plain SQL on
    both databases, where Django's Trunc runs a Python function per row on SQLite."""
    return lambda field: Substr(Cast(field, CharField()), 1, length)


def next_month(start: datetime.date) -> datetime.date:
    return (start.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


# (longest window in days, bin name, the bin of a date in SQL, its first day, the
# next bin's first day): aiming at 30–150 bars across the window, so the band
# reads at every zoom.
BINS = [
    (150, "day", F, lambda value: value, lambda start: start + DAY),
    (1100, "week", TruncWeek, lambda value: value, lambda start: start + datetime.timedelta(weeks=1)),
    (366 * 12, "month", iso_prefix(7), lambda value: datetime.date.fromisoformat(value + "-01"), next_month),
    (None, "year", iso_prefix(4), lambda value: datetime.date(int(value), 1, 1),
     lambda start: start.replace(year=start.year + 1, month=1, day=1)),
]


@dataclass
class Window:
    events: list  # what is drawn, with actors and topics prefetched
    total: int  # how many events of the filters lie in the window
    start: datetime.date | None
    end: datetime.date | None

    @property
    def complete(self) -> bool:
        return len(self.events) == self.total


def events_in_window(events, start=None, end=None) -> Window:
    """Every event of the window if it holds few, else the most important of each part of it."""
    in_window = events.between(start, end)
    total = in_window.count()
    if total <= MAX_DRAWN:
        drawn = in_window
    else:
        drawn = events.filter(pk__in=most_important(in_window, start, end))
    # The chart shows lanes (actors or topics), titles and dates; no citations.
    return Window(list(drawn.prefetch_related("actors", "topics").chronological()), total, start, end)


def most_important(in_window, start, end) -> set[int]:
    """
    The MAX_DRAWN most important events, taken slice by slice of the window:
    ranked over the whole window, ties would go to its first weeks and leave
    the rest of the view bare.
    """
    if start is None or end is None:
        bounds = in_window.aggregate(first=Min("earliest"), last=Max("earliest"))
        start, end = start or bounds["first"], end or bounds["last"]
    step = max((end - start) / SLICES, DAY)
    chosen: set[int] = set()
    for number in range(SLICES):
        part = in_window
        # The first slice also takes what began before the window, the last what begins at its end.
        if number > 0:
            part = part.filter(earliest__gte=start + step * number)
        if number < SLICES - 1:
            part = part.filter(earliest__lt=start + step * (number + 1))
        ranked = part.order_by("-importance", "earliest", "pk").values_list("pk", flat=True)
        chosen.update(ranked[: math.ceil(MAX_DRAWN / SLICES)])
    ranking = ("-importance", "earliest", "pk")
    if len(chosen) > MAX_DRAWN:
        chosen = set(in_window.filter(pk__in=chosen).order_by(*ranking).values_list("pk", flat=True)[:MAX_DRAWN])
    elif len(chosen) < MAX_DRAWN:
        # Quiet slices leave room: fill it with the next most important anywhere in the window.
        rest = in_window.exclude(pk__in=chosen).order_by(*ranking).values_list("pk", flat=True)
        chosen.update(rest[: MAX_DRAWN - len(chosen)])
    return chosen


@dataclass
class Bins:
    name: str  # day, week, month or year
    counts: list[tuple[datetime.date, int]]  # (first day of the bin, events starting in it), in date order
    next_bin: object  # first day of a bin -> first day of the next

    def busiest_span(self, share: float = 0.8) -> tuple[datetime.date, datetime.date]:
        """The shortest run of bins holding `share` of the events: where the first view looks."""
        needed = share * sum(count for _, count in self.counts)
        best, held, first = None, 0, 0
        for last, (day, count) in enumerate(self.counts):
            held += count
            while held - self.counts[first][1] >= needed:
                held -= self.counts[first][1]
                first += 1
            if held >= needed:
                span = (self.counts[first][0], self.next_bin(day) - DAY)
                if best is None or span[1] - span[0] < best[1] - best[0]:
                    best = span
        return best


def count_bins(events, start: datetime.date, end: datetime.date) -> Bins:
    """Events per day, week, month or year between two dates, counted by the database."""
    days = (end - start).days
    name, in_sql, first_day, next_bin = next(
        (name, in_sql, first_day, next_bin) for limit, name, in_sql, first_day, next_bin in BINS if not limit or days <= limit
    )
    rows = (
        events.between(start, end)
        .annotate(bin=in_sql("earliest"))
        .values("bin")
        .annotate(n=Count("pk"))
        .order_by("bin")
    )
    return Bins(name, [(first_day(row["bin"]), row["n"]) for row in rows], next_bin)


def density(bins: Bins) -> dict:
    """The band under the lanes: a bar per bin, as tall as its count."""
    widths = [bins.next_bin(first) - first for first, _ in bins.counts]
    return {
        "type": "bar",
        "name": f"Events per {bins.name}",
        "x": [(first + width / 2).isoformat() for (first, _), width in zip(bins.counts, widths)],
        "y": [count for _, count in bins.counts],
        "width": [width.total_seconds() * 1000 * 0.9 for width in widths],
        "yaxis": "y2",
        "marker": {"color": "rgba(110,110,120,0.55)"},
        "hovertemplate": f"%{{y}} events in this {bins.name}<extra></extra>",
        "showlegend": False,
        "meta": "density",
    }


def cache_key(kind: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    # Any edit moves the newest change, so figures of older data are never read again.
    changed = newest_change(precise=True)
    return f"summit:{kind}:{changed.isoformat() if changed else '-'}:{digest}"


def first_view(events, lanes: str, links: bool, key: str) -> dict | None:
    """
    The figure a page opens with, for the filtered events: all of them if few,
    else the most important of the fitted range with the density band.
    Cached per filter set (the `key`) and data version.
    """

    def build():
        total = events.count()
        if not total:
            return None
        if total <= MAX_DRAWN:
            everything = events_in_window(events)
            return with_links(build_figure(everything.events, lanes), everything, lanes, links)
        # Too many to sort in Python: the busiest span comes from the counts per bin.
        bounds = events.aggregate(first=Min("earliest"), last=Max("latest"))
        bins = count_bins(events, bounds["first"], bounds["last"])
        start, end = padded(*bins.busiest_span())
        window = events_in_window(events, start, end)
        figure = build_figure(
            window.events,
            lanes,
            x_range=[start.isoformat(), end.isoformat()],
            density=density(bins),
            total=total,
        )
        return with_links(figure, window, lanes, links)

    return cache.get_or_set(cache_key("first-view", key, lanes, links), build, FIGURE_CACHE_SECONDS)


def window_figure(events, start: datetime.date, end: datetime.date, lanes: str, links: bool, key: str) -> dict:
    """The figure of one window, for the chart to redraw after a zoom or pan."""

    def build():
        window = events_in_window(events, start, end)
        figure = build_figure(
            window.events,
            lanes,
            x_range=[start.isoformat(), (end + DAY).isoformat()],
            density=None if window.complete else density(count_bins(events, start, end)),
            total=window.total,
        )
        return with_links(figure, window, lanes, links)

    return cache.get_or_set(cache_key("window", key, start, end, lanes, links), build, FIGURE_CACHE_SECONDS)


def with_links(figure: dict, window: Window, lanes: str, links: bool) -> dict:
    """Add the connectors between related drawn events when the reader asked for them."""
    if links:
        figure["data"].extend(connector_traces(window.events, relations_among(window.events), lanes))
    return figure
