"""The Japanese and Korean timeline as a reader meets it in Chromium, once plotly.js has drawn it."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The box of every label and lane name drawn on the chart, from the page's own layout.
TEXT_BOXES = """() => [...document.querySelectorAll('#chart .annotation-text')]
  .map((node) => node.getBoundingClientRect())
  .filter((box) => box.width > 0)
  .map((box) => ({left: box.left, right: box.right, top: box.top, bottom: box.bottom}))"""


def overlapping(boxes: list[dict]) -> list[tuple[dict, dict]]:
    return [
        (a, b)
        for index, a in enumerate(boxes)
        for b in boxes[index + 1 :]
        if a["left"] < b["right"] - 1
        and b["left"] < a["right"] - 1
        and a["top"] < b["bottom"] - 1
        and b["top"] < a["bottom"] - 1
    ]


@pytest.mark.parametrize(
    "language, month, dark_theme, label",
    [("ja", "月", "ダークテーマ", "奈良で首脳会談"), ("ko", "월", "어두운 테마", "나라 정상회담")],
)
def test_plotly_draws_the_chart_in_the_page_language(live_server, seed_live, page, language, month, dark_theme, label):
    page.emulate_media(color_scheme="light")
    page.goto(f"{live_server.url}/{language}/")
    chart = page.locator("#chart")
    # Plotly's chart, not the server's first view: its ticks and labels come written from the server.
    expect(chart).to_have_attribute("data-drawn-by", "plotly")
    expect(chart).to_have_attribute("data-state", "idle")
    ticks = page.locator("#chart .xtick text")
    expect(ticks.first).to_contain_text(month)
    assert all(
        re.search(r"\d", text) and month in text or "年" in text or "년" in text for text in ticks.all_text_contents()
    )
    expect(page.locator("#chart .annotation-text", has_text=label)).to_be_visible()
    # The script's own words, in the page's language.
    expect(page.locator("[data-theme-toggle]")).to_have_text(re.compile(dark_theme))
    assert not overlapping(page.evaluate(TEXT_BOXES))


@pytest.mark.parametrize(
    "prefix, zoom_in, reset",
    [("/ja", "拡大", "軸をリセット"), ("/ko", "확대", "축 초기화"), ("", "Zoom in", "Reset axes")],
)
def test_the_mode_bar_speaks_the_page_language(live_server, seed_live, page, prefix, zoom_in, reset):
    # plotly.js's own tooltips, from the ja and ko dictionaries its bundle registers.
    page.goto(f"{live_server.url}{prefix}/")
    expect(page.locator("#chart")).to_have_attribute("data-drawn-by", "plotly")
    buttons = page.locator("#chart .modebar-btn")
    expect(buttons.first).to_be_attached()
    titles = [buttons.nth(index).get_attribute("data-title") for index in range(buttons.count())]
    assert any(title.startswith(zoom_in) for title in titles), titles
    assert reset in titles, titles
