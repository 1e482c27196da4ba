"""Exports of the current filters: CSV, iCalendar, TimelineJS JSON; and the API's OpenAPI description."""

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from .. import exports
from ..caching import public_cache
from ..filters import EventFilterForm
from ..models import Event
from ..openapi import openapi_document
from .api import json_error, site_root


def filtered_events(request):
    """(form, events) for the request's filters; events is None when the filters are invalid."""
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, Event.objects.published().matching(form.cleaned_data).with_related().chronological()


@require_safe
@public_cache(parameters=[EventFilterForm])
def events_csv(request):
    form, events = filtered_events(request)
    if events is None:
        return json_error(form)
    response = HttpResponse(exports.events_csv(events, site_root(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="summit-events.csv"'
    return response


@require_safe
@public_cache(parameters=[EventFilterForm])
def events_ics(request):
    form, events = filtered_events(request)
    if events is None:
        return json_error(form)
    calendar = exports.events_ics(events, site_root(request), request.get_host().split(":")[0])
    response = HttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="summit-events.ics"'
    return response


@require_safe
@public_cache(parameters=[EventFilterForm])
def events_timelinejs(request):
    form, events = filtered_events(request)
    if events is None:
        return json_error(form)
    return JsonResponse(
        exports.events_timelinejs(events, gettext("summit timeline")), json_dumps_params={"ensure_ascii": False}
    )


@require_safe
@public_cache(parameters=())
def openapi(request):
    return JsonResponse(openapi_document(site_root(request)))
