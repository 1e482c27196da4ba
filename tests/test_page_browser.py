"""
The page around the chart, as a reader meets it in headless Chromium: the
filter form, its errors, the panel in the URL, sharing, the list, the theme
and what fits on the first screen.
"""

import re

import pytest

from timeline.models import Citation, Event

from .chart_seam import open_chart

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NARA = "takaichi-lee-summit-nara"


def open_timeline(page, url):
    open_chart(page, url)


def new_page(browser, width, height, **options):
    context = browser.new_context(viewport={"width": width, "height": height}, **options)
    return context, context.new_page()


def test_typing_into_to_right_after_leaving_from_keeps_every_keystroke(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    page.locator("#id_from").click()
    page.keyboard.type("Nov 2025")
    # Leaving From sends the filters; the reader types on into To at once, while that request is in flight.
    with page.expect_response(lambda response: "from=Nov" in response.url):
        page.keyboard.press("Tab")
        page.keyboard.type("Jan 2026", delay=30)
    page.wait_for_url(re.compile(r"from=Nov(\+|%20)2025"))
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    assert page.locator("#id_to").input_value() == "Jan 2026"
    assert page.locator("#id_from").input_value() == "Nov 2025"
    assert page.evaluate("() => document.activeElement.id") == "id_to"


@pytest.mark.parametrize("debug", [True, False], ids=["debug", "production"])
def test_a_bad_filter_shows_beside_the_form_and_keeps_the_page_and_last_view(
    page, live_server, seed_live, settings, debug
):
    settings.DEBUG = debug
    open_timeline(page, live_server.url + "/?actor=china")
    listed = page.locator(".event-item").count()
    assert listed > 0
    page.evaluate("() => { window.notReloaded = true; }")
    page.locator("#id_from").fill("2026-13-45")
    page.locator("#id_from").press("Enter")
    errors = page.locator("#form-errors .form-errors")
    errors.wait_for()
    assert "is not a real date" in errors.inner_text()
    # The page is intact: styled, with its header, form and the last good chart and list.
    assert page.evaluate("() => window.notReloaded") is True
    assert page.locator(".site-header").is_visible()
    assert page.locator("#filters").is_visible()
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != "Times New Roman"
    assert page.locator("#chart").count() == 1
    assert page.locator(".event-item").count() == listed
    assert page.locator("#id_from").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_from").get_attribute("aria-describedby") == "errors-from"
    # The address bar keeps the last view that worked.
    assert "2026-13-45" not in page.url and "actor=china" in page.url

    # Correcting it clears the message and the mark.
    page.locator("#id_from").fill("Jan 2026")
    page.locator("#id_from").press("Enter")
    page.wait_for_url(re.compile(r"from=Jan(\+|%20)2026"))
    errors.wait_for(state="detached")
    # The mark goes once htmx has settled the swap, a moment after the message.
    page.wait_for_function("() => !document.getElementById('id_from').hasAttribute('aria-invalid')")


def test_a_citation_link_lands_on_the_marked_passage(page, live_server, seed_live):
    event = Event.objects.get(slug=NARA)
    citation = event.citations.order_by("pk").last()
    page.goto(live_server.url + event.get_absolute_url())
    page.locator(f'a[href$="#c{citation.pk}"]').click()
    page.wait_for_url(f"**#c{citation.pk}")
    target = page.locator(":target")
    assert target.evaluate("(el) => el.tagName + '.' + el.className") in ("MARK.cited", "SPAN.cited-also")
    assert citation.quote[:30] in target.inner_text()
    assert target.evaluate("(el) => getComputedStyle(el).outlineStyle") == "solid"
    top = target.evaluate("(el) => el.getBoundingClientRect().top")
    # Scrolled into view with a margin above it, not flush against the top edge.
    assert 40 <= top <= page.viewport_size["height"] / 2


def test_list_badges_fit_their_words(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    badge = page.locator(".event-item .badge").first
    box = badge.bounding_box()
    assert box["width"] < 150
    title = badge.locator("xpath=preceding-sibling::a").bounding_box()
    assert abs(title["y"] - box["y"]) < title["height"]


def test_the_chart_starts_on_the_first_screen_at_1280_by_800(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 800)
    try:
        open_timeline(page, live_server.url)
        chart = page.locator("#chart").bounding_box()
        assert chart["y"] >= 0
        # The chart's first row (its top 80 px) is on screen without scrolling.
        assert chart["y"] + 80 <= 800
        # The filters are one row.
        fields = page.locator(".filter-fields > :not([type=hidden])").evaluate_all(
            "(els) => els.map((el) => Math.round(el.getBoundingClientRect().bottom))"
        )
        assert max(fields) - min(fields) <= 4
    finally:
        context.close()


def test_on_a_phone_the_filters_fold_behind_one_button(browser, live_server, seed_live):
    context, page = new_page(browser, 375, 740, has_touch=True)
    try:
        open_timeline(page, live_server.url)
        assert not page.locator("#id_q").is_visible()
        page.get_by_text("Filters", exact=True).click()
        assert page.locator("#id_q").is_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    finally:
        context.close()


def test_opening_an_event_puts_it_in_the_url_and_back_closes_it(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    page.evaluate("() => { document.getElementById('chart').keptAlive = true; }")
    page.locator(f'.event-list a[data-slug="{NARA}"]').click()
    page.locator("#detail.open h2").wait_for()
    page.wait_for_url(f"**/?event={NARA}")

    page.go_back()
    page.wait_for_selector("#detail.open", state="detached")
    assert "event=" not in page.url
    # The chart stayed: no history snapshot was swapped in in its place.
    assert page.evaluate("() => document.getElementById('chart').keptAlive") is True

    page.go_forward()
    page.locator("#detail.open h2").wait_for()
    assert Event.objects.get(slug=NARA).title in page.locator("#detail h2").inner_text()


def test_a_link_with_an_event_opens_its_panel(page, live_server, seed_live):
    open_timeline(page, live_server.url + f"/?actor=japan&event={NARA}")
    assert Event.objects.get(slug=NARA).title in page.locator("#detail.open h2").inner_text()
    # Filtering keeps the open event in the address bar.
    page.locator("#id_q").press_sequentially("summit")
    page.wait_for_url(re.compile(r"q=summit"))
    assert f"event={NARA}" in page.url
    # Closing it takes it out.
    page.locator("[data-close-detail]").click()
    page.wait_for_function("() => !location.search.includes('event=')")
    assert page.locator("#detail.open").count() == 0


def test_the_chart_asks_for_a_panel_and_the_page_opens_it_once(page, live_server, seed_live):
    open_timeline(page, live_server.url)
    panel_requests = []
    page.on("request", lambda request: "/panel/" in request.url and panel_requests.append(request.url))
    cancelled = page.evaluate(
        """(slug) => !document.getElementById('chart').dispatchEvent(
             new CustomEvent('summit:open-event', {bubbles: true, cancelable: true, detail: {slug}}))""",
        NARA,
    )
    page.locator("#detail.open h2").wait_for()
    page.wait_for_url(f"**/?event={NARA}")
    # The page took it on: a chart that checks defaultPrevented does not open it a second time.
    assert cancelled is True
    assert len(panel_requests) == 1


def test_copy_link_copies_the_view_on_screen(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    try:
        open_timeline(page, live_server.url + "/?actor=china")
        page.locator(".event-list a[data-slug]").first.click()
        page.locator("#detail.open h2").wait_for()
        page.wait_for_url(re.compile(r"event="))
        page.get_by_role("button", name="Copy link").click()
        page.get_by_text("Copied.").wait_for()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == page.url
        assert "actor=china" in copied and "event=" in copied
    finally:
        context.close()


def test_the_theme_toggle_remembers_the_choice_with_no_flash(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="light")
    # The theme <html> carries when <body> first appears, before anything could paint.
    context.add_init_script(
        """new MutationObserver((changes, observer) => {
             if (!document.body) return;
             window.themeAtFirstPaint = document.documentElement.getAttribute('data-theme') || 'system';
             observer.disconnect();
           }).observe(document, {childList: true, subtree: true});"""
    )
    try:
        open_timeline(page, live_server.url)
        toggle = page.locator("[data-theme-toggle]")
        # The button says what it will do.
        assert toggle.inner_text().strip() == "Dark theme"
        light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        toggle.click()
        assert toggle.inner_text().strip() == "Light theme"
        assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != light

        page.goto(live_server.url + Event.objects.get(slug=NARA).get_absolute_url())
        assert page.evaluate("() => window.themeAtFirstPaint") == "dark"
        assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") != light
        page.locator("[data-theme-toggle]").click()
        page.reload()
        assert page.evaluate("() => window.themeAtFirstPaint") == "light"
    finally:
        context.close()


def test_the_toggle_follows_the_system_until_the_reader_chooses(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="dark")
    try:
        open_timeline(page, live_server.url)
        assert page.locator("[data-theme-toggle]").inner_text().strip() == "Light theme"
        assert page.evaluate("() => document.documentElement.getAttribute('data-theme')") is None
    finally:
        context.close()


def relative_luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Any colour the browser computed, read back as sRGB 0-255 through a canvas.
AS_RGB = """(colour) => {
  const context = document.createElement('canvas').getContext('2d');
  context.fillStyle = colour;
  context.fillRect(0, 0, 1, 1);
  return Array.from(context.getImageData(0, 0, 1, 1).data).slice(0, 3);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_actor_colours_in_the_list_stand_out_from_the_background(browser, live_server, seed_live, scheme):
    context, page = new_page(browser, 1280, 900, color_scheme=scheme)
    try:
        open_timeline(page, live_server.url)
        background = page.evaluate(AS_RGB, page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        dots = page.locator(".event-list .dot").evaluate_all(
            "(dots) => dots.map((dot) => getComputedStyle(dot).backgroundColor)"
        )
        assert dots
        worst = min(contrast(page.evaluate(AS_RGB, colour), background) for colour in set(dots))
        # WCAG AA for text, stricter than the 3:1 marks need: the same colours may label text.
        assert worst >= 4.5 if scheme == "dark" else worst >= 3
    finally:
        context.close()


def test_every_citation_on_a_source_page_is_a_target(page, live_server, seed_live):
    citation = Citation.objects.filter(event__is_published=True).select_related("source").first()
    page.goto(live_server.url + citation.source.get_absolute_url())
    ids = page.locator(".source-text [id^=c]").evaluate_all("(els) => els.map((el) => el.textContent.length)")
    assert ids and all(length > 0 for length in ids)


# The colours plotly.js was last given for the chart's marks, and its text colour.
CHART_COLOURS = """() => {
  const chart = document.getElementById('chart');
  const marks = chart.data.find((trace) => trace.meta === 'events').marker.color;
  return {marks: [...new Set(marks)], text: chart.layout.font.color};
}"""


def test_the_theme_toggle_redraws_the_chart_in_colours_that_stand_out(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="light")
    try:
        open_timeline(page, live_server.url)
        light = page.evaluate(CHART_COLOURS)
        page.locator("[data-theme-toggle]").click()
        page.wait_for_function(f"() => ({CHART_COLOURS})().text !== {light['text']!r}")
        dark = page.evaluate(CHART_COLOURS)
        background = page.evaluate(AS_RGB, page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        assert page.evaluate(AS_RGB, dark["text"]) == page.evaluate(
            AS_RGB, page.evaluate("() => getComputedStyle(document.body).color")
        )
        assert set(dark["marks"]).isdisjoint(light["marks"])
        # WCAG AA for graphics: 3:1 against the page.
        assert min(contrast(page.evaluate(AS_RGB, colour), background) for colour in dark["marks"]) >= 3
        # And back: the light colours return.
        page.locator("[data-theme-toggle]").click()
        page.wait_for_function(f"() => ({CHART_COLOURS})().text === {light['text']!r}")
        assert sorted(page.evaluate(CHART_COLOURS)["marks"]) == sorted(light["marks"])
    finally:
        context.close()


def test_the_first_view_draws_its_marks_lighter_on_a_dark_page(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="dark")
    try:
        # The embed keeps the server's drawing until the reader reaches for the chart.
        open_chart(page, live_server.url + "/embed/", drawn_by="server")
        background = page.evaluate(AS_RGB, page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        strokes = page.locator("svg.chart-first-view use").evaluate_all(
            "(marks) => [...new Set(marks.map((mark) => getComputedStyle(mark).stroke))]"
        )
        assert strokes
        assert min(contrast(page.evaluate(AS_RGB, colour), background) for colour in strokes) >= 3
    finally:
        context.close()


# What plotly.js was last given for the chart's range bars.
RANGE_BARS = """() => document.getElementById('chart').data.filter((trace) => trace.meta === 'ranges')
  .map((trace) => ({colour: trace.line.color, width: trace.line.width, opacity: trace.opacity}))"""


def test_range_bars_on_a_dark_page_stand_out_three_to_one(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="light")
    try:
        open_timeline(page, live_server.url)
        light = page.evaluate(RANGE_BARS)
        assert light and all(bar["opacity"] < 1 for bar in light)
        page.locator("[data-theme-toggle]").click()
        page.wait_for_function(f"() => ({RANGE_BARS})().every((bar) => bar.opacity === 1)")
        dark = page.evaluate(RANGE_BARS)
        background = page.evaluate(AS_RGB, page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        # Drawn whole, so the colour is what the reader sees: WCAG 1.4.11 asks 3:1 of graphics.
        assert min(contrast(page.evaluate(AS_RGB, bar["colour"]), background) for bar in dark) >= 3
        # Quieter than the marks: thinner than on a light page.
        assert all(bar["width"] < light[0]["width"] for bar in dark)
    finally:
        context.close()


def test_the_first_view_draws_range_bars_whole_on_a_dark_page(browser, live_server, seed_live):
    context, page = new_page(browser, 1280, 900, color_scheme="dark")
    try:
        open_chart(page, live_server.url + "/embed/", drawn_by="server")
        background = page.evaluate(AS_RGB, page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        bars = page.locator("svg.chart-first-view .range-bars").evaluate_all(
            "(groups) => groups.map((g) => [getComputedStyle(g).stroke, getComputedStyle(g).opacity])"
        )
        assert bars
        assert all(opacity == "1" for _, opacity in bars)
        assert min(contrast(page.evaluate(AS_RGB, stroke), background) for stroke, _ in bars) >= 3
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/embed/"])
@pytest.mark.parametrize("script", [True, False])
def test_on_a_phone_the_key_folds_into_one_line_that_opens_it(browser, live_server, seed_live, path, script):
    context, page = new_page(browser, 375, 812, java_script_enabled=script)
    try:
        page.goto(live_server.url + path)
        fold = page.locator(".chart-key-fold")
        summary = fold.locator("summary")
        key = fold.locator(".chart-key")
        assert summary.is_visible() and not key.is_visible()
        line = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('.chart-key-fold > summary')).lineHeight) || 20"
        )
        assert summary.bounding_box()["height"] < 2 * max(line, 24)
        summary.click()
        assert key.is_visible()
        assert key.locator("li").count() == 6
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_on_a_desktop_the_key_is_always_shown_in_one_row(browser, live_server, seed_live, path):
    context, page = new_page(browser, 1280, 800)
    try:
        page.goto(live_server.url + path)
        fold = page.locator(".chart-key-fold")
        assert not fold.locator("summary").is_visible()
        tops = fold.locator(".chart-key li").evaluate_all(
            "(items) => items.map((li) => li.getBoundingClientRect().top)"
        )
        assert len(tops) == 6 and max(tops) - min(tops) < 2
    finally:
        context.close()
