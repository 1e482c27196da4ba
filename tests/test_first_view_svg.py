"""The chart's first view drawn by the server as SVG from the layout: Plotly's geometry, links, escaping."""

import datetime
import re
from xml.etree import ElementTree

import pytest

from timeline.chart import style
from timeline.chart.draw_plotly import to_figure
from timeline.chart.layout import ChartEvent, LaneKey, LinkKey, View, density_bars, lay_out, links_between
from timeline.chart.svg import first_view_svg
from timeline.models import Topic

from .hostile import make_hostile_world

SVG = "{http://www.w3.org/2000/svg}"
JAPAN = LaneKey("japan", "Japan", "#bc002d")
KOREA = LaneKey("south-korea", "South Korea", "#0069b4")
NARA = datetime.date(2026, 1, 13)
VIEW = View(datetime.date(2025, 10, 1), datetime.date(2026, 3, 1), 880, "actor", datetime.date(2026, 1, 20))


def event(slug, day=NARA, last=None, importance=3, lanes=(JAPAN,), status="happened", title=None):
    return ChartEvent(
        slug=slug,
        title=title or f"The title of {slug}",
        short_title=f"Short {slug}",
        earliest=day,
        latest=last or day,
        precision="day" if last is None else "span",
        status=status,
        importance=importance,
        date_label=str(day),
        lanes=lanes,
    )


EVENTS = [
    event("summit", importance=5, lanes=(JAPAN, KOREA)),
    event("press", importance=2),
    event("dinner", importance=1),
    event("talks", day=datetime.date(2025, 11, 1), last=datetime.date(2025, 11, 30), status="scheduled"),
    event("visit", day=datetime.date(2026, 2, 10), status="expected", lanes=(KOREA,)),
    event("trilateral", day=datetime.date(2025, 12, 20), status="cancelled", lanes=(KOREA,)),
]


def parsed(svg: str) -> ElementTree.Element:
    """The SVG as XML: it must be well formed to be parsed at all."""
    return ElementTree.fromstring(
        svg.replace('href="#', 'xlink:href="#').replace(
            "<svg ", '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ', 1
        )
    )


def drawn(layout):
    return parsed(str(first_view_svg(layout, "Timeline chart of 6 events")))


def percent(value: str) -> float:
    return float(value.removesuffix("%"))


def test_every_mark_stands_where_the_layout_puts_it():
    layout = lay_out(EVENTS, VIEW)
    svg = drawn(layout)
    links = svg.findall(f".//{SVG}a")
    placed = sorted(
        (link.get("data-slug"), percent(link.find(f"{SVG}use").get("x")), float(link.find(f"{SVG}use").get("y")))
        for link in links
    )
    expected = sorted(
        (mark.slug, mark.x_px / layout.width * 100, style.MARGIN_TOP + mark.y * style.ROW_HEIGHT)
        for mark in layout.marks
    )
    assert [slug for slug, _, _ in placed] == [slug for slug, _, _ in expected]
    for (_, x, y), (_, x_expected, y_expected) in zip(placed, expected):
        assert x == pytest.approx(x_expected, abs=0.01)
        assert y == pytest.approx(y_expected, abs=0.01)


def test_the_svg_is_as_tall_as_the_plotly_figure_and_spans_the_plot_width():
    layout = lay_out(EVENTS, VIEW)
    figure = to_figure(layout)
    svg = parsed(str(first_view_svg(layout)))
    assert int(svg.get("height")) == figure["layout"]["height"]
    assert svg.get("width") == "100%"
    # Padding as wide as the figure's margins: 100% of the SVG is the plot.
    assert f"padding:0 {style.MARGIN_RIGHT}px 0 {style.MARGIN_LEFT}px" in svg.get("style")


def test_each_mark_is_a_link_to_its_event_that_htmx_opens_in_the_panel():
    svg = drawn(lay_out(EVENTS, VIEW))
    links = {link.get("data-slug"): link for link in svg.findall(f".//{SVG}a")}
    assert set(links) == {e.slug for e in EVENTS}
    summit = links["summit"]
    assert summit.get("href") == "/events/summit/"
    assert summit.get("hx-get") == "/events/summit/panel/"
    assert summit.get("hx-target") == "#detail"
    assert summit.find(f"{SVG}title").text.startswith("The title of summit")
    # A target of at least MIN_TARGET px around every mark.
    target = summit.find(f"{SVG}circle[@class='target']")
    assert float(target.get("r")) * 2 >= style.MIN_TARGET
    mark = summit.find(f"{SVG}use")
    assert (target.get("cx"), target.get("cy")) == (mark.get("x"), mark.get("y"))


