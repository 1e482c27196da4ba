"""The JSON API: the published events of the current filters."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from ..caching import public_cache
from ..filters import EventFilterForm
from ..models import Event
from ..serializers import event_to_dict
from ..windows import window_figure


def json_error(form) -> JsonResponse:
    errors = form.error_list()
    return JsonResponse(
        {"error": "Invalid parameter: " + ", ".join(sorted({e["parameter"] for e in errors})), "errors": errors},
        status=400,
    )


@require_safe
@public_cache
def events_json(request):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return json_error(form)
    events = form.filter(Event.objects.published()).with_related().chronological()
    base_url = request.build_absolute_uri("/").rstrip("/")
    data = [event_to_dict(event, base_url) for event in events]
    return JsonResponse({"count": len(data), "events": data}, json_dumps_params={"ensure_ascii": False})


@require_safe
@public_cache
def window_json(request):
    """
    The chart's figure for one time window (`from`, `to`, both required) of
    the current filters: every event when they are few, else the most
    important and a density band. The page asks for it after a zoom or pan.
    """
    form = EventFilterForm(request.GET)
    if form.is_valid():
        for bound in ("from", "to"):
            if not form.cleaned_data[bound]:
                form.add_error(bound, f"Give the window's “{bound}” date (YYYY-MM-DD).")
    if not form.is_valid():
        return json_error(form)
    data = form.cleaned_data
    events = form.filter(Event.objects.published())
    figure = window_figure(events, data["from"], data["to"], data["lanes"], data["links"], form.query_string())
    return JsonResponse({"from": data["from"].isoformat(), "to": data["to"].isoformat(), **figure})
