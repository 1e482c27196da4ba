"""
The chart's server-drawn views: `{% chart_first_view chart total %}` (the
wide SVG, chart/svg.py), `{% row_mark row %}` (a mark of the narrow box's
rows, chart/vertical.py) and `{% window_url window %}` (a link
that moves the view to a window, keeping the filters).
"""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from ..chart import style
from ..chart.svg import SYMBOL_PATHS, first_view_svg, painted
from ..chart.vertical import zoomed

register = template.Library()


@register.simple_tag
def chart_first_view(layout, total):
    description = ngettext("Timeline chart of %(count)d event", "Timeline chart of %(count)d events", total)
    return first_view_svg(layout, description % {"count": total})


@register.simple_tag
def row_mark(row) -> SafeString:
    """The row's mark: the wide chart's symbol, in its lane's colour (and its lighter twin on a dark page)."""
    shape = row.symbol.removesuffix("-open")
    filled = not row.symbol.endswith("-open") and shape in ("circle", "diamond")
    paint = (
        painted(row.colour, "fill", "stroke")
        if filled
        else format_html('fill="none" {}', painted(row.colour, "stroke"))
    )
    return format_html(
        '<svg class="row-mark" width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true">'
        '<path d="{}" stroke-width="2" {}/></svg>',
        SYMBOL_PATHS.get(shape, SYMBOL_PATHS["circle"]),
        paint,
    )


@register.simple_tag(takes_context=True)
def window_url(context, window: tuple[datetime.date, datetime.date]) -> str:
    """`?…` this page's query with the chart's window moved (the embed's theme and title kept, the list's page not)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query["window"] = f"{window[0].isoformat()}..{window[1].isoformat()}"
    return "?" + query.urlencode(safe=".")


@register.simple_tag
def zoom_window(layout, factor: float):
    """The window `factor` times as long as the view, around its middle (None: no change)."""
    return zoomed(layout, float(factor))


@register.filter
def paint(colour: str) -> str:
    """`--light:…;--dark:…` for site.css to paint with on either page; "" for a colour that is not #rrggbb."""
    twin = style.dark_colour(colour)
    return f"--light:{colour};--dark:{twin}" if twin else ""
