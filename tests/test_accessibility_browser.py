"""
The timeline for everyone, in headless Chromium: axe-core finds nothing on
the reader's pages, the chart works from the keyboard, and phones, tablets
and desktops all get a layout that fits.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from timeline.models import Event, Source

from .chart_seam import open_chart, plot_area, range_span_ms, settled
from .story_data import make_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": (375, 740), "tablet": (768, 1024), "desktop": (1280, 900)}


@pytest.fixture
def story(transactional_db):
    return make_story()


def open_timeline(page, url):
    open_chart(page, url)


def describe(violations) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )


@pytest.mark.parametrize("where", ["/", "/?links=on", "/embed/", "event", "source"])
def test_axe_finds_no_violations(page, live_server, story, where):
    paths = {
        "event": Event.objects.get(slug="nara-summit").get_absolute_url(),
        "source": Source.objects.get(outlet="Kyodo News").get_absolute_url(),
    }
    response = page.goto(live_server.url + paths.get(where, where))
    assert response.status == 200
    if page.locator("#chart").count():
        # The embed keeps the server's first view until the reader shows intent to use the chart.
        settled(page, "server" if where == "/embed/" else "plotly")
    results = Axe().run(page)
    assert results.response["violations"] == [], describe(results.response["violations"])
    assert page.dialogs == []


def test_axe_finds_no_violations_in_the_open_panel_in_dark_mode(page, live_server, story):
    page.emulate_media(color_scheme="dark")
    open_timeline(page, live_server.url)
    page.locator('.event-list a[data-slug="nara-summit"]').click()
    page.wait_for_selector("#detail.open .relations")
    results = Axe().run(page)
    assert results.response["violations"] == [], describe(results.response["violations"])
    # The chart's text follows the dark theme instead of Plotly's default dark grey.
    colour = page.evaluate("() => document.getElementById('chart').layout.font.color")
    assert colour == page.evaluate("() => getComputedStyle(document.body).color")


def tab_to_chart(page):
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "chart":
            return
    raise AssertionError("The chart never received keyboard focus.")


def focused_slug(page):
    return page.evaluate("() => document.getElementById('chart').dataset.focusedSlug")


def test_keyboard_walks_the_chart_in_date_order_and_opens_and_closes_details(page, live_server, story):
    order = list(Event.objects.published().chronological().values_list("slug", flat=True))
    open_timeline(page, live_server.url)
    tab_to_chart(page)
    chart = page.locator("#chart")
    assert chart.evaluate("(el) => el.matches(':focus-visible')")
    assert chart.evaluate("(el) => getComputedStyle(el).outlineStyle") != "none"
    assert chart.get_attribute("aria-describedby") == "chart-keys-help"

    walked = []
    for _ in order:
        page.keyboard.press("ArrowRight")
        walked.append(focused_slug(page))
    assert walked == order
    # The focused point carries a visible label and is announced.
    assert page.locator("#chart .hoverlayer .hovertext").count() >= 1
    assert "Takeshima Day ceremony" in page.locator("#chart-focus").text_content()
    page.keyboard.press("ArrowRight")
    assert focused_slug(page) == order[-1]

    for expected in reversed(order[:-1]):
        page.keyboard.press("ArrowLeft")
        assert focused_slug(page) == expected
    page.keyboard.press("End")
    assert focused_slug(page) == order[-1]
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    assert focused_slug(page) == order[1]

    page.keyboard.press("Enter")
    title = Event.objects.get(slug=order[1]).title
    heading = page.locator("#detail.open h2")
    heading.wait_for()
    assert heading.text_content().strip() == title
    assert page.evaluate("() => document.activeElement.closest('#detail') !== null")

    page.keyboard.press("Escape")
    page.wait_for_selector("#detail.open", state="detached")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'chart'")
    assert chart.evaluate("(el) => el.matches(':focus-visible')")
    assert page.dialogs == []


def test_every_focusable_control_shows_its_focus(page, live_server, story):
    open_timeline(page, live_server.url)
    unmarked = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => { const el = document.activeElement; const s = getComputedStyle(el);
                       return {id: el.id || el.tagName, outline: s.outlineStyle, width: s.outlineWidth,
                               shadow: s.boxShadow}; }"""
        )
        if style["outline"] == "none" and style["shadow"] == "none":
            unmarked.append(style["id"])
    assert unmarked == []


