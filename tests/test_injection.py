"""
No injection anywhere: hostile text in every free-text field of every model
and in every query parameter comes out of every public page, panel, embed and
export as the literal text it is, never as markup, script, link or style.
"""

import json
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from timeline.models import Source

from .chart_seam import open_chart
from .hostile import HOSTILE, URL_HOSTILE, free_text_fields, make_hostile_world, public_urls, query_parameters

DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
DATA_TAGS = {"img", "svg", "iframe", "object", "embed", "b", "base", "meta"}


class PageShape(HTMLParser):
    """Collect what could execute, navigate or restyle: the things data must never create."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and value:
                if value.strip().lower().startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"<{tag} {name}={value[:40]!r}>")
                if "evil.example" in value:
                    self.problems.append(f"<{tag} {name}={value[:40]!r}>")
            if name == "style" and value and ("90px" in value or "position:fixed" in value):
                self.problems.append(f"<{tag} style={value[:40]!r}>")
        if tag == "script":
            if "src" not in attrs and attrs.get("type") != "application/json":
                self.problems.append("inline <script>")
            self.in_script = True
        # The chart's first view is the page's own SVG (timeline/chart/svg.py); its content is checked as any other.
        # The phone rows' marks (timeline/chart/vertical.py) are the page's own small SVGs too.
        own_chart = tag == "svg" and attrs.get("class") in ("chart-first-view", "row-mark")
        # The embed's own <base target="_top"> (links leave the frame); one with an href would move every link.
        own_base = tag == "base" and attrs == {"target": "_top"}
        if tag in ("img", "svg", "iframe", "object", "embed", "base") and not (own_chart or own_base):
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if not self.in_script:
            self.text.append(data)


def shape_of(html: str) -> PageShape:
    parser = PageShape()
    parser.feed(html)
    parser.close()
    return parser


def check_response(url, response):
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    content_type = response.get("Content-Type", "")
    body = response.content.decode()
    if content_type.startswith("text/html"):
        shape = shape_of(body)
        assert not shape.problems, f"{url}: {shape.problems}"
        return shape
    if "json" in content_type:
        json.loads(body)
    return None


@pytest.fixture
def world(db):
    return make_hostile_world()


def test_hostile_world_fills_every_free_text_field(world):
    from django.apps import apps

    for model in apps.get_app_config("timeline").get_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in free_text_fields(model):
            values = model.objects.values_list(field.name, flat=True)
            assert any(v and "pwn" in v for v in values) or model.__name__ == "Proposal", (
                f"{model.__name__}.{field.name} holds no hostile text"
            )


def test_every_public_page_and_export_shows_hostile_text_as_text(world, client):
    urls = public_urls(client, world)
    assert "/" in urls
    shown = []
    for url in urls:
        for headers in ({}, {"HX-Request": "true"}):
            shape = check_response(url, client.get(url, headers=headers))
            if shape:
                shown.append("".join(shape.text))
    everything = "\n".join(shown)
    # The strings are on the pages, decoded back to exactly what was stored.
    for value in HOSTILE[:6]:
        assert value in everything, f"{value!r} is not shown literally"


def test_event_pages_and_panels_render_each_hostile_event(world, client):
    for event in world["events"]:
        for url in (event.get_absolute_url(), event.get_absolute_url() + "panel/"):
            shape = check_response(url, client.get(url))
            assert shape is not None
            text = "".join(shape.text)
            assert event.title[:50] in text


def test_source_pages_keep_hostile_urls_inert(world, client):
    for source in [world["source"], *world["bad_url_sources"]]:
        response = client.get(source.get_absolute_url())
        assert response.status_code == 200
        check_response(source.get_absolute_url(), response)
        assert source.url in "".join(shape_of(response.content.decode()).text)


@pytest.mark.parametrize("url", URL_HOSTILE)
def test_source_validation_rejects_script_and_data_urls(url):
    source = Source(published_on="2026-01-13", text="Some text.", url=url)
    with pytest.raises(ValidationError) as raised:
        source.full_clean()
    assert "url" in raised.value.message_dict


def test_hostile_query_parameters_never_inject(world):
    client = Client()
    urls = public_urls(client, world)
    params = query_parameters()
    for url in urls:
        for i, value in enumerate(HOSTILE + URL_HOSTILE):
            parameter = params[i % len(params)]
            for headers in ({}, {"HX-Request": "true"}):
                response = client.get(url, {parameter: value, "q": value}, headers=headers)
                check_response(f"{url}?{parameter}=…", response)


# -- In the browser: what Chromium builds from those pages --------------------

COUNT_DANGER = """() => ({
  inlineScripts: [...document.scripts].filter(s => !s.src && s.type !== 'application/json').length,
  media: document.querySelectorAll('img, iframe, object, embed, svg:not(#chart svg):not(#js-plotly-tester)').length,
  badLinks: [...document.querySelectorAll('a[href], [src]')].filter(a => {
      const v = (a.getAttribute('href') || a.getAttribute('src') || '').trim().toLowerCase();
      return v.startsWith('javascript:') || v.startsWith('data:') || v.includes('evil.example');
  }).length,
  dataStyles: [...document.querySelectorAll('[style]')].filter(e => {
      const s = e.getAttribute('style'); return s.includes('90px') || s.includes('position:fixed') || s.includes('position: fixed');
  }).length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  hoverLinks: document.querySelectorAll('.hoverlayer a').length,
})"""

CLEAN = {"inlineScripts": 0, "media": 0, "badLinks": 0, "dataStyles": 0, "handlers": 0, "hoverLinks": 0}


@pytest.fixture
def live_world(transactional_db):
    return make_hostile_world()


@pytest.mark.browser
def test_browser_shows_hostile_text_literally_everywhere(live_server, live_world, page):
    events = live_world["events"]
    hostile_q = HOSTILE[0]
    pages = [
        "/",
        "/?lanes=topic&links=on",
        "/?" + "&".join(f"{p}={v}" for p, v in [("from", HOSTILE[2]), ("to", HOSTILE[4])]),
        events[0].get_absolute_url(),
        events[6].get_absolute_url(),
        live_world["source"].get_absolute_url(),
        *(source.get_absolute_url() for source in live_world["bad_url_sources"]),
    ]
    for path in pages:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(COUNT_DANGER) == CLEAN, (
            path,
            page.evaluate(
                "() => [...document.querySelectorAll('img, iframe, object, embed, svg:not(#chart svg):not(#js-plotly-tester)')].map(e => e.outerHTML.slice(0, 200))"  # noqa: E501
            ),
        )
    page.goto(live_server.url + "/?q=" + hostile_q.replace("'", "%27"))
    page.wait_for_load_state("networkidle")
    assert page.input_value("#id_q") == hostile_q
    assert page.evaluate(COUNT_DANGER) == CLEAN
    assert page.dialogs == []
    page.goto(live_server.url + events[1].get_absolute_url())
    assert HOSTILE[1] in page.inner_text("main")


@pytest.mark.browser
def test_plotly_hover_labels_show_hostile_titles_as_literal_text(live_server, live_world, page):
    open_chart(page, live_server.url + "/")
    labels = []
    points = page.locator("#chart .scatterlayer .point")
    assert points.count() >= len(live_world["events"])
    for index in range(points.count()):
        page.mouse.move(0, 0)
        points.nth(index).hover(force=True)
        label = page.locator("#chart .hoverlayer .hovertext")
        if label.count():
            labels.append(label.first.text_content())
        assert page.evaluate(COUNT_DANGER) == CLEAN
    joined = "\n".join(labels)
    for event in live_world["events"][:9]:
        # Plotly would make a link, bold text or a style of these; they show as typed.
        assert event.title[:40] in joined, f"{event.title[:40]!r} not in any hover label"
    assert page.dialogs == []
