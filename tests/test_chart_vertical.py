"""The chart laid out down the screen for a narrow box (timeline/chart/vertical.py) and drawn by the server."""

import datetime
import re

import pytest

from timeline.chart.layout import ChartEvent, LaneKey, View, lay_out
from timeline.chart.vertical import lay_out_down, zoomed
from timeline.models import Event

JAPAN = LaneKey("japan", "Japan", "#bc002d")
KOREA = LaneKey("south-korea", "South Korea", "#0069b4")
VIEW = View(datetime.date(2025, 10, 1), datetime.date(2026, 3, 1), 880, "actor", datetime.date(2026, 2, 20))
# A title far longer than any label the wide chart could give it at a phone's width.
LONG = "Japan and South Korea agree to launch economic-security and rare-earth supply chain talks in Nara"


def event(slug, day, last=None, lanes=(JAPAN,), importance=3, **extra):
    return ChartEvent(
        slug=slug,
        title=extra.pop("title", f"The title of {slug}"),
        short_title=f"Short {slug}",
        earliest=day,
        latest=last or day,
        precision="day" if last is None else "span",
        status=extra.pop("status", "happened"),
        importance=importance,
        date_label=str(day),
        lanes=lanes,
        **extra,
    )


def rows_of(events, view=VIEW):
    return lay_out_down(events, lay_out(events, view))


def test_every_event_in_view_is_a_row_in_date_order_under_its_month():
    days = [datetime.date(2026, 1, 13) - datetime.timedelta(days=9 * n) for n in range(12)]
    events = [event(f"e{n}", day, importance=1 + n % 5) for n, day in enumerate(days)]
    (lane,) = rows_of(events)
    in_view = sorted((e for e in events if VIEW.start <= e.earliest < VIEW.end), key=lambda e: e.earliest)
    assert [row.slug for row in lane.rows] == [e.slug for e in in_view]
    # A heading wherever the month changes, on its own line just above the row.
    headings = [(row.heading, row.heading_line) for row in lane.rows if row.heading]
    assert [text for text, _ in headings] == ["October 2025", "November 2025", "December 2025", "January 2026"]
    lines = [row.line for row in lane.rows] + [line for _, line in headings]
    assert len(lines) == len(set(lines))


def test_the_whole_title_is_kept_with_unconfirmed():
    unconfirmed = event("late", datetime.date(2026, 2, 1), title=LONG, status="scheduled")
    unconfirmed = ChartEvent(**{**unconfirmed.__dict__, "unconfirmed_since": datetime.date(2026, 1, 20)})
    (lane,) = rows_of([unconfirmed])
    row = lane.rows[0]
    assert row.text == f"{LONG} (unconfirmed)"
    assert (row.symbol, row.status_word) == ("circle-open", "Scheduled")


def test_a_lane_opens_with_its_heading_and_an_event_of_two_lanes_is_in_both():
    both = event("summit", datetime.date(2026, 1, 13), lanes=(JAPAN, KOREA))
    lanes = rows_of([both, event("visit", datetime.date(2026, 1, 14), lanes=(KOREA,))])
    assert [(lane.name, [row.slug for row in lane.rows]) for lane in lanes] == [
        ("South Korea", ["summit", "visit"]),
        ("Japan", ["summit"]),
    ]
    assert lanes[1].rows[0].colour == JAPAN.colour


def test_a_range_bar_runs_down_past_the_rows_within_its_dates():
    talks = event("talks", datetime.date(2025, 11, 1), last=datetime.date(2025, 11, 30))
    inside = [event(f"in{n}", datetime.date(2025, 11, 5 + n)) for n in range(3)]
    after = event("after", datetime.date(2025, 12, 10))
    (lane,) = rows_of([talks, *inside, after])
    (bar,) = lane.bars
    lines = {row.slug: row.line for row in lane.rows}
    assert bar.line == lines["talks"]
    assert bar.line + bar.span - 1 == lines["in2"]
    assert lane.columns == 1


def test_overlapping_range_bars_stand_side_by_side():
    spans = [event(f"s{n}", datetime.date(2025, 11, 1 + n), last=datetime.date(2025, 11, 20)) for n in range(5)]
    (lane,) = rows_of(spans)
    assert sorted(bar.column for bar in lane.bars) == [1, 2, 3, 3, 3]
    assert lane.columns == 3


def test_events_out_of_view_are_not_rows_but_one_that_began_before_it_is():
    old = event("old", datetime.date(1910, 1, 1))
    running = event("running", datetime.date(2025, 9, 1), last=datetime.date(2025, 10, 20))
    (lane,) = rows_of([old, running, event("now", datetime.date(2026, 1, 13))])
    assert [row.slug for row in lane.rows] == ["running", "now"]
    assert lane.rows[0].heading == "October 2025"


def test_a_long_view_is_headed_by_year():
    view = View(datetime.date(2010, 1, 1), datetime.date(2026, 3, 1), 880, "actor")
    events = [event("a", datetime.date(2010, 5, 1)), event("b", datetime.date(2026, 1, 13))]
    (lane,) = rows_of(events, view)
    assert [row.heading for row in lane.rows] == ["2010", "2026"]


def test_zoom_windows_halve_and_double_the_view_around_its_middle():
    layout = lay_out(
        [event("a", datetime.date(2026, 1, 13))], View(datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    )
    assert zoomed(layout, 0.5) == (datetime.date(2026, 1, 9), datetime.date(2026, 1, 22))
    assert zoomed(layout, 2) == (datetime.date(2025, 12, 17), datetime.date(2026, 2, 14))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_the_page_holds_a_row_linking_to_each_event_of_the_view(client, seed, path):
    response = client.get(path)
    html = response.content.decode()
    rows = html[html.index('<div class="chart-rows">') : html.index('<p id="chart-focus"')]
    slugs = re.findall(r'<a class="row[^"]*" [^>]*href="/events/([^"/]+)/"[^>]*data-slug="\1"', rows)
    chart = response.context["chart"]
    in_view = Event.objects.published().between(chart.start, chart.end - datetime.timedelta(days=1))
    assert set(slugs) == set(in_view.values_list("slug", flat=True))
    assert 'hx-get="/events/' in rows and 'hx-target="#detail"' in rows


@pytest.mark.django_db
def test_the_page_says_what_lies_outside_the_view_with_links_that_take_it_in(client, seed):
    html = client.get("/embed/?lanes=actor&theme=dark&page=2").content.decode()
    earlier = re.search(r'<a class="outside-earlier" data-outside="earlier" href="\?([^"]+)">(\d+) earlier ←</a>', html)
    assert earlier and earlier[2] == "3"
    # The embed's look and the filters stay; the list starts again at its first page.
    assert "lanes=actor" in earlier[1] and "theme=dark" in earlier[1] and "page=" not in earlier[1]
    assert re.search(r"window=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}", earlier[1])
    moved = client.get("/embed/?" + earlier[1].replace("&amp;", "&")).content.decode()
    assert "outside-earlier" not in moved
