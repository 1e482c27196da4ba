"""The embed: a chrome-less timeline other sites may frame, cached for heavy traffic."""

import re

import pytest

from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_embed_shows_chart_list_and_a_credit_back_to_the_same_filters(client, seed):
    response = client.get("/embed/", {"actor": "china", "title": "China and its neighbours"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="timeline-figure"' in html
    assert '<h1 class="embed-title">China and its neighbours</h1>' in html
    assert 'class="site-header"' not in html
    china = Event.objects.published().filter(actors__slug="china")
    assert html.count('class="event-item') == china.count()
    assert re.search(r'<a href="/\?actor=china" target="_blank" rel="noopener">Open the full timeline', html)


@pytest.mark.parametrize("theme", ["light", "dark", "auto"])
def test_embed_theme_sets_the_page_theme(client, seed, theme):
    html = client.get("/embed/", {"theme": theme}).content.decode()
    assert f'data-theme="{theme}"' in html


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"theme": "<script>alert(1)</script>"}, "theme"),
        ({"title": "x" * 500}, "title"),
        ({"event": "no-such-event"}, "event"),
        ({"actor": "atlantis"}, "actor"),
    ],
)
def test_embed_rejects_bad_parameters_without_reflecting_markup(client, seed, query, parameter):
    response = client.get("/embed/", query)
    html = response.content.decode()
    assert response.status_code == 400
    assert f"<strong>{parameter}</strong>" in html
    assert "<script>alert(1)</script>" not in html
    assert "no-store" in response["Cache-Control"]


def test_embed_title_is_text_not_markup(client, seed):
    html = client.get("/embed/", {"title": "<b>bold</b> & co"}).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert "<b>bold</b>" not in html


def test_embed_event_parameter_opens_that_events_citations(client, seed):
    nara = Event.objects.get(slug="takaichi-lee-summit-nara")
    html = client.get("/embed/", {"event": nara.slug}).content.decode()
    detail = html[html.index('id="detail"') :]
    assert nara.title in detail
    assert "What the sources say" in detail


def test_only_the_embed_may_be_framed_and_by_the_configured_origins(client, seed, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example", "https://*.paper.example"]
    embed = client.get("/embed/")
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors https://news.example https://*.paper.example" in embed["Content-Security-Policy"]
    for url in ("/", "/admin/login/", "/api/events.json", f"/events/{Event.objects.first().slug}/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], url


def test_embed_frame_ancestors_default_to_any_https_page(client, seed):
    assert "frame-ancestors https:" in client.get("/embed/")["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["/embed/", "/embed/?actor=japan", "/api/events.json", "/api/window.json?from=2026-01-01&to=2026-01-31"]
)
def test_public_data_carries_validators_and_a_public_max_age(client, seed, settings, url):
    settings.PUBLIC_CACHE_SECONDS = 120
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"].endswith("GMT")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=120"} <= cache_control
    assert any(part.startswith("stale-while-revalidate=") for part in cache_control)


@pytest.mark.parametrize("url", ["/embed/", "/api/events.json"])
def test_conditional_requests_get_304_until_the_data_changes(client, seed, url, django_capture_on_commit_callbacks):
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    event = Event.objects.get(slug="takaichi-lee-summit-nara")
    with django_capture_on_commit_callbacks(execute=True):  # the version moves at the commit
        event.title = "Takaichi and Lee meet in Nara (corrected)"
        event.save()

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Takaichi and Lee meet in Nara (corrected)" in again.content.decode()


def test_etag_differs_between_filter_sets(client, seed):
    assert client.get("/embed/")["ETag"] != client.get("/embed/?actor=china")["ETag"]


def test_timeline_offers_the_embed_snippet_for_its_filters(client, seed):
    html = client.get("/", {"actor": "china"}).content.decode()
    snippet = html[html.index('<textarea id="embed-code"') :]
    snippet = snippet[: snippet.index("</textarea>")]
    assert (
        "&lt;iframe src=&quot;http://testserver/embed/?actor=china&quot;" in snippet
        or '&lt;iframe src="http://testserver/embed/?actor=china"' in snippet
    )
    assert "data-summit-embed" in snippet
    assert re.search(r"http://testserver/static/embed(\.[0-9a-f]+)?\.js", snippet)


def test_the_timeline_page_is_revalidated_every_time_so_editors_see_edits_at_once(client, seed):
    response = client.get("/")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "no-cache" in cache_control and not any(part.startswith("max-age") for part in cache_control)
    assert client.get("/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_gzip_is_its_own_representation_with_its_own_etag(client, seed):
    plain = client.get("/embed/")
    zipped = client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert zipped["ETag"] != plain["ETag"]
    assert len(zipped.content) < len(plain.content) / 4
    again = client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"])
    assert again.status_code == 304


def test_the_embed_paints_without_waiting_for_another_request(client, seed):
    html = client.get("/embed/").content.decode()
    head = html[: html.index("</head>")]
    assert 'rel="stylesheet"' not in head
    # The scripts the parser meets are small loaders that block nothing; the rest wait in a template.
    scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", re.sub(r"<template\b.*?</template>", "", head, flags=re.S))
    assert scripts
    for script in scripts:
        assert re.search(r"\basync\b", script), script
    # The site's styles are in the page itself.
    style = head[head.index("<style>") : head.index("</style>")]
    assert ".chart-first-view" in style and ".embed" in style


def test_the_embed_runs_its_scripts_after_the_first_paint_in_order(client, seed):
    html = client.get("/embed/").content.decode()
    later = re.search(r'<template id="after-first-paint">(.*?)</template>', html, flags=re.S)
    assert later, "the embed lists its scripts for after the first paint"
    listed = [re.sub(r"^.*/|\.js$", "", src) for src in re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', later.group(1))]
    # htmx before the scripts that use it; each of the page's scripts once.
    assert listed[:1] == ["htmx-2.min"], listed
    assert listed[-1:] == ["timeline"], listed
    assert re.search(r'<script src="[^"]*/loader\.js" [^>]*async>', html)
