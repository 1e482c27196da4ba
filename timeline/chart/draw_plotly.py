"""
A layout (layout.py) turned into a Plotly figure: plain dicts in Plotly's
schema, ready for `json_script` and `Plotly.react`. plotly.py's validating
objects would cost more than the rest of a request at a few hundred events.

Every string that reaches plotly.js goes through `escape`: Plotly's text
renderer honours <a href>, <b> and style=, so a name typed in the admin could
otherwise draw a link or restyle the chart.
"""

import datetime
from html import escape as html_escape
from typing import Any

from django.utils.translation import gettext

from . import style
from .layout import Density, Layout, Mark, language

# Hover and click anywhere within this many pixels of a mark's centre (half of MIN_TARGET, rounded up).
HOVER_DISTANCE = style.MIN_TARGET // 2 + 1


def escape(text: str) -> str:
    """The one way text reaches plotly.js: < > & escaped leave no tag for Plotly to honour.
    Quotes stay as typed, because Plotly's labels do not decode &quot; and would show it literally."""
    return html_escape(str(text), quote=False)


def at_hour(day: datetime.date, hour: float = 12.0) -> str:
    """A day and hour on Plotly's date axis: a mark of a day stands in the middle of it, as in the layout."""
    moment = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(hours=hour)
    return moment.isoformat(sep=" ", timespec="minutes")


def hover_html(mark: Mark) -> str:
    title, *rest = mark.hover
    return "<br>".join([f"<b>{escape(title)}</b>", *(escape(line) for line in rest)])


def mark_trace(layout: Layout) -> dict[str, Any]:
    # The mark that carries the label first: the keyboard walk and tests take an event's first point.
    marks = sorted(layout.marks, key=lambda mark: not mark.primary)
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "Events",
        "x": [at_hour(mark.x, mark.hour) for mark in marks],
        "y": [mark.y for mark in marks],
        "customdata": [[mark.slug] for mark in marks],
        "hovertext": [hover_html(mark) for mark in marks],
        "hovertemplate": "%{hovertext}<extra></extra>",
        # Marks of events out of view are drawn (for panning) but not over the margins.
        "cliponaxis": True,
        "marker": {
            "size": style.MARK_SIZE,
            "symbol": [mark.symbol for mark in marks],
            "color": [mark.colour for mark in marks],
            "line": {"color": [mark.colour for mark in marks], "width": 2},
            "opacity": 1,
        },
        "showlegend": False,
        "meta": "events",
    }


def range_traces(layout: Layout) -> list[dict[str, Any]]:
    """Thin, light bars over imprecise dates: one trace per colour, no hover, drawn before the marks."""
    by_colour: dict[str, dict[str, Any]] = {}
    for mark in layout.marks:
        if mark.bar is None:
            continue
        trace = by_colour.setdefault(
            mark.colour,
            {
                "type": "scatter",
                "mode": "lines",
                "name": "Date ranges",
                "x": [],
                "y": [],
                "hoverinfo": "skip",
                "line": {"color": mark.colour, "width": style.RANGE_BAR_WIDTH},
                "opacity": style.RANGE_BAR_OPACITY,
                "showlegend": False,
                "meta": "ranges",
            },
        )
        trace["x"] += [mark.bar.start.isoformat(), mark.bar.end.isoformat(), None]
        trace["y"] += [mark.bar.y, mark.bar.y, None]
    return list(by_colour.values())


# The density band's name and hover, per bin: whole sentences, so each language words them its own way.
BIN_WORDS = {
    "day": (style.gettext_noop("Events per day"), style.gettext_noop("%{y} events in this day")),
    "week": (style.gettext_noop("Events per week"), style.gettext_noop("%{y} events in this week")),
    "month": (style.gettext_noop("Events per month"), style.gettext_noop("%{y} events in this month")),
    "year": (style.gettext_noop("Events per year"), style.gettext_noop("%{y} events in this year")),
}


def density_trace(density: Density) -> dict[str, Any]:
    """The band under the lanes: a bar per bin, as tall as its count."""
    widths = [bar.end - bar.first for bar in density.bars]
    return {
        "type": "bar",
        "name": gettext(BIN_WORDS[density.name][0]),
        "x": [(bar.first + width / 2).isoformat() for bar, width in zip(density.bars, widths)],
        "y": [bar.count for bar in density.bars],
        "width": [width.total_seconds() * 1000 * 0.9 for width in widths],
        "yaxis": "y2",
        "marker": {"color": style.DENSITY_COLOUR},
        "hovertemplate": escape(gettext(BIN_WORDS[density.name][1])) + "<extra></extra>",
        "showlegend": False,
        "meta": "density",
    }


