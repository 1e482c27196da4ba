"""newsdates: detection and resolution of English news date expressions.

Plain functions, no database. Publication dates follow the seed articles:
Tuesday 13 January 2026 unless a test says otherwise.
"""

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from newsdates import DateMention, event_mentions, extract_dates, merge_ranges, split_sentences

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_dates  # noqa: E402

from tests import real_articles  # noqa: E402

TUE_13_JAN = date(2026, 1, 13)
WED_14_JAN = date(2026, 1, 14)
THU_15_JAN = date(2026, 1, 15)


def only(text: str, published: date = TUE_13_JAN) -> DateMention:
    mentions = extract_dates(text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def values(text: str, published: date = TUE_13_JAN) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_dates(text, published)]


# --- precision is kept --------------------------------------------------------


def test_in_november_is_month_precision_not_a_day():
    m = only("China reacted strongly to Takaichi's Diet remark in November.", WED_14_JAN)
    assert (m.text, m.value, m.precision) == ("November", "2025-11", "month")
    assert (m.earliest, m.latest) == (date(2025, 11, 1), date(2025, 11, 30))
    assert m.label == "Nov 2025"


def test_last_week_is_the_previous_iso_week_not_a_day():
    # ISO weeks: 13 Jan 2026 is in W03, so last week is W02 (5-11 Jan).
    m = only("Just last week, Lee was courted by Xi in Beijing.")
    assert (m.value, m.precision) == ("2026-W02", "week")
    assert (m.earliest, m.latest) == (date(2026, 1, 5), date(2026, 1, 11))
    assert m.label == "week of 5 Jan 2026"


def test_late_october_is_part_of_month_with_narrowed_range():
    m = only("Their first meeting took place in South Korea in late October.")
    assert (m.text, m.value, m.precision) == ("late October", "2025-10", "part_of_month")
    assert (m.earliest, m.latest) == (date(2025, 10, 21), date(2025, 10, 31))
    assert m.label == "late Oct 2025"


@pytest.mark.parametrize(
    "phrase, earliest, latest",
    [
        ("early November", date(2025, 11, 1), date(2025, 11, 10)),
        ("mid-November", date(2025, 11, 11), date(2025, 11, 20)),
    ],
)
def test_early_and_mid_month_narrow_the_range(phrase, earliest, latest):
    m = only(f"Remarks she made in {phrase} infuriated China.")
    assert (m.value, m.precision, m.earliest, m.latest) == ("2025-11", "part_of_month", earliest, latest)


def test_spring_visit_is_a_season_of_the_coming_spring():
    m = only(
        "Takaichi intends to use the progress made with Lee during her spring visit to the United States.", WED_14_JAN
    )
    assert (m.text, m.value, m.precision, m.label) == ("spring", "2026-SP", "season", "spring 2026")
    assert (m.earliest, m.latest) == (date(2026, 3, 1), date(2026, 5, 31))


# --- direction: tense and cue words -------------------------------------------


def test_set_to_visit_on_wednesday_is_the_coming_wednesday():
    m = only("The pair are set to visit a historic temple on Wednesday before Lee returns home.")
    assert m.value == "2026-01-14"


def test_interview_aired_monday_is_the_past_monday():
    m = only("In an interview with Japanese broadcaster NHK aired Monday, Lee made it clear he would not intervene.")
    assert m.value == "2026-01-12"


def test_snap_election_in_february_is_the_coming_february():
    m = only("Speculation has grown that Takaichi may call a snap election in February.")
    assert m.value == "2026-02"


def test_diet_remark_in_november_is_the_past_november():
    m = only("China has reacted strongly to Takaichi's Diet remark in November regarding Taiwan.")
    assert m.value == "2025-11"


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The minister will speak on Friday.", "2026-01-16"),
        ("The minister spoke on Friday.", "2026-01-09"),
        ("The minister is expected to speak on Friday.", "2026-01-16"),
        ("Talks were held on Friday.", "2026-01-09"),
        ("The festival opens on Friday.", "2026-01-16"),
    ],
)
def test_bare_weekday_follows_the_tense_of_its_clause(sentence, value):
    assert only(sentence).value == value


def test_weekday_with_no_tense_cue_is_the_nearest_one():
    # a photo caption in the present tense, the day after the summit
    assert only("Takaichi speaks with Lee in Nara City on Tuesday.", WED_14_JAN).value == "2026-01-13"


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The summit will be held in March.", "2026-03"),
        ("The summit was held in March.", "2025-03"),
        ("Exports rose in December.", "2025-12"),
        ("Exports will rise in December.", "2026-12"),
        ("Sales rose in January.", "2026-01"),
    ],
)
def test_bare_month_follows_tense_and_includes_the_current_month(sentence, value):
    assert only(sentence).value == value


def test_since_a_month_always_looks_back():
    assert only("She has been running since February.", date(2023, 11, 20)).value == "2023-02"


def test_reporting_verb_does_not_date_what_is_reported():
    m = only("Schools will stay closed until Oct. 10, the ministry said.", date(2022, 9, 30))
    assert m.value == "2022-10-10"


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("next week", "2026-W04"),
        ("this week", "2026-W03"),
        ("earlier this month", "2026-01"),
        ("last year", "2025"),
        ("this year", "2026"),
        ("next year", "2027"),
        ("last month", "2025-12"),
        ("this month", "2026-01"),
        ("next month", "2026-02"),
        ("two weeks ago", "2026-W01"),
        ("three years ago", "2023"),
    ],
)
def test_relative_expressions_are_anchored_at_publication(phrase, value):
    m = only(f"It happened {phrase}, officials said.")
    assert (m.text, m.value) == (phrase, value)


def test_earlier_this_month_ends_at_publication():
    m = only("Japan had planned to host a summit earlier this month.")
    assert (m.earliest, m.latest) == (date(2026, 1, 1), TUE_13_JAN)


def test_a_week_earlier_is_anchored_at_the_last_date_mentioned():
    text = "The summit was on Tuesday. The talks followed Lee's meeting with Xi a week earlier."
    assert values(text, WED_14_JAN) == [("Tuesday", "2026-01-13"), ("a week earlier", "2026-W02")]


def test_anaphoric_day_offsets_chain_from_the_previous_date():
    text = "The storm struck on Sept. 3. The next day it weakened, and three days later it was gone."
    assert values(text, date(2024, 9, 10)) == [
        ("Sept. 3", "2024-09-03"),
        ("The next day", "2024-09-04"),
        ("three days later", "2024-09-07"),
    ]


def test_the_following_month_is_anchored_at_a_month():
    text = "The company collapsed in November 2022 and filed for bankruptcy the following month."
    assert values(text, date(2024, 5, 22))[-1] == ("the following month", "2022-12")


# --- what must not be cut or taken for a date ---------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Feb. 22 marks Takeshima Day.", "2026-02-22"),
        ("The summit on Jan. 5 went badly.", "2026-01-05"),
        ("The vote is on Sept. 3.", "2026-09-03"),
        ("It opened on Dec. 1, 2025.", "2025-12-01"),
    ],
)
def test_abbreviated_month_keeps_its_period(text, value):
    m = only(text)
    assert m.value == value
    assert m.text.split()[0].endswith(".")
    assert m.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "He was satisfied with the deal.",
        "Sun Yat-sen University and the Sun newspaper reported it.",
        "The wedding sat well with voters.",
    ],
)
def test_weekday_fragments_inside_words_are_not_dates(text):
    assert [m.text for m in extract_dates(text, TUE_13_JAN) if m.precision == "day"] == []


def test_plural_weekday_is_not_a_date():
    assert extract_dates("Markets are closed on Mondays.", TUE_13_JAN) == []


def test_may_as_a_modal_verb_is_not_a_date():
    assert extract_dates("Takaichi may call a snap election. May we ask?", TUE_13_JAN) == []


def test_in_may_is_a_date():
    assert only("The vote is due in May.").value == "2026-05"


def test_theresa_may_is_not_a_date():
    text = "Lawmakers rejected Theresa May's deal, and May resigned as party leader."
    assert extract_dates(text, date(2019, 10, 31)) == []


def test_march_as_a_verb_is_not_a_date():
    assert extract_dates("Protesters march through the capital. Farmers will march on parliament.", TUE_13_JAN) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ticket costs $27.",
        "Prices rose 50%.",
        "Japan imported 90 per cent of its rare earths.",
        "Some 2,000 people attended.",
        "It cost $2025 per metre.",
        "About 1500 people attended.",
        "The spread is 2020 basis points.",
    ],
)
def test_money_percentages_and_quantities_are_not_dates(text):
    assert extract_dates(text, TUE_13_JAN) == []


@pytest.mark.parametrize(
    "text",
    [
        "His second visit in six months.",
        "The talks lasted about 90 minutes.",
        "He served for three years.",
        "A monthslong dispute.",
        "Reading Time:4 minutes",
        "Cases rose in the past 24 hours.",
    ],
)
def test_durations_are_not_dates(text):
    assert extract_dates(text, TUE_13_JAN) == []


def test_prices_fall_is_not_a_season():
    assert extract_dates("Prices could fall further. The fall in prices hurt.", TUE_13_JAN) == []


# --- ranges and pairs ----------------------------------------------------------


def test_tuesday_and_wednesday_are_two_days_and_merge_into_a_span():
    text = "Lee was in Japan on Tuesday and Wednesday."
    mentions = extract_dates(text, THU_15_JAN)
    assert [(m.text, m.value) for m in mentions] == [("Tuesday", "2026-01-13"), ("Wednesday", "2026-01-14")]
    (span,) = merge_ranges(text, mentions)
    assert (span.text, span.value, span.precision, span.label) == (
        "Tuesday and Wednesday",
        "2026-01-13",
        "span",
        "13–14 Jan 2026",
    )
    assert (span.earliest, span.latest) == (date(2026, 1, 13), date(2026, 1, 14))


def test_year_range_is_two_years_and_merges_into_a_span():
    text = "Japan's 1910-1945 occupation of Korea."
    mentions = extract_dates(text, TUE_13_JAN)
    assert [(m.text, m.value) for m in mentions] == [("1910", "1910"), ("1945", "1945")]
    (span,) = merge_ranges(text, mentions)
    assert (span.text, span.value, span.earliest, span.latest) == (
        "1910-1945",
        "1910",
        date(1910, 1, 1),
        date(1945, 12, 31),
    )


def test_over_the_weekend_is_the_past_weekend():
    m = only("Champagne was in Washington over the weekend to discuss minerals.", THU_15_JAN)
    assert (m.text, m.value, m.precision) == ("the weekend", "2026-W02-WE", "week")
    assert (m.earliest, m.latest) == (date(2026, 1, 10), date(2026, 1, 11))


def test_from_3_to_5_march_is_two_days_sharing_the_month():
    text = "The festival runs from 3 to 5 March."
    mentions = extract_dates(text, TUE_13_JAN)
    assert [(m.text, m.value) for m in mentions] == [("3", "2026-03-03"), ("5 March", "2026-03-05")]
    assert merge_ranges(text, mentions)[0].label == "3–5 Mar 2026"


def test_month_day_range_shares_the_year():
    assert values("The Fed meets on Jan. 27-28, 2026.", date(2025, 12, 29)) == [
        ("Jan. 27", "2026-01-27"),
        ("28, 2026", "2026-01-28"),
    ]
    assert values("It ran from Aug. 8 to Aug. 31, 2025.")[0] == ("Aug. 8", "2025-08-08")


# --- formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It began on January 13, 2026.", ("January 13, 2026", "2026-01-13")),
        ("It began on 13 January 2026.", ("13 January 2026", "2026-01-13")),
        ("It began on Jan. 13.", ("Jan. 13", "2026-01-13")),
        ("It began on 2026-01-13.", ("2026-01-13", "2026-01-13")),
        ("It began on Tuesday, Jan. 13.", ("Tuesday, Jan. 13", "2026-01-13")),
        ("Tickets go on sale on the 20th.", ("the 20th", "2026-01-20")),
        ("It began in November 2025.", ("November 2025", "2025-11")),
        ("Imports peaked in 2010.", ("2010", "2010")),
        ("Prices fell by 2025.", ("2025", "2025")),
        ("Stocks boomed in the 1990s.", ("the 1990s", "199")),
        ("Growth slowed in the 2010s.", ("the 2010s", "201")),
        ("The plant opens in mid-2025.", ("mid-2025", "2025")),
        ("The plant opens in early 2026.", ("early 2026", "2026")),
        ("It will be done by the end of the year.", ("the end of the year", "2026")),
        ("Profits rose in the first half of 2025.", ("the first half of 2025", "2025-H1")),
        ("Growth slowed in the third quarter.", ("the third quarter", "2025-Q3")),
        ("It rained last summer.", ("last summer", "2025-SU")),
        ("It will open this spring.", ("this spring", "2026-SP")),
        ("Markets close early on New Year's Eve.", ("New Year's Eve", "2025-12-31")),
        ("The 2026 budget was passed.", ("2026", "2026")),
    ],
)
def test_explicit_and_relative_formats(text, expected):
    m = only(text)
    assert (m.text, m.value) == expected


def test_mid_year_narrows_the_year():
    m = only("The plant opens in mid-2025.")
    assert (m.precision, m.earliest, m.latest, m.label) == ("span", date(2025, 5, 1), date(2025, 8, 31), "mid-2025")


def test_yesterday_today_tomorrow_are_days_around_publication():
    assert values("yesterday, today and tomorrow") == [
        ("yesterday", "2026-01-12"),
        ("today", "2026-01-13"),
        ("tomorrow", "2026-01-14"),
    ]


def test_present_past_and_future_references():
    assert values("Prices are now high and currently rising; sales recently fell; in the future they may not.") == [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ]


def test_part_of_day_is_kept_in_the_value():
    assert only("The storm hit on Wednesday night.").value == "2026-01-07TNI"


# --- sentences -----------------------------------------------------------------


