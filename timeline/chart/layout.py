"""
The chart laid out: lanes, rows within a lane (stacking), marks, labels and
their collisions, axis ticks, the key, the today line. Plain Python over
plain data, no Django and no Plotly, so the Plotly drawer (draw_plotly.py)
and the server's SVG first view (svg.py) draw the same geometry from the same numbers.

Coordinates
-----------
- x: every position is given twice, as a date (`x`, what a date axis takes;
  a mark stands at the middle of its day) and as `x_px`, CSS pixels from the
  left edge of the plot area, for a plot `Layout.width` pixels wide.
- y: in rows, growing downwards from 0 at the top of the plot area; one row
  is `style.ROW_HEIGHT` pixels, so the plot area is `Layout.rows *
  ROW_HEIGHT` pixels tall (`Layout.plot_height`).

Input
-----
`ChartEvent`: one event as the chart needs it.
    slug, title, short_title: as on the event; `short_title` is the label.
    earliest, latest: the date span the event lies in (equal for a known day).
    precision: day, part_of_month, month, season, year or span.
    status: happened, scheduled, expected or cancelled.
    importance: 1 (minor) to 5 (major); the more important keeps its label.
    date_label: the date as a person reads it ("late Oct 2025").
    lanes: the `LaneKey`s the event belongs to under the chosen `lanes` mode
        (its actors, its topics, its story arc), in the event's own order.
    colour: the mark's colour when the lane has none of its own (lanes=none).
    unconfirmed_since: for a scheduled or expected event whose date has passed
        with no newer report, the date of the last report; else None.
`LaneKey`: key (a stable id, e.g. a slug), name (shown), colour (#rrggbb).
`View`: start, end (first day shown, day after the last shown), width (plot
    width in px), lanes ("actor", "topic", "arc" or "none"), today.

Output
------
`Layout`: everything both drawers need.
    start, end, width: the view laid out (dates; plot width in px).
    rows: height of the plot area in rows; plot_height: the same in px.
    lanes: `Lane`s from top to bottom.
    marks: `Mark`s, range bars first in drawing order (they go behind).
    labels: `Label`s, visible or shown on hover and focus only.
    ticks: `Tick`s of the date axis, never a time of day.
    key: `KeyEntry`s, what each kind of mark means, in words.
    today: a `TodayLine` when today lies in the view, else None.
    links: `Link`s from cause to effect (set by `links_between`; links=on).
    density: the `Density` band of a view that draws only some of its
        events (set by `density_bars`), else None; total, complete: how many
        events of the filters lie in the view and whether all are drawn.
    outside: `Outside`, the events wholly before and after the view and the
        windows that take them in ("3 earlier", "2 later").
    y_px(y), height: rows to px from the drawing's top, as Plotly maps them.
`Lane`: key, name (the lane's header text, shortened with "…" to fit the
    plot; "" for lanes=none), full_name (the name uncut), colour, top
    (y of its top edge), header_y (y of its name), bottom (y of its lower
    edge), row_count (sub-rows it grew to), members (the names an "Other"
    lane gathers; empty for other lanes).
`Mark`: slug, lane (its Lane's key), row (sub-row in the lane, 0 at the top),
    x (date), hour (of x: noon, later for an event that began before the
    view, so a left edge late in the first day keeps it in sight), x_px, y, symbol (a Plotly marker symbol name: circle,
    circle-open, diamond-open, x-thin-open), colour, status, importance,
    hover (lines of plain, unescaped text: title, date, status), bar (a
    `RangeBar` for an imprecise date, else None), primary (True on the one
    mark of the event that carries its label; an event in several lanes
    has one mark in each).
`RangeBar`: start, end (dates: first day, day after the last), x0_px, x1_px
    (clipped to the plot), y (below the mark's centre line).
`Label`: slug, text, x (date of its mark), x_px (where the text is anchored),
    shift_px (from the mark's centre to that anchor), y, anchor ("start":
    text runs right of the anchor; "end": it ends at the anchor), width_px
    (the text's estimated width), visible (False: shown on hover/focus only),
    title (the event's whole title where the text was cut short, else "").
`Tick`: x (date), x_px, text.
`KeyEntry`: kind (happened, scheduled, expected, cancelled, range,
    unconfirmed), symbol (Plotly symbol name, or "bar" / "text"), text.
`TodayLine`: x (date), x_px.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from dataclasses import dataclass, field, replace

# The one piece of Django here: the words and dates of the chart in the reader's language.
from django.utils.translation import get_language, gettext

from ..labels import day_label, month_label
from . import style

LANE_MODES = ("actor", "topic", "arc", "none")
OTHER_LANE_KEY = "other"
OTHER_LANE_NAMES = {
    "actor": style.OTHER_ACTORS,
    "topic": style.OTHER_TOPICS,
    "arc": style.OTHER_STORIES,
    "none": style.ALL_EVENTS,
}
STATUS_WORDS = {
    "happened": style.gettext_noop("Happened"),
    "scheduled": style.gettext_noop("Scheduled"),
    "expected": style.gettext_noop("Expected or reported as likely"),
    "cancelled": style.gettext_noop("Cancelled"),
}


# --- input ----------------------------------------------------------------------


@dataclass(frozen=True)
class LaneKey:
    key: str
    name: str
    colour: str


@dataclass(frozen=True)
class ChartEvent:
    slug: str
    title: str
    short_title: str
    earliest: datetime.date
    latest: datetime.date
    precision: str
    status: str
    importance: int
    date_label: str
    lanes: tuple[LaneKey, ...] = ()
    colour: str = style.NEUTRAL_COLOUR
    unconfirmed_since: datetime.date | None = None

    @property
    def is_precise(self) -> bool:
        return self.earliest == self.latest


@dataclass(frozen=True)
class LinkKey:
    """Two related events, cause first, and the relation in words."""

    cause: str
    effect: str
    text: str


@dataclass(frozen=True)
class View:
    start: datetime.date
    end: datetime.date
    width: int = style.DEFAULT_PLOT_WIDTH
    lanes: str = "actor"
    today: datetime.date | None = None


# --- output ---------------------------------------------------------------------


@dataclass
class Lane:
    key: str
    name: str
    colour: str
    top: float = 0.0
    header_y: float = 0.0
    bottom: float = 0.0
    row_count: int = 1
    members: tuple[str, ...] = ()
    full_name: str = ""


@dataclass
class RangeBar:
    start: datetime.date
    end: datetime.date
    x0_px: float
    x1_px: float
    y: float


@dataclass
class Mark:
    slug: str
    lane: str
    row: int
    x: datetime.date
    x_px: float
    y: float
    symbol: str
    colour: str
    status: str
    importance: int
    hover: tuple[str, ...]
    bar: RangeBar | None = None
    primary: bool = True
    # The hour of `x` the mark stands at: noon, or late in the view's first day for an event that began before it.
    hour: float = 12.0


@dataclass
class Label:
    slug: str
    text: str
    x: datetime.date
    x_px: float
    shift_px: float
    y: float
    anchor: str
    width_px: float
    visible: bool
    # The event's whole title where the label's text was cut short, else "".
    title: str = ""
    hour: float = 12.0  # as its mark's


@dataclass
class Tick:
    x: datetime.date
    x_px: float
    text: str


@dataclass
class KeyEntry:
    kind: str
    symbol: str
    text: str


@dataclass
class TodayLine:
    x: datetime.date
    x_px: float


@dataclass
class Link:
    """A line from a cause's mark to its effect's (dates and hours as the marks', y in rows)."""

    cause: str
    effect: str
    x0: datetime.date
    hour0: float
    y0: float
    x1: datetime.date
    hour1: float
    y1: float
    text: str


@dataclass
class DensityBar:
    first: datetime.date  # the bin's first day
    end: datetime.date  # the next bin's first day
    count: int
    x0_px: float  # the bar drawn, 90% of the bin, clipped to the plot
    x1_px: float


@dataclass
class Density:
    name: str  # what a bin is: day, week, month or year
    bars: list[DensityBar]


@dataclass
class Outside:
    """Events of the filters wholly before and after the view, and the windows (first, last day) that take them in."""

    earlier: int = 0
    later: int = 0
    earlier_window: tuple[datetime.date, datetime.date] | None = None
    later_window: tuple[datetime.date, datetime.date] | None = None


@dataclass
class Layout:
    start: datetime.date
    end: datetime.date
    width: int
    rows: float
    lanes: list[Lane] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    key: list[KeyEntry] = field(default_factory=list)
    today: TodayLine | None = None
    links: list[Link] = field(default_factory=list)
    density: Density | None = None
    outside: Outside = field(default_factory=Outside)
    # How many events of the filters lie in the view, and whether every one of them is drawn.
    total: int | None = None
    complete: bool = True

    @property
    def plot_height(self) -> int:
        return math.ceil(self.rows * style.ROW_HEIGHT)

    @property
    def band_height(self) -> int:
        return style.BAND_HEIGHT if self.density else 0

    @property
    def height(self) -> int:
        """The whole drawing's height in px: margins, lanes and the density band."""
        return self.plot_height + self.band_height + style.MARGIN_TOP + style.MARGIN_BOTTOM

    @property
    def shown(self) -> int:
        """Events drawn in view (events out of view are laid out too, for panning)."""
        return len({mark.slug for mark in self.marks if self.start <= mark.x < self.end})

    def y_px(self, y: float) -> float:
        """A y in rows as px from the top of the drawing; a density band takes BAND_GAP px more from the rows."""
        rows_px = self.plot_height - (style.BAND_GAP if self.density else 0)
        return style.MARGIN_TOP + y / self.rows * rows_px


KEY = [
    KeyEntry("happened", style.SYMBOLS["happened"], style.gettext_noop("Happened")),
    KeyEntry("scheduled", style.SYMBOLS["scheduled"], style.gettext_noop("Scheduled")),
    KeyEntry("expected", style.SYMBOLS["expected"], style.gettext_noop("Expected (reported as likely)")),
    KeyEntry("cancelled", style.SYMBOLS["cancelled"], style.gettext_noop("Cancelled")),
    # Short enough for the key to be one row beside a full-width chart at 1280 px.
    KeyEntry("range", "bar", style.gettext_noop("Date known only roughly: somewhere along the bar")),
    KeyEntry("unconfirmed", "text", style.gettext_noop("(unconfirmed): its date passed with no report since")),
]


def translated_key() -> list[KeyEntry]:
    """The key in the active language."""
    return [replace(entry, text=gettext(entry.text)) for entry in KEY]


# --- the scale ----------------------------------------------------------------------


class Scale:
    """Days to pixels across the plot: a day's middle is where a mark of that day stands."""

    def __init__(self, view: View):
        self.start = view.start
        self.days = max(1, (view.end - view.start).days)
        self.width = view.width
        self.per_day = view.width / self.days

    def edge(self, day: datetime.date) -> float:
        return (day - self.start).days * self.per_day

    def middle(self, day: datetime.date) -> float:
        return self.edge(day) + self.per_day / 2


def label_width(text: str) -> float:
    return style.text_width(text)


def chars_within(text: str, width: float) -> int:
    """How many of the text's first characters fit in `width` px (a CJK character takes about two Latin ones)."""
    used = 0.0
    for count, char in enumerate(text):
        used += style.text_width(char)
        if used > width:
            return count
    return len(text)


def fitted(text: str, width: float) -> str:
    """The text, cut at a word with an ellipsis where it would be wider than `width`."""
    if label_width(text) <= width:
        return text
    fits = max(1, chars_within(text, width))
    cut = text[: fits - 1].rsplit(" ", 1)[0] if " " in text[: fits - 1] else text[: fits - 1]
    return cut.rstrip(",;:–- ") + "…"


def cut_short(text: str, chars: int) -> str:
    """
    The text in at most the width of `chars` Latin characters, the last an
    ellipsis: cut at a word unless that leaves under half.
    """
    room = chars * style.LABEL_CHAR_WIDTH
    if label_width(text) <= room:
        return text
    cut = text[: max(1, chars_within(text, room - style.LABEL_CHAR_WIDTH))]
    at_word = cut.rsplit(" ", 1)[0]
    if " " in cut and label_width(at_word) >= room / 2:
        cut = at_word
    return cut.rstrip(",;:–- ") + "…"


def label_texts(event: ChartEvent) -> tuple[str, ...]:
    """The label an event would have, then a shorter one to try where that does not fit."""
    if event.unconfirmed_since:
        return (gettext("%(title)s (unconfirmed)") % {"title": event.short_title}, event.short_title)
    return (event.short_title,)


def label_tiers(event: ChartEvent) -> tuple[tuple[str, ...], ...]:
    """
    The labels to try, a tier at a time: whole ones in any row before one cut
    short (where the plot is narrow), which keeps the whole title on hover.
    """
    cut = cut_short(event.short_title, style.LABEL_CUT_CHARS)
    if cut == event.short_title:
        return (label_texts(event),)
    return (label_texts(event), (cut,))


def hover_lines(event: ChartEvent) -> tuple[str, ...]:
    lines = [event.title, event.date_label]
    if event.status != "happened":
        lines.append(gettext(STATUS_WORDS[event.status]) if event.status in STATUS_WORDS else event.status)
    if event.unconfirmed_since:
        since = event.unconfirmed_since
        lines.append(gettext("not confirmed since %(day)s") % {"day": day_label(since, language())})
    return tuple(lines)


# --- lanes ----------------------------------------------------------------------


def choose_lanes(
    events: list[ChartEvent], in_view: list[ChartEvent], mode: str
) -> tuple[list[Lane], dict[str, list[str]]]:
    """
    The lanes to draw, top to bottom, and for each event (by slug) the keys of
    the lanes it is drawn in. The events in view decide: at most MAX_LANES,
    the keys with fewest events in view share the last lane, and a lane with
    no event in view is not drawn.
    """
    if mode == "none":
        lane = Lane(OTHER_LANE_KEY, style.ALL_EVENTS, style.NEUTRAL_COLOUR)
        return [lane], {event.slug: [OTHER_LANE_KEY] for event in events}
    counts: Counter[str] = Counter()
    keys: dict[str, LaneKey] = {}
    for event in in_view:
        for lane_key in event.lanes:
            keys.setdefault(lane_key.key, lane_key)
            counts[lane_key.key] += 1
    ranked = sorted(counts, key=lambda key: (-counts[key], keys[key].name.casefold(), key))
    needs_other = any(not event.lanes for event in in_view)
    room = style.MAX_LANES - 1 if needs_other or len(ranked) > style.MAX_LANES else style.MAX_LANES
    shown = ranked[:room]
    if mode == "arc":
        # Story arcs read in the order their stories begin, not by size.
        first_seen = list(dict.fromkeys(lane_key.key for event in in_view for lane_key in event.lanes))
        shown.sort(key=first_seen.index)
    folded = ranked[room:]

    def lanes_of(event: ChartEvent) -> list[str]:
        own = [lane_key.key for lane_key in event.lanes if lane_key.key in shown]
        # The folded keys' events are drawn in the other lane too, so each of them still shows all of its events.
        if len(own) < len(event.lanes) or not event.lanes:
            own.append(OTHER_LANE_KEY)
        return own

    placed = {event.slug: lanes_of(event) for event in in_view}
    other_in_view = any(OTHER_LANE_KEY in lane_keys for lane_keys in placed.values())
    last = OTHER_LANE_KEY if other_in_view else (shown[-1] if shown else None)
    for event in events:
        if event.slug not in placed and last:
            # Out of view, with none of its lanes drawn: it waits in the last lane, out of sight, so a
            # pan or the keyboard still reaches it; the layout of the view it comes into puts it right.
            own = [key for key in lanes_of(event) if key != OTHER_LANE_KEY or other_in_view]
            placed[event.slug] = own or [last]
    lanes = [Lane(key, keys[key].name, keys[key].colour) for key in shown]
    if other_in_view:
        members = tuple(keys[key].name for key in folded)
        name = (gettext(OTHER_LANE_NAMES[mode]) if OTHER_LANE_NAMES[mode] else "") + (
            f" ({len(members)})" if members else ""
        )
        lanes.append(Lane(OTHER_LANE_KEY, name, style.OTHER_COLOUR, members=members))
    return lanes, placed


def stands_at(event: ChartEvent, view: View) -> datetime.date:
    """The day an event's mark stands on: its first, or the view's first if it began before the view and runs on."""
    if event.earliest < view.start <= event.latest:
        return view.start
    return event.earliest


# --- stacking ----------------------------------------------------------------------


class Rows:
    """
    The sub-rows of a lane: in each, the pixel intervals already taken (mark
    targets and labels), which of them are labels, and the range bars. A bar
    is an obstacle to labels only: marks may stand on it, but no label of
    another event runs over it (nor does it run under one).
    """

    def __init__(self) -> None:
        self.taken: list[list[tuple[float, float]]] = []
        self.labels: list[list[tuple[float, float]]] = []
        self.bars: list[list[tuple[float, float]]] = []

    def free(self, row: int, low: float, high: float, bar: tuple[float, float] | None = None) -> bool:
        """Nothing in the row between low and high, and no label along the bar (if any)."""
        if row >= len(self.taken):
            return True
        clear = all(high <= start or low >= end for start, end in self.taken[row])
        return clear and (bar is None or apart(bar, self.labels[row], style.LABEL_BAR_GAP))

    def label_free(self, row: int, low: float, high: float) -> bool:
        """Room for a label: nothing in the way, no label within LABEL_MIN_GAP, no bar within LABEL_BAR_GAP."""
        if row >= len(self.taken):
            return True
        return (
            self.free(row, low, high)
            and apart((low, high), self.labels[row], style.LABEL_MIN_GAP)
            and apart((low, high), self.bars[row], style.LABEL_BAR_GAP)
        )

    def take(
        self,
        row: int,
        *spans: tuple[float, float],
        bar: tuple[float, float] | None = None,
        label: tuple[float, float] | None = None,
    ) -> None:
        while row >= len(self.taken):
            self.taken.append([])
            self.labels.append([])
            self.bars.append([])
        self.taken[row].extend(spans)
        if bar:
            self.bars[row].append(bar)
        if label:
            self.taken[row].append(label)
            self.labels[row].append(label)

    def release(
        self,
        row: int,
        *spans: tuple[float, float],
        bar: tuple[float, float] | None = None,
        label: tuple[float, float] | None = None,
    ) -> None:
        """Give back what `take` took (once each), so the event can be placed again."""
        for span in spans:
            self.taken[row].remove(span)
        if bar:
            self.bars[row].remove(bar)
        if label:
            self.taken[row].remove(label)
            self.labels[row].remove(label)


def apart(span: tuple[float, float], others: list[tuple[float, float]], gap: float) -> bool:
    low, high = span
    return all(high + gap <= start or low - gap >= end for start, end in others)


@dataclass
class Placement:
    row: int
    label_box: tuple[float, float] | None  # None: the label is shown on hover only
    anchor: str = "start"
    text: str = ""


def place(
    rows: Rows,
    mark: tuple[float, float],
    width: float,
    tiers: tuple[tuple[str, ...], ...],
    bar: tuple[float, float] | None = None,
) -> Placement:
    """
    The first row where the mark and its label fit, else the first where the
    mark alone does (vis-timeline's stacking). A label never leaves the plot
    and takes room only in the first LABEL_ROWS_LIMIT rows; once every mark
    has its place, labels fill what room is left (see `relabel`). A tier of
    labels is tried in every such row before the next, shorter one. A mark
    with a range bar goes only where the bar runs under no label.
    """
    low, high = mark
    free_rows = [row for row in range(len(rows.taken) + 1) if rows.free(row, low, high, bar)]
    # Deeper rows are left to marks alone here, or labels would keep pushing marks into new rows.
    label_rows = [row for row in free_rows if row < style.LABEL_ROWS_LIMIT]
    for texts in tiers:
        for row in label_rows:
            beside = label_beside(rows, row, mark, width, texts)
            if beside:
                return beside
    # A new row is always free.
    return Placement(free_rows[0], None)


def relabel(
    rows: Rows,
    placement: Placement,
    mark: tuple[float, float],
    width: float,
    texts: tuple[str, ...],
    bar: tuple[float, float] | None,
    new_row: bool,
) -> Placement | None:
    """
    For a mark placed without its label, once every mark of the lane has its
    place: its label beside it in its own row, else the whole event moved to
    another row where its mark, bar and label all fit (the first, then a new
    one if `new_row`), else None. Moving into rows the marks have already
    opened pushes no other mark away.
    """
    rows.release(placement.row, mark, bar=bar)
    low, high = mark
    existing = [placement.row] + [row for row in range(len(rows.taken)) if row != placement.row]
    # Each text in every row the lane has, the longer first; a new row only where none fits.
    tries: list[tuple[int, tuple[str, ...]]] = [(row, (text,)) for text in texts for row in existing]
    if new_row:
        tries.append((len(rows.taken), texts))
    for row, some in tries:
        if rows.free(row, low, high, bar):
            beside = label_beside(rows, row, mark, width, some)
            if beside:
                rows.take(row, mark, bar=bar, label=beside.label_box)
                return beside
    rows.take(placement.row, mark, bar=bar)
    return None


def label_beside(
    rows: Rows, row: int, mark: tuple[float, float], width: float, texts: tuple[str, ...]
) -> Placement | None:
    """
    The mark's label to its right if there is room in the row and the plot,
    else to its left; the shorter text where the longer fits neither; else None.
    """
    low, high = mark
    for text in texts:
        wide = label_width(text)
        right = (high + style.LABEL_GAP, high + style.LABEL_GAP + wide)
        left = (low - style.LABEL_GAP - wide, low - style.LABEL_GAP)
        if right[0] >= 0 and right[1] <= width and rows.label_free(row, *right):
            return Placement(row, right, "start", text)
        if left[0] >= 0 and left[1] <= width and rows.label_free(row, *left):
            return Placement(row, left, "end", text)
    return None


def bar_span(event: ChartEvent, scale: Scale, view: View) -> tuple[float, float] | None:
    """Where an imprecise event's range bar runs, clipped to the plot; None for a known day or a bar out of view."""
    if event.is_precise:
        return None
    x0 = min(max(0.0, scale.edge(event.earliest)), float(view.width))
    x1 = min(max(0.0, scale.edge(event.latest + style.DAY)), float(view.width))
    return (x0, x1) if x1 > x0 else None


def importance_order(event: ChartEvent) -> tuple[int, datetime.date, datetime.date, str]:
    """The most important first; ties by date, then slug, so a layout never depends on input order."""
    return (-event.importance, event.earliest, event.latest, event.slug)


@dataclass
class Placing:
    """What laying out each lane needs to know of the whole view."""

    view: View
    scale: Scale
    may_label: set[str]  # the events allowed a visible label (MAX_LABELS, the most important)
    labelled: set[str] = field(default_factory=set)  # those that got one so far


@dataclass(frozen=True)
class Counted:
    """What the database counted beyond the events handed to the layout (a crowded or zoomed view holds only some)."""

    total: int  # events of the filters the chart stands for
    complete: bool  # every event of the view is among those laid out
    outside: Outside  # the events of the filters before and after the view
    density: tuple[str, list[tuple[datetime.date, datetime.date, int]]] | None = None  # bin name, (first, next, n)


def lay_out(
    events: list[ChartEvent], view: View, *, related: list[LinkKey] | None = None, counted: Counted | None = None
) -> Layout:
    """
    Lay out the events for the view. The events in view choose the lanes;
    events out of view are laid out too, where their lanes are drawn, so the
    chart can be panned (and walked by keyboard) before the server lays out
    the new view; only events in view get visible labels. `related` events
    are linked (links=on); `counted` gives the totals, what lies outside the
    view and the density band, where the events given are not all there are.
    """
    in_view = [event for event in events if event.latest >= view.start and event.earliest < view.end]
    lanes, placed = choose_lanes(events, in_view, view.lanes)
    shown = [event for event in events if event.slug in placed]
    by_lane: dict[str, list[ChartEvent]] = {lane.key: [] for lane in lanes}
    for event in shown:
        for key in placed[event.slug]:
            by_lane[key].append(event)
    layout = Layout(view.start, view.end, view.width, 0.0, key=translated_key())
    layout.outside = outside_counts(events, view)
    may_label = {event.slug for event in sorted(in_view, key=importance_order)[: style.MAX_LABELS]}
    placing = Placing(view, Scale(view), may_label)
    top = 0.0
    for lane in lanes:
        top = lay_out_lane(layout, lane, by_lane[lane.key], top, placing) + style.LANE_GAP
    hover_only_labels(layout, {event.slug: event for event in shown}, placing)
    # Range bars are drawn first, so every mark lies on top of them; the widest first of all.
    layout.marks.sort(key=lambda m: (m.bar is None, -(m.bar.x1_px - m.bar.x0_px) if m.bar else 0))
    for lane in lanes:
        lane.full_name = lane.name
        lane.name = fitted(lane.name, view.width - style.LANE_NAME_INSET)
    layout.lanes = lanes
    layout.rows = max(1.0, top - style.LANE_GAP) if lanes else 1.0
    layout.ticks = ticks(view.start, view.end, view.width)
    if view.today and view.start <= view.today < view.end:
        layout.today = TodayLine(view.today, placing.scale.middle(view.today))
    layout.links = links_between(layout, related or [])
    if counted:
        layout.total, layout.complete, layout.outside = counted.total, counted.complete, counted.outside
        layout.density = density_bars(layout, *counted.density) if counted.density else None
    return layout


def lay_out_lane(layout: Layout, lane: Lane, events: list[ChartEvent], top: float, placing: Placing) -> float:
    """Stack one lane's events in its rows, add their marks and labels to the layout; return the lane's bottom."""
    view, scale = placing.view, placing.scale
    lane.top = top
    header = style.LANE_HEADER if lane.name else 0.0
    lane.header_y = top + header / 2
    rows = Rows()
    lane_marks: list[tuple[ChartEvent, Placement, float]] = []
    # The most important first: they take the top rows and keep their labels.
    for event in sorted(events, key=importance_order):
        x_px = mark_x(event, scale, view)
        target = (x_px - style.MIN_TARGET / 2, x_px + style.MIN_TARGET / 2)
        wants_label = event.slug in placing.may_label and event.slug not in placing.labelled
        bar = bar_span(event, scale, view)
        placement = place(rows, target, view.width, label_tiers(event) if wants_label else (), bar)
        rows.take(placement.row, target, bar=bar, label=placement.label_box)
        if placement.label_box:
            placing.labelled.add(event.slug)
        lane_marks.append((event, placement, x_px))
    relabel_lane(rows, lane_marks, placing)
    lane.row_count = max(1, len(rows.taken))
    for event, placement, x_px in lane_marks:
        layout.marks.append(mark_of(event, lane, placement, x_px, scale, view, top + header))
        if placement.label_box:
            layout.labels.append(label_of(event, placement, x_px, top + header, view))
    lane.bottom = top + header + lane.row_count
    return lane.bottom


def relabel_lane(rows: Rows, lane_marks: list[tuple[ChartEvent, Placement, float]], placing: Placing) -> None:
    """
    Labels that found no room: beside their mark in a row opened later by
    marks alone, or with the whole event moved to another row where they fit,
    the most important first. At most LABEL_EXTRA_ROWS new rows a lane are
    opened so, or a crowded lane would grow without end.
    """
    opened = 0
    for index, (event, placement, x_px) in enumerate(lane_marks):
        if placement.label_box or event.slug in placing.labelled or event.slug not in placing.may_label:
            continue
        target = (x_px - style.MIN_TARGET / 2, x_px + style.MIN_TARGET / 2)
        count = len(rows.taken)
        bar = bar_span(event, placing.scale, placing.view)
        texts = sum(label_tiers(event), ())
        moved = relabel(rows, placement, target, placing.view.width, texts, bar, opened < style.LABEL_EXTRA_ROWS)
        if moved:
            opened += len(rows.taken) - count
            placing.labelled.add(event.slug)
            lane_marks[index] = (event, moved, x_px)


def hover_only_labels(layout: Layout, by_slug: dict[str, ChartEvent], placing: Placing) -> None:
    """Each event's first mark is its primary one; an event with no room anywhere gets a label for hover and focus."""
    primaries: set[str] = set()
    for mark in layout.marks:
        mark.primary = mark.slug not in primaries
        if mark.primary and mark.slug not in placing.labelled:
            hidden = Placement(mark.row, None)
            event = by_slug[mark.slug]
            layout.labels.append(label_of(event, hidden, mark.x_px, mark.y - mark.row - 0.5, placing.view))
        primaries.add(mark.slug)


def mark_x(event: ChartEvent, scale: Scale, view: View) -> float:
    """
    Where an event's mark stands, in px. An event that began before the view
    and runs on stands in the view's first day, near its end: the page keeps
    the reader's exact range, whose left edge may fall late in that day (a
    pan to 19:12), and the mark, its label and its target stay in sight.
    """
    if stands_at(event, view) == event.earliest:
        return scale.middle(event.earliest)
    return max(scale.middle(view.start), scale.edge(view.start + style.DAY) - style.MARK_SIZE)


def hour_at(x_px: float, scale: Scale, day: datetime.date) -> float:
    """The hour of `day` at x_px, for drawers that place by time (noon for a mark in the middle of its day)."""
    return round((x_px - scale.edge(day)) / scale.per_day * 24, 3)


def outside_counts(events: list[ChartEvent], view: View) -> Outside:
    """How many of the events lie wholly before and after the view, and the windows that take them in."""
    earlier = [event.earliest for event in events if event.latest < view.start]
    later = [event.earliest for event in events if event.earliest >= view.end]
    return outside(view, len(earlier), min(earlier, default=None), len(later), max(later, default=None))


def outside(view: View, earlier: int, first: datetime.date | None, later: int, last: datetime.date | None) -> Outside:
    """
    `earlier` events wholly before the view, the first beginning on `first`;
    `later` ones after it, the last beginning on `last`: and for each side the
    window (first and last day) that widens the view to take them all in, a
    little room around them.
    """
    last_day = view.end - style.DAY
    before = after = None
    if earlier and first:
        before = (max(style.FIRST_DAY, first - room(first, last_day)), last_day)
    if later and last:
        after = (view.start, min(style.LAST_DAY, last + room(view.start, last)))
    return Outside(earlier, later, before, after)


def room(first: datetime.date, last: datetime.date) -> datetime.timedelta:
    """The room left beside the events a widened view takes in: a 24th of it, at least a day."""
    return max(style.DAY, (last - first) / 24)


def links_between(layout: Layout, related: list[LinkKey]) -> list[Link]:
    """The lines from cause to effect between related events, from primary mark to primary mark."""
    first_mark = {mark.slug: mark for mark in layout.marks if mark.primary}
    found = []
    for key in related:
        start, end = first_mark.get(key.cause), first_mark.get(key.effect)
        if start is None or end is None:
            continue
        found.append(Link(key.cause, key.effect, start.x, start.hour, start.y, end.x, end.hour, end.y, key.text))
    return found


def density_bars(layout: Layout, name: str, counts: list[tuple[datetime.date, datetime.date, int]]) -> Density:
    """The band under the lanes of a view that draws only some of its events: a bar per bin of `counts`."""
    scale = Scale(View(layout.start, layout.end, layout.width))
    bars = []
    for first, end, count in counts:
        # Each bar 90% of its bin, centred, clipped to the plot.
        margin = (scale.edge(end) - scale.edge(first)) * 0.05
        x0 = min(max(0.0, scale.edge(first) + margin), float(layout.width))
        x1 = min(max(0.0, scale.edge(end) - margin), float(layout.width))
        bars.append(DensityBar(first, end, count, x0, x1))
    return Density(name, bars)


def mark_of(
    event: ChartEvent, lane: Lane, placement: Placement, x_px: float, scale: Scale, view: View, first_row: float
) -> Mark:
    y = first_row + placement.row + 0.5
    bar = None
    if not event.is_precise:
        end = event.latest + style.DAY
        bar = RangeBar(
            event.earliest,
            end,
            min(max(0.0, scale.edge(event.earliest)), float(view.width)),
            min(max(0.0, scale.edge(end)), float(view.width)),
            y + style.RANGE_BAR_OFFSET,
        )
    colour = lane.colour if view.lanes != "none" else event.colour
    return Mark(
        hour=hour_at(x_px, scale, stands_at(event, view)),
        slug=event.slug,
        lane=lane.key,
        row=placement.row,
        x=stands_at(event, view),
        x_px=x_px,
        y=y,
        symbol=style.SYMBOLS.get(event.status, style.SYMBOLS["happened"]),
        colour=colour,
        status=event.status,
        importance=event.importance,
        hover=hover_lines(event),
        bar=bar,
    )


def label_of(event: ChartEvent, placement: Placement, x_px: float, first_row: float, view: View) -> Label:
    text = placement.text or label_texts(event)[0]
    shift = style.MIN_TARGET / 2 + style.LABEL_GAP
    if placement.anchor == "end":
        shift = -shift
    return Label(
        slug=event.slug,
        text=text,
        x=stands_at(event, view),
        x_px=x_px + shift,
        shift_px=shift,
        y=first_row + placement.row + 0.5,
        anchor=placement.anchor,
        width_px=label_width(text),
        visible=placement.label_box is not None,
        title=event.title if text not in label_texts(event) else "",
        hour=hour_at(x_px, Scale(view), stands_at(event, view)),
    )


# --- the date axis ----------------------------------------------------------------


def month_start(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` after the month of `day` (negative: before)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def tick_days(start: datetime.date, end: datetime.date, unit: str, step: int) -> list[datetime.date]:
    days: list[datetime.date] = []
    if unit == "day":
        day = start
        if step == 7:
            day += datetime.timedelta(days=-day.weekday() % 7)  # Mondays
        else:
            day += datetime.timedelta(days=-day.toordinal() % step)
        while day < end:
            days.append(day)
            day += datetime.timedelta(days=step)
    elif unit == "month":
        day = month_start(start, 0 if start.day == 1 else 1)
        while day < end:
            if (day.month - 1) % step == 0:
                days.append(day)
            day = month_start(day, 1)
    else:
        year = start.year if start == datetime.date(start.year, 1, 1) else start.year + 1
        year += -year % step
        while year <= end.year and year <= datetime.MAXYEAR:
            day = datetime.date(year, 1, 1)
            if day >= end:
                break
            days.append(day)
            year += step
    return days


def language() -> str:
    """The active language's base code ("en", "ja", "ko"): ticks and dates are written in it."""
    return (get_language() or "en").split("-")[0]


def tick_text(day: datetime.date, unit: str, first: bool, lang: str = "en") -> str:
    if lang in ("ja", "ko"):
        return cjk_tick_text(day, unit, first, lang)
    if unit == "day":
        return f"{day.day} {day:%b}" + (f" {day.year}" if first or (day.month, day.day) == (1, 1) else "")
    if unit == "month":
        return f"{day:%b}" + (f" {day.year}" if first or day.month == 1 else "")
    return str(day.year)


def cjk_tick_text(day: datetime.date, unit: str, first: bool, lang: str) -> str:
    """Japanese and Korean ticks: 13日 / 1月13日 / 2026年1月13日, 10月 / 2025年10月, 2026年 (일, 월, 년)."""
    year_unit, month_unit, day_unit = ("年", "月", "日") if lang == "ja" else ("년", "월", "일")
    space = "" if lang == "ja" else " "
    if unit == "day":
        if first or (day.month, day.day) == (1, 1):
            return day_label(day, lang)
        return f"{day.month}{month_unit}{space}{day.day}{day_unit}"
    if unit == "month":
        return month_label(day, lang) if first or day.month == 1 else f"{day.month}{month_unit}"
    return f"{day.year}{year_unit}"


# (unit, step): from the finest to the coarsest; the first whose ticks do not crowd wins.
TICK_STEPS = [("day", 1), ("day", 2), ("day", 7), ("month", 1), ("month", 2), ("month", 3), ("month", 6)] + [
    ("year", step) for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500)
]


def ticks(start: datetime.date, end: datetime.date, width: int) -> list[Tick]:
    """Date ticks that suit the zoom: days, months or years, never a time of day, never crowded."""
    scale = Scale(View(start, end, width))
    lang = language()
    lonely: list[Tick] = []
    for unit, step in TICK_STEPS:
        spacing = scale.per_day * {"day": step, "month": 30.4 * step, "year": 365.25 * step}[unit]
        # Steps too fine to read are passed over before their days are listed: a
        # view of centuries would otherwise list every one of its days.
        if spacing < widest_tick(unit, lang) + style.TICK_GAP:
            continue
        days = tick_days(start, end, unit, step)
        place_at = scale.middle if unit == "day" else scale.edge
        # A tick whose text would be cut by the plot's edge is left out ("Nov 202").
        half = widest_tick(unit, lang) / 2
        days = [day for day in days if half <= place_at(day) <= width - half]
        texts = [tick_text(day, unit, index == 0, lang) for index, day in enumerate(days)]
        if days:
            found = [Tick(day, place_at(day), text) for day, text in zip(days, texts)]
            if len(found) >= 2:
                return found
            # One tick says little; a coarser step may give two, else this one will do.
            lonely = lonely or found
    return lonely


def widest_tick(unit: str, lang: str = "en") -> float:
    """The widest text a tick of this unit may carry: "30 Sep 2026", "Sep 2026", "2026" (2026年12月30日 …)."""
    if lang in ("ja", "ko"):
        return style.text_width(tick_text(datetime.date(2026, 12, 30), unit, True, lang), style.TICK_CHAR_WIDTH)
    return {"day": 11, "month": 8, "year": 4}[unit] * style.TICK_CHAR_WIDTH
