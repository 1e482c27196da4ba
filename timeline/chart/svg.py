"""
The chart's first view as inline SVG, drawn by the server from the layout
(layout.py), so the page shows the chart before (or without) plotly.js:
visible and legible with JavaScript off, and every mark a link to its event.

Plotly's figure (draw_plotly.py) is drawn from the same layout, so plotly.js
takes over with nothing moving: the same height and margins, y in pixels as
`Layout.y_px` maps the rows, and x as a percentage of the plot's width, as
Plotly maps the date range across whatever width the page gives the chart.
The marks are Plotly's symbol paths at their fixed size in pixels, placed by
`<use x="…%" y="…">`. Text is plain in the layout and escaped once here
(`format_html`), so data never becomes markup.
"""

import datetime
import math
from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from . import style
from .layout import Label, Lane, Layout, Mark, language

# Plotly's symbol paths (src/components/drawing/symbol_defs.js) for a marker of MARK_SIZE.
RADIUS = style.MARK_SIZE / 2
DIAMOND = round(RADIUS * 1.3, 2)
SYMBOL_PATHS = {
    "circle": f"M{RADIUS},0A{RADIUS},{RADIUS} 0 1,1 0,-{RADIUS}A{RADIUS},{RADIUS} 0 0,1 {RADIUS},0Z",
    "diamond": f"M{DIAMOND},0L0,{DIAMOND}L-{DIAMOND},0L0,-{DIAMOND}Z",
    "x-thin": f"M{RADIUS},{RADIUS}L-{RADIUS},-{RADIUS}M{RADIUS},-{RADIUS}L-{RADIUS},{RADIUS}",
}
# Plotly's text baseline for an anchor, in em of the font.
MIDDLE, BELOW, ABOVE = "0.35em", "0.8em", "-0.25em"
# Plotly pads an annotation's text inside its box: a left-anchored text starts this far in, a right one ends so.
ANNOTATION_PAD = 3
# Plotly pads a bar axis's autorange this much above the tallest bar.
BAND_HEADROOM = 1.05

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


def number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(layout: Layout, x_px: float) -> str:
    """A pixel of the plot laid out as a percentage of its width: the SVG stretches with the page."""
    return number(x_px / layout.width * 100)


def painted(colour: str, *properties: str, classes: str = "") -> SafeString:
    """
    `fill="…"` and/or `stroke="…"` in the light colour, and where the colour has a
    dark twin, the class and custom properties with which site.css swaps it in on a dark page.
    """
    attributes = format_html_join(" ", '{}="{}"', ((name, colour) for name in properties))
    twin = style.dark_colour(colour)
    if not twin:
        return format_html('{} class="{}"', attributes, classes) if classes else attributes
    classes = " ".join([*(f"paint-{name}" for name in properties), *classes.split()])
    return format_html('{} class="{}" style="--light:{};--dark:{}"', attributes, classes, colour, twin)


def event_link(slug: str, title: str, content: SafeString) -> SafeString:
    """
    A plain link to the event's page (what a click does with JavaScript off),
    which htmx turns into opening its panel. Out of the tab order: the list
    under the chart holds the same events for the keyboard, and the chart's
    own keyboard walk starts when plotly.js has drawn. In the reader's whole
    window: inside an embed's frame the event's page, which refuses framing,
    would be blank (an SVG link ignores the page's <base target>).
    """
    return format_html(
        # The chart's text colour, not the page's link colour.
        '<a href="{}" target="_top" hx-get="{}" hx-target="#detail" hx-swap="innerHTML" data-slug="{}" tabindex="-1" '
        'style="color:inherit">'
        "<title>{}</title>{}</a>",
        reverse("event_detail", args=[slug]),
        reverse("event_panel", args=[slug]),
        slug,
        title,
        content,
    )


def lanes(layout: Layout) -> SafeString:
    """A light band under every other lane, each lane's colour stripe and its name."""
    drawn = []
    stripe = percent(layout, 4)
    for index, lane in enumerate(layout.lanes):
        top, bottom = layout.y_px(lane.top), layout.y_px(lane.bottom)
        height = number(bottom - top)
        if index % 2 == 0 and len(layout.lanes) > 1:
            drawn.append(
                format_html(
                    '<rect x="0%" width="100%" y="{}" height="{}" {}/>',
                    number(top),
                    height,
                    painted(style.LANE_BAND_COLOUR, "fill"),
                )
            )
        if lane.name:
            drawn.append(
                format_html(
                    '<rect x="0%" width="{}%" y="{}" height="{}" {}/>',
                    stripe,
                    number(top),
                    height,
                    painted(lane.colour, "fill"),
                )
            )
            drawn.append(lane_name(layout, lane))
    return mark_safe("".join(drawn))


