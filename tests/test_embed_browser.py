"""The embed inside a publisher's page, in headless Chromium."""

import functools
import re
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from playwright.sync_api import expect

from timeline.models import Event

from .chart_seam import laid_out_for, mark_centre, open_chart, plot_area, range_span_ms, settled, zoom_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def article_with_embed(live_server, query=""):
    return f"""<!doctype html><html><head><title>An article</title></head><body>
      <h1>An article about the summit</h1>
      <iframe src="{live_server.url}/embed/{query}" width="100%" height="200" style="border:0"
              title="summit timeline" data-summit-embed></iframe>
      <script async src="{live_server.url}/static/embed.js"></script>
      <p>More of the article.</p></body></html>"""


@pytest.fixture
def publisher(tmp_path, live_server):
    """
    A publisher's site on another origin, serving articles that embed summit.
    A real local server, not a routed page: Chromium lets only a local page
    load a local iframe (Private Network Access).
    """
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"

    def article(query=""):
        (tmp_path / "article.html").write_text(article_with_embed(live_server, query))
        return origin + "/article.html"

    article.origin = origin
    yield article
    server.shutdown()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def publisher_page(page, publisher, settings):
    settings.EMBED_FRAME_ANCESTORS = [publisher.origin]

    def serve(query=""):
        page.goto(publisher(query))
        return page

    return serve


def test_embed_resizes_its_iframe_to_the_content(publisher_page, seed_live):
    page = publisher_page("?actor=china")
    frame = page.frame_locator("iframe[data-summit-embed]")
    frame.locator("svg.chart-first-view").wait_for()
    page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height > 400")
    inner = page.frames[1].evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)")
    outer = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
    assert abs(outer - inner) <= 2
    # No scrollbar inside: the frame's document is no taller than the frame.
    assert page.frames[1].evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1")


def test_clicking_an_event_in_the_embed_opens_its_citations_inside_the_frame(publisher_page, seed_live):
    page = publisher_page()
    frame = page.frame_locator("iframe[data-summit-embed]")
    frame.locator("svg.chart-first-view").wait_for()
    # The server draws the first view; the click opens the panel once the page's own script runs.
    expect(frame.locator("#chart")).to_have_attribute("data-state", "idle")
    frame.locator(".event-item a", has_text="Takeshima Day").first.click()
    frame.locator("#detail .citation").first.wait_for()
    assert page.url.endswith("/article.html")
    assert "Takeshima Day" in frame.locator("#detail").inner_text()


