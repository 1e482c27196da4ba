"""`{% chart_first_view chart total %}`: the first view drawn by the server from its layout (chart/svg.py)."""

from django import template
from django.template.defaultfilters import pluralize

from ..chart.svg import first_view_svg

register = template.Library()


@register.simple_tag
def chart_first_view(layout, total):
    return first_view_svg(layout, f"Timeline chart of {total} event{pluralize(total)}")
