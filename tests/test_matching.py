"""newsroom.matching: which existing events a proposal reports, and whether an article is already a source."""

import datetime

import pytest

from newsroom.ingest import proposals_for
from newsroom.matching import (
    MAX_CANDIDATES,
    _kinds,
    _people_referred,
    antecedent,
    content_words,
    event_clause,
    matches_for_proposal,
    matching_events,
    normalise_url,
    written_forms,
)
from tests import real_articles
from tests.curation_data import make_event
from timeline.models import Actor, Event, Place, Source

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
    # the candidates, their actors, their places, their quotes
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
    with django_assert_max_num_queries(4):
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


# --- honest matches (issue 21) ------------------------------------------------

TUE_13_JAN = datetime.date(2026, 1, 13)


def person(name, short):
    return Actor.objects.create(name=name, short_name=short, slug=short.lower(), kind="person")


def country(name):
    return Actor.objects.create(name=name, short_name=name, slug=name.lower(), kind="country")


def event_on(day, title, *actors, slug=None, last=None, precision="day"):
    slug = slug or title.lower().replace(" ", "-")[:50]
    event = make_event(title=title, slug=slug, earliest=day, latest=last or day, precision=precision)
    event.actors.set(actors)
    return event


def test_an_event_new_to_the_timeline_gets_no_probable_match():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori opens a car factory", mori)
    quote = "Mori signed a fisheries pact on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    ranked = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori])
    assert [(m.event.slug, m.probable) for m in ranked] == [("mori-opens-a-car-factory", False)]


def test_the_same_kind_of_event_on_the_same_day_is_probably_the_one_reported():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori visits the harbour", mori)
    quote = "Mori toured the harbour on Tuesday."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)
    assert match.event.slug == "mori-visits-the-harbour" and any("harbour" in r for r in match.reasons)


def test_a_meeting_of_a_person_the_article_never_names_is_not_matched():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori and Sato hold talks", mori, sato)
    quote = "Mori held talks with a visiting delegation on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], article_actors=[mori]) == []
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], article_actors=[mori, sato])


def test_a_long_event_around_the_day_is_weak_evidence_without_its_words():
    mori = person("Hana Mori", "Mori")
    event_on(datetime.date(2026, 1, 5), "Mori's tour of Europe", mori, last=datetime.date(2026, 1, 20))
    quote = "Mori gave an interview to a radio station on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    quote = "Mori's tour of Europe reached Vienna on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)


def test_the_event_filling_more_of_a_vague_date_ranks_first():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori visits a temple", mori, slug="temple")
    event_on(TUE_13_JAN, "Mori visits the capital", mori, slug="capital-visit", last=datetime.date(2026, 1, 14))
    week = (datetime.date(2026, 1, 12), datetime.date(2026, 1, 18))
    quote = "The calendar includes a visit this week by Mori."
    assert matching_events(*week, "span", quote, [mori], probable_only=True)[0].event.slug == "capital-visit"


def test_the_words_next_to_the_date_say_which_event_it_dates():
    mori = person("Hana Mori", "Mori")
    event_on(datetime.date(2025, 11, 7), "Mori's remark on fishing rights", mori, slug="remark")
    event_on(datetime.date(2025, 11, 20), "Mori and the mayor hold a summit", mori, slug="summit")
    november = (datetime.date(2025, 11, 1), datetime.date(2025, 11, 30))
    quote = (
        "The summit this week comes amid a long and bitter quarrel, now in its third winter, among the small "
        "coastal towns of the north and the capital over the minister's remarks last November on fishing rights."
    )
    clause = event_clause(quote, quote.index("last November"), len("last November"))
    assert "summit" not in clause and "remarks" in clause
    ranked = matching_events(*november, "month", quote, [mori], clause=clause)
    assert ranked[0].event.slug == "remark"


def test_an_adjective_names_its_country():
    country("China")
    country("South Korea")
    proposals = proposals_for(
        Source(text="Chinese and South Korean officials met on 13 January 2026.", published_on=WED_14_JAN)
    )
    assert {a.name for a in proposals[0].actor_suggestions} == {"China", "South Korea"}


def test_a_proposal_with_no_probable_match_reads_as_new_on_the_desk_json(seed):
    text = "A new ferry line between two fishing villages opened on 13 January 2026."
    proposal = proposals_for(Source(text=text, published_on=WED_14_JAN))[0]
    assert matches_for_proposal(proposal) == []


def test_an_export_ban_and_export_controls_are_one_kind_of_measure():
    event_on(TUE_13_JAN, "Ruritania bans exports of rare magnets", slug="magnet-ban")
    quote = "Ruritania instituted new export controls on rare magnets on Tuesday."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, probable_only=True)
    assert match.event.slug == "magnet-ban" and "control" in match.reasons[1]


def test_punitive_measures_are_of_the_kind_of_a_ban():
    twelfth, sixteenth = datetime.date(2026, 1, 12), datetime.date(2026, 1, 16)
    event_on(twelfth, "Ruritania bans exports of rare magnets", slug="magnet-ban", last=sixteenth, precision="span")
    quote = "In unveiling its fresh punitive measures Tuesday, Ruritania railed against the minister."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, probable_only=True)
    assert match.event.slug == "magnet-ban"


def test_playing_songs_together_is_the_music_session_not_the_summit_that_day():
    mori, kim = person("Hana Mori", "Mori"), person("Kim Ara", "Kim")
    event_on(TUE_13_JAN, "Mori and Kim hold a summit in Sora", mori, kim, slug="summit")
    event_on(TUE_13_JAN, "Mori and Kim dine and play the drums", mori, kim, slug="drums")
    quote = "Hana Mori and Kim Ara traded their suits for matching jerseys on Tuesday to perform chart-topping songs."
    ranked = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, kim], probable_only=True)
    assert [m.event.slug for m in ranked] == ["drums"]


def test_a_stated_month_ranks_its_own_months_event_above_a_nearer_worded_one():
    mori = person("Hana Mori", "Mori")
    event_on(datetime.date(2025, 10, 24), "Mori holds talks at the port forum", mori, slug="october-talks")
    event_on(datetime.date(2025, 11, 1), "Mori holds talks with harbour chiefs", mori, slug="november-talks")
    october = (datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
    quote = "Mori held talks with harbour chiefs in October."
    ranked = matching_events(*october, "month", quote, [mori])
    assert [m.event.slug for m in ranked] == ["october-talks", "november-talks"]
    assert ranked[1].reasons[0].startswith("dates outside the stated month")


def test_an_irregular_past_tense_shares_its_verb_with_the_title():
    event_on(TUE_13_JAN, "Mori and the mayor hold talks", person("Hana Mori", "Mori"), slug="talks")
    quote = "Mori held talks with the mayor on Tuesday."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, probable_only=True)
    assert "held" in match.reasons[1]