def test_sentence_splitting_keeps_abbreviations_together():
    text = "Dr. Smith met Mr. Lee in the U.S. on Jan. 5 to discuss the Feb. 22 event. It went well. Then they left."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Dr. Smith met Mr. Lee in the U.S. on Jan. 5 to discuss the Feb. 22 event.",
        "It went well.",
        "Then they left.",
    ]


def test_mentions_carry_their_sentence():
    text = "Lee arrived. Lee met Xi on Jan. 5, officials said. He left."
    m = only(text)
    assert m.sentence == "Lee met Xi on Jan. 5, officials said."
    assert text[m.sentence_start :].startswith(m.sentence)


# --- API contract --------------------------------------------------------------


def test_mentions_are_ordered_non_overlapping_and_exact_on_a_seed_article():
    doc = bench_dates.load_devset()[1]
    mentions = extract_dates(doc["text"], date.fromisoformat(doc["published"]))
    assert mentions
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    for m in mentions:
        assert doc["text"][m.start : m.end] == m.text
        assert m.precision in {
            "day",
            "part_of_month",
            "month",
            "season",
            "year",
            "span",
            "week",
            "decade",
            "present",
            "unknown",
        }


def test_to_dict_is_json_ready():
    m = only("The summit was held on Jan. 5.")
    d = m.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d == {
        "text": "Jan. 5",
        "start": 23,
        "end": 29,
        "value": "2026-01-05",
        "earliest": "2026-01-05",
        "latest": "2026-01-05",
        "precision": "day",
        "label": "5 Jan 2026",
        "sentence": "The summit was held on Jan. 5.",
        "tense": "past",
        "status": "happened",
        "flags": [],
    }
    assert only("Prices are now high.").to_dict()["earliest"] == "2026-01-13"
    assert only("Sales recently fell.").to_dict()["earliest"] is None


def test_published_may_be_a_datetime_or_iso_string():
    from datetime import datetime

    assert only("It happened yesterday.", datetime(2026, 1, 13, 9, 30)).value == "2026-01-12"
    assert only("It happened yesterday.", "2026-01-13").value == "2026-01-12"


# --- devset and benchmark ------------------------------------------------------


def test_devset_offsets_are_valid():
    docs = bench_dates.load_devset()
    assert len(docs) >= 6
    assert sum(len(d["timexes"]) for d in docs[5:]) >= 300  # beyond the five seed articles
    for doc in docs:
        date.fromisoformat(doc["published"])
        last_end = 0
        for t in doc["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"], (doc["id"], t)
            assert t["start"] >= last_end, (doc["id"], t)
            last_end = t["end"]


def test_devset_value_f1_stays_above_regression_guard():
    score = bench_dates.score(bench_dates.ours, bench_dates.load_devset())
    assert score.value_f1 >= 0.8, (score.f1, score.value_accuracy)


# --- issue 13: every event of a sentence, its status and tense ------------------


def test_labels_use_correct_ordinals():
    assert [m.label for m in extract_dates("Built in the 1st century, rebuilt in the 21st century.", TUE_13_JAN)] == [
        "1st century",
        "21st century",
    ]
    assert only("Not since the 2nd century.").label == "2nd century"
    assert only("The temple dates from the 13th century.").label == "13th century"
    assert only("Nothing like it since last century.").label == "20th century"


def test_late_last_october_keeps_its_part_of_month():
    text, published = real_articles.LATE_LAST_OCTOBER
    m = only(text, published)
    assert (m.text, m.value, m.precision, m.label) == ("late last October", "2025-10", "part_of_month", "late Oct 2025")
    assert (m.earliest, m.latest) == (date(2025, 10, 21), date(2025, 10, 31))


def test_future_tense_after_an_opening_adverbial_looks_ahead():
    text, published = real_articles.HORYU_JI
    m = extract_dates(text, published)[-1]
    assert (m.text, m.value, m.tense, m.status, m.flags) == ("Wednesday", "2026-01-14", "future", "scheduled", ())


def test_two_dates_about_two_events_stay_two_mentions():
    text, published = real_articles.TOOK_OFFICE
    assert [(m.text, m.value) for m in merge_ranges(text, extract_dates(text, published))] == [
        ("June 2025", "2025-06"),
        ("October", "2025-10"),
    ]


def test_tuesday_and_wednesday_span_and_the_announcement_day():
    text, published = real_articles.BLUE_HOUSE
    merged = merge_ranges(text, extract_dates(text, published))
    assert [(m.text, m.precision, m.earliest, m.latest, m.status) for m in merged] == [
        ("Tuesday and Wednesday", "span", date(2026, 1, 13), date(2026, 1, 14), "scheduled"),
        ("Friday", "day", date(2026, 1, 9), date(2026, 1, 9), "happened"),
    ]


def test_and_joins_only_touching_dates_into_one_span():
    text = "The talks were held in June and October."
    assert [m.text for m in merge_ranges(text, extract_dates(text, TUE_13_JAN))] == ["June", "October"]


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Lee will visit Tokyo on 20 February.", "scheduled"),
        ("Lee is set to visit Tokyo on 20 February.", "scheduled"),
        ("Lee plans to visit Tokyo on 20 February.", "scheduled"),
        ("Lee is scheduled to visit Tokyo on 20 February.", "scheduled"),
        ("Lee is expected to visit Tokyo on 20 February.", "expected"),
        ("Lee may visit Tokyo on 20 February.", "expected"),
        ("Lee could visit Tokyo on 20 February.", "expected"),
        ("Lee will likely visit Tokyo on 20 February.", "expected"),
        ("The visit planned for 20 February was cancelled.", "cancelled"),
        ("The visit on 20 February has been called off.", "cancelled"),
        ("The visit on 20 February was postponed.", "cancelled"),
        ("Lee visited Tokyo on 8 January.", "happened"),
        ("The exhibition opens on 20 February.", "scheduled"),
    ],
)
def test_modal_words_decide_the_status(sentence, status):
    assert only(sentence).status == status


@pytest.mark.parametrize(
    "sentence",
    [
        "Lee will visit Tokyo on 7 January.",  # future tense, resolved into the past
        "Lee visited Tokyo on 20 February.",  # past tense, resolved into the future
    ],
)
def test_tense_disagreeing_with_the_date_is_flagged(sentence):
    assert only(sentence).flags == ("tense_mismatch",)


def test_tense_agreeing_with_the_date_is_not_flagged():
    assert only("Lee will visit Tokyo on 20 February.").flags == ()
    assert only("Lee visited Tokyo on 8 January.").flags == ()


def test_progress_is_reported_up_to_the_whole_text():
    text = "Lee visited Tokyo on 8 January. " * 2000
    seen: list[int] = []
    extract_dates(text, TUE_13_JAN, progress=seen.append)
    assert seen == sorted(seen) and len(seen) > 2 and seen[-1] == len(text)


def test_an_infinitive_or_a_compound_is_not_a_present_tense_schedule():
    assert only("Lee said it was a dream to play the drums at APEC last year.").flags == ()
    assert only("During their first face-to-face meeting of the year, the leaders talked.").status == "happened"


def test_a_single_capital_before_a_sentence_opener_ends_the_sentence():
    text = "Takaichi said in a post on X. The pair will visit a temple on Wednesday."
    (m,) = extract_dates(text, TUE_13_JAN)
    assert m.sentence == "The pair will visit a temple on Wednesday."


def test_a_clause_opening_with_the_gives_its_tense_to_a_date_set_off_by_commas():
    # From a real article of Friday 9 January 2026 (a trial of the review
    # desk): the clause's opening "The two leaders ..." was skipped as if it
    # were an apposition, so a participle after the date ("followed by")
    # decided, and Tuesday afternoon went to the Tuesday before.
    text = (
        "The two leaders are expected to hold talks shortly after the president arrives in Nara, "
        "her hometown, on Tuesday afternoon, followed by an official dinner."
    )
    (mention,) = extract_dates(text, date(2026, 1, 9))
    assert (mention.text, mention.earliest, mention.status) == ("Tuesday afternoon", date(2026, 1, 13), "expected")


def test_a_clause_after_and_keeps_its_own_tense():
    text = "A storm hit the coast on Sunday, and more rain is forecast for Wednesday."
    sunday, wednesday = extract_dates(text, date(2021, 11, 29))
    assert sunday.earliest == date(2021, 11, 28)
    assert wednesday.earliest == date(2021, 12, 1)


def test_a_clause_after_and_without_a_verb_shares_the_tense_before_it():
    text = "The leaders met on the sidelines last Friday, and again on Sunday."
    friday, sunday = extract_dates(text, THU_15_JAN)
    assert (friday.earliest, sunday.earliest, sunday.status) == (date(2026, 1, 9), date(2026, 1, 11), "happened")


@pytest.mark.parametrize(
    "sentence, earliest, latest",
    [
        (
            "Officials said Friday that Lee will make a two-day visit beginning Tuesday.",
            date(2026, 1, 13),
            date(2026, 1, 14),
        ),
        ("Lee will visit Nara for two days from Tuesday.", date(2026, 1, 13), date(2026, 1, 14)),
        # A non-breaking hyphen, as some outlets' pages have it.
        ("Lee will make a two\u2011day visit beginning Tuesday.", date(2026, 1, 13), date(2026, 1, 14)),
        ("The leaders will hold a three-day summit starting on 13 January 2026.", date(2026, 1, 13), date(2026, 1, 15)),
    ],
)
def test_a_day_opening_an_event_of_so_many_days_proposes_those_days(sentence, earliest, latest):
    from newsdates import event_mentions

    opening = [m for m in event_mentions(sentence, date(2026, 1, 9)) if m.precision == "span"]
    assert [(m.earliest, m.latest) for m in opening] == [(earliest, latest)]


# --- a stated length of days: the day that opens or ends it, as the span ------

MON_2_MAR = date(2026, 3, 2)
WED_4_MAR = date(2026, 3, 4)
FRI_6_MAR = date(2026, 3, 6)


def event_spans(text: str, published: date) -> list[tuple[str, date | None, date | None, str, str]]:
    return [(m.text, m.earliest, m.latest, m.precision, m.label) for m in event_mentions(text, published)]


@pytest.mark.parametrize(
    "sentence, published",
    [
        ("Lee began a three-day visit to Japan on 3 March.", WED_4_MAR),
        ("Lee begins a three-day visit to Japan on 3 March.", MON_2_MAR),
        ("Lee will begin a three-day visit to Japan on 3 March.", MON_2_MAR),
        ("Lee started a three-day visit to Japan on 3 March.", WED_4_MAR),
        ("The assembly opens a three-day session on 3 March.", MON_2_MAR),
        ("Lee kicked off a three-day state visit to South Korea's neighbour on 3 March.", WED_4_MAR),
        ("On 3 March, South Korean President Lee Jae-myung began a three-day visit to Japan.", WED_4_MAR),
    ],
)
def test_a_verb_opening_an_event_of_so_many_days_spans_from_its_day(sentence, published):
    assert event_spans(sentence, published) == [("3 March", date(2026, 3, 3), date(2026, 3, 5), "span", "3–5 Mar 2026")]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        (
            "Leaders will gather for a two-day summit that begins on Tuesday.",
            MON_2_MAR,
            ("Tuesday", date(2026, 3, 3), date(2026, 3, 4), "span", "3–4 Mar 2026"),
        ),
        (
            "The three-day talks, which open on 13 January, will cover trade.",
            date(2026, 1, 9),
            ("13 January", date(2026, 1, 13), date(2026, 1, 15), "span", "13–15 Jan 2026"),
        ),
        (
            "The two-day meeting of G7 finance ministers opens in Niigata on Thursday.",
            WED_4_MAR,
            ("Thursday", date(2026, 3, 5), date(2026, 3, 6), "span", "5–6 Mar 2026"),
        ),
        (
            "The three-day festival, which is due to start on 3 March, sold out.",
            MON_2_MAR,
            ("3 March", date(2026, 3, 3), date(2026, 3, 5), "span", "3–5 Mar 2026"),
        ),
    ],
)
def test_an_event_of_so_many_days_that_opens_on_a_day_spans_from_it(sentence, published, expected):
    assert event_spans(sentence, published) == [expected]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        (
            "Lee ended a three-day visit to Japan on 5 March.",
            FRI_6_MAR,
            ("5 March", date(2026, 3, 3), date(2026, 3, 5), "span", "3–5 Mar 2026"),
        ),
        (
            "Lee concluded a three-day visit to Japan on 5 March.",
            FRI_6_MAR,
            ("5 March", date(2026, 3, 3), date(2026, 3, 5), "span", "3–5 Mar 2026"),
        ),
        (
            "Lee wrapped up a three-day visit to Japan on 5 March.",
            FRI_6_MAR,
            ("5 March", date(2026, 3, 3), date(2026, 3, 5), "span", "3–5 Mar 2026"),
        ),
        (
            "Lee returned home after a two-day visit that ended on Wednesday.",
            date(2026, 3, 5),
            ("Wednesday", date(2026, 3, 3), date(2026, 3, 4), "span", "3–4 Mar 2026"),
        ),
        (
            "The two-day talks ended on Tuesday.",
            THU_15_JAN,
            ("Tuesday", date(2026, 1, 12), date(2026, 1, 13), "span", "12–13 Jan 2026"),
        ),
        # "visit" after a length is a noun, not a present-tense schedule that
        # would move Monday into the coming week.
        (
            "Lee ended a three-day visit to Japan on Monday.",
            WED_4_MAR,
            ("Monday", date(2026, 2, 28), date(2026, 3, 2), "span", "28 Feb–2 Mar 2026"),
        ),
    ],
)
def test_an_event_of_so_many_days_that_ends_on_a_day_spans_up_to_it(sentence, published, expected):
    assert event_spans(sentence, published) == [expected]


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("Lee began a 3-day visit to Japan on 3 March.", WED_4_MAR, (date(2026, 3, 3), date(2026, 3, 5))),
        ("Lee began a three day visit to Japan on 3 March.", WED_4_MAR, (date(2026, 3, 3), date(2026, 3, 5))),
        ("Lee began a three\u2011day visit to Japan on 3 March.", WED_4_MAR, (date(2026, 3, 3), date(2026, 3, 5))),
        ("Lee began a ten-day tour of Europe on 3 March.", WED_4_MAR, (date(2026, 3, 3), date(2026, 3, 12))),
        ("Lee will make a week-long visit beginning Monday.", WED_4_MAR, (date(2026, 3, 9), date(2026, 3, 15))),
        ("Lee will begin a one-week tour on Monday.", WED_4_MAR, (date(2026, 3, 9), date(2026, 3, 15))),
    ],
)
def test_a_stated_length_reads_as_a_word_digits_or_a_week(sentence, published, expected):
    (mention,) = event_mentions(sentence, published)
    assert (mention.precision, mention.earliest, mention.latest) == ("span", *expected)


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("A one-year inquiry will run from 2 March.", WED_4_MAR, (date(2026, 3, 2), date(2027, 3, 1))),
        ("The ban will last for six months from 1 February.", WED_4_MAR, (date(2026, 2, 1), date(2026, 7, 31))),
        ("The board began a two-year review on 31 January.", WED_4_MAR, (date(2026, 1, 31), date(2028, 1, 30))),
        ("The rules apply for a year from 1 April.", WED_4_MAR, (date(2026, 4, 1), date(2027, 3, 31))),
    ],
)
def test_a_term_stated_in_months_or_years_runs_its_calendar_length(sentence, published, expected):
    (mention,) = event_mentions(sentence, published)
    assert (mention.precision, mention.earliest, mention.latest) == ("span", *expected)


