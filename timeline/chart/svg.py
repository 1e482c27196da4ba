"""
The chart's first view as inline SVG, drawn by the server, so the page shows
the chart before (or without) plotly.js: visible and legible with JavaScript
off, and every mark a link to its event.

It draws the very figure that plotly.js is handed (draw_plotly.to_figure), so
the two drawings share one geometry and plotly.js can take over the figure
with nothing moving: the same height and margins, y in pixels as Plotly maps
the rows, and x as a percentage of the plot's width, as Plotly maps the date
range across whatever width the page gives the chart. The marks are Plotly's
symbol paths at their fixed size in pixels, placed by `<use x="…%" y="…">`.

Text in the figure is HTML escaped for Plotly's label renderer; here it is
unescaped to plain text and escaped again for SVG (`format_html`), so data
never becomes markup in either drawing.
"""

import datetime
import html
import math
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from . import style
from .layout import label_width

# Plotly's defaults where the figure leaves them out.
FONT_SIZE = 13
# Plotly pads a bar axis's autorange this much above the tallest bar.
BAND_HEADROOM = 1.05
DENSITY_COLOUR = "rgba(110,110,120,0.55)"

# Plotly's symbol paths (src/components/drawing/symbol_defs.js) for a marker of MARK_SIZE.
RADIUS = style.MARK_SIZE / 2
DIAMOND = round(RADIUS * 1.3, 2)
SYMBOL_PATHS = {
    "circle": f"M{RADIUS},0A{RADIUS},{RADIUS} 0 1,1 0,-{RADIUS}A{RADIUS},{RADIUS} 0 0,1 {RADIUS},0Z",
    "diamond": f"M{DIAMOND},0L0,{DIAMOND}L-{DIAMOND},0L0,-{DIAMOND}Z",
    "x-thin": f"M{RADIUS},{RADIUS}L-{RADIUS},-{RADIUS}M{RADIUS},-{RADIUS}L-{RADIUS},{RADIUS}",
}
# Plotly's text baseline for an anchor, in em of the font.
BASELINE_SHIFT = {"middle": "0.35em", "top": "0.8em", "bottom": "-0.25em"}
TEXT_ANCHOR = {"left": "start", "right": "end", "center": "middle", "auto": "middle"}
# Plotly pads an annotation's text inside its box (borderpad and border): a left-anchored text starts this far in.
ANNOTATION_PAD = {"left": 3, "right": -3}


# Laid out for one plot width, labels may run into their neighbours on a narrower screen: each label
# carries the narrowest width at which it still fits, in steps of this many pixels, and a container
# query hides it below that (Plotly's drawing is laid out again for the reader's width).
LABEL_WIDTH_STEP = 40


@dataclass
class Box:
    """A mark's target or a label in a row: `at` a fraction of the plot's width, `low` and `high` pixels from it."""

    row: float
    at: float
    low: float
    high: float
    label: bool = False

    def fits_from(self, others: list["Box"]) -> float:
        """The narrowest plot width at which this box stays inside the plot and clear of the others in its row."""
        need = 0.0
        if self.low < 0 < self.at:
            need = max(need, -self.low / self.at)
        if self.high > 0 and self.at < 1:
            need = max(need, self.high / (1 - self.at))
        for other in others:
            if other is self or other.row != self.row:
                continue
            gap = other.at - self.at
            # Two labels keep the layout's gap between them too.
            pad = style.LABEL_MIN_GAP if self.label and other.label else 0
            if gap > 0:
                need = max(need, (self.high + pad - other.low) / gap)
            elif gap < 0:
                need = max(need, (other.high + pad - self.low) / -gap)
        return need


def plain(text) -> str:
    """Figure text (Plotly's small HTML: <b>, <br>, entities) as plain text, one line."""
    text = re.sub(r"<br\s*/?>", " · ", str(text))
    return html.unescape(re.sub(r"<[^>]*>", "", text))