def test_an_interview_given_during_a_visit_is_not_the_visit():
    mori = person("Hana Mori", "Mori")
    event_on(datetime.date(2026, 1, 12), "Mori's state visit to Ruritania", mori, last=datetime.date(2026, 1, 16))
    quote = "Mori told Ruritania's state broadcaster in an interview on Tuesday that ties were warm."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    quote = "Mori's state visit to Ruritania went on with a banquet on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)


def test_the_kind_of_event_weighs_most_among_a_titles_words():
    mori = person("Hana Mori", "Mori")
    title = "Snap upper-house election widely tipped by pundits for February"
    event_on(datetime.date(2026, 2, 1), title, mori, slug="vote", last=datetime.date(2026, 2, 28), precision="month")
    quote = "Mori's party hopes to win the election on February 8."
    feb_8 = datetime.date(2026, 2, 8)
    [match] = matching_events(feb_8, feb_8, "day", quote, [mori], probable_only=True)
    assert match.event.slug == "vote"


def test_a_sentence_naming_nobody_is_about_whom_its_article_names():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori and Sato hold talks in the capital", mori, sato, slug="talks")
    quote = "The two leaders met on Tuesday."
    alone = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote)
    in_article = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, article_actors=[mori, sato])
    assert in_article[0].score > alone[0].score and "shared actors: Mori, Sato" in in_article[0].reasons


def test_a_clause_referring_back_borrows_the_earlier_mentions_words():
    before = "The town will again hold the Lantern Festival, a ceremony for the river spirits. Crowds are expected."
    clause = "Volunteers will organise this year's ceremony on Sunday."
    assert "Lantern Festival" in antecedent(before, clause)
    assert antecedent(before, "Volunteers will clean the river on Sunday.") == ""


def test_a_title_that_is_a_name_is_matched_by_that_name():
    bay = Place.objects.create(name="Lantern Bay", slug="lantern-bay")
    sunday = datetime.date(2026, 2, 22)
    event_on(sunday, "Lantern Bay Day", slug="bay-day").places.add(bay)
    quote = "The Lantern Bay Day rally will be held on Sunday."
    [match] = matching_events(sunday, sunday, "day", quote, probable_only=True)
    assert match.event.slug == "bay-day"


def test_this_years_ceremony_is_the_one_the_article_named_before():
    bay = Place.objects.create(name="Lantern Bay", slug="lantern-bay")
    event_on(datetime.date(2026, 2, 22), "Lantern Bay Day", slug="lantern-day").places.add(bay)
    text = (
        "The minister will skip an annual ceremony for Lantern Bay, officials said on Monday. "
        "Local bodies will organise this year's ceremony on Sunday."
    )
    proposals = proposals_for(Source(text=text, published_on=datetime.date(2026, 2, 16)))
    [sunday] = [p for p in proposals if p.earliest == datetime.date(2026, 2, 22)]
    [match] = matches_for_proposal(sunday)
    assert match.event.slug == "lantern-day" and "same place" in match.reasons


def test_a_sentence_naming_no_place_is_not_held_against_the_events_place():
    mori = person("Hana Mori", "Mori")
    talks = event_on(TUE_13_JAN, "Mori holds talks with fishermen", mori, slug="talks")
    quote = "Mori held talks with fishermen on Tuesday."
    without_place = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori])[0].score
    talks.places.add(Place.objects.create(name="Lantern Bay", slug="lantern-bay"))
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori])[0].score == without_place


def test_a_clause_of_names_and_one_verb_borrows_the_next_clauses_words():
    quote = "President Hana Mori arrived in Lantern Bay on Tuesday, to begin fisheries talks with Governor Ken Sato."
    clause = event_clause(quote, quote.index("Tuesday"), len("Tuesday"))
    assert "fisheries talks" in clause


def test_an_event_on_another_day_needs_its_own_words_to_be_probable():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori and Sato hold a fisheries summit in the capital", mori, slug="summit")
    wednesday = datetime.date(2026, 1, 14)
    quote = "On Wednesday Mori will attend a friendship event and meet residents."
    assert matching_events(wednesday, wednesday, "day", quote, [mori], probable_only=True) == []
    quote = "On Wednesday Mori and Sato will hold a fisheries summit in the capital."
    assert matching_events(wednesday, wednesday, "day", quote, [mori], probable_only=True)


def test_a_sentence_naming_a_place_is_not_held_against_an_event_with_none_recorded():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori holds talks with fishermen", mori, slug="talks")
    quote = "Mori held talks with fishermen on Tuesday."
    without_place = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori])[0].score
    bay = Place.objects.create(name="Lantern Bay", slug="lantern-bay")
    quote = "Mori held talks with fishermen in Lantern Bay on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], places=[bay])[0].score == without_place


def test_a_week_inside_a_measures_dates_fits_it_better_than_a_week_it_only_overlaps():
    japan, china = country("Japan"), country("China")
    monday, friday = datetime.date(2026, 1, 5), datetime.date(2026, 1, 9)
    title = "China restricts steel exports to Japan"
    event_on(monday, title, china, japan, slug="around-the-week", last=datetime.date(2026, 1, 11))
    event_on(datetime.date(2026, 1, 6), title, china, japan, slug="overlapping", last=datetime.date(2026, 1, 10))
    quote = "China spent the week squeezing Japan with new steel export restrictions."
    ranked = matching_events(monday, friday, "span", quote, [china, japan])
    assert [m.event.slug for m in ranked] == ["around-the-week", "overlapping"]
    # A single day inside the same dates still fits only weakly.
    [day, _] = matching_events(friday, friday, "day", "China said on Friday it would keep the rules.", [china, japan])
    assert day.score < ranked[0].score and not day.probable


def test_a_sentence_naming_a_stranger_by_title_does_not_borrow_the_articles_actors():
    lee, korea = person("Lee Jae Myung", "Lee"), country("South Korea")
    event_on(TUE_13_JAN, "Lee and the Korean delegation hold talks in the capital", lee, korea, slug="talks")
    [nobody] = matching_events(
        TUE_13_JAN, TUE_13_JAN, "day", "The two sides held talks on Tuesday.", article_actors=[lee, korea]
    )
    assert "shared actors: Lee, South Korea" in nobody.reasons
    quote = "Minister Hana Mori held talks on Tuesday."
    [stranger] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, article_actors=[lee, korea])
    assert not any(reason.startswith("shared actors") for reason in stranger.reasons)
    assert stranger.score < nobody.score


def test_a_press_conference_is_not_a_meeting():
    japan = country("Japan")
    event_on(TUE_13_JAN, "Japan hosts a regional summit meeting", japan, slug="summit")
    quote = "Japan's spokesman told a press conference on Tuesday the plan stood."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [japan], probable_only=True) == []
    quote = "Japan held a regional summit meeting on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [japan], probable_only=True)


def test_a_day_inside_a_loosely_dated_one_day_measure_fits_it():
    japan, china = country("Japan"), country("China")
    event_on(
        datetime.date(2026, 1, 5),
        "China bans steel exports to Japan",
        china,
        japan,
        slug="ban",
        last=datetime.date(2026, 1, 11),
    )
    tuesday = datetime.date(2026, 1, 6)
    quote = "Tuesday's ban on steel exports hit Japanese makers."
    [match] = matching_events(tuesday, tuesday, "day", quote, [japan], probable_only=True)
    assert match.event.slug == "ban" and "within the event's vaguer dates" in match.reasons[0]