def test_a_deadline_stated_in_months_is_still_a_day():
    (mention,) = event_mentions("The court set a six-month deadline from 2 March.", WED_4_MAR)
    assert (mention.precision, mention.earliest) == ("day", date(2026, 3, 2))


def test_a_span_of_stated_days_and_a_day_within_it_are_two_events():
    text = "Lee will make a two-day visit beginning Tuesday and meet Kishida on Wednesday."
    assert [(m.text, m.earliest, m.latest, m.precision) for m in event_mentions(text, MON_2_MAR)] == [
        ("Tuesday", date(2026, 3, 3), date(2026, 3, 4), "span"),
        ("Wednesday", date(2026, 3, 4), date(2026, 3, 4), "day"),
    ]


# Each text pairs a day the stated length does not belong to with one it
# does, so the day left alone is seen next to the rule firing.
@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "Lee made a three-day visit to Japan last year; on 3 March he said he would begin "
            "a two-day visit to China on 10 March.",
            WED_4_MAR,
            [
                ("last year", date(2025, 1, 1), date(2025, 12, 31), "year"),
                ("3 March", date(2026, 3, 3), date(2026, 3, 3), "day"),
                ("10 March", date(2026, 3, 10), date(2026, 3, 11), "span"),
            ],
        ),
        (
            "Two days after the summit on 13 January, the leaders will open three-day talks on 20 January.",
            date(2026, 1, 9),
            [
                ("13 January", date(2026, 1, 13), date(2026, 1, 13), "day"),
                ("20 January", date(2026, 1, 20), date(2026, 1, 22), "span"),
            ],
        ),
        (
            "Aid must arrive within three days of 3 March. The envoys kicked off a two-day meeting on 2 March.",
            WED_4_MAR,
            [
                ("3 March", date(2026, 3, 3), date(2026, 3, 3), "day"),
                ("2 March", date(2026, 3, 2), date(2026, 3, 3), "span"),
            ],
        ),
        (
            "Lee's three-day visit to Japan ended. On Tuesday, he began a two-day visit to China.",
            WED_4_MAR,
            [("Tuesday", date(2026, 3, 3), date(2026, 3, 4), "span")],
        ),
        (
            "Lee kicked off a three-day tour, and on Thursday he met Kishida. "
            "He ends a two-day stay in Osaka on Saturday.",
            WED_4_MAR,
            [
                ("Thursday", date(2026, 2, 26), date(2026, 2, 26), "day"),
                ("Saturday", date(2026, 3, 6), date(2026, 3, 7), "span"),
            ],
        ),
        (
            "The rules set a 30-day deadline from 3 March. The two-day talks opened on 2 March.",
            WED_4_MAR,
            [
                ("3 March", date(2026, 3, 3), date(2026, 3, 3), "day"),
                ("2 March", date(2026, 3, 2), date(2026, 3, 3), "span"),
            ],
        ),
        (
            "Lee began a week-long tour with talks on 3 and 4 March. He began a three-day visit to China on 10 March.",
            WED_4_MAR,
            [
                ("3 and 4 March", date(2026, 3, 3), date(2026, 3, 4), "span"),
                ("10 March", date(2026, 3, 10), date(2026, 3, 12), "span"),
            ],
        ),
    ],
)
def test_a_stated_length_that_does_not_belong_to_the_day_leaves_it_alone(text, published, expected):
    assert [(m.text, m.earliest, m.latest, m.precision) for m in event_mentions(text, published)] == expected


# --- big and odd inputs ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0000-01-01",
        "9999-12-31 the following day",
        "A three-day visit begins on 9999-12-31.",
        "9999-12-31 and a week later",
    ],
)
def test_dates_outside_pythons_calendar_are_skipped_not_raised(text):
    mentions = event_mentions(text, TUE_13_JAN) + extract_dates(text, date(9999, 12, 31))
    assert all(m.earliest is None or date.min <= m.earliest for m in mentions)


def test_a_sentence_longer_than_the_cap_is_read_in_pieces_cut_at_spaces():
    text = "The talks on 3 March went on " + "and on " * 400 + "until 5 March."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(end - start <= 1000 for start, end in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()


def test_every_date_of_a_long_text_without_sentence_punctuation_is_read():
    text = "talks on 3 March 2026 and the next on 4 March 2026 then " * 2000
    mentions = extract_dates(text, TUE_13_JAN)
    assert [m.value for m in mentions[:4]] == ["2026-03-03", "2026-03-04"] * 2
    assert len(mentions) == 4000


# --- status from the verb and its modality (issue 21) ------------------------

FRI_9_JAN = date(2026, 1, 9)


@pytest.mark.parametrize(
    "text, published, status",
    [
        ("The neighbour refused to attend the planned summit on 20 January.", TUE_13_JAN, "cancelled"),
        ("Both capitals declined to take part in the talks on Friday.", TUE_13_JAN, "cancelled"),
        ("The premier is preparing to call an election on 8 February.", TUE_13_JAN, "expected"),
        ("A plan is being coordinated for the two ministers to meet on 2 February.", TUE_13_JAN, "expected"),
        ("The cabinet is considering a stimulus package for 1 March.", TUE_13_JAN, "expected"),
        ("In a speech on 2 December, the minister said the port would reopen.", TUE_13_JAN, "happened"),
        ("The talks ended on Friday.", FRI_9_JAN, "happened"),
        ("A tense week drew to a close on Friday as the envoy left.", FRI_9_JAN, "happened"),
        ("The vote is on 3 September.", TUE_13_JAN, "scheduled"),
        # A plan the sentence goes on to call off or turn down.
        (
            "The port has postponed the fair, which was scheduled to open on 2 March, and gave no reason.",
            TUE_13_JAN,
            "cancelled",
        ),
        ("Sora has proposed a summit in March, but Lantern Bay is rejecting the idea.", TUE_13_JAN, "cancelled"),
        ("Sora Proposes Summit in March; Lantern Bay Rejects", TUE_13_JAN, "cancelled"),
        ("Mori will visit Sora on 2 March, but her office refused to comment on the agenda.", TUE_13_JAN, "scheduled"),
        ("The city originally aimed to open the bridge in March, but the work is late.", TUE_13_JAN, "cancelled"),
        ("The ministry has been quietly arranging a visit for 2 March.", TUE_13_JAN, "expected"),
        # A wish or an aim is not yet a plan that was set.
        ("The governor hopes to open the bridge in April.", TUE_13_JAN, "expected"),
        ("Lantern Bay aims to hold the fair in the spring.", TUE_13_JAN, "expected"),
        ("Mori wants to visit Sora before the end of March.", TUE_13_JAN, "expected"),
        ("Mori plans to visit Sora on 2 March.", TUE_13_JAN, "scheduled"),
    ],
)
def test_status_follows_the_verb_and_its_modality(text, published, status):
    [mention] = event_mentions(text, published)
    assert mention.status == status


def test_a_past_date_takes_no_plan_from_another_part_of_its_clause():
    text = "The mayors will meet on Monday, marking their second meeting, following talks in Osaka in early November."
    statuses = {m.text: m.status for m in event_mentions(text, TUE_13_JAN)}
    assert statuses == {"Monday": "scheduled", "early November": "happened"}


def test_a_modal_word_in_a_relative_clause_is_not_its_sentences():
    text = "On Thursday night, the embassy said it had rejected a request on goods that the navy might use."
    [mention] = event_mentions(text, FRI_9_JAN)
    assert (mention.earliest, mention.status) == (date(2026, 1, 8), "happened")


# --- day numbers, spans and history (issue 21) --------------------------------

THU_11_DEC = date(2025, 12, 11)


def spans(text: str, published: date) -> list[tuple[str, str, str]]:
    return [(m.text, str(m.earliest), str(m.latest)) for m in event_mentions(text, published)]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The paper said on the 9th that talks went well.", THU_11_DEC, [("the 9th", "2025-12-09", "2025-12-09")]),
        (
            "Officials hope to meet around the 20th–21st of next month in Busan.",
            THU_11_DEC,
            [("the 20th–21st of next month", "2026-01-20", "2026-01-21")],
        ),
        (
            "The lease ran out on the 3rd of last month.",
            TUE_13_JAN,
            [("the 3rd of last month", "2025-12-03", "2025-12-03")],
        ),
        ("In March, the strike began on the 9th.", TUE_13_JAN, [("the 9th", "2025-03-09", "2025-03-09")]),
        ("It was the 14th consecutive year of growth.", TUE_13_JAN, []),
        ("He marked the 20th anniversary with a speech.", TUE_13_JAN, []),
        (
            "Mori spoke in parliament on the 7th suggesting a new fishing pact.",
            THU_11_DEC,
            [("the 7th", "2025-12-07", "2025-12-07")],
        ),
        ("She finished as the 2nd seeded player.", THU_11_DEC, []),
        (
            "The forum runs in Sora from the 22nd to the 23rd.",
            THU_11_DEC,
            [("the 22nd to the 23rd", "2025-12-22", "2025-12-23")],
        ),
        # A day the publication month lacks is of the month before.
        (
            "The ministers shook hands in Sora on the 31st.",
            date(2025, 11, 22),
            [("the 31st", "2025-10-31", "2025-10-31")],
        ),
    ],
)
def test_day_numbers_belong_to_the_publication_month_or_the_one_named(text, published, expected):
    assert spans(text, published) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Voting could take place on March 8 or March 15.",
            [("March 8 or March 15", "2026-03-08", "2026-03-15")],
        ),
        ("The ferry runs from May 4 to 10.", [("May 4 to 10", "2026-05-04", "2026-05-10")]),
        ("The temple was built in the Heian period (794–1185).", [("794–1185", "0794-01-01", "1185-12-31")]),
        ("The kingdom annexed the island on June 4, 1822.", [("June 4, 1822", "1822-06-04", "1822-06-04")]),
    ],
)
def test_stated_spans_alternatives_and_historical_years(text, expected):
    assert spans(text, TUE_13_JAN) == expected


def test_a_week_of_events_already_past_ends_at_publication():
    assert spans("The protests shook a week where the ministry issued new rules.", FRI_9_JAN) == [
        ("a week", "2026-01-05", "2026-01-09")
    ]
    assert spans("The minister visited Busan this week.", WED_14_JAN) == [("this week", "2026-01-12", "2026-01-14")]
    assert spans("The minister visits Busan this week.", WED_14_JAN) == [("this week", "2026-01-12", "2026-01-18")]


def test_a_condition_restating_a_date_is_not_an_event():
    text = "If the chamber is dissolved on January 23, campaigning could begin on January 27."
    assert spans(text, WED_14_JAN) == [("January 27", "2026-01-27", "2026-01-27")]


def test_a_heading_dates_the_paragraph_under_it():
    text = "June 4: envoy recalled\nThe next day, the ministry summoned the ambassador."
    assert spans(text, date(2026, 6, 20)) == [
        ("June 4", "2026-06-04", "2026-06-04"),
        ("The next day", "2026-06-05", "2026-06-05"),
    ]


# --- every dated event of a sentence (issue 21) -------------------------------