def painted(colour: str, dark: dict[str, str], *properties: str, classes: str = "") -> SafeString:
    """
    `fill="…"` and/or `stroke="…"` in the light colour, and where the figure gives the colour a
    dark twin, the class and custom properties with which site.css swaps it in on a dark page.
    """
    attributes = format_html_join(" ", '{}="{}"', ((name, colour) for name in properties))
    twin = dark.get(colour)
    if not twin:
        return format_html('{} class="{}"', attributes, classes) if classes else attributes
    classes = " ".join([*(f"paint-{name}" for name in properties), *classes.split()])
    return format_html('{} class="{}" style="--light:{};--dark:{}"', attributes, classes, colour, twin)


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class Frame:
    """Where figure coordinates land: x as a percentage of the plot's width, y in pixels."""

    def __init__(self, layout: dict):
        start, end = (moment(value) for value in layout["xaxis"]["range"])
        self.start, self.span = start, max((end - start).total_seconds(), 1)
        margin = layout["margin"]
        self.top = margin["t"]
        self.plot_height = layout["height"] - margin["t"] - margin["b"]
        self.bottom = self.top + self.plot_height
        yaxis = layout["yaxis"]
        self.y_range = yaxis["range"]
        self.y_domain = yaxis.get("domain", [0, 1])
        self.band_domain = layout.get("yaxis2", {}).get("domain", [0, 0])

    def x(self, value) -> float:
        return (moment(value) - self.start).total_seconds() / self.span * 100

    def x_clipped(self, value) -> float:
        return min(100.0, max(0.0, self.x(value)))

    def domain_px(self, domain, fraction: float) -> float:
        """A fraction (0 at the bottom) of an axis domain, as pixels from the top of the SVG."""
        low, high = domain
        return self.top + self.plot_height * (1 - (low + (high - low) * fraction))

    def y(self, value: float) -> float:
        first, last = self.y_range
        return self.domain_px(self.y_domain, (value - first) / ((last - first) or 1))

    def paper_y(self, value: float) -> float:
        return self.top + self.plot_height * (1 - value)


def moment(value) -> datetime.datetime:
    return datetime.datetime.fromisoformat(str(value))


def links(slug: str) -> tuple[str, str]:
    return reverse("event_detail", args=[slug]), reverse("event_panel", args=[slug])


def event_link(slug: str, title: str, content: SafeString) -> SafeString:
    """
    A plain link to the event's page (what a click does with JavaScript off),
    which htmx turns into opening its panel. Out of the tab order: the list
    under the chart holds the same events for the keyboard, and the chart's
    own keyboard walk starts when plotly.js has drawn.
    """
    href, panel = links(slug)
    return format_html(
        # The chart's text colour, not the page's link colour.
        '<a href="{}" hx-get="{}" hx-target="#detail" hx-swap="innerHTML" data-slug="{}" tabindex="-1" '
        'style="color:inherit">'
        "<title>{}</title>{}</a>",
        href,
        panel,
        slug,
        title,
        content,
    )


def shapes(figure_layout: dict, frame: Frame, layer: str, dark: dict[str, str]) -> SafeString:
    """Lane bands and stripes (layer "below"), the today line (above)."""
    drawn = []
    for shape in figure_layout.get("shapes", []):
        if shape.get("layer", "above") != layer:
            continue
        line = shape.get("line", {})
        if shape["type"] == "rect" and shape.get("xref") == "paper" and shape.get("yref") == "y":
            top, bottom = sorted((frame.y(shape["y0"]), frame.y(shape["y1"])))
            drawn.append(
                format_html(
                    '<rect x="{}%" width="{}%" y="{}" height="{}" {}/>',
                    number(shape["x0"] * 100),
                    number((shape["x1"] - shape["x0"]) * 100),
                    number(top),
                    number(bottom - top),
                    painted(shape.get("fillcolor", "none"), dark, "fill"),
                )
            )
        elif shape["type"] == "line" and shape.get("xref") == "x" and shape.get("yref") == "paper":
            x = number(frame.x(shape["x0"]))
            drawn.append(
                format_html(
                    '<line class="today" x1="{}%" x2="{}%" y1="{}" y2="{}" stroke="{}" stroke-width="{}"{}/>',
                    x,
                    x,
                    number(frame.paper_y(shape["y1"])),
                    number(frame.paper_y(shape["y0"])),
                    line.get("color", "currentColor"),
                    line.get("width", 1),
                    mark_safe(' stroke-dasharray="3,3"') if line.get("dash") == "dot" else "",
                )
            )
    return mark_safe("".join(drawn))