def test_visible_labels_are_drawn_with_their_marks_and_hidden_ones_are_not():
    layout = lay_out(EVENTS, VIEW)
    svg = drawn(layout)
    texts = {"".join(text.itertext()) for text in svg.iter(f"{SVG}text")}
    for label in layout.labels:
        assert (label.text in texts) == label.visible, label.text
    assert any(label.visible for label in layout.labels)


def test_each_status_gets_the_symbol_of_the_plotly_drawing():
    svg = drawn(lay_out(EVENTS, VIEW))
    uses = {link.get("data-slug"): link.find(f"{SVG}use") for link in svg.findall(f".//{SVG}a")}
    assert uses["summit"].get("{http://www.w3.org/1999/xlink}href") == "#mark-circle"
    assert uses["summit"].get("fill") != "none"
    assert uses["talks"].get("fill") == "none"  # scheduled: an open circle
    assert uses["visit"].get("{http://www.w3.org/1999/xlink}href") == "#mark-diamond"
    assert uses["trilateral"].get("{http://www.w3.org/1999/xlink}href") == "#mark-x-thin"


def test_lanes_ticks_range_bars_and_today_are_drawn():
    layout = lay_out(EVENTS, VIEW)
    svg = drawn(layout)
    texts = ["".join(text.itertext()) for text in svg.iter(f"{SVG}text")]
    assert "Japan" in texts and "South Korea" in texts
    assert [tick.text for tick in layout.ticks] == [t for t in texts if t in {tick.text for tick in layout.ticks}]
    assert "today" in texts
    today = svg.find(f".//{SVG}line[@class='today']")
    assert percent(today.get("x1")) == pytest.approx(layout.today.x_px / layout.width * 100, abs=0.1)
    bar = next(mark.bar for mark in layout.marks if mark.slug == "talks")
    assert any(
        percent(line.get("x1")) == pytest.approx(bar.x0_px / layout.width * 100, abs=0.1)
        for line in svg.iter(f"{SVG}line")
    )


def test_a_window_that_draws_some_of_its_events_shows_the_density_band():
    layout = lay_out(EVENTS, VIEW)
    counts = [(datetime.date(2025, 10, 1), datetime.date(2025, 11, 1), 4)]
    counts.append((datetime.date(2025, 11, 1), datetime.date(2025, 12, 1), 40))
    layout.density = density_bars(layout, "month", counts)
    svg = drawn(layout)
    band = svg.find(f".//{SVG}g[@class='density']")
    heights = [float(rect.get("height")) for rect in band.iter(f"{SVG}rect")]
    assert len(heights) == 2 and heights[1] > heights[0] > 0


def test_text_from_the_data_is_escaped_once_and_never_markup():
    hostile = '<a href="https://evil.example/">x</a><b style="font-size:40px">'
    lane = LaneKey("bad", hostile, "#112233")
    events = [event("bad", lanes=(lane,), title=f"{hostile} &amp; <script>alert('pwn')</script>")]
    svg_text = str(first_view_svg(lay_out(events, VIEW)))
    svg = parsed(svg_text)  # well formed: nothing broke out of an attribute or a text node
    assert "evil.example" not in " ".join(link.get("href", "") for link in svg.iter(f"{SVG}a"))
    assert "<script" not in svg_text and "<b " not in svg_text
    title = svg.find(f".//{SVG}a/{SVG}title").text
    assert title.startswith(f"{hostile} &amp; <script>")  # shown as typed


def test_no_figure_draws_nothing():
    assert first_view_svg(None) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/embed/"])
