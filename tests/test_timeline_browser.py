"""The timeline as a reader meets it: headless Chromium against a live server."""

import datetime
from urllib.parse import urlparse

import pytest

from timeline.models import Event

from .chart_seam import chart_range, drawn_slugs, mark_centre, plot_area, range_span_ms, settled, zoom_to
from .chart_seam import open_chart as open_timeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def in_view(page, events):
    """The slugs of the events that overlap the chart's x range."""
    start, end = (edge[:10] for edge in chart_range(page))
    last = datetime.date.fromisoformat(end) - datetime.timedelta(days=1)
    return sorted(events.between(datetime.date.fromisoformat(start), last).values_list("slug", flat=True))


def test_chart_renders_every_published_event_of_its_view(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    slugs = drawn_slugs(page)
    # Those out of view too, ready for a pan or the keyboard.
    assert slugs == sorted(Event.objects.published().values_list("slug", flat=True))
    # One lane per story by default: each event drawn once.
    assert page.locator("#chart .cartesianlayer .scatterlayer .point").count() == len(slugs)
    assert page.dialogs == []


def test_ctrl_and_the_wheel_zoom_the_visible_range(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    before = range_span_ms(page)
    plot = plot_area(page)
    page.mouse.move(plot["left"] + plot["width"] / 2, plot["top"] + plot["height"] / 2)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -600)
    page.keyboard.up("Control")
    page.wait_for_function(
        "(before) => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]) < before; }",
        arg=before,
    )
    settled(page, "plotly")


def test_filter_updates_chart_and_url_without_reload(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator("summary", has_text="Actors").click()
    page.get_by_label("China", exact=True).check()
    page.wait_for_url("**/?*actor=china*")
    settled(page, "plotly")
    assert page.evaluate("() => window.notReloaded") is True
    china = Event.objects.published().filter(actors__slug="china")
    page.wait_for_function("(n) => document.querySelectorAll('.event-item').length === n", arg=china.count())
    drawn = set(drawn_slugs(page))
    assert set(in_view(page, china)) <= drawn <= set(china.values_list("slug", flat=True))


def test_clicking_a_point_shows_its_citations(page, live_server, seed_live):
    open_timeline(page, live_server.url + "/?window=2026-01-02..2026-01-08")
    summit = Event.objects.get(slug="xi-lee-summit-beijing")
    position = mark_centre(page, summit.slug)
    page.mouse.click(position["x"], position["y"])
    detail = page.locator("#detail")
    detail.get_by_text("What the sources say").wait_for()
    assert summit.title in detail.inner_text()
    quote = summit.citations.first().quote
    assert quote.split("\n")[0][:60] in detail.inner_text()


def test_list_link_opens_the_panel_and_escape_closes_it(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    page.locator(".event-item a", has_text="Takeshima Day").first.click()
    page.locator("#detail .citation").first.wait_for()
    # The panel opened in the page, which stayed where it was.
    assert urlparse(page.url).path == "/"
    page.keyboard.press("Escape")
    page.locator("#detail .hint").wait_for()


def test_back_button_restores_the_previous_view(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    everything = drawn_slugs(page)
    listed = Event.objects.published().count()
    page.locator("summary", has_text="Actors").click()
    page.get_by_label("China", exact=True).check()
    page.wait_for_url("**/?*actor=china*")
    page.wait_for_function("(n) => document.querySelectorAll('.event-item').length < n", arg=listed)
    page.go_back()
    page.wait_for_url(live_server.url + "/")
    page.wait_for_function("(n) => document.querySelectorAll('.event-item').length === n", arg=listed)
    settled(page, "plotly")
    assert drawn_slugs(page) == everything
    assert not page.get_by_label("China", exact=True).is_checked()


def test_form_works_without_javascript(browser, live_server, seed_live):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/?actor=china")
    titles = page.locator(".event-item a").all_inner_texts()
    china = Event.objects.published().filter(actors__slug="china")
    assert sorted(titles) == sorted(china.values_list("title", flat=True))
    page.fill("#id_from", "2026-13-45")
    page.click("button[type=submit]")
    assert "is not a real date" in page.locator(".form-errors").inner_text()
    context.close()


def test_zooming_a_crowded_timeline_fetches_and_draws_the_window(page, live_server, seed_live, monkeypatch):
    from timeline.chart import choose

    monkeypatch.setattr(choose, "MAX_DRAWN", 5)
    open_timeline(page, live_server.url)
    assert len(drawn_slugs(page)) == 5
    zoom_to(page, "2026-02-01", "2026-02-28")
    february = Event.objects.published().between(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    assert drawn_slugs(page) == sorted(february.values_list("slug", flat=True))
    # The reader's zoom stays where it was put.
    assert chart_range(page)[0].startswith("2026-02-01")
    # The list can follow: a link lists exactly this view.
    link = page.locator("#list-window")
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/?*from=2026-02-01*")
    assert sorted(page.locator(".event-item a").evaluate_all("(links) => links.map((a) => a.dataset.slug)")) == sorted(
        february.values_list("slug", flat=True)
    )