@pytest.mark.parametrize("size", list(WIDTHS))
def test_layout_fits_the_screen(browser, live_server, story, size):
    width, height = WIDTHS[size]
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=size != "desktop")
    page = context.new_page()
    try:
        open_timeline(page, live_server.url)
        overflow = "() => document.documentElement.scrollWidth - window.innerWidth"
        assert page.evaluate(overflow) <= 0
        box = page.locator("#chart").bounding_box()
        assert box["width"] > 0.8 * min(width, 1280 - 24 * 16) and box["x"] + box["width"] <= width
        if size == "phone":  # a narrow box: the server's rows are the chart
            assert page.locator("#chart .chart-rows").is_visible()
        else:
            assert plot_area(page)["width"] > 0.8 * box["width"]

        page.locator('.event-list a[data-slug="nara-summit"]').click()
        detail = page.locator("#detail.open")
        detail.wait_for()
        style = detail.evaluate("(el) => getComputedStyle(el).position")
        if size == "desktop":
            # The panel's column opens beside the chart, which is drawn again to the narrower width.
            page.wait_for_function(
                "() => { const chart = document.getElementById('chart');"
                " return chart.querySelector('.main-svg').getBoundingClientRect().right"
                " <= chart.getBoundingClientRect().right + 1; }"
            )
            narrowed = page.locator("#chart").bounding_box()
            rect = detail.bounding_box()
            assert style == "sticky" and rect["x"] > narrowed["x"] + narrowed["width"] - 1
        else:
            # Wait for the sheet to finish sliding up.
            page.wait_for_function(
                "() => { const r = document.getElementById('detail').getBoundingClientRect();"
                " return Math.abs(r.bottom - window.innerHeight) <= 1; }"
            )
            rect = detail.bounding_box()
            # A bottom sheet: full width, resting on the bottom edge.
            assert style == "fixed"
            assert abs(rect["width"] - width) <= 1
            assert abs(rect["y"] + rect["height"] - height) <= 1
            assert rect["height"] <= 0.71 * height
        assert page.evaluate(overflow) <= 0

        page.goto(live_server.url + Event.objects.get(slug="nara-summit").get_absolute_url())
        assert page.evaluate(overflow) <= 0
        columns = page.locator(".by-source.compare").evaluate(
            "(el) => getComputedStyle(el).gridTemplateColumns.split(' ').length"
        )
        assert columns == (1 if size == "phone" else 2)
    finally:
        context.close()


def test_reduced_motion_turns_off_the_sheet_animation(browser, live_server, story):
    context = browser.new_context(viewport={"width": 375, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    try:
        open_timeline(page, live_server.url)
        duration = page.evaluate("() => getComputedStyle(document.getElementById('detail')).transitionDuration")
        assert duration in ("0s", "0s, 0s")
    finally:
        context.close()


def test_print_gives_the_title_address_and_date_the_chart_then_the_list_with_quotes(page, live_server, story):
    open_timeline(page, live_server.url)
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.filters', '#detail'].map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none"]
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".print-view")).to_contain_text(live_server.url)
    # The chart as drawn (the wide drawing: a page is a wide box), above the list.
    chart = page.locator(".chart-wrap").bounding_box()
    assert chart and chart["height"] > 100
    assert page.locator(".event-item").first.bounding_box()["y"] > chart["y"] + chart["height"] - 1
    quote = page.get_by_text("talks focused on stabilising rare-earth supply chains", exact=False)
    assert quote.is_visible()
    page.emulate_media(media="screen")
    assert not quote.is_visible()
    expect(page.locator(".print-view")).to_be_hidden()


@pytest.mark.browser
def test_pinching_the_chart_zooms_the_time_axis(browser, live_server, story):
    # A tablet: a phone's narrow box shows the server's rows, zoomed by the server's links.
    context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, is_mobile=True)
    page = context.new_page()
    # Pinch once the chart is laid out for its own width: that redraw sets the view afresh.
    open_chart(page, live_server.url, drawn_by="plotly")
    before = range_span_ms(page)
    plot = plot_area(page)
    page.evaluate(
        """(plot) => {
          const chart = document.getElementById('chart');
          const y = plot.top + plot.height / 2, mid = plot.left + plot.width / 2;
          const touches = (gap) => [0, 1].map((i) => new Touch({
            identifier: i, target: chart, clientX: mid + (i ? gap : -gap), clientY: y }));
          const fire = (type, gap) => chart.dispatchEvent(new TouchEvent(type, {
            touches: gap === null ? [] : touches(gap), bubbles: true, cancelable: true }));
          fire('touchstart', 20); fire('touchmove', 40); fire('touchmove', 80); fire('touchend', null);
        }""",
        plot,
    )
    page.wait_for_function(
        "(before) => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]) < before / 2; }",
        arg=before,
    )
    context.close()