@pytest.mark.parametrize(
    "text, published, expected",
    [
        (
            "On 2 March, after touring a shipyard in Ulsan, the minister told reporters the deal was close.",
            date(2026, 3, 5),
            [("2 March", "2026-03-02", "2026-03-02"), ("after", "2026-03-02", "2026-03-02")],
        ),
        (
            "The mayors talked in Kobe in early May, when the festival opened.",
            date(2026, 6, 1),
            [("early May", "2026-05-01", "2026-05-10"), ("when", "2026-05-01", "2026-05-10")],
        ),
        (
            "The governor will meet the port workers before flying to Hanoi on Thursday.",
            TUE_13_JAN,
            [("before", "2026-01-13", "2026-01-15"), ("Thursday", "2026-01-15", "2026-01-15")],
        ),
        (
            "The board ended a week where it angered investors by cutting dividends, selling assets and firing staff.",
            FRI_9_JAN,
            [
                ("a week", "2026-01-05", "2026-01-09"),
                ("selling", "2026-01-05", "2026-01-09"),
                ("firing", "2026-01-05", "2026-01-09"),
            ],
        ),
        (
            "The pair signed a pact in Seoul in October last year and had lunch "
            "with the mayor after their talks in Busan in May.",
            date(2026, 6, 1),
            [
                ("October last year", "2025-10-01", "2025-10-31"),
                ("after", "2026-05-01", "2026-05-31"),
                ("May", "2026-05-01", "2026-05-31"),
            ],
        ),
        (
            "Mori is preparing to dissolve the assembly at the start of its regular session on Jan. 23.",
            TUE_13_JAN,
            [("Jan. 23", "2026-01-23", "2026-01-23"), ("at", "2026-01-23", "2026-01-23")],
        ),
        (
            "The envoys will hold talks on Tuesday afternoon, followed by an official dinner.",
            FRI_9_JAN,
            [("Tuesday afternoon", "2026-01-13", "2026-01-13"), ("followed", "2026-01-13", "2026-01-13")],
        ),
        (
            "The two will hold talks shortly after Mori arrives in Kobe on Tuesday afternoon.",
            FRI_9_JAN,
            [("after", "2026-01-13", "2026-01-13"), ("Tuesday afternoon", "2026-01-13", "2026-01-13")],
        ),
        (
            "The two first met in Kobe in October, where Mori proposed a second meeting in Osaka.",
            FRI_9_JAN,
            [("October", "2025-10-01", "2025-10-31"), ("where", "2025-10-01", "2025-10-31")],
        ),
        (
            "Mori will stay in Kobe from 4 to 6 March, including the port talks and a state banquet.",
            date(2026, 2, 20),
            [
                ("4 to 6 March", "2026-03-04", "2026-03-06"),
                ("the port talks", "2026-03-04", "2026-03-06"),
                ("a state banquet", "2026-03-04", "2026-03-06"),
            ],
        ),
        (
            "Parliament will be dissolved on March 3 for a vote on April 9.",
            date(2026, 2, 20),
            [("March 3", "2026-03-03", "2026-03-03"), ("April 9", "2026-04-09", "2026-04-09")],
        ),
        (
            "Mori said on Monday that she hopes for a new start, after meeting the governor "
            "on her first trip to Kobe since taking office in June.",
            FRI_9_JAN,
            [
                ("Monday", "2026-01-05", "2026-01-05"),
                ("after", "2026-01-05", "2026-01-05"),
                ("June", "2025-06-01", "2025-06-30"),
            ],
        ),
        (
            "KOBE, Jan. 13 -- Mori left Sora on Tuesday for a two-day visit to Kobe, "
            "where she is scheduled to hold talks with the mayor.",
            TUE_13_JAN,
            [
                ("Tuesday", "2026-01-13", "2026-01-13"),
                ("for", "2026-01-13", "2026-01-14"),
                ("where", "2026-01-13", "2026-01-14"),
            ],
        ),
        (
            "Earlier this week, fish prices tumbled as Sora issued a warning.",
            FRI_9_JAN,
            [("Earlier this week", "2026-01-05", "2026-01-09"), ("as", "2026-01-05", "2026-01-09")],
        ),
        (
            "Mori arrived in Kobe on Friday, expected to hold talks with the mayor.",
            FRI_9_JAN,
            [("Friday", "2026-01-09", "2026-01-09"), ("expected", "2026-01-09", "2026-01-09")],
        ),
        (
            "Markets fell on Monday, after Mori's speech on trade.",
            FRI_9_JAN,
            [("Monday", "2026-01-05", "2026-01-05"), ("after", "2026-01-05", "2026-01-05")],
        ),
        (
            "Last week, Sora summoned the envoy, advised its citizens to stay home and closed the port.",
            FRI_9_JAN,
            [
                ("Last week", "2025-12-29", "2026-01-04"),
                ("advised", "2025-12-29", "2026-01-04"),
                ("closed", "2025-12-29", "2026-01-04"),
            ],
        ),
        (
            "Mori said on Monday that trade would grow, after talks in Kobe in March.",
            FRI_9_JAN,
            [("Monday", "2026-01-05", "2026-01-05"), ("March", "2026-03-01", "2026-03-31")],
        ),
    ],
)
def test_each_event_sharing_a_date_in_a_sentence_is_a_mention_of_its_own(text, published, expected):
    assert spans(text, published) == expected


def test_an_event_of_so_many_days_with_no_day_of_its_own_opens_on_the_day_before_it():
    text = "The president landed in Hanoi on Sunday. The three-day state visit is the first since 2018."
    assert spans(text, date(2026, 1, 4)) == [
        ("Sunday", "2026-01-04", "2026-01-04"),
        ("three-day state visit", "2026-01-04", "2026-01-06"),
        ("2018", "2018-01-01", "2018-12-31"),
    ]
    assert spans("The three-day summit was long.", date(2026, 1, 4)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "A person at the ministry said no one was available today to comment.",
        "The company did not respond to a request for comment on Tuesday.",
        "Officials could not be reached for comment on Tuesday.",
    ],
)
def test_the_day_a_reporter_got_no_answer_is_no_event(sentence):
    assert event_mentions(sentence, THU_15_JAN) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry declined to comment on Tuesday's summit.",
        "Officials declined to comment, but the talks resumed on Tuesday.",
    ],
)
def test_a_day_beside_a_refusal_to_comment_still_dates_its_event(sentence):
    (mention,) = event_mentions(sentence, THU_15_JAN)
    assert mention.earliest == date(2026, 1, 13)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The row began late in 2025 when she spoke.", (date(2025, 9, 1), date(2025, 12, 31), "span")),
        ("The plant closed early in 2023.", (date(2023, 1, 1), date(2023, 4, 30), "span")),
        ("Talks resumed late in January 2026.", (date(2026, 1, 21), date(2026, 1, 31), "part_of_month")),
    ],
)
def test_a_part_of_a_year_or_month_reads_with_in_between(sentence, expected):
    mention = event_mentions(sentence, THU_15_JAN)[0]
    assert (mention.earliest, mention.latest, mention.precision) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The curbs imposed in 2013 are expected to be lifted next month.",
        "The rules introduced in 2013 will be lifted on Tuesday.",
    ],
)
def test_a_date_already_past_in_a_sentence_about_a_plan_has_happened(sentence):
    past, plan = event_mentions(sentence, THU_15_JAN)
    assert (past.earliest.year, past.status) == (2013, "happened")
    assert plan.status in ("expected", "scheduled")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mori met the mayor on Monday. Later in the day, they toured the port.", ["2026-01-05", "2026-01-05"]),
        ("Mori met the mayor on Monday. Earlier in the day, she toured the port.", ["2026-01-05", "2026-01-05"]),
        # Still ahead, it is the news day, not the day just named.
        ("Mori held talks on Monday. Later in the day, she will attend a dinner.", ["2026-01-05", "2026-01-06"]),
    ],
)
def test_later_in_the_day_is_the_day_just_named_unless_it_lies_ahead(text, expected):
    assert [m.earliest.isoformat() for m in event_mentions(text, date(2026, 1, 6))] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister is working to set up talks with his counterpart next month.",
        "Seoul is coordinating with Tokyo for the president to visit next month.",
        "Consultations are underway to arrange a meeting with the governor next month.",
    ],
)
def test_a_meeting_still_being_arranged_is_expected(sentence):
    (mention,) = event_mentions(sentence, date(2025, 12, 9))
    assert mention.status == "expected"


def test_a_condition_opening_the_sentence_makes_its_would_clause_a_restatement():
    assert event_mentions("If realized, the meeting next month would be their fifth.", date(2025, 12, 9)) == []
    (mention,) = event_mentions("If the talks go well, the president will visit next month.", date(2025, 12, 9))
    assert mention.earliest == date(2026, 1, 1)


def test_a_stay_of_so_many_days_opens_on_the_day_before_it():
    text = "Mori arrived in Kobe on Tuesday. She will stay in Kobe, her hometown, for two days."
    assert spans(text, TUE_13_JAN) == [
        ("Tuesday", "2026-01-13", "2026-01-13"),
        ("two days", "2026-01-13", "2026-01-14"),
    ]


def test_the_visit_of_so_many_days_is_the_span_just_named():
    text = "Mori will visit Kobe from 4 to 7 March. During the four-day visit, she will meet the mayor."
    assert spans(text, date(2026, 2, 20)) == [
        ("4 to 7 March", "2026-03-04", "2026-03-07"),
        ("four-day visit", "2026-03-04", "2026-03-07"),
    ]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The parliament will vote later this month.", (date(2026, 6, 25), date(2026, 6, 30))),
        ("The minister visited Seoul earlier this month.", (date(2026, 6, 1), date(2026, 6, 24))),
        ("The vote is due later this year.", (date(2026, 6, 25), date(2026, 12, 31))),
    ],
)
def test_later_this_month_is_the_rest_of_it_not_its_late_part(sentence, expected):
    (mention,) = event_mentions(sentence, date(2026, 6, 24))
    assert (mention.earliest, mention.latest) == expected


def test_that_same_month_is_a_second_event_of_the_month_just_named():
    text = "The treaty was signed in May 2019, and parliament ratified it that same month."
    assert spans(text, THU_15_JAN) == [
        ("May 2019", "2019-05-01", "2019-05-31"),
        ("that same month", "2019-05-01", "2019-05-31"),
    ]


def test_sentences_run_together_when_copied_are_still_two():
    text = "Mori arrived in Kobe on Tuesday.President Mori will meet the mayor on Friday."
    tuesday, friday = event_mentions(text, date(2026, 1, 14))
    assert tuesday.sentence == "Mori arrived in Kobe on Tuesday."
    assert (friday.sentence, friday.status) == ("President Mori will meet the mayor on Friday.", "scheduled")


def test_a_span_under_way_at_publication_takes_the_status_of_its_larger_part():
    [mention] = event_mentions("The forum is taking place in Sora from the 22nd to the 24th.", date(2025, 11, 22))
    assert mention.status == "scheduled"
    [mention] = event_mentions("The forum is taking place in Sora from the 18th to the 22nd.", date(2025, 11, 21))
    assert mention.status == "happened"


def test_the_report_of_a_plan_turned_down_has_happened():
    text = "The agency reported on the 22nd that Sora has proposed a summit in March, but Lantern Bay is rejecting it."
    statuses = {m.text: m.status for m in event_mentions(text, date(2025, 11, 22))}
    assert statuses == {"the 22nd": "happened", "March": "cancelled"}


def test_more_than_so_many_years_ago_is_at_least_one_more():
    assert spans("More than 80 years ago, the two ports were rebuilt.", TUE_13_JAN) == [
        ("80 years ago", "1945-01-01", "1945-12-31")
    ]


def test_a_companion_keeps_its_own_status():
    text = "Mori arrived in Kobe on Friday, expected to hold talks with the mayor."
    assert [m.status for m in event_mentions(text, FRI_9_JAN)] == ["happened", "expected"]
    text = "Mori left Sora on Tuesday for a two-day visit to Kobe."
    assert [m.status for m in event_mentions(text, TUE_13_JAN)] == ["happened", "scheduled"]
    # A session on the calendar opens that day, however unsure the act set for it.
    text = "Mori is preparing to dissolve the assembly at the start of its regular session on Jan. 23."
    assert [m.status for m in event_mentions(text, TUE_13_JAN)] == ["expected", "scheduled"]


def test_since_a_phrase_with_a_month_looks_back():
    text = "Sora has taken aim at Kobe since Mori's remarks in parliament in November suggesting a war could start."
    assert spans(text, TUE_13_JAN) == [("November", "2025-11-01", "2025-11-30")]
    text = "Talks stalled since the sides agreed to meet again in March."
    assert spans(text, TUE_13_JAN) == [("March", "2026-03-01", "2026-03-31")]


def test_a_datelines_date_gives_way_to_the_leads_own():
    text = "WASHINGTON, Jan 13 – Finance ministers agreed Monday to cut their reliance on imports."
    assert spans(text, TUE_13_JAN) == [("Monday", "2026-01-12", "2026-01-12")]
    # With no date of its own, the lead's event is the news day's.
    text = "KOBE, Jan 13 (Wire) - The port talks concluded after a series of events."
    assert spans(text, TUE_13_JAN) == [("Jan 13", "2026-01-13", "2026-01-13")]
    # A dateline of several places, or of none.
    text = "KOBE, SORA & LANTERN BAY, Jan. 13 (Wire) — The mayors met on Monday."
    assert spans(text, TUE_13_JAN) == [("Monday", "2026-01-12", "2026-01-12")]
    text = "Jan. 13 — The port talks ended on Monday."
    assert spans(text, TUE_13_JAN) == [("Monday", "2026-01-12", "2026-01-12")]
    text = "Kobe [Sora], January 13 (Wire): Mori is preparing to call a vote at the session's start on Jan. 23."
    assert spans(text, TUE_13_JAN) == [("Jan. 23", "2026-01-23", "2026-01-23")]


def test_the_lead_said_on_the_datelines_day_is_read_from_the_lead():
    text = "KOBE & SORA, Jan. 13 (Wire) — The mayors struck a deal on Tuesday, signing a port pact after talks."
    [mention] = event_mentions(text, TUE_13_JAN)
    assert mention.text == "Tuesday"


def test_a_stated_length_reads_through_an_abbreviation_and_is_scheduled_while_mostly_ahead():
    text = "Leaders met at the two-day Pacific Port Forum (PPF) Summit, which began on Friday in Kobe."
    [mention] = event_mentions(text, FRI_9_JAN)
    assert (str(mention.earliest), str(mention.latest), mention.status) == ("2026-01-09", "2026-01-10", "scheduled")