def test_a_day_inside_a_long_run_of_measures_is_not_loosely_dated():
    japan, china = country("Japan"), country("China")
    event_on(
        datetime.date(2025, 11, 1),
        "China restricts steel exports to Japan",
        china,
        japan,
        last=datetime.date(2026, 1, 13),
    )
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", "Steel exports were restricted on Tuesday.", [japan])
    assert "inside the event's dates" in match.reasons[0]


def test_an_event_dated_only_by_its_year_is_found_late_in_that_year_but_fits_weakly():
    mori = person("Hana Mori", "Mori")
    first, last = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    event_on(first, "Mori remarks on fishing rights", mori, slug="remark", last=last, precision="year")
    september, end = datetime.date(2025, 9, 1), datetime.date(2025, 9, 30)
    [match] = matching_events(september, end, "month", "In September Mori remarked on fishing rights.", [mori])
    assert match.event.slug == "remark" and match.probable
    november = datetime.date(2025, 11, 19)
    [weak] = matching_events(november, november, "day", "Mori spoke to fishermen on Wednesday.", [mori])
    assert weak.score < match.score


def test_colonial_rule_is_the_occupation():
    japan, korea = country("Japan"), country("South Korea")
    first, last = datetime.date(1910, 1, 1), datetime.date(1945, 12, 31)
    event_on(first, "Japan's occupation of Korea", japan, korea, slug="occupation", last=last)
    quote = "Ties remain strained by Japan's colonial rule of the Korean peninsula from 1910 to 1945."
    [match] = matching_events(first, last, "span", quote, [japan, korea], probable_only=True)
    assert match.event.slug == "occupation"


def test_a_date_opening_the_sentence_dates_its_main_clause():
    quote = "On Friday, Mori, in her first address since taking office, said the fishing rights were settled."
    clause = event_clause(quote, quote.index("Friday"), len("Friday"))
    assert "fishing rights" in clause


def test_a_parliamentary_address_is_a_remark_in_the_diet():
    mori = person("Hana Mori", "Mori")
    event_on(
        TUE_13_JAN,
        "Mori's Diet remark on fishing rights",
        mori,
        slug="remark",
        last=datetime.date(2026, 1, 15),
        precision="part_of_month",
    )
    quote = "On Tuesday Mori gave a parliamentary address."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)
    assert match.event.slug == "remark"


def test_the_dates_own_clause_leaves_out_the_event_that_follows_it():
    quote = "The two will meet in Lantern Bay on Tuesday afternoon, followed by an official dinner."
    at = quote.index("Tuesday")
    assert "dinner" not in event_clause(quote, at, len("Tuesday afternoon"))
    assert "dinner" in event_clause(quote, quote.index("followed"), len("followed"))


def test_an_arrival_is_a_leg_of_the_visit_not_the_visit():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Mori's state visit to Lantern Bay", mori, slug="visit", last=datetime.date(2026, 1, 15))
    quote = "Mori arrived in Lantern Bay on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    # What the arrival is for is another event.
    quote = "Mori arrived in Lantern Bay on Tuesday to begin her state visit."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    quote = "Mori began her state visit to Lantern Bay on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)
    # So is leaving for it.
    quote = "Mori departed Sora on Tuesday for her state visit to Lantern Bay."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []


def test_what_someone_said_is_their_remark():
    mori = person("Hana Mori", "Mori")
    event_on(
        TUE_13_JAN,
        "Mori's remark on fishing rights",
        mori,
        slug="remark",
        last=datetime.date(2026, 1, 20),
        precision="part_of_month",
    )
    quote = "On Tuesday Mori said the dispute with Lantern Bay was over."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)
    assert match.event.slug == "remark"


def test_advising_against_travel_is_the_travel_advisory():
    china = country("China")
    event_on(TUE_13_JAN, "China issues a travel advisory for Lantern Bay", china, slug="advisory")
    quote = "China on Tuesday advised its citizens to avoid travelling to Lantern Bay."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [china], probable_only=True)
    assert match.event.slug == "advisory" and any("advised" in reason for reason in match.reasons)


def test_the_dates_own_clause_stops_where_an_earlier_event_is_told():
    quote = "Japan protested on Saturday after China advised its citizens to avoid Lantern Bay."
    assert "advised" not in event_clause(quote, quote.index("Saturday"), len("Saturday"))


def test_a_day_inside_months_of_measures_matches_them_by_their_words():
    china = country("China")
    first, last = datetime.date(2025, 11, 1), datetime.date(2026, 1, 13)
    event_on(first, "China's travel advisory and export curbs on Lantern Bay", china, slug="measures", last=last)
    saturday = datetime.date(2025, 11, 15)
    quote = "China on Saturday advised its citizens against travel to Lantern Bay and curbed exports."
    [match] = matching_events(saturday, saturday, "day", quote, [china], probable_only=True)
    assert match.event.slug == "measures"


def test_a_visiting_counterpart_is_a_guest_not_a_visit():
    assert "visit" not in content_words("Mori urged her visiting counterpart on Tuesday to back the plan.")
    assert "visit" not in content_words("Mori welcomed the visiting South Korean President.")
    assert "visit" in content_words("Mori is visiting Lantern Bay on Tuesday.")


def test_the_shared_words_are_shown_as_the_sentence_writes_them():
    event_on(TUE_13_JAN, "Mori visits Beijing's harbours", person("Hana Mori", "Mori"), slug="harbours")
    quote = "Mori visited the Beijing harbours on Tuesday."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote)
    assert "shared words: Beijing, harbours, Mori, visited" in match.reasons[1]


def test_each_event_of_a_list_is_read_in_its_own_words():
    quote = "Mori will stay in Kobe from 4 to 6 March, including the port talks and a state banquet."
    talks = event_clause(quote, quote.index("the port talks"), len("the port talks"))
    banquet = event_clause(quote, quote.index("a state banquet"), len("a state banquet"))
    assert "talks" in talks and "banquet" not in talks
    assert "banquet" in banquet and "talks" not in banquet


def test_a_short_aside_in_brackets_does_not_end_the_clause():
    quote = (
        "Mori held talks with the President of the Republic of Lantern Bay (RLB) Kim Ara in Sora on Monday,"
        " with both sides agreeing to expand trade."
    )
    clause = event_clause(quote, quote.index("Monday"), len("Monday"))
    assert "held talks" in clause


def test_an_aside_between_dashes_does_not_part_the_clause_from_its_subject():
    quote = "The port referendum—a vote the council had long resisted—took place on March 3, 2024, in Sora."
    clause = event_clause(quote, quote.index("March"), len("March 3, 2024"))
    assert "referendum" in clause


