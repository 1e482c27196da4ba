"""
The shared response cache keeps an answer under everything that shapes its
body and nothing else: junk parameters share an entry, and no client can
plant a representation (uncompressed, http links) that another then gets.
"""

import gzip
import json

import brotli
import pytest
from django.core.cache import cache

from timeline import caching, data_version
from timeline.models import Event

pytestmark = pytest.mark.django_db

RESPONSE_KEY_PREFIX = "summit:response:"


@pytest.fixture
def stored_answers(monkeypatch):
    """The keys of the answers the response cache stores, in order."""
    keys = []
    real_set = cache.set

    def spying_set(key, *args, **kwargs):
        if key.startswith(RESPONSE_KEY_PREFIX):
            keys.append(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spying_set)
    return keys


def body(response) -> str:
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    elif response.get("Content-Encoding") == "br":
        content = brotli.decompress(content)
    return content.decode()


@pytest.mark.parametrize("url", ["/embed/", "/api/events.json", "/api/events.csv", "/oembed?url=http://testserver/"])
def test_unknown_parameters_share_one_cached_answer(client, seed, stored_answers, url):
    joiner = "&" if "?" in url else "?"
    first = client.get(f"{url}{joiner}cb=1")
    for number in range(2, 6):
        again = client.get(f"{url}{joiner}cb={number}&utm_source=x{number}")
        assert again.status_code == 200
        assert again["ETag"] == first["ETag"]
    assert len(stored_answers) == 1


def test_filters_still_get_their_own_cached_answer(client, seed, stored_answers):
    client.get("/embed/")
    client.get("/embed/?actor=japan")
    client.get("/embed/?actor=japan&cb=7")
    assert len(stored_answers) == 2


def test_an_htmx_header_other_than_true_is_a_plain_request(client, seed, stored_answers):
    client.get("/embed/")
    for value in ("yes", "1", "anything"):
        client.get("/embed/", HTTP_HX_REQUEST=value)
    assert len(stored_answers) == 1


def test_the_next_link_carries_only_the_parameters_the_api_reads(client, seed):
    data = client.get("/api/events.json?limit=2&actor=japan&cb=123").json()
    assert "cb=" not in data["next"]
    assert "actor=japan" in data["next"] and "limit=2" in data["next"]


@pytest.mark.parametrize("refusal", ["nogzip", "gzip;q=0", "identity", "x-gzip;q=0, identity"])
def test_a_client_refusing_gzip_cannot_plant_an_uncompressed_answer_for_gzip_clients(client, seed, refusal):
    plain = client.get("/embed/", HTTP_ACCEPT_ENCODING=refusal)
    assert plain.get("Content-Encoding") is None
    assert "<html" in body(plain)
    zipped = client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert zipped["Content-Encoding"] == "gzip"
    assert body(zipped) == body(plain)


@pytest.mark.parametrize("url", ["/embed/", "/", "/api/events.json", "/api/window.json?from=2026-01-01&to=2026-01-31"])
def test_html_and_json_go_brotli_to_browsers_that_accept_it(client, seed, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br, zstd")
    assert response["Content-Encoding"] == "br"
    assert int(response["Content-Length"]) == len(response.content)
    plain = client.get(url, HTTP_ACCEPT_ENCODING="identity")
    assert body(response) == body(plain)
    assert "Accept-Encoding" in response["Vary"]


def test_each_coding_is_cached_apart_and_none_reaches_a_client_that_did_not_ask(client, seed, stored_answers):
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="br")["Content-Encoding"] == "br"
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="identity").get("Content-Encoding") is None
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip, br")["Content-Encoding"] == "br"
    assert len(stored_answers) == 3


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        ("gzip, deflate, br, zstd", "br"),
        ("br", "br"),
        ("gzip", "gzip"),
        ("br;q=0.5, gzip", "gzip"),
        ("br;q=0, gzip;q=0.1", "gzip"),
        ("BR", "identity"),
        ("identity", "identity"),
        ("", "identity"),
    ],
)
def test_the_content_coding_is_the_clients_favourite_of_brotli_and_gzip(rf, header, coding):
    assert caching.chosen_coding(rf.get("/", HTTP_ACCEPT_ENCODING=header)) == coding


