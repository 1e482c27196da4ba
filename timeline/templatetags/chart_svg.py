"""`{% chart_first_view figure total %}`: the chart's first view drawn by the server (timeline/chart/svg.py)."""

from django import template
from django.template.defaultfilters import pluralize

from ..chart.svg import first_view_svg

register = template.Library()


@register.simple_tag
def chart_first_view(figure, total):
    return first_view_svg(figure, f"Timeline chart of {total} event{pluralize(total)}")
