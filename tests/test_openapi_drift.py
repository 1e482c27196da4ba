"""The OpenAPI document and the code never disagree: what it documents is accepted, what the
endpoints read is documented, and the order it states is the order the API answers in."""

import datetime

import pytest

from timeline.filters import MAX_DATE, MIN_DATE

pytestmark = pytest.mark.django_db

WINDOW = {"from": "2025-10-01", "to": "2026-03-31"}


@pytest.fixture
def document(client):
    return client.get("/api/openapi.json").json()


def endpoints(document):
    return {path: operation["get"] for path, operation in document["paths"].items()}


def required_query(operation) -> dict:
    return {
        p["name"]: "2025-10-01" if p["name"] == "from" else "2026-03-31"
        for p in operation["parameters"]
        if p["required"]
    }


def documented_values(parameter) -> list[str]:
    """Values the document says a parameter takes: its enum, its bounds, or an example."""
    schema = parameter["schema"]
    items = schema.get("items", schema)
    if "enum" in items:
        return [str(value) for value in items["enum"]]
    if items.get("type") == "integer":
        return [str(items["minimum"]), str(items["maximum"])]
    return [str(example) for example in parameter.get("examples", {}).values() for example in [example["value"]]]


def test_every_parameter_has_an_example_or_enum_or_bounds(seed, document):
    for path, operation in endpoints(document).items():
        for parameter in operation["parameters"]:
            if parameter["name"] != "cursor":  # opaque: only a previous page's `next` holds one
                assert documented_values(parameter), f"{path} {parameter['name']} documents no value"


def test_every_documented_value_is_accepted(client, seed, document, settings):
    # Every value is a new answer, so the client would soon meet the per-client limit on misses.
    settings.PUBLIC_MISS_RATE = "10000/m"
    for path, operation in endpoints(document).items():
        for parameter in operation["parameters"]:
            base = required_query(operation)
            # The other end of a required window stays open as far as the code allows.
            if parameter["name"] == "from" and "to" in base:
                base["to"] = MAX_DATE.isoformat()
            if parameter["name"] == "to" and "from" in base:
                base["from"] = MIN_DATE.isoformat()
            for value in documented_values(parameter):
                response = client.get(path, {**base, parameter["name"]: value})
                assert response.status_code == 200, (path, parameter["name"], value, response.content[:300])


def test_the_documented_date_bounds_are_the_ones_the_code_takes(client, db, document):
    operation = endpoints(document)["/api/events.csv"]
    description = next(p for p in operation["parameters"] if p["name"] == "from")["schema"]["description"]
    assert f"between {MIN_DATE.year} and {MAX_DATE.year}" in description
    assert client.get("/api/events.csv", {"from": f"{MIN_DATE.year:04d}"}).status_code == 200
    assert client.get("/api/events.csv", {"from": f"{MIN_DATE.year - 1:04d}"}).status_code == 400


@pytest.mark.parametrize(
    "path",
    ["/api/events.json", "/api/window.json", "/api/events.csv", "/api/events.ics", "/api/events.timelinejs.json"],
)
def test_every_parameter_an_endpoint_reads_is_documented(client, db, document, path):
    # A parameter the endpoint reads is one whose nonsense value it refuses with a 400 naming it.
    operation = endpoints(document)[path]
    documented = {p["name"] for p in operation["parameters"]}
    candidates = [
        "actor", "topic", "arc", "q", "from", "to", "lanes", "links", "window", "width", "page", "limit",
        "cursor", "event", "theme", "title", "lang", "story",
    ]  # fmt: skip
    base = required_query(operation)
    for name in candidates:
        nonsense = "x" * 5000 if name in ("q", "title", "cursor") else "not-a-valid-value-%00"
        response = client.get(path, {**base, name: nonsense})
        if response.status_code == 400 and name in response.content.decode():
            assert name in documented, f"{path} reads {name!r} but the document leaves it out"


def test_enums_are_exactly_the_choices_the_code_takes(client, db, document):
    operation = endpoints(document)["/api/window.json"]
    lanes = next(p for p in operation["parameters"] if p["name"] == "lanes")
    base = required_query(operation)
    for value in ["arc", "actor", "topic", "none"]:
        assert client.get("/api/window.json", {**base, "lanes": value}).status_code == 200
    assert sorted(lanes["schema"]["enum"]) == ["actor", "arc", "none", "topic"]


def test_the_stated_order_is_the_order_of_the_answer(client, seed, document):
    description = endpoints(document)["/api/events.json"]["description"]
    assert "Ordered by (earliest, latest, id)" in description
    events = client.get("/api/events.json", {"limit": 1000}).json()["events"]
    keys = [(e["earliest"], e["latest"]) for e in events]
    assert keys == sorted(keys)
    assert len(events) > 5


def test_the_document_covers_the_window_parameters_the_page_sends(document):
    names = {p["name"] for p in endpoints(document)["/api/window.json"]["parameters"]}
    assert {"window", "width", "lanes", "links", "from", "to"} <= names


def test_dates_in_examples_lie_inside_the_supported_range(document):
    for operation in endpoints(document).values():
        for parameter in operation["parameters"]:
            if parameter["name"] in ("from", "to"):
                for value in documented_values(parameter):
                    if len(value) == 10:
                        assert MIN_DATE <= datetime.date.fromisoformat(value) <= MAX_DATE
