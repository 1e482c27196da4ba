"""The JSON API: the published events of the current filters."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from ..filters import EventFilterForm
from ..models import Event
from ..serializers import event_to_dict


def json_error(form) -> JsonResponse:
    errors = form.error_list()
    return JsonResponse(
        {"error": "Invalid parameter: " + ", ".join(sorted({e["parameter"] for e in errors})), "errors": errors},
        status=400,
    )


@require_GET
def events_json(request):
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return json_error(form)
    events = form.filter(Event.objects.published()).with_related().chronological()
    base_url = request.build_absolute_uri("/").rstrip("/")
    data = [event_to_dict(event, base_url) for event in events]
    return JsonResponse({"count": len(data), "events": data}, json_dumps_params={"ensure_ascii": False})
