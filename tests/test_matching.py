"""newsroom.matching: which existing events a proposal reports, and whether an article is already a source."""

import datetime

import pytest

from newsroom.ingest import proposals_for
from newsroom.matching import (
    MAX_CANDIDATES,
    matches_for_proposal,
    matching_events,
    normalise_url,
)
from tests import real_articles
from tests.curation_data import make_event
from timeline.models import Actor, Event, Source

pytestmark = pytest.mark.django_db

WED_14_JAN = datetime.date(2026, 1, 14)


def horyu_ji_proposal():
    text, published = real_articles.HORYU_JI
    return proposals_for(Source(text=text, published_on=published))[-1]


def test_horyu_ji_proposal_ranks_the_seed_horyu_ji_event_first(seed):
    matches = matches_for_proposal(horyu_ji_proposal())
    event, score, reasons = matches[0]
    assert event.slug == "horyu-ji-temple-visit"
    assert 0 < score <= 1 and all(score >= m.score for m in matches)
    assert reasons[0].startswith("same dates") and any("similar wording" in r for r in reasons)


def test_every_match_has_a_score_between_0_and_1_and_reasons(seed):
    for event, score, reasons in matches_for_proposal(horyu_ji_proposal(), limit=10):
        assert isinstance(event, Event) and 0 <= score <= 1 and reasons


def test_shared_actors_raise_the_score_and_are_named():
    takaichi = Actor.objects.create(name="Sanae Takaichi", short_name="Takaichi", slug="takaichi", kind="person")
    with_actor = make_event(title="Cabinet meeting", slug="with-actor", earliest=WED_14_JAN, latest=WED_14_JAN)
    with_actor.actors.add(takaichi)
    make_event(title="Cabinet meeting", slug="without-actor", earliest=WED_14_JAN, latest=WED_14_JAN)
    matches = matching_events(WED_14_JAN, WED_14_JAN, "day", "The cabinet met on Wednesday.", [takaichi])
    assert [m.event.slug for m in matches] == ["with-actor", "without-actor"]
    assert "shared actors: Takaichi" in matches[0].reasons


def test_an_identical_title_a_year_away_is_not_a_match():
    make_event(
        title="Takaichi and Lee visit Horyu-ji Temple",
        slug="last-year",
        earliest=datetime.date(2025, 1, 14),
        latest=datetime.date(2025, 1, 14),
    )
    assert matches_for_proposal(horyu_ji_proposal()) == []


def test_a_month_precise_proposal_reaches_further_than_a_day():
    nov_3 = datetime.date(2025, 11, 3)
    make_event(title="Leaders meet", slug="nov-3", earliest=nov_3, latest=nov_3)
    quote = "The leaders met."
    october = (datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
    assert [m.event.slug for m in matching_events(*october, "month", quote)] == ["nov-3"]
    assert matching_events(datetime.date(2025, 10, 31), datetime.date(2025, 10, 31), "day", quote) == []


def test_published_only_leaves_out_drafts():
    make_event(title="Takaichi and Lee visit Horyu-ji Temple", slug="draft", earliest=WED_14_JAN, latest=WED_14_JAN)
    assert [m.event.slug for m in matches_for_proposal(horyu_ji_proposal())] == ["draft"]
    assert matches_for_proposal(horyu_ji_proposal(), published_only=True) == []


def test_candidates_are_bounded_and_cost_a_fixed_number_of_queries(django_assert_max_num_queries):
    Event.objects.bulk_create(
        Event(
            title=f"Routine event {i}",
            slug=f"routine-{i}",
            earliest=WED_14_JAN,
            latest=WED_14_JAN,
            status_as_of=WED_14_JAN,
            importance=3,
        )
        for i in range(MAX_CANDIDATES + 50)
    )
    make_event(
        title="Takaichi and Lee visit Horyu-ji Temple",
        slug="the-visit",
        earliest=WED_14_JAN,
        latest=WED_14_JAN,
        importance=5,
    )
    proposal = horyu_ji_proposal()
    with django_assert_max_num_queries(3):
        matches = matches_for_proposal(proposal)
    assert matches[0].event.slug == "the-visit"


@pytest.mark.parametrize(
    "a, b",
    [
        ("https://www.example.org/news/a/", "http://example.org/news/a"),
        ("https://example.org/news/a?utm_source=x&id=3#top", "https://EXAMPLE.org/news/a?id=3"),
    ],
)
def test_urls_that_name_the_same_article_normalise_alike(a, b):
    assert normalise_url(a) == normalise_url(b)


def test_urls_of_different_articles_stay_different():
    assert normalise_url("https://example.org/news/a?id=3") != normalise_url("https://example.org/news/a?id=4")