def lane_name(layout: Layout, lane: Lane) -> SafeString:
    hover = f"{lane.full_name}: " + ", ".join(lane.members) if lane.members else lane.full_name
    return format_html(
        '<text x="0%" dx="{}" y="{}" dy="{}" text-anchor="start" font-size="{}" font-weight="600">{}{}</text>',
        number(style.LANE_NAME_INSET / 2 + ANNOTATION_PAD),
        number(layout.y_px(lane.header_y)),
        MIDDLE,
        style.LABEL_FONT_SIZE,
        format_html("<title>{}</title>", hover) if hover != lane.name else "",
        lane.name,
    )


def grid_and_ticks(layout: Layout) -> SafeString:
    """Grid lines through the plot and the tick labels above it."""
    top, bottom = style.MARGIN_TOP, layout.height - style.MARGIN_BOTTOM
    return format_html_join(
        "",
        '<line x1="{0}%" x2="{0}%" y1="{1}" y2="{2}" stroke="{3}"/>'
        '<text class="tick" x="{0}%" y="{4}" dy="{5}" text-anchor="middle">{6}</text>',
        (
            (percent(layout, tick.x_px), top, bottom, style.GRID_COLOUR, top - style.TICK_LABEL_GAP, ABOVE, tick.text)
            for tick in layout.ticks
        ),
    )


def today(layout: Layout) -> SafeString:
    if not layout.today:
        return mark_safe("")
    x = percent(layout, layout.today.x_px)
    top, bottom = style.MARGIN_TOP, layout.height - style.MARGIN_BOTTOM
    return format_html(
        '<line class="today" x1="{0}%" x2="{0}%" y1="{1}" y2="{2}" stroke="{3}" stroke-width="1.5" '
        'stroke-dasharray="3,3"/>'
        '<text x="{0}%" y="{4}" dy="{5}" text-anchor="middle" font-size="11" fill="{3}">today</text>',
        x,
        top,
        bottom,
        style.TODAY_COLOUR,
        top - style.TODAY_NOTE_SHIFT,
        ABOVE,
    )


def range_bars(layout: Layout) -> SafeString:
    """The imprecise dates' bars, one group per colour (site.css draws them whole and thinner on a dark page)."""
    by_colour: dict[str, list[Mark]] = {}
    for mark in layout.marks:
        if mark.bar:
            by_colour.setdefault(mark.colour, []).append(mark)
    return format_html_join(
        "",
        '<g {} stroke-width="{}" opacity="{}">{}</g>',
        (
            (
                painted(colour, "stroke", classes="range-bars"),
                style.RANGE_BAR_WIDTH,
                style.RANGE_BAR_OPACITY,
                format_html_join(
                    "",
                    '<line x1="{}%" x2="{}%" y1="{}" y2="{}"/>',
                    (
                        (
                            percent(layout, mark.bar.x0_px),
                            percent(layout, mark.bar.x1_px),
                            number(layout.y_px(mark.bar.y)),
                            number(layout.y_px(mark.bar.y)),
                        )
                        for mark in marks
                        if mark.bar
                    ),
                ),
            )
            for colour, marks in by_colour.items()
        ),
    )


def density(layout: Layout) -> SafeString:
    """The density band: a bar per bin, as tall as its count, under the lanes."""
    if not layout.density:
        return mark_safe("")
    bars = layout.density.bars
    tallest = max((bar.count for bar in bars), default=0) * BAND_HEADROOM or 1
    floor = layout.height - style.MARGIN_BOTTOM
    reach = layout.band_height - style.BAND_FOOT
    drawn = []
    for bar in bars:
        if bar.x1_px > bar.x0_px:
            height = reach * bar.count / tallest
            x, width = percent(layout, bar.x0_px), percent(layout, bar.x1_px - bar.x0_px)
            drawn.append((x, width, number(floor - height), number(height)))
    return format_html(
        '<g class="density" fill="{}"><title>{}</title>{}</g>',
        style.DENSITY_COLOUR,
        f"Events per {layout.density.name}",
        format_html_join("", '<rect x="{}%" width="{}%" y="{}" height="{}"/>', drawn),
    )


def links(layout: Layout) -> SafeString:
    """Dotted lines from cause to effect between related events (`links=on`)."""
    scale_days = max(1, (layout.end - layout.start).days)

    def x(day: datetime.date, hour: float) -> str:
        return number(((day - layout.start).days + hour / 24) / scale_days * 100)

    return format_html_join(
        "",
        '<line class="link" x1="{}%" y1="{}" x2="{}%" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="2,3">'
        "<title>{}</title></line>",
        (
            (
                x(link.x0, link.hour0),
                number(layout.y_px(link.y0)),
                x(link.x1, link.hour1),
                number(layout.y_px(link.y1)),
                style.LINK_COLOUR,
                link.text,
            )
            for link in layout.links
        ),
    )


def symbol(mark: Mark, x: str, y: str) -> SafeString:
    """A mark's symbol ("circle", "circle-open", "x-thin-open") as the <use> of its path, centred at x, y."""
    shape = mark.symbol.removesuffix("-open")
    filled = not mark.symbol.endswith("-open") and shape in ("circle", "diamond")
    paint = (
        painted(mark.colour, "fill", "stroke")
        if filled
        else format_html('fill="none" {}', painted(mark.colour, "stroke"))
    )
    return format_html(
        '<use href="#mark-{}" x="{}%" y="{}" {}/>', shape if shape in SYMBOL_PATHS else "circle", x, y, paint
    )


