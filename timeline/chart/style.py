"""
Every size, colour and threshold of the chart, in one place. Plain Python:
the layout, the Plotly drawer and the server's SVG first view read them, so
the two drawings share one geometry.
"""

import datetime
import re
from unicodedata import east_asian_width

DAY = datetime.timedelta(days=1)
# The dates a chart may show (timeline.models EARLIEST_SUPPORTED and LATEST_SUPPORTED).
FIRST_DAY = datetime.date(500, 1, 1)
LAST_DAY = datetime.date(2999, 12, 31)


def gettext_noop(text: str) -> str:
    """Marks text for the translation catalogues (makemessages knows the name); translated where it is shown."""
    return text


# --- geometry, in CSS pixels --------------------------------------------------
# A row of a lane: every mark is a target at least this tall and wide (WCAG 2.5.8 asks for 24×24).
ROW_HEIGHT = 28
MIN_TARGET = 24
# The mark drawn at an event's date; its target is MIN_TARGET, wider than what is drawn.
MARK_SIZE = 13
# A lane opens with a header line holding its name, this fraction of a row tall.
LANE_HEADER = 0.75
# A lane's name starts this far into the plot (after its colour stripe) and is cut to fit the rest.
LANE_NAME_INSET = 16
# Space between lanes, in rows.
LANE_GAP = 0.25
# Where a range bar sits in its row, below the centre line so it never strikes through a label.
RANGE_BAR_OFFSET = 0.3
RANGE_BAR_WIDTH = 3
# Labels: the font size and a conservative width per character (system-ui averages
# about 6.3 px a character at 12 px; wide letters and bold digits reach 7).
LABEL_FONT_SIZE = 12
LABEL_CHAR_WIDTH = 7.0
# Chinese characters, kana and hangul (and full-width forms) are about 1 em wide: 12 px at 12 px,
# where a Latin character is given 7 (issue 22: Japanese and Korean labels measured as they draw).
WIDE_CHAR_FACTOR = LABEL_FONT_SIZE / LABEL_CHAR_WIDTH
LABEL_GAP = 4  # between a mark's target and its label
# Between two labels in a row, so neighbours never read as one ("Summit in Nara Takeshima Day").
LABEL_MIN_GAP = 8
# Between a label and another event's range bar in its row (the bar runs below the text's middle,
# so a bar may end just short of a label that stands right after it).
LABEL_BAR_GAP = 2
# Where no whole label fits (a phone), one cut to this many characters with an ellipsis is tried;
# the whole title stays on hover and focus.
LABEL_CUT_CHARS = 16
# Labels claim room in the first rows of a lane only; in deeper rows they take what the
# marks leave, and those that find none are shown on hover and focus only.
LABEL_ROWS_LIMIT = 4
# A label that found no room may move its event to a new row at the bottom of the lane, in at
# most this many new rows a lane (Takeshima Day beside Summit in Nara on a phone).
LABEL_EXTRA_ROWS = 2
# Labels a view shows at most, its most important events': beyond this a view reads as a wall of
# text, and plotly.js draws each label as an annotation whose cost grows with their number (330 at
# 1,000 events made zooming wait 1.7 s longer on a phone). Zooming in labels the rest.
MAX_LABELS = 120
# The plot width a first view is laid out for before the browser says its own.
DEFAULT_PLOT_WIDTH = 880
MIN_PLOT_WIDTH = 100
MAX_PLOT_WIDTH = 4000
# Plot margins: lane names sit inside the plot, so the left margin is small.
MARGIN_LEFT = 8
MARGIN_RIGHT = 8
# The date axis sits above the plot, so the first screen says when things happened: the
# top margin holds the mode bar (about 28 px, shown on hover) and under it the tick labels.
MARGIN_TOP = 48
MARGIN_BOTTOM = 10
# The "today" note stands this far above the plot, clear of the tick labels under it.
TODAY_NOTE_SHIFT = 18
# Axis ticks: at least this far apart beyond the width of their text.
TICK_CHAR_WIDTH = 7.0
TICK_GAP = 18
# Between the plot's edge and the tick labels.
TICK_LABEL_GAP = 4
# Height of the density band under the lanes, when a window draws only some of its events;
# with a band the lanes give up this many px of their height, between them and it.
BAND_HEIGHT = 90
BAND_GAP = 10
# The density band's bars stand this far above the bottom of the drawing.
BAND_FOOT = 20
# The text of the chart: Plotly's font and size, and the SVG's.
FONT_FAMILY = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
# The chart's fonts by language, the systems' own CJK fonts first (as site.css), no web font.
FONT_FAMILIES = {
    "en": FONT_FAMILY,
    "ja": "Hiragino Sans, Hiragino Kaku Gothic ProN, Yu Gothic UI, Meiryo, Noto Sans CJK JP, system-ui, sans-serif",
    "ko": "Apple SD Gothic Neo, Malgun Gothic, Noto Sans CJK KR, system-ui, sans-serif",
}
FONT_SIZE = 13