def grid_and_ticks(figure_layout: dict, frame: Frame) -> SafeString:
    xaxis = figure_layout["xaxis"]
    grid = xaxis.get("gridcolor", style.GRID_COLOUR) if xaxis.get("showgrid") else None
    drawn = []
    for value, text in zip(xaxis.get("tickvals", []), xaxis.get("ticktext", [])):
        x = number(frame.x(value))
        if grid:
            drawn.append(
                format_html(
                    '<line x1="{}%" x2="{}%" y1="{}" y2="{}" stroke="{}"/>', x, x, frame.top, number(frame.bottom), grid
                )
            )
        # Above the plot (xaxis side "top") or under it, as Plotly puts them.
        above = xaxis.get("side") == "top"
        drawn.append(
            format_html(
                '<text class="tick" x="{}%" y="{}" dy="{}" text-anchor="middle">{}</text>',
                x,
                number(frame.top - style.TICK_LABEL_GAP if above else frame.bottom + style.TICK_LABEL_GAP),
                BASELINE_SHIFT["bottom"] if above else BASELINE_SHIFT["top"],
                plain(text),
            )
        )
    return mark_safe("".join(drawn))


def ranges(trace: dict, frame: Frame, dark: dict[str, str]) -> SafeString:
    """A range trace: segments x0,x1,None; y,y,None."""
    xs, ys = trace["x"], trace["y"]
    segments = [(xs[i], xs[i + 1], ys[i]) for i in range(0, len(xs) - 1, 3)]
    return format_html(
        '<g {} stroke-width="{}" opacity="{}">{}</g>',
        # site.css draws them whole and thinner on a dark page (style.RANGE_BAR_DARK_*).
        painted(trace["line"]["color"], dark, "stroke", classes="range-bars"),
        trace["line"].get("width", 2),
        trace.get("opacity", 1),
        format_html_join(
            "",
            '<line x1="{}%" x2="{}%" y1="{}" y2="{}"/>',
            (
                (number(frame.x_clipped(x0)), number(frame.x_clipped(x1)), number(frame.y(y)), number(frame.y(y)))
                for x0, x1, y in segments
            ),
        ),
    )


def density(trace: dict, frame: Frame) -> SafeString:
    """The density band: a bar per bin, x its middle and width in milliseconds, y its count."""
    tallest = max(trace["y"], default=0) * BAND_HEADROOM or 1
    floor = frame.domain_px(frame.band_domain, 0)
    bars = []
    for middle, width, count in zip(trace["x"], trace["width"], trace["y"]):
        half = datetime.timedelta(milliseconds=width / 2)
        left, right = frame.x_clipped(moment(middle) - half), frame.x_clipped(moment(middle) + half)
        top = frame.domain_px(frame.band_domain, count / tallest)
        if right > left:
            bars.append((number(left), number(right - left), number(top), number(floor - top)))
    return format_html(
        '<g class="density" fill="{}"><title>{}</title>{}</g>',
        trace.get("marker", {}).get("color", DENSITY_COLOUR),
        plain(trace.get("name", "")),
        format_html_join("", '<rect x="{}%" width="{}%" y="{}" height="{}"/>', bars),
    )


