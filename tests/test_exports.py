"""Exports of the current filters: CSV, iCalendar, TimelineJS, the Atom feed, the sitemap, OpenAPI."""

import csv
import datetime
import io
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from timeline.models import Event

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_has_one_row_per_event_with_iso_dates_and_citations(client, seed):
    response = client.get("/api/events.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [row["slug"] for row in rows] == list(
        Event.objects.published().chronological().values_list("slug", flat=True)
    )
    apec = next(row for row in rows if row["slug"] == "apec-gyeongju-first-takaichi-lee-meeting")
    assert (apec["earliest"], apec["latest"], apec["date_label"]) == ("2025-10-21", "2025-10-31", "late Oct 2025")
    event = Event.objects.get(slug=apec["slug"])
    for citation in event.citations.all():
        assert citation.quote in apec["citations"]


def test_csv_honours_the_filters(client, seed):
    rows = csv_rows(client.get("/api/events.csv", {"actor": "china"}))
    china = Event.objects.published().filter(actors__slug="china")
    assert {row["slug"] for row in rows} == set(china.values_list("slug", flat=True))


def test_csv_cells_never_start_a_spreadsheet_formula(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(
        title='=HYPERLINK("http://evil.example","x")', summary="+1+1"
    )
    row = next(r for r in csv_rows(client.get("/api/events.csv")) if r["slug"] == "takeshima-day-2026")
    assert row["title"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["summary"] == "'+1+1"


def calendar_entries(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(entry["UID"]): entry for entry in calendar.walk("VEVENT")}


def test_ics_entries_are_all_day_and_cover_the_whole_imprecise_span(client, seed):
    entries = calendar_entries(client.get("/api/events.ics"))
    nara = entries["takaichi-lee-summit-nara@testserver"]
    assert nara.decoded("DTSTART") == datetime.date(2026, 1, 13)
    assert nara.decoded("DTEND") == datetime.date(2026, 1, 14)
    apec = entries["apec-gyeongju-first-takaichi-lee-meeting@testserver"]
    assert apec.decoded("DTSTART") == datetime.date(2025, 10, 21)
    assert apec.decoded("DTEND") == datetime.date(2025, 11, 1)
    description = str(apec["DESCRIPTION"])
    assert "late Oct 2025" in description
    assert Event.objects.get(slug="apec-gyeongju-first-takaichi-lee-meeting").citations.first().quote in description
    assert str(apec["URL"]).endswith("/events/apec-gyeongju-first-takaichi-lee-meeting/")
    assert len(entries) == Event.objects.published().count()


def test_ics_uids_are_stable_so_calendars_update_instead_of_duplicating(
    client, seed, django_capture_on_commit_callbacks
):
    first = calendar_entries(client.get("/api/events.ics"))
    event = Event.objects.get(slug="takeshima-day-2026")
    with django_capture_on_commit_callbacks(execute=True):  # the version moves at the commit
        event.title = "Takeshima Day (renamed)"
        event.save()
    second = calendar_entries(client.get("/api/events.ics"))
    assert first.keys() == second.keys()
    assert str(second["takeshima-day-2026@testserver"]["SUMMARY"]) == "Takeshima Day (renamed)"


def test_ics_marks_expected_and_cancelled_events(client, seed):
    entries = calendar_entries(client.get("/api/events.ics"))
    statuses = {str(entry["STATUS"]) for entry in entries.values()}
    assert "TENTATIVE" in statuses and "CONFIRMED" in statuses
    assert str(entries["trilateral-summit-china-refused@testserver"]["STATUS"]) == "CANCELLED"


def test_timelinejs_dates_carry_only_the_known_parts(client, seed):
    data = client.get("/api/events.timelinejs.json").json()
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert slides["takaichi-lee-summit-nara"]["start_date"] == {"year": 2026, "month": 1, "day": 13}
    assert "end_date" not in slides["takaichi-lee-summit-nara"]
    occupation = slides["japanese-occupation-of-korea"]
    assert occupation["start_date"] == {"year": 1910}
    assert occupation["end_date"] == {"year": 1945}
    apec = slides["apec-gyeongju-first-takaichi-lee-meeting"]
    assert apec["start_date"] == {"year": 2025, "month": 10}
    assert "end_date" not in apec
    assert apec["display_date"] == "late Oct 2025"
    nara = Event.objects.get(slug="takaichi-lee-summit-nara")
    assert nara.citations.first().quote[:40] in slides[nara.slug]["text"]["text"].replace("&#x27;", "'")


def test_timelinejs_escapes_text_it_would_render_as_html(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(title="<img src=x onerror=alert(1)>")
    slide = next(
        s for s in client.get("/api/events.timelinejs.json").json()["events"] if s["unique_id"] == "takeshima-day-2026"
    )
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize("url", ["/api/events.csv", "/api/events.ics", "/api/events.timelinejs.json"])
def test_exports_reject_bad_filters_with_a_json_400(client, seed, url):
    response = client.get(url, {"from": "2026-13-45"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "from"


@pytest.mark.parametrize(
    "url", ["/api/events.csv", "/api/events.ics", "/api/events.timelinejs.json", "/api/openapi.json"]
)
def test_exports_are_cacheable_and_answer_conditional_requests(client, seed, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_feed_lists_recently_published_events_newest_first(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert not any("takeshima-day-2026" in link for link in links)
    published = Event.objects.published().exclude(published_at=None).order_by("-published_at", "-pk")[:50]
    assert [link.rsplit("/events/", 1)[1].strip("/") for link in links] == [event.slug for event in published]


def test_feed_escapes_markup_from_the_data(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(summary="<script>alert(1)</script>")
    root = ET.fromstring(client.get("/feed/").content)
    summaries = [entry.find(f"{ATOM}summary").text for entry in root.findall(f"{ATOM}entry")]
    # Once XML is decoded, the HTML a feed reader renders holds the markup as text.
    takeshima = next(summary for summary in summaries if "alert(1)" in summary)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in takeshima
    assert "<script>" not in takeshima


def test_sitemap_lists_published_events_and_cited_sources_only(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://testserver/" in locations
    assert "http://testserver/events/takaichi-lee-summit-nara/" in locations
    assert not any("takeshima-day-2026" in loc for loc in locations)
    assert any("/sources/" in loc for loc in locations)


def test_openapi_describes_every_api_endpoint(client, db):
    document = client.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/events.json",
        "/api/window.json",
        "/api/events.csv",
        "/api/events.ics",
        "/api/events.timelinejs.json",
    }
    for path in document["paths"].values():
        assert "400" in path["get"]["responses"]


def test_json_answers_match_the_schemas_the_openapi_document_gives(client, seed):
    from jsonschema import Draft202012Validator

    document = client.get("/api/openapi.json").json()
    for path, params in [
        ("/api/events.json", {"limit": 7}),
        ("/api/events.json", {"actor": "china"}),
        ("/api/window.json", {"from": "2025-10-01", "to": "2026-03-01"}),
        ("/api/events.timelinejs.json", {}),
    ]:
        schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        Draft202012Validator.check_schema(schema)
        errors = list(Draft202012Validator(schema).iter_errors(client.get(path, params).json()))
        assert not errors, (path, [error.message for error in errors[:3]])
    error_schema = document["paths"]["/api/events.json"]["get"]["responses"]["400"]["content"]["application/json"][
        "schema"
    ]
    assert not list(Draft202012Validator(error_schema).iter_errors(client.get("/api/events.json", {"limit": 0}).json()))
