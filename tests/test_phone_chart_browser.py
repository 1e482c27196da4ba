"""The chart in a phone-wide box: every event drawn carries its whole label, JavaScript on or off, light or dark."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The events drawn in #chart (each an element carrying data-slug) and those of them whose label is
# on screen, whole: rendered, not cut with "…", not running out of its box or out of the chart's.
LABELS = """() => {
  const chart = document.querySelector("#chart");
  const bounds = chart.getBoundingClientRect();
  const shown = (node) => node.getClientRects().length > 0 && getComputedStyle(node).visibility !== "hidden";
  const drawn = [...chart.querySelectorAll("[data-slug]")].filter((node) => {
    const box = node.getBoundingClientRect();
    return shown(node) && box.width > 0 && box.height > 0;
  });
  const whole = (node) => {
    const texts = [...node.querySelectorAll("text, .row-title")].filter(shown);
    return texts.length > 0 && texts.every((text) => {
      const box = text.getBoundingClientRect();
      const inside = box.left >= bounds.left - 1 && box.right <= bounds.right + 1;
      const uncut = !(text.scrollWidth > text.clientWidth + 1) && !text.textContent.includes("\\u2026");
      return text.textContent.trim() && inside && uncut;
    });
  };
  return { drawn: drawn.length, labelled: drawn.filter(whole).length };
}"""


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 375, 414])
@pytest.mark.parametrize("path", ["/embed/", "/"])
def test_a_phone_sees_nine_in_ten_events_of_the_chart_with_their_whole_label(
    browser, live_server, seed_live, path, width, scheme, javascript
):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, color_scheme=scheme, java_script_enabled=javascript, has_touch=True
    )
    page = context.new_page()
    page.goto(live_server.url + path, wait_until="load")
    if javascript:
        expect(page.locator("#chart")).to_have_attribute("data-state", "idle")
    counts = page.evaluate(LABELS)
    context.close()
    assert counts["drawn"] >= 20, counts
    assert counts["labelled"] >= 0.9 * counts["drawn"], counts


def test_a_wide_box_draws_the_wide_chart_and_a_narrow_box_on_a_desktop_the_rows(browser, live_server, seed_live):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/embed/")
    expect(page.locator("#chart svg.chart-first-view")).to_be_visible()
    expect(page.locator("#chart .chart-rows")).to_be_hidden()
    # The same page on the same desktop, its chart in a 400 px box (a narrow embed): the rows.
    page.add_style_tag(content=".chart-wrap { width: 400px; }")
    expect(page.locator("#chart .chart-rows")).to_be_visible()
    expect(page.locator("#chart svg.chart-first-view")).to_be_hidden()
    context.close()


def test_the_earlier_link_moves_the_view_to_what_lay_outside_it(browser, live_server, seed_live):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/embed/")
    earlier = page.locator(".chart-outside .outside-earlier")
    expect(earlier).to_have_text("3 earlier ←")
    earlier.click()
    expect(page).to_have_url(re.compile(r"[?&]window=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}"))
    expect(page.locator(".chart-outside .outside-earlier")).to_have_count(0)
    expect(page.locator('#chart .chart-rows [data-slug="japanese-occupation-of-korea"]')).to_be_visible()
    context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["js-off", "js-on"])
def test_tapping_a_row_on_a_phone_opens_its_event(browser, live_server, seed_live, javascript):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, has_touch=True, is_mobile=True, java_script_enabled=javascript
    )
    page = context.new_page()
    page.goto(live_server.url + "/embed/", wait_until="load")
    row = page.locator('#chart .chart-rows [data-slug="takaichi-lee-summit-nara"]').first
    title = row.locator(".row-title").text_content()
    row.tap()
    if javascript:
        # The panel opens inside the frame, beside the chart.
        expect(page.locator("#detail")).to_contain_text(title)
    else:
        # Without JavaScript the link is the event's own page.
        expect(page).to_have_url(re.compile(r"/events/takaichi-lee-summit-nara/$"))
        expect(page.locator("h1")).to_contain_text(title)
    context.close()