def test_a_gzip_client_cannot_plant_a_compressed_answer_for_plain_clients(client, seed):
    assert client.get("/embed/", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"
    plain = client.get("/embed/", HTTP_ACCEPT_ENCODING="nogzip")
    assert plain.get("Content-Encoding") is None
    assert "Accept-Encoding" in plain["Vary"]


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", True),
        ("nogzip", False),
        ("gzip;q=0", False),
        ("gzip; q=0.000", False),
        ("gzip;q=nonsense", False),
        ("x-gzip", False),
        ("", False),
    ],
)
def test_accept_encoding_is_read_entry_by_entry(rf, header, accepted):
    assert caching.accepts_gzip(rf.get("/", HTTP_ACCEPT_ENCODING=header)) is accepted


def test_https_links_in_a_cached_answer_never_reach_plain_http_clients(client, seed):
    secure = client.get("/api/events.json?limit=1", HTTP_X_FORWARDED_PROTO="https").json()
    assert secure["next"].startswith("https://")
    plain = client.get("/api/events.json?limit=1").json()
    assert plain["next"].startswith("http://testserver/")
    assert all(event["url"].startswith("http://") for event in plain["events"])


def test_oembed_answers_keep_the_scheme_of_the_client(client, seed):
    query = {"url": "http://testserver/embed/", "format": "json"}
    secure = client.get("/oembed", query, HTTP_X_FORWARDED_PROTO="https").json()
    assert 'src="https://testserver' in secure["html"]
    plain = client.get("/oembed", query).json()
    assert 'src="http://testserver/embed/' in plain["html"]


def test_answers_too_big_to_share_are_built_afresh(client, seed, stored_answers, monkeypatch):
    monkeypatch.setattr(caching, "MAX_CACHED_RESPONSE_BYTES", 200)
    first = client.get("/api/events.json")
    assert len(first.content) > 200
    assert stored_answers == []
    assert json.loads(client.get("/api/events.json").content) == json.loads(first.content)


def test_the_local_memory_cache_is_bounded(settings):
    options = settings.CACHES["default"].get("OPTIONS", {})
    if "locmem" in settings.CACHES["default"]["BACKEND"]:
        assert cache._max_entries == options["MAX_ENTRIES"] <= 1000


def test_a_cached_embed_keeps_its_own_frame_ancestors_and_other_pages_none(client, seed, settings, stored_answers):
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example"]
    for _ in range(2):  # built, then from the cache
        policy = client.get("/embed/")["Content-Security-Policy"]
        assert "frame-ancestors https://news.example" in policy
    assert len(stored_answers) == 1
    for url in ("/", "/api/events.json", "/oembed?url=http://testserver/"):
        assert "frame-ancestors 'none'" in client.get(url)["Content-Security-Policy"], url


def test_an_edit_replaces_an_answers_entry_instead_of_adding_one(
    client, seed, stored_answers, django_capture_on_commit_callbacks
):
    client.get("/api/events.json")
    with django_capture_on_commit_callbacks(execute=True):
        event = Event.objects.published().first()
        event.title = "Retitled, so the answer is built again"
        event.save()
    client.get("/api/events.json")
    assert len(stored_answers) == 2 and stored_answers[0] == stored_answers[1]


def test_an_answer_built_at_an_older_version_never_replaces_a_newer_one(client, seed, stored_answers, monkeypatch):
    newer = client.get("/api/events.json")
    version = data_version.current()
    with monkeypatch.context() as patch:
        # A worker still at the version before (it read it just before the last commit).
        patch.setattr(caching, "current", lambda: data_version.Version(version.number - 1, version.changed_at))
        older = client.get("/api/events.json")
    assert older["ETag"] != newer["ETag"]
    again = client.get("/api/events.json")
    assert again["ETag"] == newer["ETag"]
    assert len(stored_answers) == 1