def test_a_pages_timestamp_line_is_no_event():
    text = "Leaders met on Friday.\n09/01/2026 11:01 PM\nUpdated: 9 Jan 2026, 09:12 KST\n"
    assert spans(text, FRI_9_JAN) == [("Friday", "2026-01-09", "2026-01-09")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayors will meet in the first half of next month.", ("2026-02-01", "2026-02-15")),
        ("The fair opens in the second half of March.", ("2026-03-16", "2026-03-31")),
        ("The port reopened in the first half of December.", ("2025-12-01", "2025-12-15")),
        ("The vote is set for the second half of February 2026.", ("2026-02-16", "2026-02-28")),
    ],
)
def test_half_of_a_month_is_its_first_or_last_days(text, expected):
    [mention] = event_mentions(text, TUE_13_JAN)
    assert (str(mention.earliest), str(mention.latest), mention.precision) == (*expected, "part_of_month")


@pytest.mark.parametrize(
    "text, status",
    [
        ("The ferry line offered refunds through year-end.", "scheduled"),
        ("The ban stays in force until the end of the month.", "scheduled"),
    ],
)
def test_a_state_until_the_end_of_this_year_or_month_runs_from_publication(text, status):
    [mention] = event_mentions(text, TUE_13_JAN)
    assert (str(mention.earliest), mention.status) == ("2026-01-13", status)


def test_leaving_after_a_dated_event_with_no_date_of_its_own_is_that_day():
    text = "Mori will hold a press conference on Saturday to close her trip before leaving for Kobe."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, TUE_13_JAN)] == [
        ("Saturday", "2026-01-17"),
        ("before", "2026-01-17"),
    ]
    # With a date of its own, the leaving is dated by it.
    text = "Mori met her counterpart on Monday before flying to Kobe on Tuesday."
    assert [m.text for m in event_mentions(text, TUE_13_JAN)] == ["Monday", "Tuesday"]


@pytest.mark.parametrize(
    "text",
    [
        "Mori said at a press conference on Monday evening that she will visit Kobe.",
        "Mori told reporters in Sora on Monday that the port will reopen.",
    ],
)
def test_the_day_something_was_said_is_past_whatever_the_reported_clause_plans(text):
    [mention] = event_mentions(text, date(2026, 1, 20))
    assert (str(mention.earliest), mention.status) == ("2026-01-19", "happened")


def test_a_dateline_read_as_a_sentence_of_its_own_is_no_event():
    text = "KOBE, January 13. /WIRE/. The mayors signed a port pact on Monday."
    assert spans(text, TUE_13_JAN) == [("Monday", "2026-01-12", "2026-01-12")]


def test_an_act_on_a_day_during_an_occasion_proposes_the_occasion_too():
    text = "Mori placed a rose by a winner's name in Kobe on February 8 during the council election."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 2, 9))] == [
        ("February 8", "2026-02-08"),
        ("during", "2026-02-08"),
    ]


def test_an_occasion_the_days_act_followed_is_proposed_that_day():
    text = "The mayors struck a warm note on Tuesday, playing a drum duet following their summit in Kobe."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, TUE_13_JAN)] == [
        ("Tuesday", "2026-01-13"),
        ("following", "2026-01-13"),
    ]


def test_a_heading_line_of_a_date_alone_dates_the_line_under_it():
    text = (
        "Key dates\n- Aug. 24, 2023:\n- Sora banned fish imports from Kobe.\n- Early November 2025:\n- Trade resumed."
    )
    mentions = event_mentions(text, TUE_13_JAN)
    assert [(str(m.earliest), str(m.latest)) for m in mentions] == [
        ("2023-08-24", "2023-08-24"),
        ("2025-11-01", "2025-11-10"),
    ]
    assert "banned fish imports" in mentions[0].sentence


def test_what_something_was_done_ahead_of_lies_after_it():
    text = "Mori spoke to the paper ahead of her visit to Kobe for port talks with the mayor on Tuesday and Wednesday."
    [mention] = event_mentions(text, date(2026, 1, 12))
    assert (str(mention.earliest), str(mention.latest), mention.status) == ("2026-01-13", "2026-01-14", "scheduled")


def test_two_occasions_of_one_date_are_two_mentions():
    text = "The mayors marked their ties through a bilateral summit and a banquet in Kobe on Tuesday."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 14))] == [
        ("Tuesday", "2026-01-13"),
        ("a banquet", "2026-01-13"),
    ]
    text = "The mayor will hold a summit meeting and dinner with Mori in Kobe on Tuesday."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 9))] == [
        ("Tuesday", "2026-01-13"),
        ("dinner", "2026-01-13"),
    ]


@pytest.mark.parametrize(
    "text, month",
    [
        ("Mori asked for it during the October Pacific Forum meeting in Kobe.", "2025-10"),
        ("In October Mori took office.", "2025-10"),
    ],
)
def test_a_month_before_a_name_is_read_after_a_cue(text, month):
    [mention] = event_mentions(text, TUE_13_JAN)
    assert mention.value == month


def test_a_month_name_alone_before_a_name_is_not_a_date():
    assert event_mentions("The March Madness final drew a crowd.", TUE_13_JAN) == []


def test_a_trip_of_so_many_days_opening_a_sentence_dated_by_another_event_opens_on_the_day_before():
    text = (
        "Mori arrived in Kobe on Thursday for the port forum.\n\n"
        "During her three-day trip to the city of Kobe in the west of Sora, Mori will join the two-day forum"
        " starting Friday to discuss trade."
    )
    assert [(m.text, str(m.earliest), str(m.latest)) for m in event_mentions(text, date(2025, 10, 30))] == [
        ("Thursday", "2025-10-30", "2025-10-30"),
        ("three-day trip", "2025-10-30", "2025-11-01"),
        ("Friday", "2025-10-31", "2025-11-01"),
    ]


def test_a_month_long_mission_opens_on_the_day_named_before_it():
    text = "A survey ship left Kobe today for a remote atoll.\n\nThe month-long mission there will map the seabed."
    [_, mission] = event_mentions(text, TUE_13_JAN)
    assert (mission.text, str(mission.earliest), str(mission.latest)) == (
        "month-long mission",
        "2026-01-13",
        "2026-02-12",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Mori said she will meet ministers of other industrialized nations on a trip starting Sunday.",
        "Mori will brief the planned summit of mayors on Sunday.",
    ],
)
def test_an_ed_word_between_a_determiner_and_its_noun_is_no_past_cue(text):
    [mention] = event_mentions(text, date(2026, 1, 9))
    assert (str(mention.earliest), mention.status) == ("2026-01-11", "scheduled")


def test_a_verb_after_and_is_the_next_predicates_not_the_dates():
    text = "Mori praised the mayor ahead of a vote in Kobe on Sunday and announced a trip."
    [mention] = event_mentions(text, date(2026, 2, 6))
    assert (str(mention.earliest), mention.status) == ("2026-02-08", "scheduled")


def test_a_bare_verb_after_did_not_is_past_not_a_timetable():
    [mention] = event_mentions("Mori did not leave Kobe until Saturday evening.", date(2025, 11, 1))
    assert mention.status == "happened"


def test_the_first_point_of_a_range_with_no_year_lies_before_the_second():
    text = "Mori is making the trip after Sato's visit to Kobe in late October to early November during the port forum."
    mention = event_mentions(text, date(2025, 12, 30))[0]
    assert (str(mention.earliest), str(mention.latest), mention.status) == ("2025-10-21", "2025-11-10", "happened")
    assert "2026" not in mention.label


def test_a_time_of_day_before_the_second_point_keeps_one_range():
    text = "Kobe port stayed shut from Monday to noon on Wednesday."
    assert [(m.text, str(m.earliest), str(m.latest)) for m in event_mentions(text, date(2026, 1, 9))] == [
        ("Monday to noon on Wednesday", "2026-01-05", "2026-01-07")
    ]


def test_each_event_a_dated_one_is_to_be_followed_by_is_its_own_mention():
    text = "The mayors will meet in Kobe on Friday, to be followed by a joint briefing and a harbour cruise."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 9))] == [
        ("Friday", "2026-01-09"),
        ("a joint briefing", "2026-01-09"),
        ("a harbour cruise", "2026-01-09"),
    ]


def test_what_followed_a_days_named_occasion_is_proposed_that_day_too():
    text = "The two mayors performed together following Tuesday's forum in Kobe."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 14))] == [
        ("following", "2026-01-13"),
        ("Tuesday", "2026-01-13"),
    ]


def test_a_stated_length_then_a_comma_and_its_opening_day_is_those_days():
    [mention] = event_mentions("Mori's two-day visit, starting next Tuesday, is her first.", date(2026, 1, 9))
    assert (str(mention.earliest), str(mention.latest)) == ("2026-01-13", "2026-01-14")


def test_the_same_day_is_the_last_day_named_not_a_month_named_after_it():
    text = (
        "Mori replied on the 9th, saying the talks last month had gone well. Earlier the same day, Sato wrote to her."
    )
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 2, 10))][-1] == (
        "the same day",
        "2026-02-09",
    )


def test_this_weekend_under_a_past_verb_written_midweek_is_the_one_just_past():
    [mention] = event_mentions("Mori won a landslide in the council elections this weekend.", date(2026, 2, 10))
    assert (str(mention.earliest), str(mention.latest), mention.status) == ("2026-02-07", "2026-02-08", "happened")
    [mention] = event_mentions("Mori will visit Kobe this weekend.", date(2026, 2, 10))
    assert str(mention.earliest) == "2026-02-14"


def test_thats_when_is_the_time_just_named():
    text = "Ties with Sora have been cold since March. That's when Mori said the port could close."
    assert [(m.text, m.value) for m in event_mentions(text, date(2026, 2, 10))] == [
        ("March", "2025-03"),
        ("That's when", "2025-03"),
    ]


def test_since_a_month_is_the_last_such_month_even_eleven_months_back():
    [mention] = event_mentions("Ties with Sora have been cold since March.", date(2026, 2, 10))
    assert mention.value == "2025-03"


def test_approving_the_plan_to_do_something_is_an_act_not_a_plan():
    [mention] = event_mentions("On Friday morning, the council approved the plan to close the port.", date(2026, 1, 23))
    assert mention.status == "happened"


def _read(text: str, published: date) -> list[tuple[str, str, str, str]]:
    return [(m.text, str(m.earliest), str(m.latest), m.status) for m in event_mentions(text, published)]


def test_later_this_week_is_after_publication_whatever_the_verb():
    # 10 February 2026 is a Tuesday.
    text = "Kobe and Sora have been arranging talks between Mori and Sato later this week."
    assert _read(text, date(2026, 2, 10)) == [("later this week", "2026-02-11", "2026-02-15", "expected")]


def test_earlier_this_week_ends_at_publication():
    [mention] = event_mentions(
        "Earlier this week, the Sora Daily reported that Kobe was weighing curbs.", date(2026, 2, 12)
    )
    assert (str(mention.earliest), str(mention.latest)) == ("2026-02-09", "2026-02-12")


def test_later_this_week_does_not_hide_the_day_of_the_report():
    text = "Kobe and Sora are arranging talks later this week, a newspaper reported on Tuesday."
    assert [m.text for m in event_mentions(text, date(2026, 2, 10))] == ["later this week", "Tuesday"]


def test_a_headline_arranging_talks_for_a_day_is_only_expected():
    [mention] = event_mentions("Kobe, Sora arranging talks between Mori, Sato for Feb 20", date(2026, 2, 10))
    assert mention.status == "expected"


def test_an_event_expected_later_today_has_not_happened():
    [mention] = event_mentions("The talks, expected later Tuesday, will be the first in a year.", date(2026, 2, 10))
    assert (str(mention.earliest), mention.status) == ("2026-02-10", "expected")


def test_earlier_in_the_day_under_a_past_verb_is_the_news_day_not_a_day_ahead():
    text = (
        "Mori will arrive in Kobe on Thursday. The forum opens the following day. "
        "At a briefing earlier in the day, the minister announced the trip."
    )
    assert _read(text, date(2026, 2, 10))[-1][:2] == ("earlier in the day", "2026-02-10")
    text = text.replace("announced the trip.", "officially announced that Mori will stay three days.")
    assert _read(text, date(2026, 2, 10))[-1][:2] == ("earlier in the day", "2026-02-10")


def test_at_that_time_opening_a_sentence_is_the_time_just_named():
    text = "Last month, Sora held drills near the strait. At that time, its navy warned Kobe's ships away."
    assert [(m.text, m.value) for m in event_mentions(text, date(2026, 2, 10))] == [
        ("Last month", "2026-01"),
        ("At that time", "2026-01"),
    ]


def test_last_week_written_on_a_sunday_is_the_week_just_ending():
    # 8 February 2026 is a Sunday.
    [mention] = event_mentions("Last week, Sora held drills near the strait.", date(2026, 2, 8))
    assert (str(mention.earliest), str(mention.latest)) == ("2026-02-02", "2026-02-07")


def test_a_closing_weekday_follows_the_opening_one_even_when_it_is_today():
    # 12 February 2026 is a Thursday: "Wednesday and Thursday" are next week's.
    [mention] = event_mentions("Mori will visit Kobe on Wednesday and Thursday.", date(2026, 2, 12))
    assert (str(mention.earliest), str(mention.latest)) == ("2026-02-18", "2026-02-19")


def test_a_day_prior_is_the_day_before_the_day_just_named():
    text = "Sora opened an inquiry into Kobe's steel on Wednesday. A ban on its chips was announced a day prior."
    assert _read(text, date(2026, 2, 12))[-1][:3] == ("a day prior", "2026-02-10", "2026-02-10")


def test_a_day_after_an_act_dates_that_act_the_day_before():
    text = "Sora opened an inquiry into Kobe's steel on Wednesday, a day after it banned exports of chips."
    assert _read(text, date(2026, 2, 12)) == [
        ("Wednesday", "2026-02-11", "2026-02-11", "happened"),
        ("a day after", "2026-02-10", "2026-02-10", "happened"),
    ]


