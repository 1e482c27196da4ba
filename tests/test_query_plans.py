"""
The SQL the reader's views run, on a few thousand events, is served by
indexes on SQLite and PostgreSQL: the queries are captured from real requests
(not rebuilt to look like them) and each one that reads the event table is
EXPLAINed. Windows and cursor pages reach their events without reading the
rest; whole-timeline views may walk an index, never the table.
"""

import datetime
import re

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from timeline.chart.choose import MAX_DRAWN
from timeline.models import Actor, Event

# Past what the chart draws one by one, so the overview counts the rest per bin.
EVENTS = 3000
# A select that reads the event table itself (not timeline_event_actors and the like).
READS_EVENTS = re.compile(r'\b(FROM|JOIN) "timeline_event"(?!_)')


def explain(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Test tables are small enough for any plan to be cheap: ask what the indexes can do.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def reads_the_table_without_an_index(plan: str) -> bool:
    if connection.vendor == "postgresql":
        return re.search(r"Seq Scan on timeline_event\b(?!_)", plan) is not None
    return re.search(r"\bSCAN timeline_event$", plan, re.MULTILINE) is not None


def reads_every_event(plan: str) -> bool:
    """The whole event table walked, through an index or not: no bound the index could seek to."""
    if connection.vendor == "postgresql":
        nodes = re.split(r"\n\s*->", plan)
        return any(
            re.search(r"(Seq Scan|Index Scan|Index Only Scan)( using \S+)? on timeline_event\b(?!_)", node)
            and "Index Cond" not in node
            for node in nodes
        )
    return re.search(r"\bSCAN timeline_event\b(?!_)", plan) is not None


class QueryPlanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("generate_events", count=EVENTS, seed=7, verbosity=0)
        if connection.vendor == "postgresql":
            # The planner's statistics are whatever earlier tests on this
            # database left (a few seed rows, or none): with them a plan
            # changed from run to run. Read the tables as they now are.
            with connection.cursor() as cursor:
                tables = "timeline_event, timeline_event_actors, timeline_event_topics, timeline_actor, timeline_topic"
                cursor.execute(f"ANALYZE {tables}")
        assert EVENTS > MAX_DRAWN
        dates = Event.objects.published().order_by("earliest").values_list("earliest", flat=True)
        middle = dates[EVENTS // 2]
        cls.window = {"from": middle.isoformat(), "to": (middle + datetime.timedelta(days=30)).isoformat()}
        cls.actor = Actor.objects.filter(events__is_published=True).values_list("slug", flat=True).first()

    def event_queries(self, path: str, data: dict | None = None) -> list[tuple[str, str]]:
        """(sql, plan) of each select on events that a GET of `path` runs, caches emptied first."""
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(path, data)
        self.assertEqual(response.status_code, 200, response.content[:500])
        sqls = [query["sql"] for query in captured.captured_queries]
        selects = [sql for sql in sqls if sql.lstrip().upper().startswith("SELECT") and READS_EVENTS.search(sql)]
        self.assertTrue(selects, f"{path} read no events")
        return [(sql, explain(sql)) for sql in selects]

    def next_page_url(self) -> str:
        return self.client.get("/api/events.json").json()["next"]

    def test_every_query_on_events_of_the_reader_views_uses_an_index(self):
        views = {
            "the timeline": ("/", None),
            "the embed": ("/embed/", None),
            "a zoomed window": ("/api/window.json", self.window),
            "the timeline of one actor": ("/", {"actor": self.actor}),
            "a zoomed window of one actor": ("/api/window.json", {**self.window, "actor": self.actor}),
            "the API's first page": ("/api/events.json", None),
            "the API's page after a cursor": (self.next_page_url(), None),
        }
        for name, (path, data) in views.items():
            for sql, plan in self.event_queries(path, data):
                with self.subTest(view=name, sql=sql[:200]):
                    self.assertFalse(reads_the_table_without_an_index(plan), f"{sql}\n{plan}")

    def test_a_window_reads_its_events_not_the_whole_table(self):
        for sql, plan in self.event_queries("/api/window.json", self.window):
            with self.subTest(sql=sql[:200]):
                self.assertFalse(reads_every_event(plan), f"{sql}\n{plan}")

    def test_a_page_after_a_cursor_seeks_into_the_date_index(self):
        queries = self.event_queries(self.next_page_url())
        for sql, plan in queries:
            with self.subTest(sql=sql[:200]):
                self.assertFalse(reads_every_event(plan), f"{sql}\n{plan}")
        # The page's own query: events, ordered and limited (the filter choices' queries are limited too).
        page_plan = next(
            plan
            for sql, plan in queries
            if "LIMIT" in sql and sql.split(" FROM ", 1)[1].lstrip().startswith('"timeline_event"')
        )
        if connection.vendor == "postgresql":
            self.assertRegex(page_plan, r"Index Cond: .*earliest >=")
        else:
            self.assertRegex(page_plan, r"SEARCH timeline_event USING .*INDEX event_published_dates \(earliest>")
