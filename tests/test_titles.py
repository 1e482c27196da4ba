"""Short titles proposed from the event a sentence reports, not from its first words (sentences of our own)."""

import pytest

from newsroom.titles import propose_title
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


def test_actors_go_by_their_short_names_and_a_dateline_is_left_out():
    title = propose_title(
        "OSAKA, Japan — Japanese Prime Minister Sanae Takaichi received South Korean President Lee Jae-myung "
        "at the castle on Tuesday.",
        "Tuesday",
        [("Takaichi", ["Sanae Takaichi"]), ("Lee", ["Lee Jae-myung"])],
    )
    assert title == "Takaichi received Lee at the castle"