def test_a_byline_stamp_dates_no_event():
    text = "By Kim Ji-won and Sato Mei Published: Feb 8, 2026 11:19 PM\nSora protested on Sunday."
    assert [m.text for m in event_mentions(text, date(2026, 2, 8))] == ["Sunday"]
    text = "THE KOBE HERALD\nFebruary 8, 2026 at 16:56 JST\nSora protested on Sunday."
    assert [m.text for m in event_mentions(text, date(2026, 2, 8))] == ["Sunday"]


def test_a_wire_plan_filed_on_its_own_day_is_still_scheduled():
    [mention] = event_mentions("Mori was set to hold talks with Sato on Monday, her office said.", date(2026, 2, 9))
    assert (str(mention.earliest), mention.status) == ("2026-02-09", "scheduled")


def test_a_year_after_an_infinitive_dates_that_plan_not_the_day_before_it():
    text = "Mori invited Sato during a call on Friday to visit Kobe this year."
    assert [(m.text, m.value) for m in event_mentions(text, date(2026, 2, 14))] == [
        ("Friday", "2026-02-13"),
        ("this year", "2026"),
    ]


def test_a_line_wrapped_mid_sentence_is_one_sentence():
    text = "Mori will hold talks and a dinner with Sato \nin Kobe on Tuesday, her office said."
    [mention] = event_mentions(text, date(2026, 2, 12))
    assert (str(mention.earliest), mention.status) == ("2026-02-17", "scheduled")
    assert mention.sentence.startswith("Mori will hold talks")


def test_weekdays_with_no_tense_after_a_week_just_named_are_days_of_that_week():
    text = (
        "Mori will travel to Kobe next week, her office said Friday. "
        "The trip, on Tuesday and Wednesday, comes as tensions rise."
    )
    assert _read(text, date(2026, 2, 13))[-1][:3] == ("Tuesday and Wednesday", "2026-02-17", "2026-02-18")


def test_an_event_running_yesterday_and_today_is_under_way_not_next_week():
    # 14 February 2026 is a Saturday.
    text = "The forum itself, which runs Friday and Saturday, drew forty leaders."
    assert _read(text, date(2026, 2, 14)) == [("Friday and Saturday", "2026-02-13", "2026-02-14", "happened")]
    text = "Mori will visit Kobe on Friday and Saturday."
    assert _read(text, date(2026, 2, 14))[0][1:3] == ("2026-02-20", "2026-02-21")


def test_a_sentence_opening_a_day_after_an_act_dates_that_act_the_day_before():
    text = "A day after Sora issued a travel warning, Kobe said on Monday that talks remain open."
    assert _read(text, date(2026, 2, 10)) == [
        ("A day after", "2026-02-08", "2026-02-08", "happened"),
        ("Monday", "2026-02-09", "2026-02-09", "happened"),
    ]


def test_a_place_and_a_clock_time_on_a_line_of_their_own_date_no_event():
    text = "Kobe, Feb 8, 2026, 22:12 (JST)\nSora protested on Sunday."
    assert [m.text for m in event_mentions(text, date(2026, 2, 8))] == ["Sunday"]
    assert [m.text for m in event_mentions("Kobe, Feb 8, 2026 - Sora protested.", date(2026, 2, 8))] == ["Feb 8, 2026"]


def test_agreeing_to_work_towards_an_event_is_a_plan_not_yet_set():
    text = "Mori and Sato agreed to coordinate for the visit to happen this spring."
    assert [m.status for m in event_mentions(text, date(2026, 1, 3))] == ["expected"]
    text = "Mori and Sato agreed to hold the visit this spring."
    assert [m.status for m in event_mentions(text, date(2026, 1, 3))] == ["scheduled"]


def test_a_weekday_owning_a_named_thing_is_still_a_date():
    # 28 October 2025 is a Tuesday.
    text = "The forum is overshadowed by Thursday's Mori-Sato meeting."
    assert _read(text, date(2025, 10, 28)) == [("Thursday", "2025-10-30", "2025-10-30", "scheduled")]


def test_said_in_a_briefing_on_a_weekday_is_the_past_one():
    # 13 January 2026 is a Tuesday.
    text = "Adviser Kenji Mori said in a press briefing Friday that the summit follows an agreement."
    assert _read(text, date(2026, 1, 13))[0][1] == "2026-01-09"


def test_agreeing_at_their_meeting_on_a_weekday_dates_the_meeting_not_what_was_agreed():
    # 3 November 2025 is a Monday.
    text = "Mori and Sato agreed to pursue stable ties at their meeting in Kobe on Friday."
    assert _read(text, date(2025, 11, 3)) == [("Friday", "2025-10-31", "2025-10-31", "happened")]
    text = "Mori and Sato agreed to meet at the summit on Friday."
    assert _read(text, date(2025, 11, 3))[0][1] == "2025-11-07"


def test_what_someone_had_been_asked_to_do_lies_before_then():
    # 1 December 2025 is a Monday.
    text = "Sora, who had been asked to cancel her Friday show, chose to sing to an empty hall."
    assert _read(text, date(2025, 12, 1))[0][1] == "2025-11-28"


def test_a_persons_act_named_as_a_thing_keeps_no_tense_of_a_distant_verb():
    text = "Kobe will remain neutral amid the row between the two over Mori’s parliamentary remarks in November."
    assert _read(text, date(2026, 1, 7))[0][1:3] == ("2025-11-01", "2025-11-30")


def test_an_invitation_to_visit_is_a_plan_not_yet_accepted():
    text = "Mori has invited Kobe Governor Hana Sato to visit the island this year."
    assert [m.status for m in event_mentions(text, date(2026, 1, 3))] == ["expected"]
    text = "Mori and Sato agreed to co-ordinate for the visit to happen in the spring."
    assert [m.status for m in event_mentions(text, date(2026, 1, 3))] == ["expected"]


def test_a_cancellation_in_a_clause_after_the_main_verb_is_the_other_events():
    text = "On Friday, Mori sang. The following day, Sora sang to an empty hall after her concert was cancelled."
    assert _read(text, date(2025, 12, 1))[1] == ("The following day", "2025-11-29", "2025-11-29", "happened")
    assert _read("The concert on Friday was cancelled after protests.", date(2025, 12, 1))[0][3] == "cancelled"


def test_a_plan_set_off_between_dashes_is_called_off_by_the_rest_of_the_sentence():
    text = "The Kobe comedy gala — scheduled for Nov. 20–22, at the city theatre — has also been canceled."
    assert _read(text, date(2025, 11, 21))[0][1:] == ("2025-11-20", "2025-11-22", "cancelled")
    text = "The Kobe comedy gala — scheduled for Nov. 20–22, at the city theatre — drew large crowds."
    assert _read(text, date(2025, 11, 21))[0][3] != "cancelled"


def test_a_stated_length_further_on_runs_from_the_day_the_trip_began():
    # 4 January 2026 is a Sunday.
    text = (
        "Mori began a state visit to Kobe on Sunday. The visit is her first since June. "
        "Sora is expected to meet her. Tensions are high. Mori's four-day trip comes at a delicate time."
    )
    assert _read(text, date(2026, 1, 4))[-1] == ("four-day trip", "2026-01-04", "2026-01-07", "scheduled")
    text = "Mori spoke on Sunday. The visit is her first since June. Sora met her. Mori's four-day trip is short."
    assert "four-day trip" not in [m[0] for m in _read(text, date(2026, 1, 4))]


def test_the_final_day_of_a_stated_length_ends_it_on_the_day_just_named():
    text = "Mori on Wednesday visited a museum in Kobe. The visit was made on the final day of her four-day trip."
    assert _read(text, date(2026, 1, 7))[-1] == ("four-day trip", "2026-01-04", "2026-01-07", "happened")


def test_beginning_a_state_visit_today_has_happened():
    assert _read("Mori began a state visit to Kobe on Sunday.", date(2026, 1, 4))[0][3] == "happened"


def test_hours_after_an_act_dates_that_act_the_same_day():
    # 4 January 2026 is a Sunday.
    text = "Mori began a visit to Kobe on Sunday, hoping for calm hours after rival Sora launched missiles."
    assert _read(text, date(2026, 1, 4)) == [
        ("Sunday", "2026-01-04", "2026-01-04", "happened"),
        ("hours after", "2026-01-04", "2026-01-04", "happened"),
    ]
    assert len(_read("Mori met Sato on Sunday for three hours after lunch.", date(2026, 1, 4))) == 1


def test_an_itinerarys_weekdays_follow_the_day_it_starts_on():
    # 30 December 2025 is a Tuesday.
    text = (
        "Mori's office said on Tuesday she will travel. "
        "Mori will depart for Kobe on Sunday for the summit, followed by a trip to Sora on Tuesday. "
        "She will return home on Wednesday, her office said."
    )
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2025, 12, 30))] == [
        ("Tuesday", "2025-12-30"),
        ("Sunday", "2026-01-04"),
        ("Tuesday", "2026-01-06"),
        ("Wednesday", "2026-01-07"),
    ]


def test_the_next_sixty_years_is_no_plan_for_the_month_named():
    text = "Mori said the two took a step toward shaping the next 60 years of ties during their talks in January."
    assert _read(text, date(2026, 2, 9))[0][1:] == ("2026-01-01", "2026-01-31", "happened")


def test_a_place_and_a_day_on_a_line_of_their_own_are_a_dateline():
    assert [m.text for m in event_mentions("Kobe, Feb 9\nMori spoke on Monday.", date(2026, 2, 9))] == ["Monday"]
    text = "New Delhi, January 6, 2026, 9:45 a.m. IST\nMori spoke on January 5, 2026."
    assert [m.text for m in event_mentions(text, date(2026, 1, 6))] == ["January 5, 2026"]


def test_what_goes_on_until_a_day_ahead_runs_from_now_to_it():
    # 25 October 2025 is a Saturday.
    text = "Mori will fly home Monday while the Kobe talks are set to continue until Tuesday."
    assert _read(text, date(2025, 10, 25)) == [
        ("Monday", "2025-10-27", "2025-10-27", "scheduled"),
        ("Tuesday", "2025-10-25", "2025-10-28", "scheduled"),
    ]
    text = "With Sato due in Kobe from Monday to Wednesday, Mori will fly home Monday."
    assert [m[1] for m in _read(text, date(2025, 10, 25))] == ["2025-10-27", "2025-10-27"]


def test_a_lead_whose_only_date_names_a_thing_is_dated_by_its_dateline():
    text = "KOBE, Feb 18 (Kyodo) - Mori was reelected as governor following her party's win in the Feb. 8 election."
    assert [m.text for m in event_mentions(text, date(2026, 2, 18))] == ["Feb 18", "Feb. 8"]


def test_as_the_assembly_convened_is_another_event_the_same_day():
    text = "Mori was reelected as governor on Wednesday as the Assembly convened a special session."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 2, 18))] == [
        ("Wednesday", "2026-02-18"),
        ("as", "2026-02-18"),
    ]


def test_a_bracketed_date_says_which_day_the_words_before_it_mean():
    text = "Mori spoke in Kobe on Monday. A poll released the day before (Jan. 22) showed support at 59 percent."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 23))][-1] == (
        "the day before",
        "2026-01-22",
    )


def test_a_figures_baseline_is_no_event():
    text = "Support for Mori rose 3 percentage points from the previous week, and fell 2 points from two weeks earlier."
    assert event_mentions(text, date(2026, 1, 23)) == []
    assert [m.text for m in event_mentions("Mori returned from Kobe last week.", date(2026, 1, 23))] == ["last week"]


def test_a_range_of_years_is_an_event_of_its_own_beside_a_day_inside_it():
    text = "Mori, who served as trade minister during 2022-24, speaks in Kobe on September 14, 2024."
    assert [m.text for m in event_mentions(text, date(2025, 10, 9))] == ["2022-24", "September 14, 2024"]


def test_a_dateline_with_its_agency_in_brackets_and_a_source_announcing_by_name():
    text = "Kobe, Dec 30 (NewsWire) Mori will visit Sora early next week, as announced by the ministry on Tuesday."
    assert _read(text, date(2025, 12, 30)) == [
        ("early next week", "2026-01-05", "2026-01-11", "scheduled"),
        ("Tuesday", "2025-12-30", "2025-12-30", "happened"),
    ]


def test_a_source_reportedly_saying_something_still_said_it():
    text = "Sora officials reportedly said on Wednesday that the halt was needed."
    assert _read(text, date(2025, 11, 19))[0][3] == "happened"
    assert _read("Sora will reportedly halt imports on Friday.", date(2025, 11, 19))[0][3] == "expected"


def test_what_came_after_an_act_of_the_previous_day_is_not_dated_that_day():
    text = "Kobe stocks fell on Monday. This came after Sora issued an advisory the previous day."
    assert [m.text for m in event_mentions(text, date(2025, 11, 19))] == ["Monday", "the previous day"]


def test_an_occasion_protested_as_it_is_held_is_an_event_of_that_day():
    text = "On Feb. 22, 2026, Kobe summoned a Sora diplomat to protest Tarn Prefecture's annual Sea Day ceremony."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 2, 22))] == [
        ("Feb. 22, 2026", "2026-02-22"),
        ("Tarn Prefecture's annual Sea Day ceremony", "2026-02-22"),
    ]
    assert len(event_mentions("Kobe protested on Friday over Mori's remarks.", date(2026, 2, 22))) == 1


def test_a_pages_date_line_is_no_event_and_hes_to_meet_is_a_plan():
    assert [m.text for m in event_mentions("Fri Mar 13 2026\nMori spoke on Friday.", date(2026, 3, 13))] == ["Friday"]
    assert _read("He’s to meet Sato on Saturday.", date(2025, 11, 1))[0][3] == "scheduled"
    assert _read("Kobe's envoy met Sato on Saturday.", date(2025, 11, 1))[0][3] == "happened"


def test_an_invitation_to_join_something_already_done_is_no_plan():
    text = "Mori this week invited him to join an impromptu drum session in Kobe."
    assert _read(text, date(2026, 1, 15))[0][3] == "happened"


