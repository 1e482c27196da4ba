"""`{% chart_first_view chart total %}`: the first view drawn by the server from its layout (chart/svg.py)."""

from django import template
from django.utils.translation import ngettext

from ..chart.svg import first_view_svg

register = template.Library()


@register.simple_tag
def chart_first_view(layout, total):
    description = ngettext("Timeline chart of %(count)d event", "Timeline chart of %(count)d events", total)
    return first_view_svg(layout, description % {"count": total})
