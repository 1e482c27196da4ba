"""Level of detail (timeline/chart/choose.py): a crowded timeline draws its most important events, windows on zoom."""

import datetime
import math

import pytest

from timeline.chart import choose
from timeline.models import Event
from timeline.views import timeline as timeline_views

pytestmark = pytest.mark.django_db


def drawn_slugs(figure) -> set[str]:
    """The events drawn in the figure's x range (a small timeline also draws the rest, for panning)."""
    start, end = figure["layout"]["xaxis"]["range"]
    return {
        point[0]
        for trace in figure["data"]
        for point, x in zip(trace.get("customdata") or [], trace["x"])
        if start <= x[:10] < end
    }


def density_trace(figure):
    return next((trace for trace in figure["data"] if trace.get("meta") == "density"), None)


@pytest.fixture
def cap_of_five(monkeypatch):
    monkeypatch.setattr(choose, "MAX_DRAWN", 5)


def in_range(figure):
    start, end = (datetime.date.fromisoformat(day[:10]) for day in figure["layout"]["xaxis"]["range"])
    return Event.objects.published().between(start, end - datetime.timedelta(days=1))


def test_a_small_timeline_draws_every_event_of_its_view_and_needs_no_window(client, seed):
    figure = client.get("/").context["figure"]
    assert drawn_slugs(figure) == set(in_range(figure).values_list("slug", flat=True))
    assert figure["layout"]["meta"]["complete"] is True
    assert density_trace(figure) is None


def test_a_crowded_timeline_draws_the_most_important_and_counts_the_rest(client, seed, cap_of_five):
    figure = client.get("/").context["figure"]
    meta = figure["layout"]["meta"]
    assert (meta["total"], meta["shown"], meta["complete"]) == (Event.objects.published().count(), 5, False)
    start, end = (datetime.date.fromisoformat(day[:10]) for day in figure["layout"]["xaxis"]["range"])
    drawn = Event.objects.filter(slug__in=drawn_slugs(figure))
    assert all(event.latest >= start and event.earliest <= end for event in drawn)
    band = density_trace(figure)
    assert sum(band["y"]) == Event.objects.published().count()


def test_window_returns_only_events_of_the_window(client, seed):
    data = client.get("/api/window.json", {"from": "2026-01-10", "to": "2026-01-20"}).json()
    slugs = drawn_slugs(data)
    expected = Event.objects.published().between(datetime.date(2026, 1, 10), datetime.date(2026, 1, 20))
    assert slugs == set(expected.values_list("slug", flat=True))
    meta = data["layout"]["meta"]
    assert (meta["total"], meta["shown"], meta["complete"]) == (expected.count(), expected.count(), True)


def test_window_cap_holds_and_a_zoomed_in_window_draws_every_event(client, seed, cap_of_five):
    wide = client.get("/api/window.json", {"from": "2025-01-01", "to": "2026-12-31"}).json()
    assert len(drawn_slugs(wide)) == 5
    assert wide["layout"]["meta"]["complete"] is False
    assert density_trace(wide)

    narrow = client.get("/api/window.json", {"from": "2026-02-01", "to": "2026-02-28"}).json()
    in_february = Event.objects.published().between(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    assert 0 < in_february.count() <= 5
    assert drawn_slugs(narrow) == set(in_february.values_list("slug", flat=True))
    assert narrow["layout"]["meta"]["complete"] is True


def test_window_honours_the_filters(client, seed):
    data = client.get("/api/window.json", {"from": "2025-01-01", "to": "2026-12-31", "actor": "china"}).json()
    china = (
        Event.objects.published()
        .filter(actors__slug="china")
        .between(datetime.date(2025, 1, 1), datetime.date(2026, 12, 31))
    )
    assert drawn_slugs(data) == set(china.values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"to": "2026-01-31"}, "from"),
        ({"from": "2026-01-01"}, "to"),
        ({"from": "-1000000-01-01", "to": "2026-01-01"}, "from"),
        ({"from": "0001-01-01", "to": "9999-12-31"}, "from"),
        ({"from": "2026-02-01", "to": "2026-01-01"}, "to"),
        ({"from": "2026-01-01", "to": "2026-01-31", "lanes": "<svg>"}, "lanes"),
    ],
)
def test_bad_windows_are_clear_400s(client, seed, query, parameter):
    response = client.get("/api/window.json", query)
    assert response.status_code == 400
    assert any(error["parameter"] == parameter for error in response.json()["errors"])


