"""The chart as a reader meets it in Chromium: every mark clickable, labels legible, nothing from the data as markup."""

import pytest

from timeline.models import Event, Topic

from .chart_seam import (
    chart_range,
    label_boxes,
    laid_out_for,
    mark_centre,
    mark_centres,
    open_chart,
    plot_area,
    settled,
    zoom_to,
)
from .hostile import make_hostile_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_TOPIC = '<a href="https://evil.example/">x</a><b style="font-size:40px">'


def click_every_mark(page):
    """Click the centre of every drawn event's mark; each must open that event's panel."""
    marks = mark_centres(page)
    assert marks
    titles = dict(Event.objects.values_list("slug", "title"))
    for slug in [mark["slug"] for mark in marks]:
        # A panel opening or closing changes the chart's width, and its layout with it: wait till it has settled.
        settled(page)
        page.evaluate("(y) => window.scrollBy(0, y - window.innerHeight / 2)", mark_centre(page, slug)["y"])
        centre = mark_centre(page, slug)
        page.mouse.click(centre["x"], centre["y"])
        heading = page.locator("#detail h2").first
        heading.wait_for()
        assert heading.inner_text() == titles[slug], slug
        page.keyboard.press("Escape")
        page.wait_for_selector("#detail h2", state="detached")
    return marks


def in_view(page):
    """The slugs of the published events that overlap the chart's x range."""
    start, end = (edge[:10] for edge in chart_range(page))
    return set(Event.objects.published().filter(latest__gte=start, earliest__lt=end).values_list("slug", flat=True))


