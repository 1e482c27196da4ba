"""The timeline's hot queries are served by indexes on SQLite and PostgreSQL, not by scanning every event."""

import datetime
import re

import pytest
from django.db import connection

from timeline.models import Event
from timeline.views.api import after

pytestmark = pytest.mark.django_db

WINDOW = (datetime.date(2025, 1, 1), datetime.date(2025, 1, 31))
DATE_ORDER = ("earliest", "latest", "pk")
RANKING = ("-importance", "earliest", "pk")


def plan(queryset) -> str:
    if connection.vendor == "postgresql":
        # Tiny test tables make any plan cheap; ask what the indexes can do.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


def uses_an_index(explained: str) -> bool:
    if connection.vendor == "sqlite":
        return "USING INDEX" in explained or "USING COVERING INDEX" in explained
    return "Index Scan" in explained or "Index Only Scan" in explained or "Bitmap Index Scan" in explained


def reads_every_event(explained: str) -> bool:
    """A walk over the whole event table, through an index or not (`SCAN` in SQLite, a sequential scan in PostgreSQL)."""
    if connection.vendor == "sqlite":
        return re.search(r"\bSCAN timeline_event\b(?!_)", explained) is not None
    return re.search(r"Seq Scan on timeline_event\b(?!_)", explained) is not None


def cursor_of_the_middle_event():
    middle = Event.objects.published().order_by(*DATE_ORDER)[Event.objects.published().count() // 2]
    return middle.earliest, middle.latest, middle.pk


# Pages in date order may walk the date index from its start: they stop after a page.
ORDERED_PAGES = {
    "the list's page in date order": lambda: Event.objects.published().order_by(*DATE_ORDER)[:100],
    "the chart's most important events of a window": lambda: (
        Event.objects.published().between(*WINDOW).order_by(*RANKING).values("pk")[:400]
    ),
    "the newest change": lambda: Event.objects.order_by("-updated_at").values("updated_at")[:1],
}

# These must reach their events without reading the rest.
BOUNDED = {
    "events of a window": lambda: Event.objects.published().between(*WINDOW).values("pk"),
    "a slice of a window ranked by importance": lambda: (
        Event.objects.published().between(*WINDOW)
        .filter(earliest__gte=datetime.date(2025, 1, 5), earliest__lt=datetime.date(2025, 1, 9))
        .order_by(*RANKING).values("pk")[:50]
    ),
    "the most important events of a window of one actor": lambda: (
        Event.objects.published().between(*WINDOW).filter(actors__slug="china").order_by(*RANKING).values("pk")[:400]
    ),
    "the API's page after a cursor": lambda: (
        after(Event.objects.published(), *cursor_of_the_middle_event()).order_by(*DATE_ORDER).values("pk")[:101]
    ),
}


@pytest.mark.parametrize("name", ORDERED_PAGES)
def test_hot_queries_use_an_index(seed, name):
    explained = plan(ORDERED_PAGES[name]())
    assert uses_an_index(explained), f"{name}:\n{explained}"


@pytest.mark.parametrize("name", BOUNDED)
def test_window_actor_and_cursor_queries_search_an_index_instead_of_reading_every_event(seed, name):
    explained = plan(BOUNDED[name]())
    assert uses_an_index(explained), f"{name}:\n{explained}"
    assert not reads_every_event(explained), f"{name}:\n{explained}"


def test_the_cursor_seeks_into_the_date_index(seed):
    explained = plan(after(Event.objects.published(), *cursor_of_the_middle_event()).order_by(*DATE_ORDER)[:101])
    if connection.vendor == "sqlite":
        assert re.search(r"SEARCH timeline_event USING .*INDEX event_published_dates \(earliest>", explained), explained
    else:
        assert re.search(r"Index Cond: .*earliest >=", explained), explained