def marks(layout: Layout, labels: dict[str, SafeString]) -> SafeString:
    """Every mark a link to its event, with a MIN_TARGET px target around it; a label joins its event's first mark."""
    drawn, labelled = [], set()
    for mark in sorted(layout.marks, key=lambda mark: not mark.primary):
        x, y = percent(layout, mark.x_px), number(layout.y_px(mark.y))
        shape = format_html(
            '<circle class="target" cx="{}%" cy="{}" r="{}" fill="transparent"/>{}',
            x,
            y,
            style.MIN_TARGET / 2,
            symbol(mark, x, y),
        )
        label = labels.get(mark.slug, "") if mark.slug not in labelled else ""
        labelled.add(mark.slug)
        drawn.append(event_link(mark.slug, " · ".join(mark.hover), format_html("{}{}", shape, label)))
    return mark_safe("".join(drawn))


def label_text(layout: Layout, label: Label, narrow: int) -> SafeString:
    """A visible label beside its mark, hidden by a container query below the plot width `narrow` (0: never)."""
    pad = ANNOTATION_PAD if label.anchor == "start" else -ANNOTATION_PAD
    return format_html(
        '<text x="{}%" dx="{}" y="{}" dy="{}" text-anchor="{}" font-size="{}"{}>{}{}</text>',
        percent(layout, label.x_px - label.shift_px),
        number(label.shift_px + pad),
        number(layout.y_px(label.y)),
        MIDDLE,
        label.anchor,
        style.LABEL_FONT_SIZE,
        format_html(' class="narrow-{}"', narrow) if narrow else "",
        format_html("<title>{}</title>", label.title) if label.title else "",
        label.text,
    )


def narrow_widths(layout: Layout, labels: list[Label]) -> dict[str, int]:
    """For each label (by slug), the plot width below which it is hidden: 0 for one that fits at any width."""
    half = style.MIN_TARGET / 2
    others = [Box(round(mark.y, 3), mark.x_px / layout.width, -half, half) for mark in layout.marks]
    # Never hidden at the width laid out for, where the layout found room for it.
    widest = layout.width // LABEL_WIDTH_STEP * LABEL_WIDTH_STEP
    widths = {}
    # Labels come in the layout's order, the more important first in each lane: a label gives way
    # to the marks and to the labels before it, never to a less important one.
    for label in labels:
        low = label.shift_px + (ANNOTATION_PAD if label.anchor == "start" else -ANNOTATION_PAD - label.width_px)
        box = Box(
            round(label.y, 3), (label.x_px - label.shift_px) / layout.width, low, low + label.width_px, label=True
        )
        widths[label.slug] = min(widest, math.ceil(box.fits_from(others) / LABEL_WIDTH_STEP) * LABEL_WIDTH_STEP)
        others.append(box)
    return widths


def narrow_rules(widths: dict[str, int]) -> SafeString:
    """The container queries that hide labels on a plot narrower than they need."""
    return format_html_join(
        "",
        "@container (max-width: {}px) {{ .chart-first-view .narrow-{} {{ display: none }} }}",
        ((width - 1, width) for width in sorted(set(widths.values())) if width),
    )


def first_view_svg(layout: Layout | None, description: str = "") -> SafeString:
    """
    The layout as an `<svg class="chart-first-view">` to put inside the chart's
    holder; timeline.js removes it once plotly.js has drawn the same view.
    `description` names the chart for assistive technology.
    """
    if not layout:
        return mark_safe("")
    visible = [label for label in layout.labels if label.visible]
    widths = narrow_widths(layout, visible)
    labels = {label.slug: label_text(layout, label, widths[label.slug]) for label in visible}
    body = [lanes(layout), grid_and_ticks(layout), density(layout), range_bars(layout), today(layout), links(layout)]
    body.append(marks(layout, labels))
    symbols = format_html_join("", '<path id="mark-{}" d="{}" stroke-width="2"/>', SYMBOL_PATHS.items())
    return format_html(
        # Padding as wide as Plotly's margins, so that 100% is the plot's width (and the container's width).
        '<svg class="chart-first-view" role="group" aria-label="{}" width="100%" height="{}" '
        'style="display:block;box-sizing:border-box;padding:0 {}px 0 {}px;overflow:visible;'
        'container-type:inline-size" '
        'font-family="{}" font-size="{}" fill="currentColor">'
        "<style>{}</style><defs>{}</defs>{}</svg>",
        description or "Timeline chart",
        layout.height,
        style.MARGIN_RIGHT,
        style.MARGIN_LEFT,
        style.FONT_FAMILIES.get(language(), style.FONT_FAMILY),
        style.FONT_SIZE,
        narrow_rules(widths),
        symbols,
        mark_safe("".join(body)),
    )
