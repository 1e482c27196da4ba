"""The timeline itself: the reader's page and the embed for other sites."""

import datetime
from itertools import groupby

from csp.decorators import csp_replace
from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from django_htmx.http import push_url, reswap

from ..caching import public_cache
from ..chart.build import first_view, framing
from ..filters import MAX_DATE, MIN_DATE, EmbedForm, EventFilterForm
from ..labels import month_label, year_label
from ..models import Event, current_language
from .details import reading, stepping
from .oembed import oembed_discovery

# Events per page of the list under the chart.
LIST_PAGE_SIZE = 100


def wants_partial(request) -> bool:
    # A history restore needs the whole page, not the fragment it cached.
    return bool(request.htmx) and not request.htmx.history_restore_request


def list_heading(event) -> str:
    """The heading an event is listed under: its year when only the year is known, else its month."""
    if event.precision == Event.Precision.YEAR:
        return year_label(event.earliest, current_language())
    return month_label(event.earliest, current_language(), long=True)


def list_groups(events):
    """Events under the headings of the chronological list ("1910", "October 2025"), in date order."""
    return [(heading, list(group)) for heading, group in groupby(events, key=list_heading)]


def opened_event(slug: str | None, form, page_path: str, param: str = "event") -> dict | None:
    """
    The panel a shared link opens (`?event=<slug>`, or the embed's `?story=<slug>`), with the steps
    to the events around it in the list of the page's filters; a slug that is not a published
    event opens nothing.
    """
    if not slug:
        return None
    event = Event.objects.published().with_related().filter(slug=slug).first()
    return {**reading(event), **stepping(event, form, page_path, param)} if event else None


def window_around(event) -> tuple:
    """The chart window a story shows its event in: the event's span with as much again each side, a month at least."""
    margin = max(datetime.timedelta(days=30), event.latest - event.earliest)
    first = max(event.earliest - margin, MIN_DATE)
    return first, min(event.latest + margin, MAX_DATE)


def browse(form) -> tuple[dict, int]:
    """What the timeline and the embed show for the filters: the chart's first view and a page of the list."""
    if not form.is_valid():
        return {"form": form, "events": [], "groups": [], "chart": None, "figure": None}, 400
    data = form.cleaned_data
    events = Event.objects.published().matching(form.cleaned_data)
    page = Paginator(events.with_related().chronological(), LIST_PAGE_SIZE).get_page(data["page"])
    chart = first_view(events, framing(data), form.query_string())
    context = {
        "form": form,
        "page": page,
        "total": page.paginator.count,
        "events": page.object_list,
        "groups": list_groups(page.object_list),
        # The layout every drawing of the first view is drawn from, and Plotly's figure of it.
        "chart": chart.layout if chart else None,
        "rows": chart.rows if chart else [],
        "figure": chart.figure if chart else None,
        "query_string": form.query_string(),
    }
    return context, 200


@require_safe
@public_cache(parameters=[EventFilterForm, "event"], revalidate=True)
def index(request):
    context, status = browse(EventFilterForm(request.GET))
    if status == 200:
        query = f"?{context['query_string']}" if context["query_string"] else ""
        context["embed_src"] = request.build_absolute_uri(reverse("embed") + query)
        context["embed_loader"] = request.build_absolute_uri(static("embed.js"))
        context["oembed_url"] = oembed_discovery(request, reverse("index") + query)
    if not wants_partial(request):
        context["opened"] = opened_event(request.GET.get("event"), context["form"], reverse("index"))
        return render(request, "timeline/index.html", context, status=status)
    # The filter form asks for the results alone: the form itself is never
    # replaced, so nothing the reader is typing into is lost.
    response = render(request, "timeline/index.html#filtered", context)
    if status != 200:
        # Bad filters: only the messages beside the form change, the last good
        # view stays under them and in the address bar. A 200, because
        # django-htmx's DEBUG script would put a 400 in place of the whole page.
        reswap(response, "none")
        push_url(response, False)
    return response


@require_safe
@xframe_options_exempt
@public_cache(parameters=[EmbedForm])
def embed(request):
    """The timeline without the site around it, for other sites' iframes."""
    form = EmbedForm(request.GET)
    if form.is_valid() and form.cleaned_data["story"] and not form.cleaned_data["window"]:
        # A guided story frames its event, with room around it for what came before and after.
        form.cleaned_data["window"] = window_around(Event.objects.get(slug=form.cleaned_data["story"]))
    context, status = browse(form)
    if status == 200:
        # A guided story (`story`) opens its event like `event` does, and its steps keep the story going.
        story = form.cleaned_data["story"]
        context["story"] = story
        context["opened"] = opened_event(
            story or form.cleaned_data["event"], form, reverse("embed"), "story" if story else "event"
        )
    # Only here may other sites frame summit, and only those the setting names (read per request).
    frameable = csp_replace({"frame-ancestors": settings.EMBED_FRAME_ANCESTORS})
    response = frameable(render)(request, "timeline/embed.html", context, status=status)
    # No opener isolation (SecurityMiddleware sends same-origin elsewhere): a page any site may frame
    # hands every one of them a window reference already, and opened on its own it would cost a new
    # browsing context group, a renderer process started before the chart can paint.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    return response