@pytest.mark.parametrize("width", [1280, 375])
def test_every_mark_of_the_first_view_opens_its_event(page, live_server, seed_live, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_chart(page, live_server.url)
    centres = click_every_mark(page)
    assert {c["slug"] for c in centres} == in_view(page)
    on_13_january = Event.objects.filter(earliest="2026-01-13", latest="2026-01-13").values_list("slug", flat=True)
    assert set(on_13_january) <= {c["slug"] for c in centres}


def test_every_mark_of_a_three_day_zoom_opens_its_event(page, live_server, seed_live):
    open_chart(page, f"{live_server.url}/?window=2026-01-13..2026-01-15")
    centres = click_every_mark(page)
    assert {c["slug"] for c in centres} == in_view(page)
    on_13_january = Event.objects.filter(earliest="2026-01-13", latest="2026-01-13").values_list("slug", flat=True)
    assert set(on_13_january) <= {c["slug"] for c in centres}
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks == ["13 Jan 2026", "14 Jan", "15 Jan"]


@pytest.mark.parametrize("width", [1280, 700])
def test_labels_neither_overlap_nor_leave_the_plot(page, live_server, seed_live, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_chart(page, live_server.url)
    boxes = label_boxes(page)
    plot = plot_area(page)
    for box in boxes:
        assert plot["left"] - 0.5 <= box["left"] and box["right"] <= plot["left"] + plot["width"] + 0.5, box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            side_by_side = a["right"] <= b["left"] or b["right"] <= a["left"]
            assert side_by_side or a["bottom"] <= b["top"] or b["bottom"] <= a["top"], (a, b)
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks and not any(":" in tick for tick in ticks)


def test_the_ten_most_important_events_of_the_first_view_are_labelled(page, live_server, seed_live):
    open_chart(page, live_server.url)
    drawn = {c["slug"] for c in mark_centres(page)}
    labelled = {box["name"] for box in label_boxes(page)}
    ranked = Event.objects.filter(slug__in=drawn).order_by("-importance", "earliest", "latest", "pk")
    top_ten = list(ranked.values_list("slug", flat=True)[:10])
    assert set(top_ten) <= labelled, set(top_ten) - labelled


def test_the_mode_bar_keeps_only_zoom_and_reset(page, live_server, seed_live):
    open_chart(page, live_server.url)
    plot = plot_area(page)
    page.mouse.move(plot["left"] + plot["width"] / 2, plot["top"] + plot["height"] / 2)
    buttons = page.locator("#chart .modebar-btn").evaluate_all("(all) => all.map((b) => b.dataset.title)")
    assert buttons == ["Zoom in", "Zoom out", "Reset axes"]


def test_a_zoom_is_laid_out_again_and_kept_in_the_url(page, live_server, seed_live):
    open_chart(page, live_server.url)
    zoom_to(page, "2026-01-13", "2026-01-16")
    assert "window=2026-01-13..2026-01-15" in page.evaluate("location.search")
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks == ["13 Jan 2026", "14 Jan", "15 Jan"]


def test_the_chart_keeps_its_rows_height_until_a_resized_chart_is_laid_out_again(page, live_server, seed_live):
    # Plotly follows a resize at once; the layout for the new width comes later, or (offline) never.
    # Meanwhile the rows keep their height: squeezed into a smaller box, labels would cover other
    # events' marks (a click on a mark opened the label's event) and the page would run over the chart.
    open_chart(page, live_server.url)
    height = page.evaluate("() => document.getElementById('chart').getBoundingClientRect().height")
    laid_out = laid_out_for(page)
    page.route("**/api/window.json?*", lambda route: route.abort())
    for width in [1000, 1280]:
        page.set_viewport_size({"width": width, "height": 900})
        # plotly.js has fitted its drawing to the new width, and the chart has tried (and failed) to lay it out.
        page.wait_for_function(
            """() => { const chart = document.getElementById('chart');
                       const drawn = chart.querySelector('svg.main-svg').getBoundingClientRect();
                       return Math.abs(drawn.width - chart.clientWidth) < 1; }"""
        )
        settled(page, "plotly")
        drawn = page.evaluate(
            """() => ({box: document.getElementById('chart').getBoundingClientRect().height,
                      plot: document.querySelector('#chart svg.main-svg').getBoundingClientRect().height})"""
        )
        assert drawn == {"box": height, "plot": height}, width
        assert laid_out_for(page) == laid_out


def test_a_label_opens_its_event_too(page, live_server, seed_live):
    open_chart(page, live_server.url)
    nara = next(box for box in label_boxes(page) if box["name"] == "takaichi-lee-summit-nara")
    page.mouse.click((nara["left"] + nara["right"]) / 2, (nara["top"] + nara["bottom"]) / 2)
    assert page.locator("#detail h2").first.inner_text() == Event.objects.get(slug="takaichi-lee-summit-nara").title


@pytest.mark.parametrize("lanes", ["arc", "actor", "topic", "none"])
def test_no_markup_from_the_data_reaches_the_chart(page, live_server, transactional_db, lanes):
    world = make_hostile_world()
    Topic.objects.filter(pk=world["topic"].pk).update(name=HOSTILE_TOPIC)
    open_chart(page, f"{live_server.url}/?lanes={lanes}&links=on")
    # A hover label is drawn too.
    first = mark_centres(page)[0]
    page.mouse.move(first["x"], first["y"])
    page.wait_for_selector("#chart .hoverlayer .hovertext")
    assert page.locator("#chart svg a").count() == 0
    styled = page.evaluate(
        """() => [...document.querySelectorAll('#chart [style]')].map((n) => n.getAttribute('style'))
                 .filter((s) => /40px|90px|position: ?fixed|color: ?red/.test(s))"""
    )
    assert styled == []
    assert "pwn" in page.locator("#chart").text_content()
    assert page.dialogs == []


# The tops and bottoms of the date axis's labels, from the chart holder's top: the server's SVG or Plotly's.
TICK_BOXES = """(selector) => {
  const top = document.getElementById('chart').getBoundingClientRect().top;
  return [...document.querySelectorAll(selector)].map((node) => {
    const box = node.getBoundingClientRect();
    return {text: node.textContent, top: box.top - top, bottom: box.bottom - top};
  });
}"""


def test_the_dates_stand_above_the_plot_in_the_first_view_and_in_plotly_alike(page, live_server, seed_live):
    # The embed keeps the server's SVG until the reader reaches for the chart.
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    first_view = page.evaluate(TICK_BOXES, "svg.chart-first-view text.tick")
    plot_top = page.evaluate(
        "() => document.querySelector('svg.chart-first-view rect').getBoundingClientRect().top"
        " - document.getElementById('chart').getBoundingClientRect().top"
    )
    assert first_view
    assert all(tick["bottom"] <= plot_top for tick in first_view), (first_view, plot_top)
    page.locator("#chart").hover()
    settled(page, "plotly")
    drawn = page.evaluate(TICK_BOXES, "#chart .xtick text")
    assert drawn
    # Nothing jumps at the takeover: the labels keep their line.
    assert abs(drawn[0]["top"] - first_view[0]["top"]) <= 2, (drawn[0], first_view[0])
    assert abs(drawn[0]["bottom"] - first_view[0]["bottom"]) <= 2, (drawn[0], first_view[0])
