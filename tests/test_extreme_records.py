"""
One bad record must not take the site down: with published events at both
ends of the supported range (500 and 2999) and text holding control
characters and markup, every public page and export still answers.
"""

import csv
import datetime
import io
import json

import pytest
from django.test import Client

from timeline.models import EARLIEST_SUPPORTED, LATEST_SUPPORTED, Actor, Citation, Event, Source, Topic
from timeline.text import CONTROL_CHARACTERS

pytestmark = pytest.mark.django_db

# What Word and PDFs paste (vertical tab, form feed) and worse (a separator, DEL, a C1
# control). Not NUL, which PostgreSQL refuses to store at all.
CONTROLS = "\x0b\x0c\x1f\x7f\x85"
MARKUP = '<a href="https://evil.example/">x</a><b style="font-size:40px">'


@pytest.fixture
def extremes(seed):
    """Published events at the first and last supported day, with stored text no form would accept now."""
    actor = Actor.objects.create(
        name=f"Court of Nara{CONTROLS}", short_name=f"Nara{CONTROLS}", slug="nara-court", kind=Actor.Kind.ORGANISATION
    )
    topic = Topic.objects.create(name=f"Temples {MARKUP}", slug="temples")
    text = f"The temple was founded{CONTROLS} in the year 500. {MARKUP} It will be rebuilt by 2999."
    # objects.create() skips clean(), which would turn the controls into spaces.
    source = Source.objects.create(
        outlet=f"Chronicle{CONTROLS}", title=f"Annals {MARKUP}", published_on=datetime.date(2026, 1, 9), text=text
    )
    days = {
        "founded-500": (EARLIEST_SUPPORTED, EARLIEST_SUPPORTED, Event.Precision.DAY),
        "rebuilt-2999": (LATEST_SUPPORTED, LATEST_SUPPORTED, Event.Precision.DAY),
        "year-500": (EARLIEST_SUPPORTED, datetime.date(500, 12, 31), Event.Precision.YEAR),
        "year-2999": (datetime.date(2999, 1, 1), LATEST_SUPPORTED, Event.Precision.YEAR),
        "all-of-it": (EARLIEST_SUPPORTED, LATEST_SUPPORTED, Event.Precision.SPAN),
    }
    events = []
    for n, (slug, (earliest, latest, precision)) in enumerate(days.items()):
        event = Event.objects.create(
            title=f"{slug}{CONTROLS} {MARKUP}",
            short_title=f"{slug}{CONTROLS}",
            slug=slug,
            summary=f"Stored{CONTROLS}before the check. {MARKUP}",
            earliest=earliest,
            latest=latest,
            precision=precision,
            status_as_of=datetime.date(2026, 1, 9),
            importance=5 - n % 5,
            is_published=True,
        )
        event.actors.set([actor])
        event.topics.set([topic])
        Citation.objects.create(event=event, source=source, quote=text[:40])
        events.append(event)
    return {"events": events, "source": source}


def public_urls(extremes) -> list[str]:
    slugs = [event.slug for event in extremes["events"]]
    source = extremes["source"]
    filters = ["", "?lanes=topic", "?links=on", "?actor=nara-court", "?topic=temples", "?q=temple"]
    return [
        *(f"/{query}" for query in filters),
        *(f"/embed/{query}" for query in filters),
        "/embed/?event=founded-500",
        *(f"/api/events.json{query}" for query in filters),
        "/api/events.json?limit=1",
        "/api/window.json?from=1800-01-01&to=2200-12-31",
        "/api/window.json?from=2026-01-01&to=2026-01-31",
        "/api/events.csv",
        "/api/events.ics",
        "/api/events.timelinejs.json",
        "/api/openapi.json",
        "/feed/",
        "/sitemap.xml",
        "/oembed?url=http://testserver/",
        *(f"/oembed?url=http://testserver/events/{slug}/" for slug in slugs),
        *(f"/events/{slug}/" for slug in slugs),
        *(f"/events/{slug}/panel/" for slug in slugs),
        f"/sources/{source.pk}/",
    ]


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_every_public_page_and_export_answers_with_extreme_records(extremes, htmx):
    client = Client(raise_request_exception=False)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    failures = {}
    for url in public_urls(extremes):
        response = client.get(url, **headers)
        if response.status_code >= 500:
            failures[url] = response.status_code
    assert failures == {}


def test_the_feed_drops_control_characters_xml_cannot_hold(client, extremes):
    response = client.get("/feed/")
    assert response.status_code == 200
    feed = response.content.decode()
    assert "founded-500" in feed and "rebuilt-2999" in feed
    assert not CONTROL_CHARACTERS.search(feed)
    assert "<b style" not in feed  # the markup arrives as text


def test_the_calendar_ends_the_last_supported_day_on_the_day_after(client, extremes):
    calendar = client.get("/api/events.ics").content.decode()
    assert "DTSTART;VALUE=DATE:05000101" in calendar
    assert "DTEND;VALUE=DATE:30000101" in calendar
    assert not CONTROL_CHARACTERS.search(calendar)


def test_the_csv_keeps_four_digit_years_and_no_control_characters(client, extremes):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").content.decode("utf-8-sig"))))
    founded = next(row for row in rows if row["slug"] == "founded-500")
    assert founded["earliest"] == "0500-01-01"
    assert next(row for row in rows if row["slug"] == "rebuilt-2999")["latest"] == "2999-12-31"
    assert not any(CONTROL_CHARACTERS.search(value) for row in rows for value in row.values())


def test_timelinejs_gets_years_before_1000_as_numbers(client, extremes):
    slides = {slide["unique_id"]: slide for slide in client.get("/api/events.timelinejs.json").json()["events"]}
    assert slides["year-500"]["start_date"] == {"year": 500}
    assert slides["rebuilt-2999"]["start_date"] == {"year": 2999, "month": 12, "day": 31}
    assert not CONTROL_CHARACTERS.search(json.dumps(slides, ensure_ascii=False))


def test_the_api_and_sitemap_carry_the_extreme_dates(client, extremes):
    events = {event["slug"]: event for event in client.get("/api/events.json?limit=1000").json()["events"]}
    assert events["founded-500"]["earliest"] == "0500-01-01"
    assert events["rebuilt-2999"]["latest"] == "2999-12-31"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/events/founded-500/" in sitemap and "/events/rebuilt-2999/" in sitemap