def test_a_season_naming_a_kind_of_thing_is_no_date():
    text = "Kobe's airlines switch between their winter and summer schedules."
    assert event_mentions(text, date(2025, 11, 25)) == []
    assert [m.text for m in event_mentions("Mori will visit Kobe in summer.", date(2025, 11, 25))] == ["summer"]


def test_a_festival_in_autumn_is_still_a_time():
    text = "Mori may skip a visit to the shrine during an autumn festival, reports said."
    assert [m.text for m in event_mentions(text, date(2025, 10, 9))] == ["autumn"]


def test_only_a_weekday_starts_an_itinerary_that_later_weekdays_follow():
    # 13 January 2026 is a Tuesday.
    text = "Tickets go on sale on the 20th. The minister will tour the venues on Thursday and Friday."
    assert [str(m.earliest) for m in event_mentions(text, date(2026, 1, 13))][1] == "2026-01-15"


def test_the_same_month_a_year_before_is_a_figures_baseline():
    text = (
        "Visitors to Kobe fell below the level of the same month last year, "
        "and rose 4 percent compared to the same period a year earlier."
    )
    assert event_mentions(text, date(2026, 2, 18)) == []
    assert event_mentions("The same month last year, Mori visited Kobe.", date(2026, 2, 18))


def test_early_mid_and_late_in_a_century_are_its_thirds():
    text = "Kobe's port grew in the early 20th century; its temple dates from the mid-19th century."
    assert _read(text, date(2026, 3, 1)) == [
        ("the early 20th century", "1900-01-01", "1933-12-31", "happened"),
        ("the mid-19th century", "1834-01-01", "1866-12-31", "happened"),
    ]


def test_talks_eyed_for_a_day_or_worked_toward_are_only_expected():
    text = "Mori's talks with Sato eyed for around March 20. Mori agreed with Sato to work toward meeting this spring."
    assert [status for *_, status in _read(text, date(2026, 1, 18))] == ["expected", "expected"]


def test_the_date_of_a_source_opening_the_sentence_is_when_it_reported():
    text = "According to media reports on the 13th, Mori is expected to visit Kobe at the end of March."
    assert _read(text, date(2026, 2, 13)) == [
        ("the 13th", "2026-02-13", "2026-02-13", "happened"),
        ("the end of March", "2026-03-21", "2026-03-31", "expected"),
    ]


def test_followed_by_talks_with_no_determiner_is_another_event_that_day():
    text = "Mori met Sato on January 13, followed by informal talks and a dinner."
    assert [m.text for m in event_mentions(text, date(2026, 1, 14))] == ["January 13", "followed"]


def test_what_rounded_off_an_occasion_is_another_event_that_day():
    text = "Mori and Sato rounded off their summit on Tuesday with a jam session. Mori met Sato on Monday with a smile."
    assert [m.text for m in event_mentions(text, date(2026, 1, 14))] == ["Tuesday", "with", "Monday"]


def test_what_comes_before_returning_home_lies_in_the_stay_named_before():
    text = (
        "Mori will make a two-day visit to Kobe beginning Tuesday. "
        "Before returning home on Wednesday, Mori is scheduled to meet with residents."
    )
    assert _read(text, date(2026, 1, 9))[-1] == ("Mori", "2026-01-13", "2026-01-14", "scheduled")
    text = "Mori will tour Sora on Jan. 6 and 7. There, he plans to open a school before returning home on Wednesday."
    assert ("before", "2026-01-06", "2026-01-07", "scheduled") in _read(text, date(2026, 1, 2))


def test_a_stay_wrapped_up_on_a_day_runs_its_days_up_to_it():
    text = "Mori returned home Wednesday after wrapping up a four-day state visit to Kobe."
    assert _read(text, date(2026, 1, 7))[-1] == ("after", "2026-01-04", "2026-01-07", "happened")


def test_a_sentence_with_no_date_coming_days_after_an_act_dates_the_act():
    text = "Mori met Sato in Kobe on Monday. The meeting comes a day after Tarumi fired two missiles."
    assert _read(text, date(2026, 1, 5))[-1] == ("a day after", "2026-01-04", "2026-01-04", "happened")
    assert [m.text for m in event_mentions("The meeting comes after Tarumi fired missiles.", date(2026, 1, 5))] == []
    text = "The meeting comes just two days before Mori's first summit with Sato in Kobe."
    assert _read(text, date(2025, 8, 23))[-1] == ("two days before", "2025-08-25", "2025-08-25", "scheduled")


def test_after_a_name_of_several_words_and_its_verb_is_an_event_then():
    text = "Sora halted imports in August 2023 after Kobe Electric Power Co. began releasing water."
    assert [m.text for m in event_mentions(text, date(2025, 11, 20))] == ["August 2023", "after"]


def test_a_year_opening_the_clause_is_the_year_of_its_months():
    text = "Last year, the holiday began in late January, but this year it fell in mid-February."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 2, 18))] == [
        ("late January", "2025-01-21"),
        ("mid-February", "2026-02-11"),
    ]
    said = "Mori said last year that Sato would visit Kobe in March."
    assert str(event_mentions(said, date(2026, 2, 18))[-1].earliest) == "2026-03-01"


def test_the_main_clause_after_an_opening_after_phrase_is_an_event_then():
    text = "After Sora cut off exports to Kobe companies last year, President Mori retreated in his trade war."
    assert [(m.text, str(m.earliest)) for m in event_mentions(text, date(2026, 1, 8))] == [
        ("last year", "2025-01-01"),
        ("President", "2025-01-01"),
    ]


def test_a_week_that_owns_an_event_is_not_cut_by_what_is_said_of_it():
    # 28 October 2025 is a Tuesday: the fair's week is mostly ahead.
    text = "This week's Kobe fair has drawn keen attention from investors."
    assert _read(text, date(2025, 10, 28)) == [("This week", "2025-10-27", "2025-11-02", "scheduled")]


def test_a_plan_set_beside_an_event_of_the_same_days_is_an_event_of_its_own():
    week = ("2025-10-27", "2025-11-02", "scheduled")
    text = "Mori hosts the fair this week in Kobe, with summit talks with Sora's leader set to take place."
    assert _read(text, date(2025, 10, 28)) == [("this week", *week), ("with", *week)]
    text = "This week's fair has drawn attention as Mori and Sora's leader Sato are also set to meet on the sidelines."
    assert _read(text, date(2025, 10, 28)) == [("This week", *week), ("as", *week)]
    text = "Mori will host the fair this week, with Sato expected to attend."
    assert _read(text, date(2025, 10, 28))[-1] == ("with", *week[:2], "expected")


def test_a_hope_in_an_as_clause_is_not_the_plan_of_the_event_before_it():
    text = "The visit, which includes a summit with Sato on Monday, comes as Kobe seeks to strengthen ties."
    assert _read(text, date(2026, 1, 4)) == [("Monday", "2026-01-05", "2026-01-05", "scheduled")]


def test_an_era_before_or_after_a_year_is_no_event():
    text = "It recalls pre-1914 bloc economics and post-2011 reforms more than the 2010 embargo."
    assert [m.text for m in event_mentions(text, date(2026, 1, 7))] == ["2010"]


def test_a_wire_dateline_running_into_its_lead_is_no_event():
    text = "Kobe, Jan 9 Mori will visit Sora early next week, the ministry said Friday."
    assert _read(text, date(2026, 1, 9)) == [
        ("early next week", "2026-01-12", "2026-01-18", "scheduled"),
        ("Friday", "2026-01-09", "2026-01-09", "happened"),
    ]


def test_a_record_since_a_year_is_no_event_but_a_first_since_it_is():
    text = "Tensions reached their lowest point since 2023, and the first visit since 2019 came in May."
    assert [m.text for m in event_mentions(text, date(2025, 11, 22))] == ["2019", "May"]


def test_earlier_in_the_month_of_publication_ends_at_publication():
    text = "The feud began earlier in November when Mori spoke."
    assert spans(text, date(2025, 11, 22))[0] == ("November", "2025-11-01", "2025-11-22")


def test_that_day_dates_its_own_act_and_what_came_before_it_that_day():
    text = "Mori will attend a festival with Sato next Wednesday and meet students before returning home that day."
    assert _read(text, date(2026, 1, 9)) == [
        ("next Wednesday", "2026-01-14", "2026-01-14", "scheduled"),
        ("before", "2026-01-14", "2026-01-14", "scheduled"),
        ("that day", "2026-01-14", "2026-01-14", "scheduled"),
    ]


@pytest.mark.parametrize(
    "text, status",
    [
        ("The chamber would be dissolved on January 23, according to officials.", "expected"),
        ("Mori would visit Kobe next week, sources said.", "expected"),
        ("Sources said Mori would visit Kobe next week.", "expected"),
        # Who sets the plan said it would happen.
        ("The ministry said Mori would visit Kobe next week.", "scheduled"),
        ("The two confirmed during their call on Monday that they would meet next week.", "scheduled"),
    ],
)
def test_what_would_happen_is_expected_unless_who_sets_it_said_so(text, status):
    assert event_mentions(text, date(2026, 1, 14))[-1].status == status


def test_a_hedge_in_what_was_said_is_not_the_saying_acts():
    text = "At a briefing on Wednesday, Mori declined to comment, saying it was unclear what items would be targeted."
    assert _read(text, date(2026, 1, 7)) == [("Wednesday", "2026-01-07", "2026-01-07", "happened")]


def test_a_year_with_no_verb_is_not_scheduled_for_being_mostly_ahead():
    text = "Hours before Mori left for Kobe, the army said Sora had fired a missile — its first test of the year."
    assert _read(text, date(2026, 1, 4)) == [("the year", "2026-01-01", "2026-12-31", "happened")]


def test_due_to_a_cause_is_no_plan():
    text = "On Friday, Sora urged its citizens to avoid Kobe due to escalating tensions."
    assert _read(text, date(2025, 11, 14)) == [("Friday", "2025-11-14", "2025-11-14", "happened")]
    text = "Mori arrived in Kobe on Friday, due to heavy snow in Sora."
    assert len(event_mentions(text, date(2025, 11, 14))) == 1
    assert _read("Mori is due to visit Kobe on Friday.", date(2025, 11, 14))[0][3] == "scheduled"


def test_a_year_in_an_aside_about_people_does_not_frame_their_meeting():
    text = "Mori and Sato, who both took office in 2025, last met in October on the sidelines of a summit."
    assert [m.text for m in event_mentions(text, date(2026, 1, 9))] == ["2025", "October"]


def test_someones_march_visit_is_a_month():
    text = "Sato backs Mori before the vote, unveils her March visit to Sora."
    assert spans(text, date(2026, 2, 5)) == [("March", "2026-03-01", "2026-03-31")]
    assert event_mentions("Mori will march on his own.", date(2026, 2, 5)) == []


def test_a_second_act_after_the_date_and_and_is_an_event_of_that_day():
    text = "Kobe's coast guard seized a Sora fishing boat on Thursday and arrested its captain, officials said."
    assert spans(text, date(2026, 2, 13)) == [
        ("Thursday", "2026-02-12", "2026-02-12"),
        ("arrested", "2026-02-12", "2026-02-12"),
    ]


def test_a_day_number_scheduled_for_is_a_day_of_the_month():
    text = "The Kobe talks are scheduled for the 29th, and the Sora talks for November 1st."
    assert spans(text, date(2025, 10, 28)) == [
        ("the 29th", "2025-10-29", "2025-10-29"),
        ("November 1st", "2025-11-01", "2025-11-01"),
    ]
    assert event_mentions("Mori won for the 20th time.", date(2025, 10, 28)) == []


def test_a_relative_clause_tells_the_tense_of_a_weekday_it_owns():
    text = "The remarks mark the first comment following Saturday's incident in which Sora's jets buzzed a ship."
    assert _read(text, date(2025, 12, 10)) == [("Saturday", "2025-12-06", "2025-12-06", "happened")]


def test_a_plan_the_media_report_is_expected_and_as_early_as_is_no_set_date():
    text = (
        "Media reports have said Mori plans to dissolve the assembly on March 3, "
        "paving the way for a vote as early as April 12."
    )
    assert _read(text, date(2026, 2, 20)) == [
        ("March 3", "2026-03-03", "2026-03-03", "expected"),
        ("April 12", "2026-04-12", "2026-04-12", "expected"),
    ]
    # The reports' own date is not what they report.
    text = "Media reports said on Monday that Mori met Sato."
    assert _read(text, date(2026, 2, 23)) == [("Monday", "2026-02-23", "2026-02-23", "happened")]


@pytest.mark.parametrize(
    "text, occasion",
    [
        (
            "Mori will dissolve the assembly on March 3, the first day of this year's regular session, for a vote.",
            "the first day of this year's regular session",
        ),
        (
            "Mori said she will dissolve the assembly on March 3, the day the regular session convenes, for a vote.",
            "the day the regular session convenes",
        ),
    ],
)
def test_a_date_set_off_as_an_occasions_day_dates_that_occasion_too(text, occasion):
    assert _read(text, date(2026, 2, 20)) == [
        ("March 3", "2026-03-03", "2026-03-03", "scheduled"),
        (occasion, "2026-03-03", "2026-03-03", "scheduled"),
    ]


def test_a_pages_stamp_line_is_no_event_though_a_caption_runs_on_from_it():
    text = (
        "Kobe rejects claims on curbs\nPublished: Jan 18, 2026 11:32 PM\nport cranes Photo:Wire\n\n"
        "Officials said on Saturday that exports slowed."
    )
    assert spans(text, date(2026, 1, 18)) == [("Saturday", "2026-01-17", "2026-01-17")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Imports rose between 2022 and 2024, the ministry said.",
            ("between 2022 and 2024", "2022-01-01", "2024-12-31"),
        ),
        ("Sales fell between March and June.", ("March and June", "2025-03-01", "2025-06-30")),
        (
            "The inquiry will examine shipments from July 1, 2024, through June 30, 2025.",
            ("July 1, 2024, through June 30, 2025", "2024-07-01", "2025-06-30"),
        ),
    ],
)
def test_between_two_dates_and_a_range_after_a_years_comma_are_one_span(text, expected):
    found = spans(text, date(2025, 10, 1))
    assert len(found) == 1
    assert expected[0].endswith(found[0][0]) and found[0][1:] == expected[1:]