def test_a_site_not_on_the_list_cannot_frame_the_embed(page, publisher, seed_live, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example"]
    page.goto(publisher())
    page.wait_for_load_state("load")
    embed_frames = [frame for frame in page.frames if "/embed/" in frame.url]
    rendered = [frame for frame in embed_frames if frame.evaluate("() => !!document.getElementById('chart')")]
    assert rendered == []
    assert Event.objects.published().exists()


# --- the first view drawn by the server, plotly.js on demand ------------------------

PLOTLY = re.compile(r"/static/vendor/plotly-summit-[^/]*\.js$")
NARA = "takaichi-lee-summit-nara"


def plotly_requests(page) -> list:
    requests = []
    page.on("request", lambda request: PLOTLY.search(request.url) and requests.append(request.url))
    return requests


@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_the_chart_shows_with_javascript_off(browser, live_server, seed_live, path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + path)
    svg = page.locator("#chart svg.chart-first-view")
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box["width"] > 600 and box["height"] > 200
    marks = page.locator("#chart svg.chart-first-view a[data-slug]")
    assert {marks.nth(i).get_attribute("data-slug") for i in range(marks.count())} == set(
        Event.objects.published().values_list("slug", flat=True)
    )
    # Labels, lane names and dates are there to read, inside the chart.
    texts = page.locator("#chart svg.chart-first-view text")
    shown = [texts.nth(i) for i in range(texts.count())]
    visible = [text for text in shown if (text.bounding_box() or {"width": 0})["width"] > 0]
    assert len(visible) > 15
    words = " ".join(text.text_content() for text in visible)
    assert "Summit in Nara" in words or "summit in Nara" in words
    assert "Jan 2026" in words
    for text in visible[:10]:
        inside = text.bounding_box()
        assert box["x"] - 1 <= inside["x"] and inside["x"] + inside["width"] <= box["x"] + box["width"] + 1
    context.close()


# Under 600 px the chart's box shows its rows, not the wide SVG (tests/test_phone_chart_browser.py).
@pytest.mark.parametrize("width", [640, 768, 1280])
def test_no_two_labels_of_the_first_view_overlap_at_any_width(browser, live_server, seed_live, width):
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/embed/")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart-first-view a text')]
             .filter((text) => getComputedStyle(text).display !== 'none')
             .map((text) => text.getBoundingClientRect())
             .map((box) => ({left: box.left, right: box.right, top: box.top, bottom: box.bottom}))"""
    )
    chart = page.locator("svg.chart-first-view").bounding_box()
    for index, box in enumerate(boxes):
        assert chart["x"] - 1 <= box["left"] and box["right"] <= chart["x"] + chart["width"] + 1
        for other in boxes[index + 1 :]:
            apart = box["right"] <= other["left"] or other["right"] <= box["left"]
            assert apart or box["bottom"] <= other["top"] or other["bottom"] <= box["top"], (box, other)
    if width >= 1280:
        assert len(boxes) >= 10
    context.close()


def test_a_mark_is_a_link_to_its_event_page_with_javascript_off(browser, live_server, seed_live):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "/embed/")
    page.locator(f'svg.chart-first-view a[data-slug="{NARA}"] circle.target').click()
    page.wait_for_url(f"**/events/{NARA}/")
    assert Event.objects.get(slug=NARA).title in page.inner_text("h1")
    context.close()


def test_the_embed_loads_no_plotly_until_the_reader_reaches_for_the_chart(page, live_server, seed_live):
    requests = plotly_requests(page)
    # Its scripts have all run (the chart's controller says it is settled) and the network is quiet.
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    page.wait_for_load_state("networkidle")
    assert requests == []
    assert page.evaluate("() => window.Plotly === undefined")
    assert page.locator("svg.chart-first-view").is_visible()


def test_after_the_pointer_enters_the_chart_plotly_takes_over_the_same_figure(page, live_server, seed_live):
    requests = plotly_requests(page)
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    holder = page.locator("#chart")
    before = holder.bounding_box()
    holder.hover()
    settled(page, "plotly")
    assert len(requests) == 1
    assert page.locator("svg.chart-first-view").count() == 0
    after = holder.bounding_box()
    # No jump: Plotly's figure takes the place the SVG held.
    assert abs(after["y"] - before["y"]) <= 1 and abs(after["height"] - before["height"]) <= 2
    # Zoom works: the mode bar's zoom-in narrows the time axis.
    wide = range_span_ms(page)
    page.locator('#chart .modebar-btn[data-title="Zoom in"]').click()
    page.wait_for_function(
        "(wide) => { const r = window.summit.chart.range(); return new Date(r[1]) - new Date(r[0]) < wide * 0.75; }",
        arg=wide,
    )
    settled(page, "plotly")
    # And a click on a mark opens its event: the summit in Nara, in a ten-day view around it.
    zoom_to(page, "2026-01-08", "2026-01-18")
    centre = mark_centre(page, NARA)
    page.mouse.click(centre["x"], centre["y"])
    page.locator("#detail h2").first.wait_for()
    assert Event.objects.get(slug=NARA).title in page.inner_text("#detail")


def test_an_event_clicked_in_the_first_view_before_plotly_arrives_opens_its_panel(page, live_server, seed_live):
    held = []
    page.route(PLOTLY, lambda route: held.append(route))  # plotly.js never arrives
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    page.locator(f'svg.chart-first-view a[data-slug="{NARA}"] circle.target').click()
    page.locator("#detail h2").first.wait_for()
    assert Event.objects.get(slug=NARA).title in page.inner_text("#detail")
    assert page.url.startswith(live_server.url + "/embed/")  # the frame never left the embed
    assert page.evaluate("() => window.Plotly === undefined")
    assert held  # the click was the reader's intent: plotly.js was asked for


def test_a_click_before_htmx_has_started_opens_the_panel_not_a_new_page(page, live_server, seed_live):
    held = []
    page.route(re.compile(r"/static/django_htmx/htmx-2"), lambda route: held.append(route))
    page.goto(live_server.url + "/embed/", wait_until="commit")
    page.locator("svg.chart-first-view").wait_for()
    page.locator(f'svg.chart-first-view a[data-slug="{NARA}"] circle.target').click()
    if not held:  # the embed asks for htmx after its first paint
        page.wait_for_event("request", lambda request: "/static/django_htmx/htmx-2" in request.url)
    assert page.url.startswith(live_server.url + "/embed/")  # the frame never left the embed
    held[0].continue_()
    page.locator("#detail h2").first.wait_for()
    assert Event.objects.get(slug=NARA).title in page.inner_text("#detail")
    assert page.url.startswith(live_server.url + "/embed/")  # the frame never left the embed


def test_the_page_loads_plotly_when_idle_without_intent(page, live_server, seed_live):
    requests = plotly_requests(page)
    open_chart(page, live_server.url + "/")
    assert len(requests) == 1
    assert page.locator("svg.chart-first-view").count() == 0


def test_at_another_width_plotly_draws_once_with_a_layout_fetched_during_its_download(browser, live_server, seed_live):
    context = browser.new_context(viewport={"width": 700, "height": 900})
    page = context.new_page()
    held = []
    page.route(PLOTLY, lambda route: held.append(route))
    windows = []
    page.on("request", lambda request: "/api/window.json" in request.url and windows.append(request.url))
    answered = []
    page.on("requestfinished", lambda request: "/api/window.json" in request.url and answered.append(request.url))
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    page.evaluate(
        """() => { window.draws = 0;
             document.addEventListener('timeline:rendered', () => window.draws++); }"""
    )
    page.locator("#chart").hover()
    page.wait_for_function("() => window.summit.plotly.state === 'loading'")
    # Asked for at the reader's intent, and answered, while plotly.js is still on its way.
    if not answered:
        page.wait_for_event("requestfinished", lambda request: "/api/window.json" in request.url)
    assert len(windows) == 1 and "width=" in windows[0]
    held[0].continue_()
    settled(page, "plotly")
    assert page.evaluate("() => window.draws") == 1
    assert len(windows) == 1
    assert abs(laid_out_for(page) - plot_area(page)["width"]) <= 10
    context.close()


def test_with_a_slow_layout_zoom_works_at_once_and_the_fitted_layout_follows(browser, live_server, seed_live):
    context = browser.new_context(viewport={"width": 700, "height": 900})
    page = context.new_page()
    held = []
    page.route("**/api/window.json*", lambda route: held.append(route))
    open_chart(page, live_server.url + "/embed/", drawn_by="server")
    page.locator("#chart").hover()
    # plotly.js is here before the layout for this width: it draws the server's figure, and waits for that layout.
    expect(page.locator("#chart")).to_have_attribute("data-drawn-by", "plotly")
    assert laid_out_for(page) == 880
    assert page.get_attribute("#chart", "data-state") == "loading"
    assert len(held) == 1
    held[0].continue_()
    settled(page, "plotly")
    assert laid_out_for(page) < 880
    context.close()
