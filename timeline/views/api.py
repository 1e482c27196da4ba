"""The JSON API: the published events of the current filters."""

from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from ..caching import public_cache
from ..chart.build import framing, window_chart
from ..filters import EventFilterForm, EventPageForm
from ..models import Event
from ..serializers import event_to_dict

# The order of /api/events.json's pages; the cursor and the OpenAPI document follow it.
PAGE_ORDER = ("earliest", "latest", "pk")


def site_root(request) -> str:
    """This site's address, for absolute links in data that leaves it."""
    return request.build_absolute_uri("/").rstrip("/")


def json_error(form) -> JsonResponse:
    errors = form.error_list()
    return JsonResponse(
        {
            "error": gettext("Invalid parameter: ") + ", ".join(sorted({e["parameter"] for e in errors})),
            "errors": errors,
        },
        status=400,
    )


@require_safe
@public_cache(parameters=[EventPageForm])
def events_json(request):
    """
    A page of the published events of the filters, in date order. Keyset
    paging: the cursor names the last event sent, so pages stay stable while
    events are added and cost the same however deep the reader goes.
    """
    form = EventPageForm(request.GET)
    if not form.is_valid():
        return json_error(form)
    data = form.cleaned_data
    events = Event.objects.published().matching(form.cleaned_data).order_by(*PAGE_ORDER)
    if data["cursor"]:
        events = after(events, *data["cursor"])
    page = list(events.with_related()[: data["limit"] + 1])
    more, page = len(page) > data["limit"], page[: data["limit"]]
    next_url = None
    if more:
        # From the filters alone: parameters the form does not read stay out of links (and of the cache key).
        # The language asked for by `?lang=` carries on to the next page (a prefix does by itself).
        language = {"lang": request.GET["lang"]} if "lang" in request.GET else {}
        query = form.query_string(limit=data["limit"], cursor=EventPageForm.make_cursor(page[-1]), **language)
        next_url = request.build_absolute_uri(f"{request.path}?{query}")
    base_url = site_root(request)
    return JsonResponse(
        {"count": len(page), "next": next_url, "events": [event_to_dict(event, base_url) for event in page]},
        json_dumps_params={"ensure_ascii": False},
    )


def after(events, earliest, latest, pk):
    """The events that come after (earliest, latest, pk) in date order."""
    # The redundant lower bound lets the index seek to the cursor; the OR
    # alone is a filter, which reads every earlier event on each page.
    return events.filter(earliest__gte=earliest).filter(
        Q(earliest__gt=earliest)
        | Q(earliest=earliest, latest__gt=latest)
        | Q(earliest=earliest, latest=latest, pk__gt=pk)
    )


@require_safe
@public_cache(parameters=[EventFilterForm])
def window_json(request):
    """
    The chart's figure for one time window of the current filters: `window`
    (first..last day; the page sends it, keeping its own `from`/`to` filter),
    or else `from` and `to`, which then both filter and frame. Every event
    when they are few, else the most important and a density band. The page
    asks for it after a zoom, a pan or a resize, at its plot's `width`.
    """
    form = EventFilterForm(request.GET)
    if form.is_valid() and not form.cleaned_data["window"]:
        for bound in ("from", "to"):
            if not form.cleaned_data[bound]:
                form.add_error(bound, gettext("Give the window's “%(bound)s” date (YYYY-MM-DD).") % {"bound": bound})
    if not form.is_valid():
        return json_error(form)
    data = form.cleaned_data
    first, last = data["window"] or (data["from"], data["to"])
    events = Event.objects.published().matching(form.cleaned_data)
    chart = window_chart(events, first, last, framing(data), form.query_string())
    return JsonResponse({"from": first.isoformat(), "to": last.isoformat(), **chart.figure})
