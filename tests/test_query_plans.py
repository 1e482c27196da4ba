"""The timeline's hot queries are served by indexes on SQLite and PostgreSQL, not by scanning every event."""

import datetime

import pytest
from django.db import connection

from timeline.models import Event

pytestmark = pytest.mark.django_db

WINDOW = (datetime.date(2025, 1, 1), datetime.date(2025, 1, 31))


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


QUERIES = {
    "the list's page in date order": lambda: Event.objects.published().order_by("earliest", "latest", "pk")[:100],
    "the chart's most important events of a window": lambda: (
        Event.objects.published().between(*WINDOW).order_by("-importance", "earliest", "pk").values("pk")[:400]
    ),
    "events of a window": lambda: Event.objects.published().between(*WINDOW).values("pk"),
    "the newest change": lambda: Event.objects.order_by("-updated_at").values("updated_at")[:1],
}


@pytest.mark.parametrize("name", QUERIES)
def test_hot_queries_use_an_index(seed, name):
    explained = plan(QUERIES[name]())
    assert uses_an_index(explained), f"{name}:\n{explained}"
