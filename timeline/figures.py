"""
Builds the Plotly figure of a list of events. No request in here: the views
hand it events (with actors and topics prefetched) and get a dict back,
ready for `json_script`.

Every piece of text that came from a person is HTML-escaped before it goes
into the figure: Plotly's label renderer honours <a>, <b> and style=.
"""

import datetime
import math
from collections import defaultdict
from html import escape as html_escape

from .models import Event


def escape(text: str) -> str:
    # Escaping < > & leaves no tag for Plotly to honour; quotes stay as typed,
    # because Plotly's labels do not decode &quot; and would show it literally.
    return html_escape(text, quote=False)


OTHER_LANE = "Other"
OTHER_COLOUR = "#6b6b6b"
LANE_HEIGHT = 34
BAND_HEIGHT = 90
DAY = datetime.timedelta(days=1)


def lane_keys(event: Event, lanes: str) -> list[tuple[str, str, str]]:
    """(lane label, colour, legend group) for every lane an event is drawn in."""
    actors = list(event.actors.all())
    if lanes == "topic":
        colour = actors[0].colour if actors else OTHER_COLOUR
        topics = list(event.topics.all())
        return [(topic.name, colour, topic.name) for topic in topics] or [(OTHER_LANE, colour, OTHER_LANE)]
    return [(actor.short_name, actor.colour, actor.short_name) for actor in actors] or [
        (OTHER_LANE, OTHER_COLOUR, OTHER_LANE)
    ]


def hover_text(event: Event) -> str:
    status = "" if event.status == Event.Status.HAPPENED else f" · {event.get_status_display().lower()}"
    return f"<b>{escape(event.title)}</b><br>{escape(event.date_label)}{escape(status)}"


def marker_symbol(event: Event) -> str:
    if event.status == Event.Status.CANCELLED:
        return "x-thin-open"
    if event.is_future_facing:
        return "circle-open"
    return "circle"


def busiest_span(starts: list[datetime.date], share: float = 0.8) -> tuple[datetime.date, datetime.date]:
    """
    The shortest span of dates holding `share` of the (sorted) starts. A few
    far-off events (a 1910 occupation beside 2026 summits) would squeeze the
    rest into a sliver; the first view shows where most events are, and the
    rest is a zoom out (or the modebar's autoscale) away.
    """
    count = max(1, math.ceil(len(starts) * share))
    first = min(range(len(starts) - count + 1), key=lambda i: starts[i + count - 1] - starts[i])
    return starts[first], starts[first + count - 1]


def padded(first: datetime.date, last: datetime.date) -> tuple[datetime.date, datetime.date]:
    pad = max((last - first) / 12, datetime.timedelta(days=3))
    return first - pad, last + pad + DAY


def fitted_span(dates: list[tuple[datetime.date, datetime.date]]) -> tuple[datetime.date, datetime.date]:
    """The initial view of (earliest, latest) pairs sorted by start: their busiest span, padded."""
    first, last = busiest_span([start for start, _ in dates])
    return padded(first, max(end for start, end in dates if start <= last))


def fitted_range(events: list[Event]) -> list[str] | None:
    if not events:
        return None
    return [day.isoformat() for day in fitted_span(sorted((event.earliest, event.latest) for event in events))]