def test_a_date_of_the_source_cited_dates_the_clause_it_is_cited_for():
    quote = (
        "Sora banned exports of fish to Lantern Bay, according to a ministry statement on Tuesday (Jan 6),"
        " its latest move."
    )
    clause = event_clause(quote, quote.index("Tuesday"), len("Tuesday"))
    assert "banned exports" in clause and "statement" not in clause


def test_a_places_country_between_commas_does_not_end_the_clause():
    quote = (
        "Mori and Kim held a summit meeting in Sora Prefecture, Lantern Bay, on January 13-14 and agreed to meet again."
    )
    clause = event_clause(quote, quote.index("January"), len("January 13-14"))
    assert "summit meeting" in clause


@pytest.mark.parametrize(
    "quote, word",
    [
        ("Mori arrived in Kobe on Friday, expected to hold talks with the mayor.", "expected"),
        ("Mori left Sora on Tuesday for a two-day visit to Kobe.", "for"),
        ("Earlier this week, fish prices tumbled as Sora issued a warning.", "as"),
        ("Last week, Sora summoned the envoy, advised its citizens to stay home.", "advised"),
    ],
)
def test_a_companion_is_told_by_the_words_after_its_opening_word(quote, word):
    clause = event_clause(quote, quote.index(f" {word} ") + 1, len(word))
    assert clause.startswith(word) and not {"arrived", "left", "tumbled", "summoned"} & set(clause.split())


def test_a_captions_closing_date_dates_its_opening_words_not_what_comes_prior():
    quote = "Mori holds a welcome ceremony for Kim in the great hall prior to their talks in Sora, Jan. 5, 2026."
    clause = event_clause(quote, quote.index("Jan."), len("Jan. 5, 2026"))
    assert "welcome ceremony" in clause and "talks" not in clause


def test_words_quoted_after_a_reporting_verb_are_not_the_event():
    quote = 'Aide Kim stated in a briefing in Sora on January 14, "The two leaders held a meeting for 100 minutes."'
    clause = event_clause(quote, quote.index("January"), len("January 14"))
    assert "briefing" in clause and "meeting" not in clause


def test_a_date_after_since_dates_what_follows_since():
    quote = "It was their first meeting since Mori took office as prime minister last month."
    clause = event_clause(quote, quote.index("last month"), len("last month"))
    assert "took office" in clause and "meeting" not in clause


def test_the_dates_own_clause_stops_before_an_event_it_comes_before():
    quote = "Earlier in the day, Mori posted a picture of herself and Kim before the start of the summit."
    clause = event_clause(quote, quote.index("Earlier"), len("Earlier in the day"))
    assert "posted" in clause and "summit" not in clause


def test_what_media_reported_on_a_day_is_the_clause_they_reported():
    quote = "Sora will suspend imports of fish, media in Kobe reported Wednesday as tension grew."
    clause = event_clause(quote, quote.index("Wednesday"), len("Wednesday"))
    assert "suspend imports" in clause and "tension" not in clause


def test_an_encounter_is_a_meeting():
    assert "meet" in _kinds(written_forms("their first encounter in Kobe"))


def test_an_act_on_a_day_is_not_a_years_state_of_affairs():
    sora, bay = country("Sora"), country("Lantern Bay")
    event_on(
        datetime.date(2026, 1, 1),
        "Sora's fish imports from Lantern Bay fall to 60%",
        sora,
        bay,
        slug="share",
        last=datetime.date(2026, 12, 31),
        precision="year",
    )
    quote = "Sora will suspend fish imports from Lantern Bay on Wednesday."
    wednesday = datetime.date(2026, 1, 14)
    assert matching_events(wednesday, wednesday, "day", quote, [sora, bay], probable_only=True) == []
    # A measure dated only by its year is no state of affairs of that year either.
    quote = "Officials recalled Sora's 2026 ban on fish imports from Lantern Bay."
    first, last = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert matching_events(first, last, "year", quote, [sora, bay], probable_only=True) == []


def test_telling_lawmakers_is_a_remark():
    mori = person("Hana Mori", "Mori")
    first, last = datetime.date(2025, 11, 1), datetime.date(2025, 11, 10)
    event_on(first, "Mori's remark on a Sora contingency", mori, slug="remark", last=last, precision="part_of_month")
    monday, sunday = datetime.date(2025, 11, 3), datetime.date(2025, 11, 9)
    quote = "Mori told lawmakers last week that the port could be closed."
    [match] = matching_events(monday, sunday, "span", quote, [mori], probable_only=True)
    assert match.event.slug == "remark"


def test_stating_is_a_remark():
    mori = person("Hana Mori", "Mori")
    first, last = datetime.date(2025, 11, 1), datetime.date(2025, 11, 10)
    event_on(first, "Mori's remark on a Sora contingency", mori, slug="remark", last=last, precision="part_of_month")
    autumn = (datetime.date(2025, 9, 1), datetime.date(2025, 12, 31))
    quote = "Mori provoked an outcry late last year when she stated that the port could be closed."
    [match] = matching_events(*autumn, "span", quote, [mori], clause=quote[quote.index("when") :], probable_only=True)
    assert match.event.slug == "remark"


def test_a_participle_after_the_dates_clause_tells_what_was_done():
    quote = "The two mayors struck a warm and unusual note on Tuesday, playing a drum duet following their talks."
    clause = event_clause(quote, quote.index("Tuesday"), len("Tuesday"))
    assert "drum duet" in clause and "talks" not in clause
    # What came of it is another event.
    quote = "The mayor will dissolve the council on Friday, paving the way for an early election."
    assert "election" not in event_clause(quote, quote.index("Friday"), len("Friday"))


def test_an_event_sharing_none_of_the_named_actors_is_not_probable():
    mori, sora, kobe = person("Hana Mori", "Mori"), country("Sora"), country("Kobe")
    event_on(TUE_13_JAN, "Mori holds talks with her Kobe counterpart", mori, kobe, slug="kobe-talks")
    quote = "The foreign minister held talks with her Sora counterpart on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [sora], probable_only=True) == []
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [kobe], probable_only=True)


def test_an_advisory_is_a_kind_of_event_of_its_own():
    china, bay = country("China"), country("Lantern Bay")
    first, last = datetime.date(2025, 11, 1), datetime.date(2026, 1, 13)
    event_on(first, "China answers with tighter export curbs and a travel advisory", china, bay, slug="run", last=last)
    saturday = datetime.date(2025, 11, 15)
    quote = "China on Saturday advised citizens to avoid travel to Lantern Bay."
    [match] = matching_events(saturday, saturday, "day", quote, [china, bay], probable_only=True)
    assert match.event.slug == "run"
    assert "advisory" in _kinds(written_forms(quote))


@pytest.mark.parametrize("word, kind", [("voting", "election"), ("voted", "election"), ("banning", "control")])
def test_a_kind_word_is_known_under_a_dropped_e_or_a_doubled_consonant(word, kind):
    assert kind in _kinds(written_forms(f"Residents were {word} on Sunday."))