def symbol(name: str, colour: str, x_percent: str, y_px: str, dark: dict[str, str]) -> SafeString:
    """A Plotly marker symbol ("circle", "circle-open", "x-thin-open") as the <use> of its path, centred at x, y."""
    shape = name.removesuffix("-open")
    filled = not name.endswith("-open") and shape in ("circle", "diamond")
    paint = painted(colour, dark, "fill", "stroke")
    if not filled:
        paint = format_html('fill="none" {}', painted(colour, dark, "stroke"))
    return format_html(
        '<use href="#mark-{}" x="{}%" y="{}" {}/>',
        shape if shape in SYMBOL_PATHS else "circle",
        x_percent,
        y_px,
        paint,
    )


def marks(trace: dict, frame: Frame, labels: dict[str, SafeString], dark: dict[str, str]) -> SafeString:
    """Every mark a link to its event, with a MIN_TARGET px target around it; a label joins its event's first mark."""
    marker = trace["marker"]
    drawn, labelled = [], set()
    for index, (x, y, data) in enumerate(zip(trace["x"], trace["y"], trace["customdata"])):
        slug = data[0]
        colour = marker["color"][index] if isinstance(marker["color"], list) else marker["color"]
        name = marker["symbol"][index] if isinstance(marker["symbol"], list) else marker["symbol"]
        x_percent, y_px = number(frame.x(x)), number(frame.y(y))
        shape = format_html(
            '<circle class="target" cx="{}%" cy="{}" r="{}" fill="transparent"/>{}',
            x_percent,
            y_px,
            style.MIN_TARGET / 2,
            symbol(name, colour, x_percent, y_px, dark),
        )
        label = labels.get(slug, "") if slug not in labelled else ""
        labelled.add(slug)
        drawn.append(event_link(slug, plain(trace["hovertext"][index]), format_html("{}{}", shape, label)))
    return mark_safe("".join(drawn))


def annotation(note: dict, frame: Frame, css_class: str = "") -> SafeString:
    """Text placed as Plotly places an annotation: x on the date axis or the paper, shifted, anchored."""
    x = frame.x(note["x"]) if note.get("xref") == "x" else note["x"] * 100
    y = frame.y(note["y"]) if note.get("yref") == "y" else frame.paper_y(note["y"])
    # Plotly's yshift is upwards; SVG's y grows down.
    y -= note.get("yshift", 0)
    font = note.get("font", {})
    shift = note.get("xshift", 0) + ANNOTATION_PAD.get(note.get("xanchor", ""), 0)
    attributes = format_html(
        'x="{}%" dx="{}" y="{}" dy="{}" text-anchor="{}"',
        number(x),
        number(shift),
        number(y),
        BASELINE_SHIFT.get(note.get("yanchor", ""), "0.35em"),
        TEXT_ANCHOR.get(note.get("xanchor", "auto"), "middle"),
    )
    extra = format_html(' font-size="{}"', font["size"]) if "size" in font else ""
    if "weight" in font:
        extra = format_html('{} font-weight="{}"', extra, font["weight"])
    if "color" in font:
        extra = format_html('{} fill="{}"', extra, font["color"])
    hover = format_html("<title>{}</title>", plain(note["hovertext"])) if note.get("hovertext") else ""
    if css_class:
        extra = format_html('{} class="{}"', extra, css_class)
    return format_html("<text {}{}>{}{}</text>", attributes, extra, hover, plain(note["text"]))


def label_box(note: dict, frame: Frame) -> Box:
    low = note.get("xshift", 0) + ANNOTATION_PAD.get(note.get("xanchor", ""), 0)
    width = label_width(plain(note["text"]))
    if note.get("xanchor") == "right":
        low -= width
    return Box(round(note["y"], 3), frame.x(note["x"]) / 100, low, low + width, label=True)


