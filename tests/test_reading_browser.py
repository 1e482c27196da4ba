"""Reading one event at a time, choosing filters and clicking with JavaScript off, in Chromium."""

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