def test_the_occasion_during_which_something_was_done_is_not_the_dates_clause():
    quote = "Mori placed a rose by a winner's name in Kobe on February 8 during the council election."
    clause = event_clause(quote, quote.index("February 8"), len("February 8"))
    assert "rose" in clause and "election" not in clause
    assert "election" in event_clause(quote, quote.index("during"), len("during"))


def test_a_meeting_of_other_people_is_another_meeting():
    mori, kim, sato = person("Hana Mori", "Mori"), person("Ara Kim", "Kim"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori meets Sato for the first time", mori, sato, slug="mori-sato")
    quote = "Kim met Sato for the first time on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [kim, sato], probable_only=True) == []
    quote = "Mori met Sato for the first time on Tuesday."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sato], probable_only=True)


def test_the_two_leaders_are_the_two_people_just_named():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    person("Ara Kim", "Kim")
    saturday = datetime.date(2026, 1, 17)
    event_on(saturday, "Mori and Sato hold their first summit", mori, sato, slug="mori-sato")
    text = "Mori arrived in Kobe. Kim met Sato on Friday. The two leaders will hold their first summit on Saturday."
    source = Source(text=text, published_on=datetime.date(2026, 1, 16))
    proposal = next(p for p in proposals_for(source) if p.quote.startswith("The two leaders"))
    assert matches_for_proposal(proposal) == []


def test_what_was_said_that_day_may_be_the_interview_it_was_said_in():
    mori = person("Hana Mori", "Mori")
    event_on(TUE_13_JAN, "Sora TV airs an interview with Mori on the port dispute", mori, slug="interview")
    quote = "Mori said Tuesday that the port dispute would end soon."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True)
    assert match.event.slug == "interview"


def test_an_item_after_followed_by_is_its_own_clause():
    quote = "The mayors will meet in Kobe on Friday, to be followed by a joint briefing and a harbour cruise."
    at = quote.index("a joint briefing")
    assert event_clause(quote, at, len("a joint briefing")) == "a joint briefing"


def test_a_date_owned_by_an_occasion_after_following_dates_that_occasion_not_the_clause_before():
    quote = "The two mayors performed a duet following Tuesday's forum in Kobe."
    occasion = event_clause(quote, quote.index("Tuesday"), len("Tuesday"))
    before = event_clause(quote, quote.index("following"), len("following"))
    assert "forum" in occasion and "duet" not in occasion
    assert "duet" in before and "forum" not in before


@pytest.mark.parametrize(
    "quote",
    [
        "Late on Friday, Sora's embassy warned its citizens against travelling to Kobe.",
        "- Nov 14: Travel warning -",
        "On Friday, Sora urged its citizens to refrain from traveling to Kobe due to rising tensions.",
    ],
)
def test_a_warning_against_travel_on_a_day_is_one_of_a_run_of_measures_including_an_advisory(quote):
    sora, kobe = country("Sora"), country("Kobe")
    event_on(
        datetime.date(2025, 11, 1),
        "Sora answers with port curbs and a travel advisory",
        sora,
        kobe,
        slug="sora-measures",
        last=datetime.date(2026, 1, 13),
    )
    day = datetime.date(2025, 11, 14)
    [match] = matching_events(day, day, "day", quote, [sora, kobe], probable_only=True)
    assert match.event.slug == "sora-measures"


def test_a_meeting_of_a_visits_people_during_it_reports_the_visit_but_not_with_a_stranger():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(
        datetime.date(2026, 3, 1),
        "Mori's spring trip to Sora",
        mori,
        sato,
        slug="mori-trip",
        last=datetime.date(2026, 5, 31),
        precision="season",
    )
    day = datetime.date(2026, 3, 19)
    quote = "Mori is set to meet with Mayor Sato at the city hall on March 19."
    [match] = matching_events(day, day, "day", quote, [mori, sato], probable_only=True)
    assert match.event.slug == "mori-trip"
    quote = "Mori is set to meet with the harbour master at the city hall on March 19."
    assert matching_events(day, day, "day", quote, [mori], probable_only=True) == []


def test_the_two_leaders_share_the_events_people_against_a_country_named_in_passing():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    sora = country("Sora")
    wednesday = datetime.date(2026, 1, 14)
    event_on(wednesday, "Mori and Sato tour the harbour museum", mori, sato, slug="museum")
    event_on(datetime.date(2026, 1, 13), "Sato's tour of the region", sora, slug="tour", last=wednesday)
    text = (
        "Mori and Sato met in Kobe on Tuesday. "
        "On Wednesday, the two leaders will tour the harbour museum, according to Sora."
    )
    source = Source(text=text, published_on=datetime.date(2026, 1, 12))
    proposal = next(p for p in proposals_for(source) if p.quote.startswith("On Wednesday"))
    assert [m.event.slug for m in matches_for_proposal(proposal)][:1] == ["museum"]


def sato_visits_sora():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(
        datetime.date(2026, 1, 13),
        "Sato visits Sora",
        sato,
        mori,
        country("Sora"),
        slug="sato-visit",
        last=datetime.date(2026, 1, 14),
    )


def test_a_visit_by_someone_the_timeline_does_not_hold_is_not_a_known_visit_of_its_place():
    sato_visits_sora()
    text = (
        "Sato will visit Sora next week at Mori's invitation. Aides also said Prime Minister Lina Berg will"
        " visit Sora for three days from Thursday, her first talks with Mori."
    )
    source = Source(text=text, published_on=datetime.date(2026, 1, 9))
    proposal = next(p for p in proposals_for(source) if "Berg" in p.quote)
    assert matches_for_proposal(proposal) == []


def test_a_source_that_announces_the_event_itself_is_not_an_attribution():
    quote = "In a move sure to anger Sora, Kobe's trade ministry announced on Wednesday an inquiry into steel imports."
    assert "inquiry into steel" in event_clause(quote, quote.index("Wednesday"), len("Wednesday"))
    quote = "Kobe will curb steel imports, the trade ministry said on Wednesday."
    assert event_clause(quote, quote.index("Wednesday"), len("Wednesday")) == "Kobe will curb steel imports,"


def test_a_caption_of_an_events_people_at_its_place_on_its_day_is_probably_it():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    bay = Place.objects.create(name="Lantern Bay", slug="lantern-bay")
    event_on(TUE_13_JAN, "Mori and Sato tour the old lighthouse", mori, sato, slug="tour").places.add(bay)
    text = "Mori and Sato pose for a photo at Lantern Bay on Jan. 13, 2026."
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 15)))
    assert [m.event.slug for m in matches_for_proposal(proposal)] == ["tour"]
    # Without its place, the same caption could be any of that day's events with them.
    text = "Mori and Sato pose for a photo on Jan. 13, 2026."
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 15)))
    assert matches_for_proposal(proposal) == []


