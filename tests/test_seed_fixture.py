"""
The seed fixture (fixtures/seed.json): five articles and the events a careful
editor reads out of them. These tests hold the fixture to the editorial rules:
every quote verbatim at its offsets, no invented metadata, no invented dates.
"""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count

from timeline.models import Citation, Event, EventRelation, Source

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def seeded(db):
    call_command("loaddata", "seed", verbosity=0)


def test_every_citation_is_verbatim_at_its_offsets_and_passes_full_clean():
    citations = list(Citation.objects.select_related("source"))
    assert citations
    for citation in citations:
        assert citation.source.text[citation.start : citation.end] == citation.quote, citation.pk
        before = (citation.start, citation.end)
        citation.full_clean()
        assert (citation.start, citation.end) == before  # clean() did not have to relocate it


def test_every_event_is_published_and_cited():
    events = Event.objects.annotate(n=Count("citations"))
    assert events.count() >= 28
    for event in events:
        assert event.is_published and event.published_at is not None, event.slug
        assert event.n >= 1, event.slug


def test_every_source_is_cited_at_least_three_times():
    sources = Source.objects.annotate(n=Count("citations"))
    assert sources.count() == 5
    for source in sources:
        assert source.n >= 3, source.pk


def test_sources_keep_unknown_metadata_null():
    untitled = Source.objects.get(pk=3)  # 002: no outlet, title, author or URL in the text
    assert untitled.outlet is None
    assert untitled.outlet_country is None
    assert untitled.title is None
    assert untitled.author is None
    assert untitled.url is None
    assert untitled.published_on == D(2026, 1, 13)
    assert Source.objects.filter(url__isnull=False).count() == 0
    assert (
        Source.objects.filter(outlet__isnull=True).count() == Source.objects.filter(outlet_country__isnull=True).count()
    )
    assert Source.objects.get(pk=4).author == "Park Chan-kyong"
    assert Source.objects.get(pk=2).title is None  # Bloomberg's headline was not captured


def test_source_texts_keep_page_furniture():
    scmp = Source.objects.get(pk=4)
    assert "Advertisement" in scmp.text
    assert Source.objects.get(pk=1).text.endswith("Related Tags")


@pytest.mark.parametrize(
    ("slug", "earliest", "latest", "precision", "status", "label"),
    [
        (
            "apec-gyeongju-first-takaichi-lee-meeting",
            D(2025, 10, 21),
            D(2025, 10, 31),
            "part_of_month",
            "happened",
            "late Oct 2025",
        ),
        (
            "takaichi-taiwan-contingency-remark",
            D(2025, 11, 1),
            D(2025, 11, 10),
            "part_of_month",
            "happened",
            "early Nov 2025",
        ),
        ("xi-lee-summit-beijing", D(2026, 1, 5), D(2026, 1, 5), "day", "happened", "5 Jan 2026"),
        ("takaichi-lee-summit-nara", D(2026, 1, 13), D(2026, 1, 13), "day", "happened", "13 Jan 2026"),
        ("takeshima-day-2026", D(2026, 2, 22), D(2026, 2, 22), "day", "scheduled", "22 Feb 2026"),
    ],
)
def test_brief_events_carry_the_dates_the_texts_support(slug, earliest, latest, precision, status, label):
    event = Event.objects.get(slug=slug)
    assert (event.earliest, event.latest, event.precision, event.status) == (earliest, latest, precision, status)
    assert event.date_label == label


def test_the_nara_meeting_cites_all_five_articles():
    nara = Event.objects.get(slug="takaichi-lee-summit-nara")
    assert set(nara.citations.values_list("source_id", flat=True)) == set(Source.objects.values_list("pk", flat=True))
    assert nara.importance == 5


def test_no_event_claims_day_precision_unless_earliest_equals_latest():
    for event in Event.objects.all():
        if event.precision == Event.Precision.DAY:
            assert event.earliest == event.latest, event.slug
        assert event.earliest <= event.latest, event.slug
        assert 1 <= event.importance <= 5


def test_vague_events_say_so_in_their_labels():
    labels = {event.slug: event.date_label for event in Event.objects.all()}
    assert labels["apec-gyeongju-first-takaichi-lee-meeting"] == "late Oct 2025"
    assert labels["japanese-occupation-of-korea"] == "1910–1945"
    assert labels["takaichi-spring-visit-united-states"] == "spring 2026"
    assert labels["g7-critical-minerals-talks-washington"] == "10–11 Jan 2026"
    assert labels["china-dual-use-export-ban"] == "5–11 Jan 2026"
    assert labels["takaichi-expected-to-call-snap-election"] == "19–25 Jan 2026"


def test_status_rests_on_the_reporting_date():
    temple = Event.objects.get(slug="horyu-ji-temple-visit")
    assert (temple.status, temple.status_as_of) == ("happened", D(2026, 1, 14))
    koizumi = Event.objects.get(slug="koizumi-talks-with-us-counterpart")
    assert (koizumi.status, koizumi.status_as_of) == ("scheduled", D(2026, 1, 13))
    trilateral = Event.objects.get(slug="trilateral-summit-china-refused")
    assert trilateral.status == "cancelled"
    for event in Event.objects.prefetch_related("citations__source"):
        newest = max(citation.source.published_on for citation in event.citations.all())
        assert event.status_as_of <= newest, event.slug
        if event.is_future_facing:
            assert event.latest >= event.status_as_of, event.slug


def test_relations_are_sound_and_their_citations_exist():
    relations = list(EventRelation.objects.select_related("citation"))
    assert relations
    for relation in relations:
        assert relation.from_event_id != relation.to_event_id
        relation.full_clean()
    kinds = {(r.from_event.slug, r.kind, r.to_event.slug) for r in relations}
    assert ("takaichi-taiwan-contingency-remark", "led_to", "china-export-controls-and-travel-advisory") in kinds
    assert ("china-dual-use-export-ban", "in_response_to", "takaichi-taiwan-contingency-remark") in kinds
    assert ("takaichi-lee-summit-nara", "follows_up", "xi-lee-summit-beijing") in kinds


def test_names_that_vary_are_recorded():
    from timeline.models import Actor, Place

    takaichi = Actor.objects.get(slug="sanae-takaichi")
    assert "Takaichi Sanae" in takaichi.alias_list and takaichi.name_note
    assert "Lee Jae-myung" in Actor.objects.get(slug="lee-jae-myung").alias_list
    rocks = Place.objects.get(slug="liancourt-rocks")
    assert {"Takeshima", "Dokdo"} <= set(rocks.alias_list) and rocks.name_note
    colours = list(Actor.objects.values_list("colour", flat=True))
    assert len(colours) == len(set(colours))
