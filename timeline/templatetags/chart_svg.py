"""`{% chart_first_view figure total %}`: the chart's first view drawn by the server (timeline/chart/svg.py)."""

from django import template
from django.utils.translation import ngettext

from ..chart.svg import first_view_svg

register = template.Library()


@register.simple_tag
def chart_first_view(figure, total):
    description = ngettext("Timeline chart of %(count)d event", "Timeline chart of %(count)d events", total)
    return first_view_svg(figure, description % {"count": total})
