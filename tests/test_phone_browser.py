"""
The page owns the scroll and taps land where aimed: the chart on a phone
(375 px, touch) and in a publisher's article, in headless Chromium.
"""

import functools
import re
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from playwright.sync_api import expect

from timeline.models import Event

from .chart_seam import mark_centre, mark_centres, open_chart, plot_area, range_span_ms, settled

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 375, "height": 800}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def swipe_up(page, x, y, distance):
    """One finger from (x, y) straight up, as the browser gets it from a touch screen."""
    cdp = page.context.new_cdp_session(page)
    steps = 8
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, steps + 1):
        point = {"x": x, "y": y - distance * step / steps}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    # The finger rests before it lifts: no fling carries the page on after the swipe.
    for _ in range(4):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


# True once the page has not scrolled between two animation frames: a fling has come to rest.
SCROLL_AT_REST = "() => { const still = window.lastScrollY === scrollY; window.lastScrollY = scrollY; return still; }"


def test_every_upward_swipe_that_starts_on_the_chart_scrolls_the_page(phone, live_server, seed_live):
    open_chart(phone, live_server.url)
    for _ in range(9):
        phone.wait_for_function(SCROLL_AT_REST, polling="raf")
        # The chart's top 100 px from the screen's, the swipe starting in its middle.
        phone.evaluate(
            "() => window.scrollTo(0, document.getElementById('chart').getBoundingClientRect().top + scrollY - 100)"
        )
        box = phone.locator("#chart").bounding_box()
        start = min(box["y"] + box["height"] / 2, 700)
        assert box["y"] < start < box["y"] + box["height"] and start >= 300
        before = phone.evaluate("() => scrollY")
        swipe_up(phone, 187, start, 200)
        phone.wait_for_function("(before) => scrollY > before", arg=before)
        settled(phone)
    # Nothing was zoomed or opened on the way.
    assert phone.locator("#detail.open").count() == 0


def test_a_one_finger_swipe_over_plotly_s_chart_says_how_to_zoom(browser, live_server, seed_live):
    # A tablet's box is wide enough for plotly.js's chart (a phone's shows the server's rows).
    context = browser.new_context(**{**PHONE, "viewport": {"width": 768, "height": 1000}})
    tablet = context.new_page()
    open_chart(tablet, live_server.url, drawn_by="plotly")
    tablet.locator("#chart").scroll_into_view_if_needed()
    box = tablet.locator("#chart").bounding_box()
    swipe_up(tablet, 384, box["y"] + box["height"] / 2, 60)
    expect(tablet.locator(".chart-hint")).to_have_text("Use two fingers to zoom")
    expect(tablet.locator(".chart-hint")).to_be_visible()
    context.close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def article(tmp_path, live_server, settings):
    """A publisher's long article on another origin, with the embed a screen down."""
    (tmp_path / "article.html").write_text(
        f"""<!doctype html><html><head><title>An article</title></head><body>
          <h1>An article about the summit</h1><p style="height: 900px">The story so far.</p>
          <iframe src="{live_server.url}/embed/" width="100%" height="200" style="border:0"
                  title="summit timeline" data-summit-embed></iframe>
          <script async src="{live_server.url}/static/embed.js"></script>
          <p style="height: 3000px">More of the article.</p></body></html>"""
    )
    server = HTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    settings.EMBED_FRAME_ANCESTORS = [origin]
    yield origin + "/article.html"
    server.shutdown()


def test_the_wheel_over_an_embed_scrolls_the_article_and_zooms_nothing(page, article, seed_live):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(article)
    # Scrolled to: Chromium paints (and so runs the scripts of) a frame from another site once it is on screen.
    page.locator("iframe[data-summit-embed]").scroll_into_view_if_needed()
    frame = page.frame_locator("iframe[data-summit-embed]")
    expect(frame.locator("#chart")).to_have_attribute("data-state", "idle")
    page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height > 400")
    embed = next(f for f in page.frames if "/embed/" in f.url)
    first_range = embed.evaluate("() => window.summit.chart.range()")
    for _ in range(3):
        # The pointer over the chart's middle, the iframe a little below the screen's top.
        page.evaluate(
            "() => window.scrollTo(0, document.querySelector('iframe').getBoundingClientRect().top + scrollY - 50)"
        )
        chart = frame.locator("#chart").bounding_box()
        page.mouse.move(chart["x"] + chart["width"] / 2, chart["y"] + min(chart["height"] / 2, 300))
        before = page.evaluate("() => scrollY")
        page.mouse.wheel(0, 300)
        page.wait_for_function("(before) => scrollY > before", arg=before)
    # The wheel brought plotly.js (the reader reached for the chart), which zoomed nothing.
    expect(frame.locator("#chart")).to_have_attribute("data-drawn-by", "plotly")
    expect(frame.locator("#chart")).to_have_attribute("data-state", "idle")
    assert embed.evaluate("() => window.summit.chart.range()") == first_range