def lane_decorations(layout: Layout) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(shapes, annotations) of the lanes: a light band under every other lane, a colour stripe, the name."""
    shapes, annotations = [], []
    for index, lane in enumerate(layout.lanes):
        if index % 2 == 0 and len(layout.lanes) > 1:
            shapes.append(
                {
                    "type": "rect",
                    "xref": "paper",
                    "x0": 0,
                    "x1": 1,
                    "yref": "y",
                    "y0": lane.top,
                    "y1": lane.bottom,
                    "fillcolor": style.LANE_BAND_COLOUR,
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
        if not lane.name:
            continue
        shapes.append(
            {
                "type": "rect",
                "xref": "paper",
                "x0": 0,
                "x1": 4 / layout.width,
                "yref": "y",
                "y0": lane.top,
                "y1": lane.bottom,
                "fillcolor": lane.colour,
                "line": {"width": 0},
                "layer": "below",
            }
        )
        annotation = {
            "xref": "paper",
            "x": 0,
            "xshift": style.LANE_NAME_INSET / 2,
            "xanchor": "left",
            "yref": "y",
            "y": lane.header_y,
            "yanchor": "middle",
            "text": escape(lane.name),
            "showarrow": False,
            "font": {"size": style.LABEL_FONT_SIZE, "weight": 600},
            "name": "lane",
        }
        if lane.members:
            annotation["hovertext"] = escape(f"{lane.full_name}: " + ", ".join(lane.members))
        elif lane.full_name != lane.name:
            annotation["hovertext"] = escape(lane.full_name)
        annotations.append(annotation)
    return shapes, annotations


def label_annotations(layout: Layout) -> list[dict[str, Any]]:
    return [
        {
            "xref": "x",
            "x": at_hour(label.x, label.hour),
            "xshift": label.shift_px,
            "xanchor": "left" if label.anchor == "start" else "right",
            "yref": "y",
            "y": label.y,
            "yanchor": "middle",
            "text": escape(label.text),
            "showarrow": False,
            "font": {"size": style.LABEL_FONT_SIZE},
            # Clicking a label opens its event, as clicking its mark does (timeline.js).
            "captureevents": True,
            "name": label.slug,
            # A label cut short shows the whole title on hover.
            **({"hovertext": escape(label.title)} if label.title else {}),
        }
        for label in layout.labels
        if label.visible
    ]


def today_decorations(layout: Layout) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(shapes, annotations) of the today line and its note, when today lies in the view."""
    if not layout.today:
        return [], []
    x = at_hour(layout.today.x)
    line = {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": style.TODAY_COLOUR, "width": 1.5, "dash": "dot"},
    }
    note = {
        "xref": "x",
        "x": x,
        "yref": "paper",
        "y": 1,
        "yanchor": "bottom",
        "yshift": style.TODAY_NOTE_SHIFT,
        "text": escape(gettext("today")),
        "showarrow": False,
        "font": {"color": style.TODAY_COLOUR, "size": 11},
    }
    return [line], [note]


def axes(layout: Layout) -> dict[str, Any]:
    """The date axis over the plot, the lanes' axis and the density band's under it."""
    band, plot_height = layout.band_height, layout.plot_height
    return {
        "xaxis": {
            "type": "date",
            # Dates over the plot: a tall chart's first screen shows when its events happened.
            "side": "top",
            # Plotly would set the labels right on the plot's edge; svg.py draws them this far off it too.
            "ticklabelstandoff": style.TICK_LABEL_GAP,
            # No range slider: it draws every trace a second time. Reset brings back this range.
            "range": [layout.start.isoformat(), layout.end.isoformat()],
            "tickmode": "array",
            "tickvals": [at_pixel(layout, tick.x_px) for tick in layout.ticks],
            "ticktext": [escape(tick.text) for tick in layout.ticks],
            "showgrid": True,
            "gridcolor": style.GRID_COLOUR,
            "automargin": False,
            "zeroline": False,
        },
        "yaxis": {
            "range": [layout.rows, 0],
            "fixedrange": True,
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "automargin": False,
            # Above the density band, when there is one (layout.y_px maps rows the same way).
            "domain": [(band + style.BAND_GAP) / (plot_height + band), 1] if band else [0, 1],
        },
        "yaxis2": {
            "domain": [0, (band - style.BAND_FOOT) / (plot_height + band)] if band else [0, 0.1],
            "fixedrange": True,
            "showticklabels": False,
            "showgrid": False,
            "title": {"text": escape(gettext("more")), "font": {"size": 11}},
            "visible": bool(band),
        },
    }


