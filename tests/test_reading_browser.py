"""Reading one event at a time, choosing filters and clicking with JavaScript off, in Chromium."""

import functools
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from playwright.sync_api import expect

from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(browser, width, height=800, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    return context, context.new_page()


def test_next_walks_every_event_of_a_filtered_view_in_date_order(browser, live_server, seed_live):
    expected = list(Event.objects.published().filter(actors__slug="south-korea").distinct().chronological())
    context, page = new_page(browser, 1280, 900)
    page.goto(f"{live_server.url}/?actor=south-korea&event={expected[0].slug}")
    walked = [expected[0].slug]
    for event in expected[1:]:
        page.locator("#detail a[data-step=next]").click()
        expect(page.locator("#detail h2")).to_have_id(f"event-title-{event.slug}")
        expect(page).to_have_url(f"{live_server.url}/?actor=south-korea&event={event.slug}")
        walked.append(event.slug)
    expect(page.locator("#detail a[data-step=next]")).to_have_count(0)
    assert walked == [event.slug for event in expected]
    context.close()


@pytest.mark.parametrize("width", [320, 1024, 1920])
def test_the_actor_and_topic_choosers_stay_inside_the_viewport(browser, live_server, seed_live, width):
    context, page = new_page(browser, width)
    page.goto(live_server.url + "/")
    fold = page.locator(".filter-panel > summary")
    if fold.is_visible():
        fold.click()
    for name in ("Actors", "Topics"):
        chooser = page.locator("details.choices", has=page.locator("summary", has_text=name))
        chooser.locator("summary").click()
        box = chooser.locator("fieldset").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (name, box)
        for chip in chooser.locator("label.chip").all():
            chip_box = chip.bounding_box()
            assert chip_box["x"] >= 0 and chip_box["x"] + chip_box["width"] <= width, (name, chip_box)
        chooser.locator("summary").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


def test_a_click_in_the_embed_with_javascript_off_shows_the_event(browser, live_server, seed_live, settings, tmp_path):
    # A publisher's article on another origin framing the embed (a real local server: Chromium
    # lets only a local page frame a local one).
    (tmp_path / "article.html").write_text(
        f'<h1>An article</h1><iframe src="{live_server.url}/embed/" width="1000" height="700"></iframe>'
    )
    server = HTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EMBED_FRAME_ANCESTORS = [f"http://127.0.0.1:{server.server_port}"]
    context, page = new_page(browser, 1280, java_script_enabled=False)
    page.goto(f"http://127.0.0.1:{server.server_port}/article.html")
    mark = page.frame_locator("iframe").locator("#chart a[data-slug]").first
    slug = mark.get_attribute("data-slug")
    mark.click()
    expect(page).to_have_url(f"{live_server.url}/events/{slug}/")
    expect(page.locator("h1")).to_have_text(Event.objects.get(slug=slug).title)
    context.close()
    server.shutdown()