def test_two_dates_joined_by_and_without_between_stay_two_events():
    text = "Mori visited Kobe in June and Osaka in October."
    assert spans(text, date(2025, 11, 1)) == [
        ("June", "2025-06-01", "2025-06-30"),
        ("October", "2025-10-01", "2025-10-31"),
    ]


def test_a_year_said_right_after_a_month_or_day_is_theirs():
    assert spans("It is the first since sessions began opening in January in 1992.", date(2026, 1, 19)) == [
        ("January", "1992-01-01", "1992-01-31")
    ]
    assert spans("The kingdom annexed the island on June 4 in 1822.", date(2026, 1, 19)) == [
        ("June 4", "1822-06-04", "1822-06-04")
    ]


def test_a_state_since_a_vaguer_date_is_another_event_than_the_day_it_is_told():
    text = "Traders said on Saturday that Kobe has slowed its checks of exports since earlier this month."
    assert spans(text, date(2026, 1, 18)) == [
        ("Saturday", "2026-01-17", "2026-01-17"),
        ("earlier this month", "2026-01-01", "2026-01-18"),
    ]


def test_a_second_fact_in_a_while_clause_shares_the_period():
    text = "Producers said imports from Sora rose from 2022 to 2024 while prices fell by 31%."
    assert spans(text, date(2026, 1, 7)) == [
        ("2022 to 2024", "2022-01-01", "2024-12-31"),
        ("while", "2022-01-01", "2024-12-31"),
    ]
    assert spans("Mori met Sato on Monday while visiting Kobe.", date(2026, 1, 7)) == [
        ("Monday", "2026-01-05", "2026-01-05")
    ]


def test_from_a_month_onward_runs_to_publication():
    assert spans("Visitors fell from November onward.", date(2026, 1, 20)) == [("November", "2025-11-01", "2026-01-20")]


def test_the_first_months_of_the_year_are_january_to_that_month_of_the_year_they_are_over_in():
    text = "Visitors had grown 40% in the first 10 months of the year, the agency said."
    assert spans(text, date(2026, 1, 20)) == [("the first 10 months of the year", "2025-01-01", "2025-10-31")]
    assert spans("Exports fell in the first three months of 2025.", date(2026, 1, 20)) == [
        ("the first three months of 2025", "2025-01-01", "2025-03-31")
    ]


def test_a_forecast_is_expected():
    text = "The travel agency forecasts that this year will see the first fall in visitors."
    assert _read(text, date(2026, 1, 20)) == [("this year", "2026-01-01", "2026-12-31", "expected")]


def test_a_cancelled_plans_month_is_the_nearest_one_whatever_the_tense():
    text = "As of Monday, all flights on 49 routes for February had been cancelled."
    assert _read(text, date(2026, 1, 28))[1] == ("February", "2026-02-01", "2026-02-28", "cancelled")


def test_an_extension_until_a_day_runs_to_the_coming_one():
    text = "Carriers have extended free refunds for travel to Kobe until Oct 24."
    assert _read(text, date(2026, 1, 28)) == [("Oct 24", "2026-10-24", "2026-10-24", "scheduled")]


def test_a_short_month_without_a_period_before_a_day_is_a_month():
    assert spans("Refunds cover travel between Mar 29 and Oct 24, Sora Air said on Monday.", date(2026, 1, 28))[0] == (
        "Mar 29 and Oct 24",
        "2026-03-29",
        "2026-10-24",
    )
    assert extract_dates("Rain will mar 3 games.", date(2026, 1, 28)) == []


def test_a_day_hoped_for_is_no_date():
    text = "We hope to see that day come soon, he said. Mori met Sato on Monday and left that day."
    assert [m.text for m in event_mentions(text, date(2026, 1, 20))] == ["Monday", "that day"]


def test_a_year_prior_is_a_figures_baseline():
    text = "Visitors for 2025 increased about 30% from a year prior."
    assert spans(text, date(2026, 1, 20)) == [("2025", "2025-01-01", "2025-12-31")]


def test_the_final_day_of_a_stay_is_an_event_of_its_own_beside_the_stay():
    text = (
        "Mori visited a memorial on Wednesday. The visit was made on the final day of her four-day state visit to Sora."
    )
    assert spans(text, date(2026, 1, 7))[1:] == [
        ("final day", "2026-01-07", "2026-01-07"),
        ("four-day state visit", "2026-01-04", "2026-01-07"),
    ]


def test_arriving_on_a_day_for_talks_dates_the_talks_too():
    text = "Kobe, Jan 13 — Mori arrived in Sora on Tuesday for a summit with Sato, aiming to mend ties."
    assert _read(text, date(2026, 1, 13)) == [
        ("Tuesday", "2026-01-13", "2026-01-13", "happened"),
        ("for", "2026-01-13", "2026-01-13", "scheduled"),
    ]


def test_a_second_act_may_follow_a_purpose_and_take_a_preposition():
    text = "Mori was in Kobe on Monday to prepare and posted on Wire about the talks."
    assert spans(text, date(2026, 1, 13)) == [
        ("Monday", "2026-01-12", "2026-01-12"),
        ("posted", "2026-01-12", "2026-01-12"),
    ]


def test_in_the_afternoon_is_the_afternoon_of_the_day_just_named():
    text = "On Wednesday, Mori will tour a temple. She will also meet students before returning home in the afternoon."
    assert spans(text, date(2026, 1, 13)) == [
        ("Wednesday", "2026-01-14", "2026-01-14"),
        ("before", "2026-01-14", "2026-01-14"),
        ("in the afternoon", "2026-01-14", "2026-01-14"),
    ]


def test_a_plan_said_after_the_saying_day_does_not_make_the_saying_a_plan():
    text = "Minister Mori said Friday she would visit Sora from Monday through January 18."
    assert _read(text, date(2026, 1, 9)) == [
        ("Friday", "2026-01-09", "2026-01-09", "happened"),
        ("Monday through January 18", "2026-01-12", "2026-01-18", "scheduled"),
    ]


def test_arriving_for_talks_without_a_with_dates_the_talks_too():
    text = "Mori will arrive in Sora next Tuesday for the summit talks, which will be held in Kobe."
    assert _read(text, date(2026, 1, 9)) == [
        ("next Tuesday", "2026-01-13", "2026-01-13", "scheduled"),
        ("for", "2026-01-13", "2026-01-13", "scheduled"),
    ]
    # The summit may be days after a departure.
    assert len(_read("Mori will depart for Sora next Tuesday for the summit talks.", date(2026, 1, 9))) == 1


def test_a_second_act_with_a_plain_noun_object_after_the_date():
    text = "Mori visited Kobe in August and held summit talks with Sato."
    assert spans(text, date(2026, 1, 9)) == [
        ("August", "2025-08-01", "2025-08-31"),
        ("held", "2025-08-01", "2025-08-31"),
    ]


def test_what_was_done_at_a_dated_meeting_is_an_event_of_that_day():
    text = "Mori and Sato at their meeting on January 13 confirmed their cooperation in DNA testing."
    assert spans(text, date(2026, 1, 14)) == [
        ("January 13", "2026-01-13", "2026-01-13"),
        ("confirmed", "2026-01-13", "2026-01-13"),
    ]
    assert spans("They spoke at the summit on January 13 in Kobe.", date(2026, 1, 14)) == [
        ("January 13", "2026-01-13", "2026-01-13")
    ]


def test_a_year_naming_a_budget_or_a_report_is_no_date():
    assert spans("Debate on the 2026-2027 budget has slowed.", date(2026, 1, 27)) == []
    assert spans("The cabinet approved the 2026 defence white paper on Tuesday.", date(2026, 1, 28)) == [
        ("Tuesday", "2026-01-27", "2026-01-27")
    ]


def test_this_month_in_the_past_is_cut_at_publication():
    assert _read("Mori said this month that an attack could trigger a response.", date(2025, 11, 19)) == [
        ("this month", "2025-11-01", "2025-11-19", "happened")
    ]
    assert _read("Sales will rise this month.", date(2025, 11, 19)) == [
        ("this month", "2025-11-01", "2025-11-30", "scheduled")
    ]


def test_since_doing_something_in_a_month_looks_back():
    text = "Mori will have her first meeting with Sato since returning to office in January."
    assert spans(text, date(2025, 10, 24)) == [("January", "2025-01-01", "2025-01-31")]


def test_the_following_morning_is_the_next_day():
    text = "Mori will arrive in Kobe on Monday and then depart the following morning for Sora."
    assert spans(text, date(2025, 10, 24))[1] == ("the following morning", "2025-10-28", "2025-10-28")


def test_a_stated_length_far_before_from_and_its_day():
    text = (
        "Kobe will host this year's two-day summit of the Harbour Cooperation forum "
        "in the ancient city of Nara from Oct. 31."
    )
    assert spans(text, date(2025, 10, 24)) == [("Oct. 31", "2025-10-31", "2025-11-01")]


def test_a_plan_called_off_keeps_the_day_its_schedule_gave():
    # 20 November 2025 is a Thursday: "scheduled for Monday" is the coming one.
    text = "A meeting of ministers, scheduled for Monday in Kobe, has been postponed, a spokesman said Thursday."
    assert _read(text, date(2025, 11, 20))[0] == ("Monday", "2025-11-24", "2025-11-24", "cancelled")


def test_moments_after_an_act_dates_that_act_the_same_day():
    text = "Mori flew out of Sora Thursday, moments after her meeting with Sato."
    assert spans(text, date(2025, 10, 31)) == [
        ("Thursday", "2025-10-30", "2025-10-30"),
        ("moments after", "2025-10-30", "2025-10-30"),
    ]


def test_a_sentence_ends_at_a_closing_quote_with_no_space_after_it():
    text = 'Mori said "the next visit should be in Kobe."This marks the third meeting, after talks in Sora last year.'
    assert [m.sentence_start for m in event_mentions(text, date(2026, 1, 15))] == [text.index("This marks")]


def test_a_stated_start_and_end_are_one_span_however_precise_each_is():
    text = "The ferry line will run fewer sailings from 30 November through at least late March."
    assert spans(text, date(2025, 11, 22)) == [("30 November through at least late March", "2025-11-30", "2026-03-31")]


def test_a_state_since_a_date_runs_to_publication():
    published = date(2025, 11, 22)  # a Saturday
    assert spans("Ferry fares have risen 18 percent since Wednesday.", published) == [
        ("Wednesday", "2025-11-19", "2025-11-22")
    ]
    assert spans("Relations have been frosty since November.", published) == [("November", "2025-11-01", "2025-11-22")]
    # a first since then is the earlier event, not a state
    assert spans("It is her first trip to Sora since August.", published) == [("August", "2025-08-01", "2025-08-31")]


def test_an_anticipated_release_is_expected():
    [mention] = event_mentions("Fuller trade figures are anticipated to be released on Tuesday.", date(2025, 11, 22))
    assert mention.status == "expected"


def test_days_after_a_dated_opening_date_the_main_clause():
    text = "Four days after taking office on Oct. 21, Mori traveled to Lantern Bay for a summit."
    assert spans(text, date(2025, 11, 3)) == [
        ("Four days after", "2025-10-25", "2025-10-25"),
        ("Oct. 21", "2025-10-21", "2025-10-21"),
    ]


def test_a_section_label_and_a_date_on_a_line_of_their_own_are_a_stamp():
    text = "World February 22, 2026\n\nSora lodged a protest on Sunday."
    assert spans(text, date(2026, 2, 22)) == [("Sunday", "2026-02-22", "2026-02-22")]


def test_a_span_of_weekdays_is_never_moved_by_a_year():
    published = date(2025, 11, 29)  # a Saturday
    text = "The fair, which is being held in Sora on Friday through Sunday, canceled its shows."
    assert spans(text, published) == [("Friday through Sunday", "2025-11-28", "2025-11-30")]


@pytest.mark.parametrize(
    "text",
    [
        "The president called Mori on Friday, urging her to visit Lantern Bay this year.",
        "The two sides reached an agreement to coordinate for the visit to take place this spring.",
    ],
)
def test_an_urging_or_an_agreement_to_coordinate_is_expected(text):
    assert event_mentions(text, date(2026, 1, 3))[-1].status == "expected"


def test_an_exclamation_mark_inside_a_quoted_title_ends_no_sentence():
    text = 'Lantern Records has canceled its "Sora! LIVE 2025" concert, which was slated for Saturday and Sunday.'
    assert split_sentences(text) == [(0, len(text))]


def test_a_line_break_after_an_abbreviated_month_ends_the_sentence():
    text = "Mori was scheduled to sing in Sora on 29 Nov.\n\nOn 28 Nov, the concert was hastily cancelled."
    assert len(split_sentences(text)) == 2


def test_a_plan_that_was_slated_for_a_day_now_past_is_cancelled_when_the_sentence_calls_it_off():
    text = 'Lantern Records has canceled its "Sora! LIVE 2025" concert, which was slated for Saturday and Sunday.'
    assert [m.status for m in event_mentions(text, date(2025, 12, 3))] == ["cancelled"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("On 28 Nov, the concert was hastily cancelled, one of many such incidents.", "happened"),
        ("The port summit was postponed on Monday.", "happened"),
        ("The Sora concert on 29 Nov was cancelled.", "cancelled"),
    ],
)
def test_the_day_something_was_called_off_is_a_day_that_happened(text, status):
    assert [m.status for m in event_mentions(text, date(2025, 12, 3))] == [status]