def to_figure(layout: Layout) -> dict[str, Any]:
    """The Plotly figure of a layout, with the key and the dark page's colours beside it."""
    lane_shapes, lane_names = lane_decorations(layout)
    today_shapes, today_notes = today_decorations(layout)
    data = range_traces(layout) + [mark_trace(layout)]
    if layout.density:
        data.append(density_trace(layout.density))
    if layout.links:
        data.append(connector_trace(layout))
    figure_layout = {
        "height": layout.height,
        # Margins fixed here, not by Plotly's automargin, which redraws the
        # chart until labels fit: several full redraws on every render.
        "margin": {"l": style.MARGIN_LEFT, "r": style.MARGIN_RIGHT, "t": style.MARGIN_TOP, "b": style.MARGIN_BOTTOM},
        "dragmode": "pan",
        "hovermode": "closest",
        "hoverdistance": HOVER_DISTANCE,
        "showlegend": False,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": style.FONT_FAMILIES.get(language(), style.FONT_FAMILY), "size": style.FONT_SIZE},
        **axes(layout),
        # Read by timeline.js: the width laid out for (a browser of another
        # width asks for its own), and whether every event of the view is drawn.
        "meta": {
            "total": layout.shown if layout.total is None else layout.total,
            "shown": layout.shown,
            "complete": layout.complete,
            "width": layout.width,
        },
        "shapes": lane_shapes + today_shapes,
        "annotations": lane_names + label_annotations(layout) + today_notes,
    }
    key = [{"kind": entry.kind, "symbol": entry.symbol, "text": entry.text} for entry in layout.key]
    return {
        "data": data,
        "layout": figure_layout,
        "key": key,
        "dark": dark_twins(layout),
        "range_bars": RANGE_BAR_LOOKS,
        "outside": outside_json(layout),
        # The language of the figure's words: the page passes it to Plotly.newPlot's config `locale`
        # (plotly.js's ja and ko dictionaries word the mode bar); ticks and labels come written already.
        "locale": language(),
    }


def outside_json(layout: Layout) -> dict[str, Any]:
    """The events before and after the view, and the `window` (first..last day) that takes each side in, or None."""
    out = layout.outside

    def window(days: tuple[datetime.date, datetime.date] | None) -> str | None:
        return f"{days[0].isoformat()}..{days[1].isoformat()}" if days else None

    return {
        "earlier": out.earlier,
        "later": out.later,
        "earlier_window": window(out.earlier_window),
        "later_window": window(out.later_window),
    }


# How range bars are drawn on each page: theme.js switches a figure's range traces between them.
RANGE_BAR_LOOKS = {
    "light": {"opacity": style.RANGE_BAR_OPACITY, "width": style.RANGE_BAR_WIDTH},
    "dark": {"opacity": style.RANGE_BAR_DARK_OPACITY, "width": style.RANGE_BAR_DARK_WIDTH},
}


def dark_twins(layout: Layout) -> dict[str, str]:
    """Each colour of the lanes and marks, and the lighter one it takes on a dark page (theme.js, svg.py)."""
    colours = {mark.colour for mark in layout.marks} | {lane.colour for lane in layout.lanes}
    twins = {colour: style.dark_colour(colour) for colour in sorted(colours)}
    return {colour: twin for colour, twin in twins.items() if twin}


def at_pixel(layout: Layout, x_px: float) -> str:
    """The date and time at a pixel of the plot (a day's tick stands at its middle, a month's at its start)."""
    days = max(1, (layout.end - layout.start).days)
    moment = datetime.datetime.combine(layout.start, datetime.time()) + datetime.timedelta(
        days=x_px * days / layout.width
    )
    return moment.isoformat(sep=" ", timespec="minutes")


def connector_trace(layout: Layout) -> dict[str, Any]:
    """
    Lines from cause to effect between related drawn events, from mark to
    mark, in one trace of their own (no customdata, so clicks and keyboard
    focus pass them by), with an arrowhead at the effect.
    """
    x: list[str | None] = []
    y: list[float | None] = []
    labels: list[str] = []
    for link in layout.links:
        x += [at_hour(link.x0, link.hour0), at_hour(link.x1, link.hour1), None]
        y += [link.y0, link.y1, None]
        labels += [escape(link.text)] * 2 + [""]
    segments = len(layout.links)
    return {
        "type": "scatter",
        "name": "Links between events",
        "mode": "lines+markers",
        "x": x,
        "y": y,
        "hovertext": labels,
        "hovertemplate": "%{hovertext}<extra></extra>",
        "line": {"color": style.LINK_COLOUR, "width": 1.5, "dash": "dot"},
        "marker": {
            "symbol": ["circle", "arrow", "circle"] * segments,
            "size": [0, 11, 0] * segments,
            "angleref": "previous",
            "color": "rgba(128,128,128,0.9)",
        },
        "showlegend": False,
        "meta": "links",
    }
