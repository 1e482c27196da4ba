"""The chart's figure as the page and the window API serve it: escaping, lanes, ranges, stacking on the seed."""

import datetime
import re

import pytest

from timeline.chart import style
from timeline.chart.draw_plotly import escape
from timeline.models import Event, Topic

from .hostile import make_hostile_world

pytestmark = pytest.mark.django_db

LANES = ["arc", "actor", "topic", "none"]
HOSTILE_TOPIC = '<a href="https://evil.example/">x</a><b style="font-size:40px">'
# The only markup the figure may hold is its own: bold titles, line breaks, Plotly's <extra>.
OWN_TAGS = re.compile(r"</?b>|<br>|<extra></extra>")


def strings(value):
    """Every string anywhere in a figure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def marks(figure):
    trace = next(trace for trace in figure["data"] if trace.get("meta") == "events")
    return [{"slug": point[0], "x": x, "y": y} for point, x, y in zip(trace["customdata"], trace["x"], trace["y"])]


def lane_names(figure):
    return [a["text"] for a in figure["layout"]["annotations"] if a.get("name") == "lane"]


def test_escape_leaves_no_tag_for_plotly():
    assert escape('<a href="https://evil.example/">x</a>') == '&lt;a href="https://evil.example/"&gt;x&lt;/a&gt;'


@pytest.mark.parametrize("lanes", LANES)
def test_every_string_in_the_figure_is_escaped(client, lanes):
    world = make_hostile_world()
    Topic.objects.filter(pk=world["topic"].pk).update(name=HOSTILE_TOPIC)
    for url in (f"/?lanes={lanes}&links=on", f"/api/window.json?from=2026-01-01&to=2026-02-28&lanes={lanes}&links=on"):
        response = client.get(url)
        assert response.status_code == 200, url
        figure = response.context["figure"] if url.startswith("/?") else response.json()
        texts = list(strings(figure))
        assert any("pwn" in text for text in texts)
        for text in texts:
            assert "<" not in OWN_TAGS.sub("", text), (url, text)
    # The hostile topic name is there, as text, when topics are the lanes.
    if lanes == "topic":
        assert escape(HOSTILE_TOPIC) in lane_names(client.get("/?lanes=topic").context["figure"])


def test_the_five_events_of_13_january_each_have_their_own_place(client, seed):
    nara_day = Event.objects.published().filter(earliest=datetime.date(2026, 1, 13), latest=datetime.date(2026, 1, 13))
    assert nara_day.count() == 5
    for lanes in LANES:
        figure = client.get("/", {"lanes": lanes}).context["figure"]
        places = [(m["x"], m["y"]) for m in marks(figure)]
        assert len(places) == len(set(places)), lanes
        assert set(nara_day.values_list("slug", flat=True)) <= {m["slug"] for m in marks(figure)}


def test_the_default_lanes_are_the_story_arcs(client, seed):
    figure = client.get("/").context["figure"]
    assert lane_names(figure) == [
        "Japan–South Korea shuttle diplomacy",
        "Japan–China dispute after the Taiwan remark",
        "South Korea between China and Japan",
        style.OTHER_STORIES,
    ]


def test_actor_lanes_are_few_and_none_is_empty(client, seed):
    figure = client.get("/", {"lanes": "actor"}).context["figure"]
    names = lane_names(figure)
    assert len(names) <= style.MAX_LANES
    assert names[-1].startswith(style.OTHER_ACTORS)
    assert "Park Geun-hye" not in names and "Champagne" not in names
    # Every lane holds a mark: the figure's rows from each lane's top to the next lane's.
    tops = sorted(a["y"] for a in figure["layout"]["annotations"] if a.get("name") == "lane")
    ys = [m["y"] for m in marks(figure)]
    for top, following in zip(tops, tops[1:] + [float("inf")]):
        assert any(top < y < following for y in ys)


def test_lanes_none_draws_one_lane_without_a_name(client, seed):
    figure = client.get("/", {"lanes": "none"}).context["figure"]
    assert lane_names(figure) == []
    assert len({m["slug"] for m in marks(figure)}) == len(marks(figure))


def test_a_filtered_range_is_the_range_shown(client, seed):
    figure = client.get("/", {"from": "Nov 2025", "to": "Dec 2025"}).context["figure"]
    assert figure["layout"]["xaxis"]["range"] == ["2025-11-01", "2026-01-01"]


def test_the_window_parameter_sets_the_first_view_without_filtering(client, seed):
    response = client.get("/", {"window": "2026-01-13..2026-01-15"})
    figure = response.context["figure"]
    assert figure["layout"]["xaxis"]["range"] == ["2026-01-13", "2026-01-16"]
    assert response.context["total"] == Event.objects.published().count()
    assert figure["layout"]["xaxis"]["ticktext"] == ["13 Jan 2026", "14 Jan", "15 Jan"]


@pytest.mark.parametrize(
    "window", ["2026-01-15..2026-01-13", "yesterday", "2026-02-30..2026-03-01", "0001-01-01..2026-01-01"]
)
def test_a_bad_window_is_a_clear_400(client, seed, window):
    response = client.get("/", {"window": window})
    assert response.status_code == 400
    assert "window" in response.content.decode()


def test_the_window_api_lays_out_for_the_width_asked(client, seed):
    query = {"from": "2026-01-13", "to": "2026-01-15"}
    narrow = client.get("/api/window.json", {**query, "width": 343}).json()
    wide = client.get("/api/window.json", {**query, "width": 1200}).json()
    assert narrow["layout"]["meta"]["width"] == 340
    assert wide["layout"]["meta"]["width"] == 1200
    assert client.get("/api/window.json", {**query, "width": 5}).status_code == 400


def test_ticks_never_show_a_time_of_day(client, seed):
    for query in ({}, {"window": "2026-01-13..2026-01-15"}, {"window": "0500-01-01..2999-12-31"}):
        figure = client.get("/", query).context["figure"]
        assert figure["layout"]["xaxis"]["tickmode"] == "array"
        assert figure["layout"]["xaxis"]["ticktext"]
        assert not any(":" in text for text in figure["layout"]["xaxis"]["ticktext"])


def test_an_unconfirmed_event_says_so_in_its_hover(client, seed):
    figure = client.get("/", {"window": "2026-02-01..2026-02-28"}).context["figure"]
    takeshima = Event.objects.get(slug="takeshima-day-2026")
    since = takeshima.unconfirmed_since_today
    assert since is not None
    trace = next(trace for trace in figure["data"] if trace.get("meta") == "events")
    hover = trace["hovertext"][[p[0] for p in trace["customdata"]].index(takeshima.slug)]
    assert f"not confirmed since {since.day} {since:%b} {since.year}" in hover
