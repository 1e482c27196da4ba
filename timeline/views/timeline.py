"""The timeline itself: the reader's page and the embed for other sites."""

from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from ..caching import public_cache
from ..filters import EmbedForm, EventFilterForm
from ..models import Event
from ..windows import first_view
from .details import published_event, reading
from .oembed import oembed_discovery

# Events per page of the list under the chart.
LIST_PAGE_SIZE = 100


def wants_partial(request) -> bool:
    # A history restore needs the whole page, not the fragment it cached.
    return bool(request.htmx) and not request.htmx.history_restore_request


def months(events):
    """Events grouped by the month they start in, for the chronological list."""
    return [(month, list(group)) for month, group in groupby(events, key=lambda e: e.earliest.replace(day=1))]


def browse(form) -> tuple[dict, int]:
    """What the timeline and the embed show for the filters: the chart's first view and a page of the list."""
    if not form.is_valid():
        return {"form": form, "events": [], "months": [], "figure": None}, 400
    data = form.cleaned_data
    events = form.filter(Event.objects.published())
    page = Paginator(events.with_related().chronological(), LIST_PAGE_SIZE).get_page(data["page"])
    context = {
        "form": form,
        "page": page,
        "total": page.paginator.count,
        "events": page.object_list,
        "months": months(page.object_list),
        "figure": first_view(events, data["lanes"], data["links"], form.query_string()),
        "query_string": form.query_string(),
    }
    return context, 200


@require_safe
@public_cache(revalidate=True)
def index(request):
    context, status = browse(EventFilterForm(request.GET))
    if status == 200:
        query = f"?{context['query_string']}" if context["query_string"] else ""
        context["embed_src"] = request.build_absolute_uri(reverse("embed") + query)
        context["embed_loader"] = request.build_absolute_uri(static("embed.js"))
        context["oembed_url"] = oembed_discovery(request, reverse("index") + query)
    template = "timeline/index.html#browse" if wants_partial(request) else "timeline/index.html"
    return render(request, template, context, status=status)


@require_safe
@xframe_options_exempt
@public_cache
def embed(request):
    """The timeline without the site around it, for other sites' iframes."""
    form = EmbedForm(request.GET)
    context, status = browse(form)
    if status == 200 and form.cleaned_data["event"]:
        context["opened"] = reading(published_event(form.cleaned_data["event"]))
    response = render(request, "timeline/embed.html", context, status=status)
    # Only here may other sites frame summit, and only those the setting names.
    response._csp_replace = {"frame-ancestors": settings.EMBED_FRAME_ANCESTORS}
    return response