def test_a_stranger_named_by_title_earlier_in_the_article_still_leads_by_family_name():
    sato_visits_sora()
    text = (
        "Sato will visit Sora next week at Mori's invitation. Aides said Premier Berg Lina will also go. "
        "Berg will visit Sora for three days from Tuesday, her first talks with Mori."
    )
    source = Source(text=text, published_on=datetime.date(2026, 1, 9))
    proposal = next(p for p in proposals_for(source) if p.quote.startswith("Berg will"))
    assert matches_for_proposal(proposal) == []


def test_a_measure_on_a_day_inside_a_run_of_measures_by_the_same_countries_is_one_of_them():
    sora, kobe = country("Sora"), country("Kobe")
    event_on(
        datetime.date(2025, 11, 1),
        "Sora responds with tougher export controls and a travel advisory",
        sora,
        kobe,
        slug="measures",
        last=datetime.date(2026, 1, 13),
        precision="span",
    )
    published = datetime.date(2025, 11, 20)
    for text in (
        "Sora informed Kobe that it will suspend imports of Kobe fish, citing lax checks, sources said Nov. 19.",
        "On Sunday, Sora's education ministry issued a study abroad warning for Kobe.",
    ):
        [proposal] = proposals_for(Source(text=text, published_on=published))
        [match] = matches_for_proposal(proposal)
        assert match.event.slug == "measures"
    # Taken by another country, it is another measure.
    text = "Tarn informed Kobe that it will suspend imports of Kobe fish, sources said Nov. 19."
    country("Tarn")
    [proposal] = proposals_for(Source(text=text, published_on=published))
    assert matches_for_proposal(proposal) == []


def test_a_sentence_naming_only_other_people_is_another_event_of_the_same_kind():
    mori, sato, ito = person("Hana Mori", "Mori"), person("Ken Sato", "Sato"), person("Ren Ito", "Ito")
    kobe = country("Kobe")
    event_on(TUE_13_JAN, "Mori visits Kobe", mori, sato, kobe, slug="mori-visit", last=datetime.date(2026, 1, 14))
    text = "Ito will travel to Kobe next week for a week-long visit."
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 9)))
    assert ito in proposal.actor_suggestions
    assert matches_for_proposal(proposal) == []


def test_a_remark_known_only_to_its_year_needs_more_than_a_word_for_saying():
    mori = person("Hana Mori", "Mori")
    event_on(
        datetime.date(2025, 1, 1),
        "Mori suggests sending a minister to the harbour festival",
        mori,
        slug="festival-remark",
        last=datetime.date(2025, 12, 31),
        precision="year",
    )
    day = datetime.date(2025, 11, 25)
    quote = "Mori suggested in parliament last week that she could have kept to the script."
    assert matching_events(day, day, "day", quote, [mori], probable_only=True) == []
    quote = "Mori suggested last week sending a minister to the harbour festival."
    assert [m.event.slug for m in matching_events(day, day, "day", quote, [mori], probable_only=True)] == [
        "festival-remark"
    ]


def test_a_visit_somewhere_else_is_not_the_known_visit_of_the_same_person():
    mori = person("Hana Mori", "Mori")
    sora, tarn = country("Sora"), country("Tarn")
    event_on(
        datetime.date(2026, 3, 1),
        "Mori's spring visit to Sora",
        mori,
        sora,
        slug="spring-visit",
        last=datetime.date(2026, 5, 31),
        precision="season",
    )
    april = (datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))
    quote = "Mori will also make a trip to Tarn in April."
    assert matching_events(*april, "month", quote, [mori, tarn], probable_only=True) == []
    quote = "Mori will make her trip to Sora in April."
    [match] = matching_events(*april, "month", quote, [mori, sora], probable_only=True)
    assert match.event.slug == "spring-visit"


def test_a_stranger_named_right_after_an_opening_date_leads_the_sentence():
    mori, sora = person("Hana Mori", "Mori"), country("Sora")
    event_on(datetime.date(2026, 1, 12), "Mori's remark on the strait", mori, sora, slug="remark")
    text = "On Monday, Sora's Chief Cabinet Secretary Ren Kido said Sora had protested over the remark."
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 13)))
    assert matches_for_proposal(proposal) == []


def test_going_home_is_a_leg_of_the_trip_and_a_suggestion_is_a_remark():
    assert "arrive" in _kinds(written_forms("will meet residents before returning home"))
    assert _kinds(written_forms("her November suggestion that Kobe might act")) == {"remark"}


def test_a_ministry_said_this_week_is_the_source_of_the_clause_before_it():
    quote = "Kobe is tightening export controls on steel, the country's Ministry of Commerce said this week."
    clause = event_clause(quote, quote.index("this week"), len("this week"))
    assert clause == "Kobe is tightening export controls on steel,"


def test_one_of_a_meetings_people_with_a_stranger_is_another_meeting():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori and Sato hold talks", mori, sato, slug="talks")
    quote = "Mori on Tuesday shakes hands with Prime Minister Lina Berg in their talks."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    quote = "Mori on Tuesday shakes hands with Prime Minister Ken Sato in their talks."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sato], probable_only=True)
    assert match.event.slug == "talks"


def test_a_site_visited_during_a_state_visit_is_a_stop_not_the_visit():
    mori, sora = person("Hana Mori", "Mori"), country("Sora")
    event_on(TUE_13_JAN, "Mori's state visit to Sora", mori, sora, slug="state-visit", last=WED_14_JAN)
    quote = "Mori on Tuesday visited a historic site in Sora."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sora], probable_only=True) == []
    quote = "Mori on Tuesday began a state visit to Sora."
    [match] = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sora], probable_only=True)
    assert match.event.slug == "state-visit"


def test_a_date_that_names_its_event_says_its_kind():
    mori, sora = person("Hana Mori", "Mori"), country("Sora")
    sunday, wednesday = datetime.date(2026, 1, 4), datetime.date(2026, 1, 7)
    event_on(sunday, "Mori's state visit to Sora", mori, sora, slug="state-visit", last=wednesday)
    text = "Mori began a state visit to Sora on Sunday. Mori arrived with forty aides to start the four-day visit."
    proposal = next(p for p in proposals_for(Source(text=text, published_on=sunday)) if "four-day" in p.date_text)
    assert [m.event.slug for m in matches_for_proposal(proposal)] == ["state-visit"]


def test_an_act_with_a_date_of_its_own_lends_no_words_to_the_date_before():
    quote = "Mori said on Monday that she would dissolve parliament on Friday and hold early elections on February 8."
    friday = event_clause(quote, quote.index("Friday"), len("Friday"))
    assert "dissolve parliament" in friday and "elections" not in friday
    monday = event_clause(quote, quote.index("Monday"), len("Monday"))
    assert "elections" in monday


def test_a_stay_dated_next_to_its_visit_is_the_visit_not_the_arrival():
    mori, sora = person("Hana Mori", "Mori"), country("Sora")
    sunday, wednesday = datetime.date(2026, 1, 4), datetime.date(2026, 1, 7)
    event_on(sunday, "Mori's state visit to Sora", mori, sora, slug="state-visit", last=wednesday)
    text = "Mori arrived in the capital on Sunday for a state visit to Sora from Jan. 4 to 7."
    [arrival, visit] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 5)))
    assert [m.event.slug for m in matches_for_proposal(visit)] == ["state-visit"]


