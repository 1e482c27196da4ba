import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def figure_slugs(response) -> set[str]:
    figure = response.context["figure"]
    return {point[0] for trace in figure["data"] for point in trace.get("customdata", [])}


def listed_slugs(response) -> set[str]:
    return {event.slug for event in response.context["events"]}


def test_timeline_shows_every_published_event(client, seed):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    response = client.get("/")
    assert response.status_code == 200
    published = set(Event.objects.published().values_list("slug", flat=True))
    assert listed_slugs(response) == published
    assert figure_slugs(response) <= published
    assert "takeshima-day-2026" not in figure_slugs(response)
    for event in Event.objects.published():
        assert event.get_absolute_url() in response.content.decode()


def test_list_is_grouped_by_month(client, seed):
    html = client.get("/").content.decode()
    assert '<h3 class="month">October 2025</h3>' in html
    months = [f'<h3 class="month">{month}</h3>' for month in ("October 2025", "January 2026", "February 2026")]
    assert html.index(months[0]) < html.index(months[1]) < html.index(months[2])


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
    slugs = listed_slugs(response)
    assert slugs
    assert figure_slugs(response) <= slugs
    assert slugs == set(Event.objects.published().filter(actors__slug="china").values_list("slug", flat=True))


def test_several_actors_mean_events_of_any_of_them(client, seed):
    response = client.get("/?actor=china&actor=united-states")
    expected = Event.objects.published().filter(actors__slug__in=["china", "united-states"]).distinct()
    assert listed_slugs(response) == set(expected.values_list("slug", flat=True))


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


def test_htmx_request_gets_the_results_and_vary_header(client, seed):
    response = client.get("/", {"actor": "japan"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="event-list"' in html and 'id="timeline-figure"' in html
    assert "<html" not in html
    assert "HX-Request" in response["Vary"]


def test_htmx_answer_to_the_filters_never_replaces_a_form_field(client, seed):
    html = client.get("/", {"actor": "japan", "from": "Oct 2025"}, headers={"HX-Request": "true"}).content.decode()
    # The form stays as the reader left it: no input comes back to overwrite what they are typing.
    assert 'id="filters"' not in html
    assert 'name="from"' not in html and 'name="to"' not in html and 'name="q"' not in html
    # What the filters change outside the results is updated out of band.
    assert '<div id="form-errors" class="form-errors-slot" hx-swap-oob="true">' in html
    assert '<span id="count-actor" class="choice-count" hx-swap-oob="true"> (1)</span>' in html
    assert '<textarea id="embed-code" readonly rows="3" hx-swap-oob="true">' in html
    assert "actor=japan" in html.split('id="embed-code"')[1]


def test_htmx_bad_filter_shows_the_message_and_keeps_the_last_good_view(client, seed):
    response = client.get("/", {"from": "2026-13-45"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    # A 200: django-htmx's DEBUG script would replace the whole document with a 400.
    assert response.status_code == 200
    assert response["HX-Reswap"] == "none"
    assert response["HX-Push-Url"] == "false"
    assert '<div id="form-errors" class="form-errors-slot" hx-swap-oob="true">' in html
    assert 'id="errors-from"' in html and "is not a real date" in html
    assert "the last one that worked" in html
    # Nothing for the results: the chart and list on screen stay.
    assert 'class="event-list"' not in html and "timeline-figure" not in html


def test_whole_page_with_bad_filters_is_a_400_with_a_way_out(client, seed):
    response = client.get("/", {"actor": "atlantis"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "show all events</a>" in html
    # No chart or list that would not match the form above it.
    assert "timeline-figure" not in html and 'class="event-list"' not in html


def test_year_precise_events_are_listed_under_their_year(client, seed):
    html = client.get("/").content.decode()
    assert '<h3 class="month">1910</h3>' in html
    assert "January 1910" not in html
    occupation = html.index('<h3 class="month">1910</h3>')
    next_heading = html.index('<h3 class="month">', occupation + 1)
    assert html.index('data-slug="japanese-occupation-of-korea"', occupation) < next_heading
    # A year-precise event and day-precise ones of the same January get separate headings.
    assert '<h3 class="month">2025</h3>' in html and '<h3 class="month">October 2025</h3>' in html


def test_a_scheduled_event_past_its_date_is_marked_not_confirmed_in_list_and_panel(client, seed):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Event.objects.filter(slug="takeshima-day-2026").update(earliest=yesterday, latest=yesterday)
    Event.objects.filter(slug="koizumi-talks-with-us-counterpart").update(
        earliest=yesterday + datetime.timedelta(days=30), latest=yesterday + datetime.timedelta(days=30)
    )
    html = client.get("/").content.decode()
    listed = html[html.index('<section class="event-list"') :]
    takeshima = listed[listed.index('data-slug="takeshima-day-2026"') :]
    assert "not confirmed since 14 Jan 2026" in takeshima[: takeshima.index("</li>")]
    assert listed.count("not confirmed since") == 1 + sum(
        1 for event in Event.objects.published().exclude(slug="takeshima-day-2026") if event.unconfirmed_since_today
    )
    panel = client.get(reverse("event_panel", args=["takeshima-day-2026"])).content.decode()
    assert "not confirmed since 14 Jan 2026" in panel


def test_an_event_in_the_url_opens_its_panel_with_the_page(client, seed):
    html = client.get("/", {"event": "takaichi-lee-summit-nara"}).content.decode()
    detail = html[html.index('<aside id="detail"') :]
    assert detail.startswith('<aside id="detail" class="detail open"')
    assert "What the sources say" in detail
    assert '<input type="hidden" name="event" id="id_event" value="takaichi-lee-summit-nara">' in html


@pytest.mark.parametrize("slug", ["no-such-event", "takeshima-day-2026"])
def test_an_unknown_or_unpublished_event_in_the_url_opens_nothing(client, seed, slug):
    Event.objects.filter(slug="takeshima-day-2026").update(is_published=False)
    response = client.get("/", {"event": slug})
    assert response.status_code == 200
    assert '<aside id="detail" class="detail"' in response.content.decode()
    assert "What the sources say" not in response.content.decode()


def test_the_theme_is_applied_before_the_first_paint(client, seed):
    head = client.get("/").content.decode().split("</head>")[0]
    script = next(line for line in head.splitlines() if "theme" in line and "<script" in line)
    assert "defer" not in script and "async" not in script
    assert head.index(script) < head.index("site")


def test_history_restore_gets_the_whole_page(client, seed):
    response = client.get("/", {"actor": "japan"}, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
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
        ("to=0400-01-01", "to", "Dates must lie between"),
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


def test_a_citation_link_targets_its_highlighted_passage(client, seed):
    citation = Citation.objects.filter(event__is_published=True).select_related("source").first()
    html = client.get(citation.source.get_absolute_url()).content.decode()
    cited = citation.source.citations.filter(event__is_published=True)
    for other in cited:
        anchor = html.index(f'id="c{other.pk}"')
        # The passage itself carries the id, not an empty element before it.
        element = html[html.rindex("<", 0, anchor) : anchor]
        assert element.startswith(('<mark class="cited"', '<span class="cited-also"'))
    assert "></span><mark" not in html


def test_source_page_highlights_every_cited_passage(client, seed):
    citation = Citation.objects.filter(event__is_published=True).select_related("source").first()
    response = client.get(citation.source.get_absolute_url())
    html = response.content.decode()
    cited = citation.source.citations.filter(event__is_published=True)
    assert html.count('<mark class="cited"') >= cited.count()
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
