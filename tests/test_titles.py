"""Short titles proposed from the event a sentence reports, not from its first words (sentences of our own)."""

import pytest

from newsroom.titles import cut_to_fit, propose_title
from timeline.models import SHORT_TITLE_LENGTH


@pytest.mark.parametrize(
    ("quote", "date_text", "actors", "expected"),
    [
        (
            "Takaichi, 64, called the rare winter summit on Tuesday to discuss export controls.",
            "Tuesday",
            [("Takaichi", ["Sanae Takaichi"])],
            "Takaichi called the rare winter summit",
        ),
        (
            "Officials said on Monday that the two leaders will meet in Nara on 13 January.",
            "13 January",
            [],
            "The two leaders will meet in Nara",
        ),
        ("After talks in Seoul on Friday, the envoy returned to Tokyo, aides said.", "Friday", [], "Talks in Seoul"),
        (
            "The envoy returned to Tokyo on Saturday, the ministry said.",
            "Saturday",
            [],
            "The envoy returned to Tokyo",
        ),
        (
            "According to the palace, the king will visit Busan in early March.",
            "early March",
            [],
            "The king will visit Busan",
        ),
        (
            "The minister met her counterpart on Monday before flying to Osaka on Tuesday.",
            "Monday",
            [],
            "The minister met her counterpart",
        ),
        (
            "Lee, who took office in June 2025, hosted the dinner.",
            "June 2025",
            [("Lee", ["Lee Jae-myung"])],
            "Lee took office",
        ),
    ],
)
def test_a_short_title_comes_from_the_clause_around_the_date(quote, date_text, actors, expected):
    title = propose_title(quote, date_text, actors)
    assert title == expected
    assert len(title) <= SHORT_TITLE_LENGTH


def test_a_long_clause_is_cut_between_words_without_a_dangling_small_word():
    title = propose_title(
        "The coalition partners agreed on Sunday to a sweeping review of the defence procurement rules.", "Sunday"
    )
    assert len(title) <= SHORT_TITLE_LENGTH and not title.endswith((" a", " of", " the", " to"))
    assert title.startswith("The coalition partners agreed")


def test_a_long_clause_is_not_cut_inside_a_name():
    assert cut_to_fit("Mori urged him to visit the Lantern Bay Republic this year") == "Mori urged him to visit"


def test_actors_go_by_their_short_names_and_a_dateline_is_left_out():
    title = propose_title(
        "OSAKA, Japan — Japanese Prime Minister Sanae Takaichi received South Korean President Lee Jae-myung "
        "at the castle on Tuesday.",
        "Tuesday",
        [("Takaichi", ["Sanae Takaichi"]), ("Lee", ["Lee Jae-myung"])],
    )
    assert title == "Takaichi received Lee at the castle"


@pytest.mark.parametrize(
    ("quote", "date_text", "actors", "expected"),
    [
        # A participle with its subject: made a verb, in the tense of the sentence's main verb.
        (
            "The talks ended on Friday, with the delegation from Japan returning home on Sunday.",
            "Sunday",
            [],
            "The delegation from Japan returned home",
        ),
        # A participle without one: the main clause's subject does it.
        (
            "The minister met her counterpart on Monday before flying to Osaka on Tuesday.",
            "Tuesday",
            [],
            "The minister flew to Osaka",
        ),
        (
            "Returning from Beijing on Friday, the envoy briefed reporters.",
            "Friday",
            [],
            "The envoy returned from Beijing",
        ),
        (
            "The premiers, both assuming office in 2024, pledged to keep meeting.",
            "2024",
            [],
            "The premiers assumed office",
        ),
        # The date's clause says nothing else: the main clause does.
        (
            "On Wednesday, hosting the visiting premier, the king praised the two nations' ties.",
            "Wednesday",
            [],
            "The king praised the two nations' ties",
        ),
        (
            "The summit, scheduled for June 12, was cancelled after Seoul refused to attend.",
            "June 12",
            [],
            "The summit was cancelled",
        ),
        # Reported speech: the sayer for "it", "will" for "would".
        (
            "Seoul said on Monday that it would send an envoy to Tokyo next week.",
            "next week",
            [],
            "Seoul will send an envoy to Tokyo",
        ),
        # Two actors met: both named, nothing after the place.
        (
            "Takaichi and Lee met in Nara on Tuesday, the first summit of the year.",
            "Tuesday",
            [("Takaichi", ["Sanae Takaichi"]), ("Lee", ["Lee Jae-myung"])],
            "Takaichi and Lee met in Nara",
        ),
        # The date as the subject: the day is what it marks.
        ("March 9 marks Harbour Day, a holiday on the islands.", "March 9", [], "Harbour Day"),
        # A noun after a possessive or an article stays a noun.
        (
            "The talks followed the envoy's meeting with the king a week earlier.",
            "a week earlier",
            [],
            "The talks followed the envoy's meeting",
        ),
    ],
)
def test_a_title_says_who_did_what_never_a_dangling_participle(quote, date_text, actors, expected):
    title = propose_title(quote, date_text, actors)
    assert title == expected
    assert len(title) <= SHORT_TITLE_LENGTH


def test_it_is_never_a_person_named_in_the_sentence():
    title = propose_title("It will reopen the border crossing on Monday.", "Monday", [("Lee", ["Lee Jae-myung"])])
    assert not title.startswith("Lee")


def test_a_companions_word_is_taken_out_only_as_a_word_of_its_own():
    # "as" opens a companion; it is not the "as" of "has", nor "on" the end of "attention".
    quote = "This week's fair has drawn attention as Mori and Sato are set to meet."
    assert propose_title(quote, "as") == "This week's fair has drawn attention"


def test_an_adverb_after_the_auxiliary_is_not_the_subjects():
    actors = [("Mori", ["Hana Mori"])]
    quote = "Mori will also meet students in Kobe before returning home in the afternoon."
    assert propose_title(quote, "in the afternoon", actors) == "Mori will return home"


def test_a_trip_for_a_summit_titles_its_companion_by_the_summit():
    actors = [("Mori", ["Hana Mori"]), ("Sato", ["Ken Sato"])]
    quote = "Minister Hana Mori arrived in Sora on Tuesday for a summit with Mayor Ken Sato, aiming to mend ties."
    assert propose_title(quote, "for", actors) == "Summit with Sato"


def test_the_day_an_occasion_opens_is_titled_by_the_occasion():
    quote = "Mori will dissolve the assembly on March 3, the day the regular session convenes, for a vote."
    assert propose_title(quote, "the day the regular session convenes") == "The regular session convenes"


@pytest.mark.parametrize(
    ("quote", "date_text", "expected"),
    [
        # a setting before the event: its main clause says what happened
        (
            "As of Monday (Jan 26), all flights on 49 routes to Kobe had been cancelled.",
            "Monday",
            "All flights on 49 routes to Kobe had",
        ),
        (
            "In a statement issued on Monday, Sora Air said refunds would be extended.",
            "Monday",
            "Sora Air said refunds would be extended",
        ),
        # a wire's dateline with its agency is no part of the title
        (
            "Jan. 7 (Wire) — Kobe is opening an inquiry into imports of a chemical.",
            "Jan. 7",
            "Kobe is opening an inquiry into imports",
        ),
        # a possessive date goes with its "'s"
        (
            "Wednesday’s announcement angered Sora.",
            "Wednesday",
            "Announcement angered Sora",
        ),
    ],
)
def test_a_title_leaves_out_settings_datelines_and_possessive_dates(quote, date_text, expected):
    assert propose_title(quote, date_text) == expected