def narrow_widths(figure: dict, frame: Frame, labels: dict[str, dict]) -> dict[str, int]:
    """For each label (by slug), the plot width below which it is hidden: 0 for one that fits at any width."""
    half = style.MIN_TARGET / 2
    others = [
        Box(round(y, 3), frame.x(x) / 100, -half, half)
        for trace in figure["data"]
        if trace.get("meta") == "events"
        for x, y in zip(trace["x"], trace["y"])
    ]
    laid_out = figure["layout"].get("meta", {}).get("width") or style.DEFAULT_PLOT_WIDTH
    # Never hidden at the width laid out for, where the layout found room for it.
    widest = laid_out // LABEL_WIDTH_STEP * LABEL_WIDTH_STEP
    widths = {}
    # Labels come in the layout's order, the more important first in each lane: a label gives way
    # to the marks and to the labels before it, never to a less important one.
    for slug, note in labels.items():
        box = label_box(note, frame)
        widths[slug] = min(widest, math.ceil(box.fits_from(others) / LABEL_WIDTH_STEP) * LABEL_WIDTH_STEP)
        others.append(box)
    return widths


def narrow_rules(widths) -> SafeString:
    """The container queries that hide labels on a plot narrower than they need."""
    return format_html_join(
        "",
        "@container (max-width: {}px) {{ .chart-first-view .narrow-{} {{ display: none }} }}",
        ((width - 1, width) for width in sorted(set(widths)) if width),
    )


def first_view_svg(figure: dict | None, description: str = "") -> SafeString:
    """
    The figure as an `<svg class="chart-first-view">` to put inside the chart's
    holder; timeline.js removes it once plotly.js has drawn the same figure.
    `description` names the chart for assistive technology.
    """
    if not figure:
        return mark_safe("")
    figure_layout = figure["layout"]
    frame = Frame(figure_layout)
    margin = figure_layout["margin"]
    # Event labels are annotations named by their event's slug (draw_plotly.label_annotations).
    slugs = {data[0] for trace in figure["data"] for data in trace.get("customdata") or []}
    label_notes = {note["name"]: note for note in figure_layout.get("annotations", []) if note.get("name") in slugs}
    notes = [annotation(note, frame) for note in figure_layout.get("annotations", []) if note.get("name") not in slugs]
    widths = narrow_widths(figure, frame, label_notes)
    labels = {
        slug: annotation(note, frame, f"narrow-{widths[slug]}" if widths[slug] else "")
        for slug, note in label_notes.items()
    }
    dark = figure.get("dark", {})
    body = [shapes(figure_layout, frame, "below", dark), grid_and_ticks(figure_layout, frame)]
    for trace in figure["data"]:
        kind = trace.get("meta")
        if kind == "density":
            body.append(density(trace, frame))
        elif kind == "ranges":
            body.append(ranges(trace, frame, dark))
    body.append(shapes(figure_layout, frame, "above", dark))
    for trace in figure["data"]:
        if trace.get("meta") == "events":
            body.append(marks(trace, frame, labels, dark))
    body += notes
    symbols = format_html_join("", '<path id="mark-{}" d="{}" stroke-width="2"/>', SYMBOL_PATHS.items())
    return format_html(
        # Padding as wide as Plotly's margins, so that 100% is the plot's width (and the container's width).
        '<svg class="chart-first-view" role="group" aria-label="{}" width="100%" height="{}" '
        'style="display:block;box-sizing:border-box;padding:0 {}px 0 {}px;overflow:visible;'
        'container-type:inline-size" '
        'font-family="{}" font-size="{}" fill="currentColor">'
        "<style>{}</style><defs>{}</defs>{}</svg>",
        description or "Timeline chart",
        figure_layout["height"],
        margin["r"],
        margin["l"],
        figure_layout.get("font", {}).get("family", "system-ui, sans-serif"),
        figure_layout.get("font", {}).get("size", FONT_SIZE),
        narrow_rules(widths.values()),
        symbols,
        mark_safe("".join(body)),
    )
