import pytest

from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_api_lists_published_events_with_their_citations(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    data = client.get("/api/events.json").json()
    slugs = [event["slug"] for event in data["events"]]
    assert set(slugs) == set(Event.objects.published().values_list("slug", flat=True))
    nara = next(event for event in data["events"] if event["slug"] == "takaichi-lee-summit-nara")
    assert nara["date_label"] == "13 Jan 2026"
    assert nara["earliest"] == nara["latest"] == "2026-01-13"
    assert nara["precision"] == "day"
    assert {"slug", "title", "summary", "status", "actors", "topics", "importance", "citations"} <= nara.keys()
    citation = nara["citations"][0]
    assert {"outlet", "title", "published_on", "url"} <= citation["source"].keys()
    assert citation["quote"]


def test_api_is_in_chronological_order(client, seed):
    events = client.get("/api/events.json").json()["events"]
    keys = [(event["earliest"], event["latest"]) for event in events]
    assert keys == sorted(keys)


def test_api_honours_the_same_filters_as_the_page(client, seed):
    data = client.get("/api/events.json", {"actor": "china", "from": "2026-01-01"}).json()
    assert data["events"]
    for event in data["events"]:
        assert "china" in [actor["slug"] for actor in event["actors"]]
        assert event["latest"] >= "2026-01-01"


def test_api_keeps_unknown_metadata_null(client, seed):
    events = client.get("/api/events.json").json()["events"]
    sources = [citation["source"] for event in events for citation in event["citations"]]
    assert any(source["outlet"] is None for source in sources)
    assert all(source["url"] is None for source in sources)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("from=2026-13-45", "from"),
        ("actor=atlantis", "actor"),
        ("from=2026-02-01&to=2026-01-01", "to"),
        ("q=" + "x" * 10_000, "q"),
        ("to=a&to=b", "to"),
    ],
)
def test_api_rejects_bad_parameters_naming_them(client, seed, query, parameter):
    response = client.get("/api/events.json?" + query)
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["error"]
    assert any(error["parameter"] == parameter for error in body["errors"])
