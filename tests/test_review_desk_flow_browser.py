"""The review desk in headless Chromium, the way an editor works through an article: many decisions in a row."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from newsroom.ingest import ingest_source
from tests.curation_data import make_actors, make_event
from tests.test_review_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Our own article: ten dated events, one a sentence.
MANY_DATES = "\n".join(
    [
        "Takaichi met Lee in Nara on 13 January 2026.",
        "The two leaders visited Horyuji temple on 14 January 2026.",
        "Lee flew back to Seoul on 15 January 2026.",
        "The foreign ministers will hold talks in Busan on 2 February 2026.",
        "Parliament passed the budget on 20 January 2026.",
        "The trade ministers signed a minerals pact on 22 January 2026.",
        "Takaichi will visit Jakarta on 10 March 2026.",
        "The coast guard released the trawler on 8 January 2026.",
        "The envoy returned to Tokyo on 9 January 2026.",
        "The king will open the expo on 1 April 2026.",
    ]
)
CURRENT = re.compile(r"\bcurrent\b")
# The fold's summary on the screen's last line: its form, once open, is below the fold.
SUMMARY_AT_BOTTOM = """(summary) => {
  const box = summary.getBoundingClientRect();
  window.scrollBy(0, box.bottom - window.innerHeight + 2);
}"""


def open_review(page, live_server):
    make_actors()
    source = ingest_source(MANY_DATES, datetime.date(2026, 1, 12), outlet="Wire").source
    cards = list(source.proposals.order_by("start", "pk"))
    assert len(cards) == 10
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    return cards


def test_accept_as_new_opens_after_several_decisions_in_a_row(page, live_server):
    cards = open_review(page, live_server)
    page.locator(f"#proposal-{cards[0].pk} blockquote").click()
    # Decide by key, each answer in before the next key: accept, reject, accept, reject.
    for card, key, said in zip(cards[:4], "arar", ["Created", "Rejected", "Created", "Rejected"], strict=True):
        expect(page.locator(f"#proposal-{card.pk}")).to_have_class(CURRENT)
        page.keyboard.press(key)
        expect(page.locator(f"#proposal-{card.pk}")).to_contain_text(said)
    # And with the mouse.
    page.locator(f"#proposal-{cards[4].pk} input[value='Reject']").click()
    expect(page.locator(f"#proposal-{cards[4].pk}")).to_contain_text("Rejected")
    # Undo a reject: the card is back, with its fold to open like any other.
    page.locator(f"#proposal-{cards[3].pk} button", has_text="Undo").click()
    expect(page.locator(f"#proposal-{cards[3].pk}")).to_contain_text("Reopened")
    for card in (cards[3], cards[5], cards[8]):
        section = page.locator(f"#proposal-{card.pk}")
        summary = section.locator("summary", has_text="Accept as a new event")
        summary.evaluate(SUMMARY_AT_BOTTOM)
        summary.click()
        title = section.locator("input[name$='-title']")
        expect(title).to_have_count(1)
        title.scroll_into_view_if_needed()
        expect(title).to_be_visible()
    # The form works: the last one accepted with a title of the editor's own.
    section = page.locator(f"#proposal-{cards[8].pk}")
    section.locator("input[name$='-title']").fill("Coast guard frees the trawler")
    section.locator("input[value='Accept as new event']").click()
    expect(section).to_contain_text("Created unpublished event")


def test_matches_are_in_before_the_editor_reaches_a_card_by_key(page, live_server):
    for day in (13, 14, 15, 20, 22):
        make_event(
            title=f"Event of 2026-01-{day}",
            slug=f"event-{day}",
            earliest=datetime.date(2026, 1, day),
            latest=datetime.date(2026, 1, day),
        )
    cards = open_review(page, live_server)
    # The first cards' likely events come with the page, without scrolling to them.
    for card in cards[:3]:
        expect(page.locator(f"#proposal-{card.pk} .matches")).not_to_have_attribute("aria-busy", "true")
    page.locator(f"#proposal-{cards[0].pk} blockquote").click()
    for card in cards[1:6]:
        page.keyboard.press("j")
        section = page.locator(f"#proposal-{card.pk}")
        expect(section).to_be_focused()
        # The card after the current one already has its list (or its "new to the timeline").
        following = page.locator(f"#proposal-{cards[cards.index(card) + 1].pk} .matches")
        expect(following).not_to_have_attribute("aria-busy", "true")
        expect(section.locator(".matches")).not_to_contain_text("Looking for events")


# The colour a text is drawn in, and the first opaque background behind it.
COLOURS = """(element) => {
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  let behind = element;
  while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
  return [rgb(getComputedStyle(element).color), rgb(getComputedStyle(behind || document.body).backgroundColor)];
}"""


def contrast(first, second) -> float:
    """WCAG 2's contrast ratio of two sRGB colours."""

    def luminance(colour):
        channels = [c / 255 for c in colour[:3]]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timex_code_on_a_card_is_readable_in_light_and_dark(page, live_server, scheme):
    page.emulate_media(color_scheme=scheme)
    cards = open_review(page, live_server)
    code = page.locator(f"#proposal-{cards[0].pk} h2 code")
    expect(code).to_have_text(cards[0].timex)
    text, background = code.evaluate(COLOURS)
    assert contrast(text, background) >= 4.5, (scheme, text, background)
    page.screenshot(path=f"/tmp/desk-timex-{scheme}.png", clip={"x": 0, "y": 0, "width": 1280, "height": 700})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_on_a_phone_the_open_accept_form_fits_and_the_quote_is_readable(page, live_server, scheme):
    page.set_viewport_size({"width": 375, "height": 800})
    page.emulate_media(color_scheme=scheme)
    cards = open_review(page, live_server)
    section = page.locator(f"#proposal-{cards[0].pk}")
    section.locator("summary", has_text="Accept as a new event").click()
    expect(section.locator(f"#id_p{cards[0].pk}-quote")).to_be_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
    text, background = section.locator("blockquote").evaluate(COLOURS)
    assert contrast(text, background) >= 4.5, (scheme, text, background)