def test_a_places_aside_does_not_end_the_clause_of_the_date_after_it():
    quote = "They later held a second summit in Kobe, Mori's hometown, last month as part of regular visits."
    assert "second summit" in event_clause(quote, quote.index("last month"), len("last month"))


def test_a_visit_to_where_a_meeting_was_held_that_month_is_that_meeting():
    mori, sato, sora = person("Hana Mori", "Mori"), person("Ken Sato", "Sato"), country("Sora")
    october = (datetime.date(2025, 10, 1), datetime.date(2025, 10, 31))
    event_on(datetime.date(2025, 10, 30), "Mori and Sato hold their first meeting", mori, sato, sora, slug="first")
    quote = "Sato recalled Mori's visit to Sora in October 2025 and his own visit to Kobe."
    [match] = matching_events(*october, "month", quote, [mori, sato, sora], probable_only=True)
    assert match.event.slug == "first"
    quote = "Sato recalled Mori's visit to Tarn in October 2025."
    assert matching_events(*october, "month", quote, [mori, sato, country("Tarn")], probable_only=True) == []


def test_an_announcements_date_is_not_lent_to_a_clause_with_a_date_of_its_own():
    quote = "Mori will visit Sora early next week for talks, as announced by the ministry on Tuesday."
    assert event_clause(quote, quote.index("Tuesday"), len("Tuesday")).strip().startswith("as announced")
    quote = "Mori will visit Sora for talks, as announced by the ministry on Tuesday."
    assert "visit Sora" in event_clause(quote, quote.index("Tuesday"), len("Tuesday"))


def test_travel_naming_a_thing_is_no_trip_and_a_halt_is_a_measure():
    assert "visit" not in _kinds(written_forms("after Kobe launched an AI travel-planning tool, travel stocks fell"))
    assert "visit" in _kinds(written_forms("Mori will travel to Sora next week"))
    assert _kinds(written_forms("Sora on Wednesday halted seafood imports from Kobe")) == {"control"}


def test_a_protest_is_not_the_occasion_it_protests_but_that_occasion_is():
    kobe, sora = country("Kobe"), country("Sora")
    feb_22 = datetime.date(2026, 2, 22)
    event_on(feb_22, "Sea Day", kobe, sora, slug="sea-day")
    text = "On Feb. 22, 2026, Kobe summoned a Sora diplomat to protest Sora's annual Sea Day ceremony."
    protest, ceremony = proposals_for(Source(text=text, published_on=feb_22))
    assert matches_for_proposal(protest) == []
    assert [m.event.slug for m in matches_for_proposal(ceremony)] == ["sea-day"]


def test_a_protest_against_a_measure_is_not_that_measure():
    kobe, sora = country("Kobe"), country("Sora")
    event_on(
        datetime.date(2025, 11, 1),
        "Sora's export controls",
        kobe,
        sora,
        slug="controls",
        last=datetime.date(2026, 1, 13),
    )
    text = "Kobe on Wednesday lodged a strong protest against Sora's decision to halt exports of chips to Kobe."
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 7)))
    assert matches_for_proposal(proposal) == []


def test_meeting_a_group_is_not_the_leaders_talks():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori and Sato meet in Kobe", mori, sato, slug="talks")
    quote = "On Tuesday, Mori also met with top executives of Kobe firms."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori], probable_only=True) == []
    quote = "On Tuesday, Mori met with Sato in Kobe."
    assert matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sato], probable_only=True)


def test_a_meeting_of_three_is_not_one_of_two_nor_the_other_way_round():
    kobe, sora = country("Kobe"), country("Sora")
    event_on(TUE_13_JAN, "Kobe and Sora summit", kobe, sora, slug="two")
    event_on(TUE_13_JAN, "Trilateral summit of Kobe, Sora and Tarumi", kobe, sora, slug="three")
    two = "Kobe and Sora held a summit on Tuesday."
    three = "Kobe, Sora and Tarumi held a trilateral summit on Tuesday."
    told = "The Kobe-Sora-Tarumi summit opened on Tuesday."
    assert [
        m.event.slug for m in matching_events(TUE_13_JAN, TUE_13_JAN, "day", two, [kobe, sora], probable_only=True)
    ] == ["two"]
    for quote in (three, told):
        found = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [kobe, sora], probable_only=True)
        assert [m.event.slug for m in found] == ["three"]


def test_what_rounded_off_an_occasion_is_told_by_its_own_words():
    quote = "Mori and Sato rounded off their summit on Tuesday with a jam session where the two played drums."
    clause = event_clause(quote, quote.index(" with") + 1, len("with"))
    assert clause.startswith("with a jam session") and "summit" not in clause


def test_he_or_she_is_the_person_named_last_before():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    clause = "During the visit, he is scheduled to hold a summit with Sato."
    before = "Mori will begin a state visit to Kobe on Sunday. "
    assert _people_referred(before, clause, [sato], [mori, sato], before + clause) == [mori]
    before = "Mori will begin a state visit to Kobe on Sunday, Prime Minister Giorgia Meloni said. "
    assert _people_referred(before, clause, [sato], [mori, sato], before + clause) == []


def test_a_date_after_and_dates_the_act_after_it_not_the_one_before():
    quote = "Sora summoned Kobe's envoy and on Nov. 14 warned its citizens against visiting Kobe."
    clause = event_clause(quote, quote.index("Nov. 14"), len("Nov. 14"))
    assert "summoned" not in clause and "warned" in clause


def test_a_participle_after_an_adverb_still_tells_what_was_done():
    quote = "The speaker on Friday read out a letter, formally dissolving the lower house."
    assert "dissolving" in event_clause(quote, quote.index("Friday"), len("Friday"))


def test_a_host_welcoming_a_guest_reports_the_guests_visit():
    sora, kobe = country("Sora"), country("Kobe")
    event_on(
        datetime.date(2026, 3, 1),
        "Mori's spring visit to Sora",
        sora,
        kobe,
        slug="mori-spring-visit",
        last=datetime.date(2026, 5, 31),
    )
    day = datetime.date(2026, 3, 19)
    quote = "Sora's president said he would welcome Mori to the Palace of Sora on March 19."
    assert [m.event.slug for m in matching_events(day, day, "day", quote, [sora, kobe], probable_only=True)] == [
        "mori-spring-visit"
    ]
    assert "visit" not in content_words("Sora welcomed the move on Monday.")


def test_a_groups_meeting_is_reported_by_an_article_naming_one_of_its_members():
    group = Actor.objects.create(name="Harbour Group", short_name="Harbour Group", slug="hg", kind="organisation")
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Harbour Group ministers discuss fish quotas", group, mori, sato, slug="quotas")
    quote = "Ministers of the Harbour Group discussed fish quotas on Tuesday."
    found = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [group], article_actors=[group, mori])
    assert [m.event.slug for m in found] == ["quotas"]
    # Two leaders' own talks still need both of them named.
    event_on(TUE_13_JAN, "Mori and Sato discuss fish quotas", mori, sato, slug="pair")
    found = matching_events(TUE_13_JAN, TUE_13_JAN, "day", quote, [group], article_actors=[group, mori])
    assert "pair" not in [m.event.slug for m in found]


