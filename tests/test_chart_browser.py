"""The chart as a reader meets it in Chromium: every mark clickable, labels legible, nothing from the data as markup."""

import pytest

from timeline.models import Event, Topic

from .hostile import make_hostile_world

# Longer than timeline.js waits after a resize before asking for a new layout.
RELAYOUT_SETTLE_MS = 300
HOSTILE_TOPIC = '<a href="https://evil.example/">x</a><b style="font-size:40px">'

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Plot coordinates of the centre of every event's first mark in view (those out of view wait for a pan).
MARK_CENTRES = """() => {
  const chart = document.getElementById('chart');
  const trace = chart.data.find((t) => t.meta === 'events');
  const xa = chart._fullLayout.xaxis, ya = chart._fullLayout.yaxis;
  const seen = new Set(), centres = [];
  trace.customdata.forEach((point, i) => {
    const x = xa.l2p(xa.d2l(trace.x[i]));
    if (seen.has(point[0]) || x < 0 || x > xa._length) return;
    seen.add(point[0]);
    centres.push({slug: point[0], x: x, y: ya.d2p(trace.y[i])});
  });
  return centres;
}"""

# Every visible label and lane name Plotly drew: its name in the figure and its text's box on the page.
LABEL_BOXES = """() => {
  const chart = document.getElementById('chart');
  const annotations = chart._fullLayout.annotations;
  return [...chart.querySelectorAll('.annotation')].map((node) => {
    const index = Number(node.getAttribute('data-index'));
    const box = node.querySelector('.annotation-text').getBoundingClientRect();
    return {name: annotations[index].name || '', text: node.textContent,
            left: box.left, right: box.right, top: box.top, bottom: box.bottom};
  });
}"""


# The chart's figure was laid out for the width its plot has now (timeline.js: WIDTH_TOLERANCE_PX),
# by the page's box (which changes the moment a panel opens or closes) and by what Plotly drew
# (which follows a resize later).
LAID_OUT_FOR_ITS_WIDTH = """() => {
  const chart = document.getElementById('chart');
  const meta = chart && chart.layout && chart.layout.meta;
  if (!(chart.dataset.fitted === 'true' && meta && chart._fullLayout)) return false;
  const margin = chart.layout.margin || {};
  const boxWidth = chart.clientWidth - (margin.l || 0) - (margin.r || 0);
  return Math.abs(boxWidth - meta.width) <= 10 && Math.abs(chart._fullLayout._size.w - meta.width) <= 10;
}"""


def open_chart(page, url):
    page.goto(url)
    page.wait_for_selector("#chart[data-fitted=true]")


def settled_centres(page, reads=20):
    """The marks' centres once two reads a relayout's wait apart agree: a resize may still be on its way."""
    centres = page.evaluate(MARK_CENTRES)
    for _ in range(reads):
        page.wait_for_timeout(RELAYOUT_SETTLE_MS)
        page.wait_for_function(LAID_OUT_FOR_ITS_WIDTH)
        again = page.evaluate(MARK_CENTRES)
        if again == centres:
            return centres
        centres = again
    raise AssertionError("the chart's marks kept moving")


def click_every_mark(page):
    """Click the centre of every drawn event's mark; each must open that event's panel."""
    centres = page.evaluate(MARK_CENTRES)
    assert centres
    titles = dict(Event.objects.values_list("slug", "title"))
    for slug in [centre["slug"] for centre in centres]:
        # Where the mark is now: a panel opening or closing may change the page's width, and the layout with it.
        page.wait_for_timeout(RELAYOUT_SETTLE_MS)
        # Rows depend on the width: wait until the figure drawn was laid out for the plot's width
        # now, or a relayout still on its way may move the mark (to another row) under the click.
        page.wait_for_function(LAID_OUT_FOR_ITS_WIDTH)
        centre = next(centre for centre in settled_centres(page) if centre["slug"] == slug)
        page.evaluate(
            """(centre) => {
              const box = document.querySelector('#chart .nsewdrag').getBoundingClientRect();
              window.scrollBy(0, box.top + centre.y - window.innerHeight / 2);
            }""",
            centre,
        )
        box = page.locator("#chart .nsewdrag").bounding_box()
        page.mouse.click(box["x"] + centre["x"], box["y"] + centre["y"])
        heading = page.locator("#detail h2").first
        heading.wait_for()
        assert heading.inner_text() == titles[centre["slug"]], centre["slug"]
        page.keyboard.press("Escape")
        page.wait_for_selector("#detail h2", state="detached")
    return centres