def test_the_wheel_says_how_to_zoom_and_zooms_with_ctrl_or_once_engaged(page, live_server, seed_live):
    open_chart(page, live_server.url)
    wide = range_span_ms(page)
    plot = plot_area(page)
    page.evaluate("(top) => window.scrollTo(0, top + scrollY - 100)", plot["top"])
    plot = plot_area(page)
    page.mouse.move(plot["left"] + plot["width"] / 2, plot["top"] + 40)
    before = page.evaluate("() => scrollY")
    page.mouse.wheel(0, 200)
    expect(page.locator(".chart-hint")).to_have_text("Use ctrl + scroll to zoom")
    page.wait_for_function("(before) => scrollY > before", arg=before)
    assert range_span_ms(page) == wide
    # With ctrl held the wheel zooms.
    page.evaluate("(top) => window.scrollTo(0, top + scrollY - 100)", plot_area(page)["top"])
    plot = plot_area(page)
    page.mouse.move(plot["left"] + plot["width"] / 2, plot["top"] + 40)
    page.keyboard.down("Control")
    page.mouse.wheel(0, -300)
    page.keyboard.up("Control")
    page.wait_for_function(
        "(wide) => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]) < wide; }", arg=wide
    )
    settled(page, "plotly")
    # A click in the plot away from the marks engages it: then the wheel zooms by itself.
    narrower = range_span_ms(page)
    empty = page.evaluate(
        """(plot) => {
          for (let y = plot.top + 5; y < plot.top + plot.height; y += 7)
            for (let x = plot.left + 5; x < plot.left + plot.width; x += 7)
              if (!window.summit.chart.drawnSlugs().some((slug) => {
                    const c = window.summit.chart.markCentre(slug);
                    return c && Math.hypot(c.x - x, c.y - y) < 40; }))
                return {x, y};
          return null;
        }""",
        plot_area(page),
    )
    assert empty
    page.mouse.click(empty["x"], empty["y"])
    expect(page.locator("#chart")).to_have_attribute("data-engaged", "true")
    assert page.locator("#detail.open").count() == 0
    page.mouse.wheel(0, -300)
    page.wait_for_function(
        "(wide) => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]) < wide; }",
        arg=narrower,
    )


@pytest.mark.parametrize("run", [1, 2, 3])
def test_tapping_each_mark_of_a_freshly_loaded_phone_embed_opens_that_event(phone, live_server, seed_live, run):
    titles = dict(Event.objects.values_list("slug", "title"))
    open_chart(phone, live_server.url + "/embed/", drawn_by="server")
    slugs = [mark["slug"] for mark in mark_centres(phone)]
    assert len(slugs) >= 10
    for slug in slugs:
        open_chart(phone, live_server.url + "/embed/", drawn_by="server")
        phone.evaluate("(y) => window.scrollBy(0, y - window.innerHeight / 2)", mark_centre(phone, slug)["y"])
        centre = mark_centre(phone, slug)
        phone.touchscreen.tap(centre["x"], centre["y"])
        expect(phone.locator("#detail.open h2").first).to_have_text(titles[slug])


def test_tapping_each_mark_drawn_by_plotly_on_a_tablet_opens_that_event(browser, live_server, seed_live):
    # A phone's narrow box shows the server's rows; a tablet's, plotly.js's drawing.
    context = browser.new_context(**{**PHONE, "viewport": {"width": 768, "height": 1000}})
    phone = context.new_page()
    titles = dict(Event.objects.values_list("slug", "title"))
    open_chart(phone, live_server.url, drawn_by="plotly")
    for slug in [mark["slug"] for mark in mark_centres(phone)]:
        settled(phone, "plotly")
        phone.evaluate("(y) => window.scrollBy(0, y - window.innerHeight / 2)", mark_centre(phone, slug)["y"])
        centre = mark_centre(phone, slug)
        phone.touchscreen.tap(centre["x"], centre["y"])
        expect(phone.locator("#detail.open h2").first).to_have_text(titles[slug])
        phone.keyboard.press("Escape")
        expect(phone.locator("#detail.open")).to_have_count(0)
    context.close()


