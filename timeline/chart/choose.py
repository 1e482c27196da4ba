"""
Which events a view draws (level of detail). A window with few events draws
every one of them. A crowded window draws its most important events (at most
MAX_DRAWN) and counts the rest per day, week, month or year for the density
band; zooming in asks the server for the narrower window, until every event
in it is drawn. So a reader never downloads more than MAX_DRAWN events,
whatever the size of the archive.
"""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Count, F, Max, Min
from django.db.models.functions import Cast, Substr, TruncWeek

from .style import DAY

MAX_DRAWN = 400
# A crowded window is ranked in this many slices of time.
SLICES = 8
# The first view shows the shortest span holding this share of the events: a few
# far-off ones (a 1910 occupation beside 2026 summits) would squeeze the rest into a sliver.
BUSIEST_SHARE = 0.8
# Room around the busiest span, as a fraction of it (at least MIN_PADDING).
PADDING = 1 / 12
MIN_PADDING = datetime.timedelta(days=3)
RANKING = ("-importance", "earliest", "pk")


def iso_prefix(length: int) -> Callable[[str], Any]:
    """The first characters of the ISO date: its year or year-month. Plain SQL on
    both databases, where Django's Trunc runs a Python function per row on SQLite."""
    return lambda field: Substr(Cast(field, CharField()), 1, length)


def next_month(start: datetime.date) -> datetime.date:
    return (start.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


# (longest window in days, bin name, the bin of a date in SQL, its first day, the
# next bin's first day): aiming at 30–150 bars across the window, so the band
# reads at every zoom.
BinRule = tuple[
    int | None, str, Callable[[str], Any], Callable[[Any], datetime.date], Callable[[datetime.date], datetime.date]
]
BINS: list[BinRule] = [
    (150, "day", F, lambda value: value, lambda start: start + DAY),
    (1100, "week", TruncWeek, lambda value: value, lambda start: start + datetime.timedelta(weeks=1)),
    (366 * 12, "month", iso_prefix(7), lambda value: datetime.date.fromisoformat(value + "-01"), next_month),
    (
        None,
        "year",
        iso_prefix(4),
        lambda value: datetime.date(int(value), 1, 1),
        lambda start: start.replace(year=start.year + 1, month=1, day=1),
    ),
]


@dataclass
class Window:
    events: list[Any]  # what is drawn, with actors, topics and arc fetched
    total: int  # how many events of the filters lie in the window

    @property
    def complete(self) -> bool:
        return len(self.events) >= self.total


def events_in_window(events: Any, start: datetime.date | None = None, end: datetime.date | None = None) -> Window:
    """Every event of the window if it holds few, else the most important of each part of it."""
    in_window = events.between(start, end)
    total = in_window.count()
    drawn = in_window if total <= MAX_DRAWN else events.filter(pk__in=most_important(in_window, start, end))
    # The chart shows lanes (actors, topics, arcs), titles and dates; no citations.
    return Window(list(drawn.select_related("arc").prefetch_related("actors", "topics").chronological()), total)


def most_important(in_window: Any, start: datetime.date | None, end: datetime.date | None) -> set[int]:
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
        ranked = part.order_by(*RANKING).values_list("pk", flat=True)
        chosen.update(ranked[: math.ceil(MAX_DRAWN / SLICES)])
    if len(chosen) > MAX_DRAWN:
        chosen = set(in_window.filter(pk__in=chosen).order_by(*RANKING).values_list("pk", flat=True)[:MAX_DRAWN])
    elif len(chosen) < MAX_DRAWN:
        # Quiet slices leave room: fill it with the next most important anywhere in the window.
        rest = in_window.exclude(pk__in=chosen).order_by(*RANKING).values_list("pk", flat=True)
        chosen.update(rest[: MAX_DRAWN - len(chosen)])
    return chosen


@dataclass
class Bins:
    name: str  # day, week, month or year
    counts: list[tuple[datetime.date, int]]  # (first day of the bin, events starting in it), in date order
    next_bin: Callable[[datetime.date], datetime.date]  # first day of a bin -> first day of the next

    def runs(self) -> list[tuple[datetime.date, datetime.date, int]]:
        """(first day, last day, count) of each bin."""
        return [(first, self.next_bin(first) - DAY, count) for first, count in self.counts]

    def spans(self) -> list[tuple[datetime.date, datetime.date, int]]:
        """(first day, the next bin's first day, count) of each bin."""
        return [(first, self.next_bin(first), count) for first, count in self.counts]


def count_bins(events: Any, start: datetime.date, end: datetime.date) -> Bins:
    """Events per day, week, month or year between two dates, counted by the database."""
    days = (end - start).days
    name, in_sql, first_day, next_bin = next(
        (name, in_sql, first_day, next_bin)
        for limit, name, in_sql, first_day, next_bin in BINS
        if not limit or days <= limit
    )
    rows = (
        events.between(start, end)
        .annotate(bin=in_sql("earliest"))
        .values("bin")
        .annotate(n=Count("pk"))
        .order_by("bin")
    )
    return Bins(name, [(first_day(row["bin"]), row["n"]) for row in rows], next_bin)


def busiest_span(runs: list[tuple[datetime.date, datetime.date, int]]) -> tuple[datetime.date, datetime.date]:
    """
    The shortest stretch of consecutive runs (first day, last day, events
    starting in it; in date order) holding BUSIEST_SHARE of the events: where
    the first view looks. A run is one event of a small set, or one bin of
    the database's counts for a large one.
    """
    needed = BUSIEST_SHARE * sum(count for _, _, count in runs)
    best: tuple[datetime.date, datetime.date] | None = None
    held, first = 0, 0
    for _, last_day, count in runs:
        held += count
        while held - runs[first][2] >= needed:
            held -= runs[first][2]
            first += 1
        if held >= needed:
            span = (runs[first][0], last_day)
            if best is None or span[1] - span[0] < best[1] - best[0]:
                best = span
    assert best is not None, "no events to look at"
    return best


def padded(first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The view around [first, last]: a little room each side; the end is the day after the last shown."""
    pad = max((last - first) * PADDING, MIN_PADDING)
    return first - pad, last + pad + DAY