# --- lanes --------------------------------------------------------------------
# At most this many lanes by default; the actors (or topics) with fewest events in
# view share the last one.
MAX_LANES = 8
OTHER_ACTORS = gettext_noop("Other actors")
OTHER_TOPICS = gettext_noop("Other topics")
OTHER_STORIES = gettext_noop("Other events")
ALL_EVENTS = ""  # the single lane of lanes=none has no name to show

# --- colours --------------------------------------------------------------------
OTHER_COLOUR = "#6b6b6b"
NEUTRAL_COLOUR = "#3a6ea5"
TODAY_COLOUR = "#d62728"
LANE_BAND_COLOUR = "rgba(128,128,128,0.07)"
GRID_COLOUR = "rgba(128,128,128,0.2)"
DENSITY_COLOUR = "rgba(110,110,120,0.55)"
LINK_COLOUR = "rgba(128,128,128,0.75)"
RANGE_BAR_OPACITY = 0.45
# On a dark page a faded bar falls below the 3:1 that WCAG 1.4.11 asks of graphics: there a
# bar is drawn whole in its lane's lighter twin (3:1 and more, see DARK_MIX_WHITE), and kept
# quieter than the marks by being thinner.
RANGE_BAR_DARK_OPACITY = 1.0
RANGE_BAR_DARK_WIDTH = 2
# On a dark page every colour of the chart is mixed with this much white (as site.css does for
# the list's dots): even black becomes #737373, 3.9:1 against the dark background (WCAG AA
# asks 3:1 of graphics), while the lanes stay told apart by their hue.
DARK_MIX_WHITE = 0.45
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# Story arcs have no colour of their own.
ARC_COLOURS = ["#1f6fb2", "#b23a48", "#2f7d5b", "#8a6d00", "#6b4c9a", "#00727d", "#a8432b", "#5d4037"]

# --- marks, as Plotly symbol names (the SVG drawer draws the same shapes) -------
SYMBOLS = {
    "happened": "circle",
    "scheduled": "circle-open",
    "expected": "diamond-open",
    "cancelled": "x-thin-open",
}


def dark_colour(colour: str) -> str | None:
    """A #rrggbb colour as drawn on a dark page (see DARK_MIX_WHITE); None for any other notation."""
    if not HEX_COLOUR.fullmatch(colour):
        return None
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(channel * (1 - DARK_MIX_WHITE) + 255 * DARK_MIX_WHITE) for channel in channels)
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def text_width(text: str, char_width: float = LABEL_CHAR_WIDTH) -> float:
    """A conservative width of `text` in px: `char_width` a character, WIDE_CHAR_FACTOR times that for CJK."""
    return sum(char_width * WIDE_CHAR_FACTOR if east_asian_width(char) in "WF" else char_width for char in text)