def in_view(page):
    """The slugs of the published events that overlap the chart's x range."""
    start, end = page.evaluate("() => document.getElementById('chart').layout.xaxis.range.map((d) => d.slice(0, 10))")
    return set(Event.objects.published().filter(latest__gte=start, earliest__lt=end).values_list("slug", flat=True))


@pytest.mark.parametrize("width", [1280, 375])
def test_every_mark_of_the_first_view_opens_its_event(page, live_server, seed_live, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_chart(page, live_server.url)
    centres = click_every_mark(page)
    assert {c["slug"] for c in centres} == in_view(page)
    on_13_january = Event.objects.filter(earliest="2026-01-13", latest="2026-01-13").values_list("slug", flat=True)
    assert set(on_13_january) <= {c["slug"] for c in centres}


def test_every_mark_of_a_three_day_zoom_opens_its_event(page, live_server, seed_live):
    open_chart(page, f"{live_server.url}/?window=2026-01-13..2026-01-15")
    centres = click_every_mark(page)
    assert {c["slug"] for c in centres} == in_view(page)
    on_13_january = Event.objects.filter(earliest="2026-01-13", latest="2026-01-13").values_list("slug", flat=True)
    assert set(on_13_january) <= {c["slug"] for c in centres}
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks == ["13 Jan 2026", "14 Jan", "15 Jan"]


@pytest.mark.parametrize("width", [1280, 375])
def test_labels_neither_overlap_nor_leave_the_plot(page, live_server, seed_live, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_chart(page, live_server.url)
    boxes = page.evaluate(LABEL_BOXES)
    plot = page.locator("#chart .nsewdrag").bounding_box()
    for box in boxes:
        assert plot["x"] - 0.5 <= box["left"] and box["right"] <= plot["x"] + plot["width"] + 0.5, box
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            side_by_side = a["right"] <= b["left"] or b["right"] <= a["left"]
            assert side_by_side or a["bottom"] <= b["top"] or b["bottom"] <= a["top"], (a, b)
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks and not any(":" in tick for tick in ticks)


def test_the_ten_most_important_events_of_the_first_view_are_labelled(page, live_server, seed_live):
    open_chart(page, live_server.url)
    drawn = {c["slug"] for c in page.evaluate(MARK_CENTRES)}
    labelled = {box["name"] for box in page.evaluate(LABEL_BOXES)}
    ranked = Event.objects.filter(slug__in=drawn).order_by("-importance", "earliest", "latest", "pk")
    top_ten = list(ranked.values_list("slug", flat=True)[:10])
    assert set(top_ten) <= labelled, set(top_ten) - labelled


def test_the_mode_bar_keeps_only_zoom_and_reset(page, live_server, seed_live):
    open_chart(page, live_server.url)
    page.hover("#chart .nsewdrag")
    buttons = page.locator("#chart .modebar-btn").evaluate_all("(all) => all.map((b) => b.dataset.title)")
    assert buttons == ["Zoom in", "Zoom out", "Reset axes"]


def test_a_zoom_is_laid_out_again_and_kept_in_the_url(page, live_server, seed_live):
    open_chart(page, live_server.url)
    page.evaluate(
        """() => new Promise((done) => {
          const chart = document.getElementById('chart');
          chart.addEventListener('timeline:rendered', done, {once: true});
          Plotly.relayout(chart, {'xaxis.range': ['2026-01-13', '2026-01-16']});
        })"""
    )
    assert "window=2026-01-13..2026-01-15" in page.evaluate("location.search")
    ticks = page.locator("#chart .xtick text").evaluate_all("(nodes) => nodes.map((n) => n.textContent)")
    assert ticks == ["13 Jan 2026", "14 Jan", "15 Jan"]


def test_the_chart_keeps_its_rows_height_until_a_resized_chart_is_laid_out_again(page, live_server, seed_live):
    # Plotly follows a resize at once; the layout for the new width comes later, or (offline) never.
    # Meanwhile the rows keep their height: squeezed into a smaller box, labels would cover other
    # events' marks (a click on a mark opened the label's event) and the page would run over the chart.
    open_chart(page, live_server.url)
    height = page.evaluate("() => document.getElementById('chart').getBoundingClientRect().height")
    page.route("**/api/window.json?*", lambda route: route.abort())
    page.evaluate(
        """() => {
          window.plotlyResizes = 0;
          document.getElementById('chart').on('plotly_relayout', (change) => {
            if (change.autosize) window.plotlyResizes += 1;
          });
        }"""
    )
    for resizes, width in enumerate([1000, 1280], start=1):
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_function("(resizes) => window.plotlyResizes >= resizes", arg=resizes)
        drawn = page.evaluate(
            """() => {
              const chart = document.getElementById('chart');
              return {box: chart.getBoundingClientRect().height, plot: chart._fullLayout.height};
            }"""
        )
        assert drawn == {"box": height, "plot": height}, width


def test_a_label_opens_its_event_too(page, live_server, seed_live):
    open_chart(page, live_server.url)
    nara = next(box for box in page.evaluate(LABEL_BOXES) if box["name"] == "takaichi-lee-summit-nara")
    page.mouse.click((nara["left"] + nara["right"]) / 2, (nara["top"] + nara["bottom"]) / 2)
    assert page.locator("#detail h2").first.inner_text() == Event.objects.get(slug="takaichi-lee-summit-nara").title


@pytest.mark.parametrize("lanes", ["arc", "actor", "topic", "none"])
def test_no_markup_from_the_data_reaches_the_chart(page, live_server, transactional_db, lanes):
    world = make_hostile_world()
    Topic.objects.filter(pk=world["topic"].pk).update(name=HOSTILE_TOPIC)
    open_chart(page, f"{live_server.url}/?lanes={lanes}&links=on")
    # A hover label is drawn too.
    first = page.evaluate(MARK_CENTRES)[0]
    box = page.locator("#chart .nsewdrag").bounding_box()
    page.mouse.move(box["x"] + first["x"], box["y"] + first["y"])
    page.wait_for_selector("#chart .hoverlayer .hovertext")
    assert page.locator("#chart svg a").count() == 0
    styled = page.evaluate(
        """() => [...document.querySelectorAll('#chart [style]')].map((n) => n.getAttribute('style'))
                 .filter((s) => /40px|90px|position: ?fixed|color: ?red/.test(s))"""
    )
    assert styled == []
    assert "pwn" in page.locator("#chart").text_content()
    assert page.dialogs == []


# The tops and bottoms of the date axis's labels, from the chart holder's top: the server's SVG or Plotly's.
TICK_BOXES = """(selector) => {
  const top = document.getElementById('chart').getBoundingClientRect().top;
  return [...document.querySelectorAll(selector)].map((node) => {
    const box = node.getBoundingClientRect();
    return {text: node.textContent, top: box.top - top, bottom: box.bottom - top};
  });
}"""


def test_the_dates_stand_above_the_plot_in_the_first_view_and_in_plotly_alike(page, live_server, seed_live):
    # The embed keeps the server's SVG until the reader reaches for the chart.
    page.goto(live_server.url + "/embed/")
    page.wait_for_load_state("networkidle")
    first_view = page.evaluate(TICK_BOXES, "svg.chart-first-view text.tick")
    plot_top = page.evaluate(
        "() => document.querySelector('svg.chart-first-view rect').getBoundingClientRect().top"
        " - document.getElementById('chart').getBoundingClientRect().top"
    )
    assert first_view
    assert all(tick["bottom"] <= plot_top for tick in first_view), (first_view, plot_top)
    page.locator("#chart").hover()
    page.wait_for_selector("#chart[data-rendered=true]")
    drawn = page.evaluate(TICK_BOXES, "#chart .xtick text")
    assert drawn
    # Nothing jumps at the takeover: the labels keep their line.
    assert abs(drawn[0]["top"] - first_view[0]["top"]) <= 2, (drawn[0], first_view[0])
    assert abs(drawn[0]["bottom"] - first_view[0]["bottom"]) <= 2, (drawn[0], first_view[0])