def test_a_dateline_in_capitals_names_the_place_the_story_was_filed_from():
    bay = Place.objects.create(name="Lantern Bay", slug="lantern-bay")
    event_on(TUE_13_JAN, "Ministers discuss fish quotas", slug="quotas").places.add(bay)
    text = "LANTERN BAY, Jan 14 – Ministers agreed on fish quotas on Tuesday."
    [proposal] = proposals_for(Source(text=text, published_on=WED_14_JAN))
    [match] = matches_for_proposal(proposal, probable_only=False)
    assert match.event.slug == "quotas" and "same place" in match.reasons


def test_the_day_an_occasion_opens_is_matched_by_the_occasions_own_words():
    mori = person("Hana Mori", "Mori")
    event_on(
        datetime.date(2026, 3, 1),
        "Mori expected to call a snap vote",
        mori,
        slug="vote",
        last=datetime.date(2026, 3, 7),
        precision="span",
    )
    text = (
        "Mori said on Monday she will dissolve the assembly on March 3, "
        "the day the regular session opens, for a snap vote."
    )
    proposals = proposals_for(Source(text=text, published_on=datetime.date(2026, 3, 2)))
    [session] = [p for p in proposals if p.date_text.startswith("the day")]
    assert [m.event.slug for m in matches_for_proposal(session)] == []


def test_a_count_of_travellers_visiting_a_country_is_no_trip_to_a_meeting_there():
    mori, sato, sora = person("Hana Mori", "Mori"), person("Ken Sato", "Sato"), country("Sora")
    first, last = datetime.date(2025, 11, 1), datetime.date(2025, 11, 30)
    event_on(
        first, "Mori and Sato meet at the harbour summit", mori, sato, sora, slug="summit", last=last, precision="month"
    )
    quote = "Around 560,000 travellers from Kobe visited Sora last month, a rise of 3%."
    found = matching_events(first, last, "month", quote, [sora], article_actors=[sora, mori, sato], probable_only=True)
    assert found == []


def test_a_tour_of_a_temple_is_the_temple_visit_not_the_state_visit_around_it():
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Sato visits Sora", sato, slug="trip", last=WED_14_JAN, precision="span")
    event_on(WED_14_JAN, "Mori and Sato visit Lantern Temple", mori, sato, slug="temple")
    quote = "On Wednesday, she will take Sato on a tour of Lantern Temple."
    found = matching_events(
        WED_14_JAN, WED_14_JAN, "day", quote, [sato], article_actors=[mori, sato], probable_only=True
    )
    assert [m.event.slug for m in found] == ["temple"]


def test_a_date_naming_the_visit_itself_is_the_visit_whatever_stop_was_told_before():
    sato, sora = person("Ken Sato", "Sato"), country("Sora")
    first, last = datetime.date(2026, 1, 4), datetime.date(2026, 1, 7)
    event_on(first, "Sato's state visit to Sora", sato, sora, slug="state-visit", last=last, precision="span")
    text = (
        "Sato on Wednesday visited a historic site in Kobe that once housed an exiled government. "
        "The visit was made on the final day of his four-day state visit to Sora."
    )
    proposals = proposals_for(Source(text=text, published_on=datetime.date(2026, 1, 7)))
    [stay] = [p for p in proposals if p.precision == "span"]
    assert [m.event.slug for m in matches_for_proposal(stay)] == ["state-visit"]


def test_a_groups_own_summit_is_not_two_leaders_talks_at_it():
    group = Actor.objects.create(name="Harbour Forum", short_name="Harbour Forum", slug="hf", kind="organisation")
    mori, sato, sora = person("Hana Mori", "Mori"), person("Ken Sato", "Sato"), country("Sora")
    first, last = datetime.date(2025, 10, 31), datetime.date(2025, 11, 1)
    event_on(first, "Mori and Sato hold their first meeting at the Harbour Forum", mori, sato, group, slug="talks")
    quote = "Sora will host this year's two-day summit of the Harbour Forum from Oct. 31."
    found = matching_events(first, last, "span", quote, [sora, group], article_actors=[sora, group, mori, sato])
    assert [m.event.slug for m in found if m.probable] == []


def test_claiming_something_in_parliament_is_a_remark():
    mori = person("Hana Mori", "Mori")
    first, last = datetime.date(2025, 11, 1), datetime.date(2025, 11, 10)
    event_on(first, "Mori's remark on a Sora contingency", mori, slug="remark", last=last, precision="part_of_month")
    event_on(
        first,
        "Mori and Sato meet at the harbour",
        mori,
        person("Ken Sato", "Sato"),
        slug="meeting",
        last=last,
        precision="part_of_month",
    )
    day = datetime.date(2025, 11, 7)
    quote = "At a parliamentary meeting on Nov 7, Mori claimed that a Sora contingency could threaten the country."
    found = matching_events(day, day, "day", quote, [mori], article_actors=[mori], probable_only=True)
    assert [m.event.slug for m in found] == ["remark"]


def test_a_timeline_heading_dates_all_that_follows_its_colon():
    mori = person("Hana Mori", "Mori")
    first, last = datetime.date(2025, 11, 1), datetime.date(2025, 11, 10)
    event_on(first, "Mori's remark on a Sora contingency", mori, slug="remark", last=last, precision="part_of_month")
    text = (
        "November 7, 2025: In her first parliamentary session since taking office, Prime Minister Hana Mori "
        "warned that a Sora contingency could threaten the country."
    )
    [proposal] = proposals_for(Source(text=text, published_on=datetime.date(2025, 11, 16)))
    assert [m.event.slug for m in matches_for_proposal(proposal)] == ["remark"]


def test_a_press_conference_is_a_briefing_kind_not_what_a_departure_that_day_reports():
    assert "briefing" in _kinds(written_forms("the two leaders give a joint press conference"))
    mori, sato = person("Hana Mori", "Mori"), person("Ken Sato", "Sato")
    event_on(TUE_13_JAN, "Mori and Sato give a joint press conference", mori, sato, slug="presser")
    quote = "Mori is scheduled to depart for Sora on Tuesday for the summit talks with Sato."
    found = matching_events(
        TUE_13_JAN, TUE_13_JAN, "day", quote, [mori, sato], article_actors=[mori, sato], probable_only=True
    )
    assert found == []


def test_a_long_aside_between_dashes_does_not_crowd_out_the_clauses_own_words():
    quote = (
        "The sweeping curbs on lantern parts – wicks, frames, glass and the tools that make them for either"
        " festival or factory use – are effective immediately, Sora's trade ministry said in a statement Tuesday."
    )
    clause = event_clause(quote, quote.index("Tuesday"), len("Tuesday"))
    assert "curbs" in clause and "statement" not in clause
