import json

import pytest
from django.urls import reverse

from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def figure_slugs(response) -> set[str]:
    figure = response.context["figure"]
    return {point[0] for trace in figure["data"] for point in trace.get("customdata", [])}


def test_timeline_shows_every_published_event(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    published = set(Event.objects.published().values_list("slug", flat=True))
    assert figure_slugs(response) == published
    assert "takeshima-day-2026" not in figure_slugs(response)
    for event in Event.objects.published():
        assert event.get_absolute_url() in response.content.decode()


def test_list_is_grouped_by_month(client, seed):
    html = client.get("/").content.decode()
    assert '<h3 class="month">October 2025</h3>' in html
    months = [f'<h3 class="month">{month}</h3>' for month in ("October 2025", "January 2026", "February 2026")]
    assert html.index(months[0]) < html.index(months[1]) < html.index(months[2])


def test_imprecise_dates_are_drawn_as_spans_not_points(client, seed):
    figure = client.get("/").context["figure"]
    apec = Event.objects.get(slug="apec-gyeongju-first-takaichi-lee-meeting")
    bars = [trace for trace in figure["data"] if trace["type"] == "bar"]
    slugs_in_bars = {point[0] for trace in bars for point in trace["customdata"]}
    assert apec.slug in slugs_in_bars
    trace = next(t for t in bars if [apec.slug] in t["customdata"])
    index = trace["customdata"].index([apec.slug])
    assert trace["base"][index].startswith("2025-10-21")
    # Eleven days, 21 to 31 October inclusive, in milliseconds.
    assert trace["x"][index] == 11 * 86400 * 1000


def test_scheduled_events_look_different_from_what_happened(client, seed):
    figure = client.get("/").context["figure"]
    symbols = {}
    for trace in figure["data"]:
        if trace["type"] == "scatter" and "customdata" in trace:
            for point, symbol in zip(trace["customdata"], trace["marker"]["symbol"]):
                symbols[point[0]] = symbol
    assert symbols["takaichi-lee-summit-nara"] == "circle"
    assert symbols["takeshima-day-2026"] == "circle-open"


def test_hover_labels_escape_titles(client, seed):
    Event.objects.filter(slug="takaichi-lee-summit-nara").update(title='<a href="https://evil.example">x</a>')
    figure = client.get("/").context["figure"]
    labels = [label for trace in figure["data"] for label in trace.get("hovertext", [])]
    # Quotes stay as typed: Plotly would show &quot; literally, and without < no tag can form.
    assert any('&lt;a href="https://evil.example"&gt;x&lt;/a&gt;' in label for label in labels)
    assert not any('<a href="https://evil.example">' in label for label in labels)


def test_filtering_by_actor_keeps_only_their_events(client, seed):
    response = client.get("/", {"actor": "china"})
    slugs = figure_slugs(response)
    assert slugs
    assert slugs == set(Event.objects.published().filter(actors__slug="china").values_list("slug", flat=True))


def test_several_actors_mean_events_of_any_of_them(client, seed):
    response = client.get("/?actor=china&actor=united-states")
    expected = Event.objects.published().filter(actors__slug__in=["china", "united-states"]).distinct()
    assert figure_slugs(response) == set(expected.values_list("slug", flat=True))


def test_filtering_by_topic(client, seed):
    slugs = figure_slugs(client.get("/", {"topic": "history-and-territory"}))
    assert "takeshima-day-2026" in slugs
    assert "takaichi-lee-summit-nara" not in slugs


def test_search_matches_quotes(client, seed):
    slugs = figure_slugs(client.get("/", {"q": "deep-sea mud"}))
    assert len(slugs) == 1


def test_date_range_accepts_month_names(client, seed):
    response = client.get("/", {"from": "Jan 2026", "to": "Jan 2026"})
    assert response.status_code == 200
    for event in response.context["events"]:
        assert event.latest.isoformat() >= "2026-01-01" and event.earliest.isoformat() <= "2026-01-31"
    assert "takaichi-lee-summit-nara" in figure_slugs(response)
    assert "takeshima-day-2026" not in figure_slugs(response)


def test_to_a_month_includes_its_last_day(client, seed):
    events = client.get("/", {"from": "2025-11", "to": "Nov 2025"}).context["events"]
    assert "takaichi-taiwan-contingency-remark" in {event.slug for event in events}


def test_htmx_request_gets_the_partial_and_vary_header(client, seed):
    response = client.get("/", {"actor": "japan"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="browse"' in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_whole_page(client, seed):
    response = client.get(
        "/", {"actor": "japan"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ("actor=atlantis", "actor", "Unknown actor “atlantis”"),
        ("topic=nope", "topic", "Unknown topic “nope”"),
        ("from=2026-13-45", "from", "is not a real date"),
        ("from=2026-02-01&to=2026-01-01", "to", "“To” is before “From”"),
        ("q=" + "x" * 10_000, "q", "Search text is too long"),
        ("q=a&q=b", "q", "only once"),
        ("from=2026-01-01&from=2026-02-01", "from", "only once"),
        ("from=next+florp", "from", "not a date summit understands"),
        ("from=99999-01-01", "from", "not a date summit understands"),
        ("to=1066-10-14", "to", "Dates must lie between"),
        ("lanes=sideways", "lanes", "Lanes must be"),
    ],
)
def test_bad_filters_get_a_clear_message_next_to_the_form(client, seed, query, parameter, message):
    response = client.get("/?" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert message in html
    assert f'id="errors-{parameter}"' in html
    assert 'id="filters"' in html


def test_event_page_shows_citations_with_their_sources(client, seed):
    event = Event.objects.get(slug="takaichi-lee-summit-nara")
    response = client.get(reverse("event_detail", args=[event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert event.date_label in html
    for citation in event.citations.select_related("source"):
        assert citation.source.get_absolute_url() in html
    assert "Outlet not named" in html  # one of the seeds names no outlet


def test_event_panel_is_a_fragment(client, seed):
    response = client.get(reverse("event_panel", args=["takaichi-lee-summit-nara"]), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert "What the sources say" in html


def test_unpublished_event_pages_are_not_found(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    assert client.get("/events/takeshima-day-2026/").status_code == 404
    assert client.get("/events/takeshima-day-2026/panel/").status_code == 404


def test_source_page_highlights_every_cited_passage(client, seed):
    citation = Citation.objects.filter(event__is_published=True).select_related("source").first()
    response = client.get(citation.source.get_absolute_url())
    html = response.content.decode()
    cited = citation.source.citations.filter(event__is_published=True)
    assert html.count('<mark class="cited">') >= cited.count()
    for other in cited:
        assert f'id="c{other.pk}"' in html


def test_figure_data_is_embedded_as_json_not_markup(client, seed):
    html = client.get("/").content.decode()
    start = html.index('<script id="timeline-figure" type="application/json">') + len(
        '<script id="timeline-figure" type="application/json">'
    )
    figure = json.loads(html[start : html.index("</script>", start)])
    assert figure["layout"]["xaxis"]["type"] == "date"


def test_a_history_restore_gets_the_whole_page_even_after_the_fragment_was_cached(client, seed):
    fragment = client.get("/?actor=china", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment
    restored = client.get("/?actor=china", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in restored.content.decode()
    assert "HX-History-Restore-Request" in restored["Vary"]
