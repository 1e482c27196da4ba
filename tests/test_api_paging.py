"""The events API pages with a limit and a signed cursor, in a stable order, with a bounded cost."""

from urllib.parse import parse_qs, urlsplit

import pytest

from timeline.models import Event

pytestmark = pytest.mark.django_db


def all_pages(client, **params):
    url, slugs, pages = "/api/events.json", [], 0
    while url:
        data = client.get(url, params if pages == 0 else None).json()
        slugs += [event["slug"] for event in data["events"]]
        assert data["count"] == len(data["events"])
        url, pages = data["next"], pages + 1
    return slugs, pages


def test_paging_visits_every_event_once_in_a_stable_order(client, seed):
    slugs, pages = all_pages(client, limit=7)
    expected = list(Event.objects.published().order_by("earliest", "latest", "pk").values_list("slug", flat=True))
    assert slugs == expected
    assert pages == -(-len(expected) // 7)


def test_paging_keeps_the_filters(client, seed):
    slugs, _ = all_pages(client, limit=3, actor="china")
    china = Event.objects.published().filter(actors__slug="china").order_by("earliest", "latest", "pk")
    assert slugs == list(china.values_list("slug", flat=True))


def test_a_page_is_stable_when_earlier_events_are_added(client, seed):
    first = client.get("/api/events.json", {"limit": 5}).json()
    Event.objects.create(
        title="A much earlier event",
        slug="much-earlier",
        earliest="1900-01-01",
        latest="1900-01-01",
        precision="day",
        status="happened",
        status_as_of="2026-01-01",
        is_published=True,
    )
    second = client.get(first["next"]).json()
    expected = list(
        Event.objects.published()
        .exclude(slug="much-earlier")
        .order_by("earliest", "latest", "pk")
        .values_list("slug", flat=True)
    )[5:10]
    assert [event["slug"] for event in second["events"]] == expected


def test_the_default_page_is_a_hundred_and_the_last_has_no_next(client, seed):
    data = client.get("/api/events.json").json()
    assert data["count"] == Event.objects.published().count() <= 100
    assert data["next"] is None


def test_a_page_costs_a_fixed_number_of_queries(client, seed, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        client.get("/api/events.json", {"limit": 1000})


@pytest.mark.parametrize("limit", ["0", "1001", str(10**9), "abc", "-1", "1.5"])
def test_limits_out_of_range_are_400s(client, seed, limit):
    response = client.get("/api/events.json", {"limit": limit})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "limit"


@pytest.mark.parametrize("cursor", ["garbage", "W1siMjAyNi0wMS0wMSIsICIyMDI2LTAxLTAxIiwgMV1d", "x" * 500, "a:b:c"])
def test_forged_or_garbled_cursors_are_400s(client, seed, cursor):
    response = client.get("/api/events.json", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "cursor"


def test_a_cursor_with_its_signature_changed_is_refused(client, seed):
    next_url = client.get("/api/events.json", {"limit": 2}).json()["next"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]
    assert client.get("/api/events.json", {"cursor": cursor}).status_code == 200
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    assert client.get("/api/events.json", {"cursor": tampered}).status_code == 400
