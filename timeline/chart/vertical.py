"""
The chart for a narrow box (a phone, a narrow embed): time runs down the
screen. Each lane opens with its heading; in it every event of the view is a
row, in date order, with its mark (the same status shapes and lane colours
as the wide chart), its whole title wrapped and its date; month or year
headings mark the time; a date known only roughly gets a bar beside the
marks, running down past the rows of the events that fall within it.

Laid out from the wide layout (its lanes, which event goes in which lane and
in what colour) and the same events, so the two never disagree. Plain
Python over plain data; templates/timeline/_chart_rows.html draws it.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import get_language, gettext

from ..labels import month_label, year_label
from . import style
from .layout import STATUS_WORDS, ChartEvent, Layout

# Range bars side by side beside the marks at most; more share the last column.
MAX_BAR_COLUMNS = 3
# A view longer than this is headed by year, a shorter one by month.
MONTH_HEADINGS_UP_TO = datetime.timedelta(days=3 * 366)


@dataclass
class Row:
    slug: str
    text: str  # the whole title, "(unconfirmed)" kept
    date_label: str
    symbol: str  # a Plotly symbol name, as the wide chart's mark
    colour: str
    status: str
    status_word: str  # "" for an event that happened
    line: int  # the grid line it stands on in its lane, from 1
    heading: str = ""  # the month or year heading on the line above it, where time moves on

    @property
    def heading_line(self) -> int:
        return self.line - 1


@dataclass
class Bar:
    """An imprecise date's bar: from its event's row down through the rows of the events within its dates."""

    colour: str
    line: int
    span: int  # grid lines it runs down
    column: int  # from 1, beside the marks


@dataclass
class DownLane:
    key: str
    name: str  # "" for the single lane of lanes=none
    colour: str
    rows: list[Row] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    columns: int = 0  # bar columns used

    @property
    def lines(self) -> int:
        return max((row.line for row in self.rows), default=0)


def when(day: datetime.date, by_month: bool) -> str:
    """The heading of a month ("October 2025") or a year, in the reader's language."""
    language = get_language() or "en"
    return month_label(day, language, long=True) if by_month else year_label(day, language)


def lay_out_down(events: list[ChartEvent], layout: Layout) -> list[DownLane]:
    """The lanes of the wide layout, top to bottom, each with its events in view as rows in date order."""
    in_view = {event.slug: event for event in events if event.latest >= layout.start and event.earliest < layout.end}
    by_month = layout.end - layout.start <= MONTH_HEADINGS_UP_TO
    lanes = []
    for lane in layout.lanes:
        marks = [mark for mark in layout.marks if mark.lane == lane.key and mark.slug in in_view]
        marks.sort(
            key=lambda mark: (max(in_view[mark.slug].earliest, layout.start), in_view[mark.slug].latest, mark.slug)
        )
        down = DownLane(lane.key, lane.full_name or lane.name, lane.colour)
        line, heading = 0, ""
        for mark in marks:
            event = in_view[mark.slug]
            line += 1
            now = when(max(event.earliest, layout.start), by_month)
            row = row_of(event, mark.symbol, mark.colour, line)
            if now != heading:
                # The heading takes a line of its own, above the row.
                row.heading, heading = now, now
                row.line = line = line + 1
            down.rows.append(row)
        if down.rows:
            down.bars, down.columns = bars(down.rows, in_view, layout.start)
            lanes.append(down)
    return lanes


def row_of(event: ChartEvent, symbol: str, colour: str, line: int) -> Row:
    status_word = gettext(STATUS_WORDS.get(event.status, event.status)) if event.status != "happened" else ""
    # The same words as the wide chart's label, around the whole title.
    text = gettext("%(title)s (unconfirmed)") % {"title": event.title} if event.unconfirmed_since else event.title
    return Row(event.slug, text, event.date_label, symbol, colour, event.status, status_word, line)


def bars(rows: list[Row], events: dict[str, ChartEvent], start: datetime.date) -> tuple[list[Bar], int]:
    """Each imprecise event's bar, in the first column free along its lines (interval colouring)."""
    placed: list[Bar] = []
    ends: list[int] = []  # the first free line of each column
    for index, row in enumerate(rows):
        event = events[row.slug]
        if event.is_precise:
            continue
        within = [other for other in rows[index:] if max(events[other.slug].earliest, start) <= event.latest]
        last = within[-1].line
        column = next((number for number, free in enumerate(ends) if free <= row.line), None)
        if column is None:
            column = min(len(ends), MAX_BAR_COLUMNS - 1)
            if column == len(ends):
                ends.append(0)
        ends[column] = last + 1
        placed.append(Bar(row.colour, row.line, last - row.line + 1, column + 1))
    return placed, len(ends)


def zoomed(layout: Layout, factor: float) -> tuple[datetime.date, datetime.date] | None:
    """The window (first and last day) around the view's middle, `factor` times as long; None where nothing changes."""
    length = layout.end - layout.start
    middle = layout.start + length / 2
    half = max(style.DAY, length * factor / 2)
    # Clamped before the arithmetic: a view of centuries doubled would leave the calendar.
    first = middle - min(half, middle - style.FIRST_DAY)
    last = middle + min(half - style.DAY, style.LAST_DAY - middle)
    if last < first or (first, last + style.DAY) == (layout.start, layout.end):
        return None
    return first, last