def checked(page, name):
    return page.get_by_label(name, exact=True).is_checked()


def test_back_brings_every_checkbox_back_with_its_results(page, live_server, seed_live):
    open_chart(page, live_server.url)
    page.locator("summary", has_text="Actors").click()
    page.get_by_label("China", exact=True).check()
    page.wait_for_url(re.compile(r"actor=china"))
    settled(page, "plotly")
    page.get_by_label("Japan", exact=True).check()
    page.wait_for_url(re.compile(r"actor=china.*actor=japan"))
    settled(page, "plotly")
    page.locator("#id_q").press_sequentially("summit")
    page.wait_for_url(re.compile(r"q=summit"))
    settled(page, "plotly")

    page.go_back()
    page.wait_for_url(re.compile(r"actor=japan(?!.*q=summit)"))
    expect(page.locator("#count-actor")).to_have_text(" (2)")
    assert (checked(page, "China"), checked(page, "Japan")) == (True, True)
    assert page.locator("#id_q").input_value() == ""
    page.go_back()
    page.wait_for_url(re.compile(r"actor=china(?!.*actor=japan)"))
    expect(page.locator("#count-actor")).to_have_text(" (1)")
    assert (checked(page, "China"), checked(page, "Japan")) == (True, False)
    # The next change keeps the filters restored (the chooser may have come back open).
    page.locator("details.choices", has_text="Actors").evaluate("(chooser) => { chooser.open = true; }")
    page.get_by_label("Japan", exact=True).check()
    page.wait_for_url(re.compile(r"actor=china.*actor=japan"))


def test_the_copied_link_and_the_address_carry_no_empty_parameters(browser, live_server, seed_live):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        open_chart(page, live_server.url + "/?q=&from=&actor=china")
        page.locator("#id_from").fill("Nov 2025")
        page.locator("#id_from").press("Enter")
        page.wait_for_url(re.compile(r"from=Nov"))
        page.get_by_role("button", name="Copy link").click()
        expect(page.locator(".copied")).to_have_text("Copied.")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert "actor=china" in copied and "from=Nov" in copied
        for url in (copied, page.url):
            assert not re.search(r"[?&][^=&]+=(&|$)", url), url
    finally:
        context.close()


def swipe_sideways(page, x, y, distance):
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 9):
        point = {"x": x + distance * step / 8, "y": y}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def middle_event():
    events = list(Event.objects.published().chronological())
    return events[len(events) // 2]


def next_slug(page):
    """The slug the open panel's Next link leads to."""
    return re.search(r"/events/([^/]+)/panel/", page.locator("#detail a[rel=next]").get_attribute("hx-get"))[1]


def test_the_arrow_keys_in_the_open_panel_go_to_the_previous_and_next_event(page, live_server, seed_live):
    event = middle_event()
    open_chart(page, f"{live_server.url}/?event={event.slug}")
    following = next_slug(page)
    page.locator("#detail h2").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#detail h2")).to_have_id(f"event-title-{following}")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#detail h2")).to_have_id(f"event-title-{event.slug}")
    expect(page).to_have_url(f"{live_server.url}/?event={event.slug}")


def test_a_sideways_swipe_on_the_phone_sheet_goes_to_the_next_and_previous_event(phone, live_server, seed_live):
    event = middle_event()
    open_chart(phone, f"{live_server.url}/?event={event.slug}")
    following = next_slug(phone)
    sheet = phone.locator("#detail.open").bounding_box()
    middle = sheet["y"] + min(sheet["height"], 800 - sheet["y"]) / 2
    swipe_sideways(phone, 300, middle, -220)
    expect(phone.locator("#detail h2")).to_have_id(f"event-title-{following}")
    swipe_sideways(phone, 60, middle, 220)
    expect(phone.locator("#detail h2")).to_have_id(f"event-title-{event.slug}")
