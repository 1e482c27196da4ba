"""oEmbed: pasted summit URLs become the embed's iframe; anything else is a clear error."""

import re
from html import unescape

import pytest

from timeline.models import Event

pytestmark = pytest.mark.django_db


def oembed(client, **params):
    return client.get("/oembed", {"format": "json", **params})


def iframe_src(data) -> str:
    return unescape(re.search(r'<iframe src="([^"]+)"', data["html"]).group(1))


@pytest.mark.parametrize(
    ("url", "expected_src"),
    [
        ("http://testserver/", "http://testserver/embed/"),
        ("http://testserver/?actor=china&from=2026-01-01", "http://testserver/embed/?actor=china&from=2026-01-01"),
        ("http://testserver/embed/?topic=security&theme=dark", "http://testserver/embed/?topic=security&theme=dark"),
        (
            "http://testserver/events/takaichi-lee-summit-nara/",
            "http://testserver/embed/?event=takaichi-lee-summit-nara",
        ),
    ],
)
def test_oembed_answers_rich_iframes_for_our_pages(client, seed, url, expected_src):
    response = oembed(client, url=url)
    assert response.status_code == 200
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich" and data["provider_name"] == "summit"
    assert (data["width"], data["height"]) == (800, 640)
    assert iframe_src(data) == expected_src
    assert "data-summit-embed" in data["html"]
    assert re.search(r'<script async src="http://testserver/static/embed(\.[0-9a-f]+)?\.js"></script>', data["html"])
    assert data["title"]


def test_oembed_of_an_event_is_titled_by_the_event(client, seed):
    nara = Event.objects.get(slug="takaichi-lee-summit-nara")
    data = oembed(client, url="http://testserver" + nara.get_absolute_url()).json()
    assert nara.title in data["title"]


def test_oembed_honours_maxwidth_and_maxheight(client, seed):
    data = oembed(client, url="http://testserver/", maxwidth="500", maxheight="300").json()
    assert (data["width"], data["height"]) == (500, 300)
    assert 'width="500" height="300"' in data["html"]
    roomy = oembed(client, url="http://testserver/", maxwidth="5000").json()
    assert roomy["width"] == 800


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "https://evil.example/events/takaichi-lee-summit-nara/",
        "javascript:alert(1)//testserver/",
        "//evil.example/",
        "http://testserver/no-such-page/",
        "http://testserver/admin/",
        "http://testserver/events/no-such-event/",
        "/events/takaichi-lee-summit-nara/",
    ],
)
def test_oembed_refuses_urls_that_are_not_our_pages(client, seed, url):
    response = oembed(client, url=url)
    assert response.status_code == 404
    assert response.json()["error"]


def test_oembed_refuses_unpublished_events(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    assert oembed(client, url="http://testserver/events/takeshima-day-2026/").status_code == 404


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"format": "xml"}, 501),
        ({"format": "yaml"}, 400),
        ({"maxwidth": "-1"}, 400),
        ({"maxwidth": "abc"}, 400),
        ({"maxheight": "0"}, 400),
        ({"maxheight": "99999999999999999999"}, 400),
    ],
)
def test_oembed_bad_parameters_are_clear_errors(client, seed, params, status):
    response = client.get("/oembed", {"url": "http://testserver/", "format": "json", **params})
    assert response.status_code == status
    assert response.json()["error"]


def test_oembed_without_url_is_a_400(client, db):
    assert client.get("/oembed").status_code == 400


def test_oembed_never_reflects_markup(client, seed):
    response = oembed(client, url='http://testserver/?q="><script>alert(1)</script>')
    body = response.content.decode()
    assert "<script>alert(1)" not in body and "\\u003Cscript\\u003Ealert" not in body
    src = iframe_src(response.json())
    assert '"' not in src.split("?")[0]


@pytest.mark.parametrize("path", ["/", "/events/takaichi-lee-summit-nara/"])
def test_pages_carry_an_oembed_discovery_link_that_works(client, seed, path):
    html = client.get(path).content.decode()
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
    assert link
    response = client.get(unescape(link.group(1)))
    assert response.status_code == 200
    assert response.json()["type"] == "rich"