def test_figure_is_cached_until_the_data_changes(client, seed, django_assert_max_num_queries):
    client.get("/")
    event = Event.objects.get(slug="takeshima-day-2026")
    # A second view reads the figure from the cache: no event queries beyond the list's.
    with django_assert_max_num_queries(40) as first_run:
        client.get("/?actor=japan")
    with django_assert_max_num_queries(40) as second_run:
        client.get("/?actor=japan")
    assert len(second_run.captured_queries) < len(first_run.captured_queries)

    event.title = "Takeshima Day, as renamed by an editor"
    event.save()
    figure = client.get("/?actor=japan").context["figure"]
    hovers = " ".join(text for trace in figure["data"] for text in trace.get("hovertext") or [])
    assert "Takeshima Day, as renamed by an editor" in hovers


def test_list_pages_through_the_events(client, seed, monkeypatch):
    monkeypatch.setattr(timeline_views, "LIST_PAGE_SIZE", 10)
    total = Event.objects.published().count()
    seen = []
    for number in range(1, math.ceil(total / 10) + 1):
        response = client.get("/", {"page": number})
        seen += [event.slug for event in response.context["events"]]
    assert seen == list(Event.objects.published().chronological().values_list("slug", flat=True))
    html = client.get("/", {"page": 2}).content.decode()
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert f"Events 11–20 of {total}" in html


@pytest.mark.parametrize("page", ["abc", "0", "-3", "1e9"])
def test_bad_page_numbers_are_400s(client, seed, page):
    response = client.get("/", {"page": page})
    assert response.status_code == 400
    assert "<strong>page</strong>" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, seed, monkeypatch):
    monkeypatch.setattr(timeline_views, "LIST_PAGE_SIZE", 10)
    response = client.get("/", {"page": 99})
    assert response.status_code == 200
    assert response.context["page"].number == response.context["page"].paginator.num_pages


def test_the_most_important_events_are_drawn_across_the_whole_view(client, db):
    from django.core.management import call_command

    call_command("generate_events", count=3000, seed=9, verbosity=0)
    data = client.get("/api/window.json", {"from": "2008-01-01", "to": "2024-12-31"}).json()
    assert data["layout"]["meta"]["shown"] == choose.MAX_DRAWN
    drawn = Event.objects.filter(slug__in=drawn_slugs(data))
    start, end = datetime.date(2008, 1, 1), datetime.date(2024, 12, 31)
    step = (end - start) / choose.SLICES
    for number in range(choose.SLICES):
        first, last = start + step * number, start + step * (number + 1)
        in_slice = Event.objects.published().filter(earliest__gte=first, earliest__lt=last)
        shown = in_slice.filter(pk__in=drawn)
        # Every stretch of the view that has events shows some of them...
        assert shown.exists() == in_slice.exists(), number
        # ...and nothing left out there outranks what is drawn.
        if shown.exists():
            least_shown = min(shown.values_list("importance", flat=True))
            assert not in_slice.exclude(pk__in=drawn).filter(importance__gt=least_shown).exists()


@pytest.mark.parametrize("window", ["2026-01-10..2026-01-20", "2026-01-15..2026-01-25"], ids=["zoom", "pan"])
def test_the_window_api_counts_what_lies_outside_the_view_and_where_to_find_it(client, seed, window):
    first, last = (datetime.date.fromisoformat(day) for day in window.split(".."))
    outside = client.get("/api/window.json", {"window": window}).json()["outside"]
    published = Event.objects.published()
    assert outside["earlier"] == published.filter(latest__lt=first).count() > 0
    assert outside["later"] == published.filter(earliest__gt=last).count() > 0
    # Each side's window takes in every event of that side: one tap, and nothing lies beyond it.
    assert client.get("/api/window.json", {"window": outside["earlier_window"]}).json()["outside"]["earlier"] == 0
    assert client.get("/api/window.json", {"window": outside["later_window"]}).json()["outside"]["later"] == 0


def test_a_crowded_view_counts_what_lies_outside_among_all_the_events(client, seed, cap_of_five):
    outside = client.get("/api/window.json", {"window": "2026-01-10..2026-01-20"}).json()["outside"]
    assert outside["earlier"] == Event.objects.published().filter(latest__lt=datetime.date(2026, 1, 10)).count()