def test_the_page_and_the_embed_hold_the_first_view(client, seed, path):
    html = client.get(path).content.decode()
    svg = html[html.index('<svg class="chart-first-view"') :]
    assert 'role="group" aria-label="Timeline chart of 30 events"' in svg[:300]
    assert len(re.findall(r'<a href="/events/[^"]+/" hx-get="/events/[^"]+/panel/"', html)) >= 30
    # plotly.js is not on the page; loader.js knows where it is.
    assert 'src="/static/vendor/plotly' not in html
    assert re.search(r'data-plotly="/static/vendor/plotly-summit-[\d.]+\.min\.js"', html)


@pytest.mark.django_db
@pytest.mark.parametrize("lanes", ["actor", "topic", "arc", "none"])
def test_hostile_names_stay_text_in_the_first_view(client, lanes):
    world = make_hostile_world()
    Topic.objects.filter(pk=world["topic"].pk).update(name='<a href="https://evil.example/">x</a><b style="x">')
    html = client.get(f"/embed/?lanes={lanes}").content.decode()
    start = html.index('<svg class="chart-first-view"')
    svg = html[start : html.index("</svg>", start) + 6]
    parsed(svg)
    # The narrow box's rows beside it, from the same names.
    rows = html[html.index('<div class="chart-rows">') : html.index('<p id="chart-focus"')]
    for drawn in (svg, rows):
        assert "<script" not in drawn and 'evil.example/">' not in drawn and "<b " not in drawn and "<img" not in drawn


def test_the_date_axis_stands_above_the_plot():
    svg = drawn(lay_out(EVENTS, VIEW))
    ticks = [text for text in svg.iter(f"{SVG}text") if text.get("class") == "tick"]
    assert ticks
    assert all(float(tick.get("y")) < style.MARGIN_TOP for tick in ticks)


def test_each_mark_carries_its_lighter_twin_for_a_dark_page():
    layout = lay_out(EVENTS, VIEW)
    figure = to_figure(layout)
    svg = parsed(str(first_view_svg(layout)))
    marks = list(svg.iter(f"{SVG}use"))
    assert marks
    for mark in marks:
        light = mark.get("stroke")
        assert "paint-stroke" in mark.get("class")
        assert mark.get("style") == f"--light:{light};--dark:{figure['dark'][light]}"


def test_a_colour_that_is_not_hex_gets_no_style_attribute():
    # Colours come from the admin; only #rrggbb reaches a style attribute.
    hostile = LaneKey("x", "X", "red;background:url(https://evil.example/)")
    svg = str(first_view_svg(lay_out([event("a", lanes=(hostile,))], VIEW)))
    assert "--light:" not in svg and "--dark:" not in svg


def test_links_run_between_the_marks_of_related_events_in_both_drawings():
    layout = lay_out(EVENTS, VIEW)
    layout.links = links_between(layout, [LinkKey("talks", "summit", "<b>Talks</b> led to the summit")])
    line = drawn(layout).find(f".//{SVG}line[@class='link']")
    marks = {mark.slug: mark for mark in layout.marks if mark.primary}
    assert percent(line.get("x1")) == pytest.approx(marks["talks"].x_px / layout.width * 100, abs=0.01)
    assert float(line.get("y2")) == pytest.approx(layout.y_px(marks["summit"].y), abs=0.01)
    assert line.find(f"{SVG}title").text == "<b>Talks</b> led to the summit"
    trace = next(trace for trace in to_figure(layout)["data"] if trace["meta"] == "links")
    assert trace["y"] == [marks["talks"].y, marks["summit"].y, None]
    assert trace["hovertext"][0] == "&lt;b&gt;Talks&lt;/b&gt; led to the summit"


def test_an_event_that_began_before_a_late_left_edge_keeps_its_mark_in_sight():
    """A pan whose left edge falls at 19:12 of the view's first day still shows the earlier event's mark."""
    start = datetime.date(2025, 11, 20)
    view = View(start, start + datetime.timedelta(days=3), 880, "actor")
    layout = lay_out([event("talks", day=datetime.date(2025, 11, 1), last=datetime.date(2025, 11, 30))], view)
    mark = layout.marks[0]
    assert mark.x == start and mark.hour > 19.2
    figure_x = next(trace for trace in to_figure(layout)["data"] if trace["meta"] == "events")["x"][0]
    assert figure_x > f"{start.isoformat()} 19:12"
    assert [label.visible for label in layout.labels] == [True]
