"""
Answers missing from the cache cost queries, so each client may ask for only
so many a minute (PUBLIC_MISS_RATE); cached answers are never limited.
"""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_an_hour(settings):
    # An hour's window: a minute's may turn while a slow machine sends the test's five requests.
    settings.PUBLIC_MISS_RATE = "3/h"


def test_uncached_searches_past_the_limit_get_a_friendly_429_with_retry_after(client, seed, three_an_hour):
    for word in ("nara", "summit", "export"):
        assert client.get("/api/events.json", {"q": word}).status_code == 200
    refused = client.get("/api/events.json", {"q": "a fourth new search"})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert "no-store" in refused["Cache-Control"]
    assert "try again" in refused.content.decode()


def test_cached_answers_are_never_limited(client, seed, three_an_hour):
    for word in ("nara", "summit", "export"):
        client.get("/embed/", {"q": word})
    for _ in range(10):
        assert client.get("/embed/", {"q": "nara"}).status_code == 200


def test_the_limit_is_per_client(client, seed, three_an_hour):
    for word in ("nara", "summit", "export", "fourth"):
        client.get("/api/events.json", {"q": word}, REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/events.json", {"q": "fifth"}, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/events.json", {"q": "fifth"}, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_trusted_proxy_the_limit_keys_on_the_forwarded_client(client, seed, three_an_hour, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for word in ("nara", "summit", "export", "fourth"):
        client.get("/api/events.json", {"q": word}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1")
    limited = client.get("/api/events.json", {"q": "fifth"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1")
    other = client.get("/api/events.json", {"q": "fifth"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert (limited.status_code, other.status_code) == (429, 200)
