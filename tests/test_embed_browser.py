"""The embed inside a publisher's page, in headless Chromium."""

import functools
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest

from timeline.models import Event

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
    frame.locator("#chart[data-rendered=true]").wait_for()
    page.wait_for_function("() => document.querySelector('iframe').getBoundingClientRect().height > 400")
    inner = page.frames[1].evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)")
    outer = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
    assert abs(outer - inner) <= 2
    # No scrollbar inside: the frame's document is no taller than the frame.
    assert page.frames[1].evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1")


def test_clicking_an_event_in_the_embed_opens_its_citations_inside_the_frame(publisher_page, seed_live):
    page = publisher_page()
    frame = page.frame_locator("iframe[data-summit-embed]")
    frame.locator("#chart[data-rendered=true]").wait_for()
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