def build_figure(
    events: list[Event],
    lanes: str = "actor",
    today: datetime.date | None = None,
    *,
    x_range: list[str] | None = None,
    density: dict | None = None,
    total: int | None = None,
) -> dict:
    """
    The figure of the events drawn. By default the view fits them; a window
    of a larger set passes its own range, the density band of what is not
    drawn, and the total it stands for.
    """
    today = today or datetime.date.today()
    points = defaultdict(lambda: defaultdict(list))
    spans = defaultdict(lambda: defaultdict(list))
    lane_order: dict[str, None] = {}

    for event in events:
        precise = event.earliest == event.latest
        for lane, colour, group in lane_keys(event, lanes):
            lane_order.setdefault(lane, None)
            key = (group, colour)
            target = points[key] if precise else spans[key]
            target["y"].append(lane)
            target["slug"].append(event.slug)
            target["hover"].append(hover_text(event))
            if precise:
                target["x"].append(event.earliest.isoformat())
                target["symbol"].append(marker_symbol(event))
            else:
                # A bar over the whole uncertainty: late October is 21–31 Oct.
                target["base"].append(event.earliest.isoformat())
                length = (event.latest - event.earliest + DAY).total_seconds() * 1000
                target["x"].append(length)
                target["pattern"].append("/" if event.is_future_facing else "")
                target["opacity"].append(0.35 if event.status == Event.Status.CANCELLED else 0.75)

    # Plain dicts in Plotly's schema: plotly.py's validating objects cost
    # more than the rest of a request together at a few hundred events.
    traces = [
        {
            "type": "bar",
            "name": group,
            "legendgroup": group,
            "showlegend": False,
            "orientation": "h",
            "base": data["base"],
            "x": data["x"],
            "y": data["y"],
            "width": 0.45,
            "customdata": [[slug] for slug in data["slug"]],
            "hovertext": data["hover"],
            "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {
                "color": colour,
                "opacity": data["opacity"],
                "line": {"color": colour, "width": 1.5},
                "pattern": {"shape": data["pattern"], "fgcolor": "#ffffff", "solidity": 0.4, "fillmode": "overlay"},
            },
        }
        for (group, colour), data in spans.items()
    ]
    traces += [
        {
            "type": "scatter",
            "name": group,
            "legendgroup": group,
            "mode": "markers",
            "x": data["x"],
            "y": data["y"],
            "customdata": [[slug] for slug in data["slug"]],
            "hovertext": data["hover"],
            "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {"color": colour, "size": 13, "symbol": data["symbol"], "line": {"color": colour, "width": 2}},
        }
        for (group, colour), data in points.items()
    ]
    lanes_shown = list(lane_order) or [OTHER_LANE]
    total = len(events) if total is None else total
    if density:
        traces.append(density)
    height = max(260, LANE_HEIGHT * len(lanes_shown) + 150) + (BAND_HEIGHT if density else 0)
    layout = dict(
        barmode="overlay",
        height=height,
        # Margins fitted here, not by Plotly's automargin, which redraws the
        # chart until labels fit: several full redraws on every render.
        margin={"l": 16 + 7.5 * max(len(lane) for lane in lanes_shown), "r": 10, "t": 16, "b": 30},
        dragmode="pan",
        hovermode="closest",
        showlegend=False,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13},
        xaxis={
            "type": "date",
            # No range slider: it draws every trace a second time, four times
            # the cost of the chart. The modebar's autoscale shows everything.
            "range": x_range or fitted_range(events),
            "showgrid": True,
            "gridcolor": "rgba(128,128,128,0.2)",
            "automargin": False,
        },
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(reversed(lanes_shown)),
            "range": [-0.6, len(lanes_shown) - 0.4],
            "fixedrange": True,
            "automargin": False,
            # Above the density band, when there is one.
            "domain": [(BAND_HEIGHT + 10) / height, 1] if density else [0, 1],
        },
        yaxis2={
            "domain": [0, (BAND_HEIGHT - 20) / height],
            "fixedrange": True,
            "showticklabels": False,
            "showgrid": False,
            "title": {"text": "more", "font": {"size": 11}},
            "visible": bool(density),
        },
        # Read by timeline.js: a figure that does not draw every event of its
        # window asks the server for the narrower window after a zoom.
        meta={"total": total, "shown": len(events), "complete": len(events) >= total},
        shapes=[
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": today.isoformat(),
                "x1": today.isoformat(),
                "y0": 0,
                "y1": 1,
                "line": {"color": "#d62728", "width": 1.5, "dash": "dot"},
            }
        ],
        annotations=[
            {
                "x": today.isoformat(),
                "xref": "x",
                "y": 1,
                "yref": "paper",
                "text": "today",
                "showarrow": False,
                "yanchor": "bottom",
                "font": {"color": "#d62728", "size": 11},
            }
        ],
    )
    return {"data": traces, "layout": layout}


def connector_traces(events: list[Event], relations, lanes: str = "actor") -> list[dict]:
    """
    Lines from cause to effect between related events, in one trace of their
    own (no customdata, so clicks and keyboard focus pass them by), with an
    arrowhead at the effect. Plain dicts, to be appended to a built figure.
    """
    from .relations import connectors

    segments = connectors(events, relations, lambda event: lane_keys(event, lanes)[0][0])
    if not segments:
        return []
    x, y, symbols, labels = [], [], [], []
    for segment in segments:
        x += [segment.x0, segment.x1, None]
        y += [segment.y0, segment.y1, None]
        symbols += ["circle", "arrow", "circle"]
        labels += [escape(segment.label)] * 2 + [""]
    return [
        {
            "type": "scatter",
            "name": "Links between events",
            "mode": "lines+markers",
            "x": x,
            "y": y,
            "hovertext": labels,
            "hovertemplate": "%{hovertext}<extra></extra>",
            "line": {"color": "rgba(128,128,128,0.75)", "width": 1.5, "dash": "dot"},
            "marker": {"symbol": symbols, "size": [0, 11, 0] * len(segments), "angleref": "previous",
                       "color": "rgba(128,128,128,0.9)"},
            "showlegend": False,
            "meta": "links",
        }
    ]
