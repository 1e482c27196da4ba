"""Korean date expressions, each rule from a sentence written for it."""

import datetime

import pytest

from newsdates.language import detect_language, mentions_in

PUBLISHED = datetime.date(2026, 3, 12)  # a Thursday


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def read(text: str, published=PUBLISHED):
    return [(m.earliest, m.latest, m.precision, m.status) for m in mentions_in(text, published, "ko")]


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("양국 외교장관은 2026년 1월 13일 회담했다.", "2026-01-13", "2026-01-13", "day"),
        ("장관은 10일 기자회견을 열었다.", "2026-03-10", "2026-03-10", "day"),
        ("대표단은 지난 25일 귀국했다.", "2026-02-25", "2026-02-25", "day"),
        ("대표단은 지난 9일 귀국했다.", "2026-03-09", "2026-03-09", "day"),
        ("정상회담은 오는 20일 열린다.", "2026-03-20", "2026-03-20", "day"),
        ("정상회담은 오는 3일 열린다.", "2026-04-03", "2026-04-03", "day"),
        ("양국은 지난달 협의를 재개했다.", "2026-02-01", "2026-02-28", "month"),
        ("총리는 다음 달 중순 방한한다.", "2026-04-11", "2026-04-20", "part_of_month"),
        ("선거는 5월 하순 치러진다.", "2026-05-21", "2026-05-31", "part_of_month"),
        ("공장은 7월 초 가동된다.", "2026-07-01", "2026-07-10", "part_of_month"),
        ("대통령은 지난해 11월 취임했다.", "2025-11-01", "2025-11-30", "month"),
        ("협정은 지난 6월 발효됐다.", "2025-06-01", "2025-06-30", "month"),
        ("장관은 어제 현장을 방문했다.", "2026-03-11", "2026-03-11", "day"),
        ("대통령은 내일(13일) 출국한다.", "2026-03-13", "2026-03-13", "day"),
        ("장관은 다음 주 화요일 방미한다.", "2026-03-17", "2026-03-17", "day"),
        ("대통령은 20일부터 22일까지 중국을 방문한다.", "2026-03-20", "2026-03-22", "span"),
        ("대표단은 오는 16~18일 서울에 머문다.", "2026-03-16", "2026-03-18", "span"),
        ("총리는 20일부터 1박2일 일정으로 방한한다.", "2026-03-20", "2026-03-21", "span"),
        ("총리는 20일부터 총 3일 간의 일정으로 방한한다.", "2026-03-20", "2026-03-22", "span"),
        ("조약은 3년 전 체결됐다.", "2023-01-01", "2023-12-31", "year"),
        ("회담은 16, 17일 열린다.", "2026-03-16", "2026-03-17", "span"),
        ("대통령은 4월 6∼7일 미국을 방문한다.", "2026-04-06", "2026-04-07", "span"),
        ("대통령은 2일 출국할 예정이다.", "2026-04-02", "2026-04-02", "day"),
        ("대통령은 지난 주말 현장을 찾았다.", "2026-03-07", "2026-03-08", "span"),
        ("총리는 이번 주말 방한한다.", "2026-03-14", "2026-03-15", "span"),
        ("정부는 올 하반기 협상을 재개한다.", "2026-07-01", "2026-12-31", "span"),
        ("회담은 16일과 17일 열린다.", "2026-03-16", "2026-03-17", "span"),
        ("총리는 연말 방한할 것으로 알려졌다.", "2026-12-01", "2026-12-31", "month"),
    ],
)
def test_each_expression_resolves_against_the_publication_date(text, earliest, latest, precision):
    assert read(text)[0][:3] == (d(earliest), d(latest), precision)


def test_this_day_and_the_next_day_follow_the_day_just_named():
    found = read("정부는 3일 규제를 발표했다. 이날 대사를 불러 항의했고, 이튿날 추가 조치를 내놨다.")
    assert [x[0] for x in found][:2] == [d("2026-03-03"), d("2026-03-03")]
    assert d("2026-03-04") in [x[0] for x in found]


def test_the_day_before_is_before_the_day_just_named():
    found = read("회담은 5일 열렸다. 전날 실무 협의가 있었다.")
    assert found[1][0] == d("2026-03-04")


def test_this_day_is_the_news_day_not_the_last_day_named():
    # The lead reports the 12th; the 11th is named in passing; "전날" and
    # "이날" count from the lead's day, not from the 11th.
    found = read(
        "두 장관은 12일 부산에서 항만 시설을 둘러봤다. 양측은 11일 협정에 서명했다. "
        "장관들은 전날 서명식에 이어 이날 오후 조선소를 찾았다."
    )
    assert [x[0] for x in found] == [d("2026-03-12"), d("2026-03-11"), d("2026-03-11"), d("2026-03-12")]


def test_this_day_without_a_day_in_the_lead_is_the_publication_day():
    found = read(
        "정부가 제재안을 공개했다. 수출이 막혔다. 업계는 반발했다. "
        "외교부는 지난 5일 대사를 불렀다. 이날 외교부는 추가 조치를 예고했다."
    )
    assert [x[0] for x in found] == [d("2026-03-05"), PUBLISHED]


def test_this_day_after_a_day_in_its_own_sentence_is_that_day():
    found = read("총리는 10일 중국을 찾았다. 대표단은 지난 8일 도착해 이날 만찬에 참석했다.")
    # "이날" is the same day, not the lead's 10th: the arrival and the dinner, both on the 8th.
    assert [x[0] for x in found] == [d("2026-03-10"), d("2026-03-08"), d("2026-03-08")]


def test_the_same_day_and_the_day_after_follow_the_day_just_named():
    found = read("장관은 12일 귀국했다. 공장은 9일 멈췄다. 같은 날 노조가 파업했고, 다음 날 협상이 열렸다.")
    assert [x[0] for x in found] == [d("2026-03-12"), d("2026-03-09"), d("2026-03-09"), d("2026-03-10")]


def test_the_next_day_with_a_day_number_is_that_day():
    assert read("총영사가 다음 날인 9일 글을 올렸다.")[0][0] == d("2026-03-09")


def test_during_the_visit_is_the_visit_just_named():
    found = read("총리는 오는 20~22일 방한한다. 방문 기간에 정상회담을 할 예정이다.")
    assert found[-1] == (d("2026-03-20"), d("2026-03-22"), "span", "scheduled")


def test_counting_expressions_date_nothing():
    assert read("양국 정상회담은 9년 만이며 우리 기업은 14년 연속 1위를 지켰고 향후 3~4년간 유지할 전망이다.") == []


def test_a_stated_length_far_from_a_day_dates_nothing():
    assert read("총리는 3일간 유럽을 순방한다.") == []


@pytest.mark.parametrize(
    "text, status",
    [
        ("대통령은 20일 방일할 예정이다.", "scheduled"),
        ("양국은 20일 정상회담을 추진하고 있다.", "expected"),
        ("정부는 20일 개최를 검토하고 있다.", "expected"),
        ("회담은 20일 열릴 가능성이 크다.", "expected"),
        ("20일 예정됐던 회담이 취소됐다.", "cancelled"),
        ("20일 열릴 예정이던 행사가 연기됐다.", "cancelled"),
        ("대통령은 10일 방일했다.", "happened"),
        ("대통령은 12일 오전 출국했다.", "happened"),
        ("대통령은 12일 밤 출국한다.", "scheduled"),
    ],
)
def test_status_comes_from_the_sentences_own_markers(text, status):
    assert read(text)[0][3] == status


def test_a_date_governing_an_itinerary_gives_one_mention_per_stop():
    mentions = mentions_in("대통령은 5일 오전 포럼에 참석한 뒤 오후 정상회담을 했다.", PUBLISHED, "ko")
    assert [m.earliest for m in mentions] == [d("2026-03-05"), d("2026-03-05")]
    assert mentions[0].sentence == "대통령은 5일 오전 포럼에 참석한 뒤"
    assert mentions[1].sentence.endswith("했다.")


def test_a_report_verb_takes_the_date_of_the_report():
    found = read("대통령실은 11일 대통령이 15일 출국한다고 밝혔다.")
    assert sorted((x[0], x[3]) for x in found) == [(d("2026-03-11"), "happened"), (d("2026-03-15"), "scheduled")]


def test_sentences_end_without_a_space_after_the_full_stop():
    mentions = mentions_in("장관은 10일 회견했다.11일에는 귀국했다.", PUBLISHED, "ko")
    assert [m.sentence for m in mentions] == ["장관은 10일 회견했다.", "11일에는 귀국했다."]


def test_a_date_in_quoted_speech_keeps_its_own_tense():
    found = read('관계자는 "5월 3일 열리는 행사에는 총리가 참석한다"고 말했다.')
    assert found[0][0] == d("2026-05-03")


def test_quoted_speech_is_not_cut_into_events():
    assert len(read('장관은 10일 "협력을 강화하고 대화를 이어가겠다"고 밝혔다.')) == 1


def test_deliver_is_not_last_month():
    assert read("정부는 이날 입장을 전달했다.", PUBLISHED) == [(PUBLISHED, PUBLISHED, "day", "happened")]


def test_hangul_is_korean():
    assert detect_language("이재명 대통령은 13일 나라에서 다카이치(高市) 총리와 회담했다.") == "ko"


def test_an_english_sentence_quoting_a_korean_name_stays_english():
    assert detect_language("President Lee Jae-myung (이재명) met Takaichi on Tuesday.") == "en"


def test_a_long_article_reports_how_far_it_has_been_read():
    text = "시장은 12일 새 부두를 둘러봤다. " * 2000
    seen: list[int] = []
    mentions_in(text, PUBLISHED, "ko", progress=seen.append)
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == len(text)


def test_a_part_of_a_month_further_off_dates_an_event_of_its_own():
    found = read("양국은 다음 달 하순 예정된 총리 방한에 맞춰 25일 정상회담을 여는 방안을 조율하고 있다.")
    assert found == [
        (d("2026-04-21"), d("2026-04-30"), "part_of_month", "scheduled"),
        (d("2026-04-25"), d("2026-04-25"), "day", "expected"),
    ]


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("장관은 오늘부터 이틀간 도쿄를 방문한다.", "2026-03-12", "2026-03-13"),
        ("총리는 20일부터 사흘 동안 방한한다.", "2026-03-20", "2026-03-22"),
        ("대표단은 16일부터 나흘 일정으로 머문다.", "2026-03-16", "2026-03-19"),
    ],
)
def test_a_length_in_native_numbers_counts_from_its_day(text, earliest, latest):
    assert read(text)[0][:3] == (d(earliest), d(latest), "span")


def test_days_counted_in_native_numbers_date_nothing():
    assert read("협상은 이틀 만에 타결됐다.") == []


def test_the_formal_present_of_broadcast_news_looks_ahead():
    assert read("대통령은 오늘 오후 기업인들과 간담회를 합니다.")[0][3] == "scheduled"
    assert read("대통령은 오늘 오전 기업인들과 간담회를 했습니다.")[0][3] == "happened"
    assert read("오늘은 두 정상이 만난 지 1년째 되는 날입니다.")[0][3] == "happened"


def test_a_topic_before_next_week_is_not_a_clause_end():
    assert [x[:3] for x in read("대통령은 다음 주 방미한다.")] == [(d("2026-03-16"), d("2026-03-22"), "span")]


def test_roughly_mid_month_is_mid_month():
    assert read("총리는 다음 달 중순께 방한한다.")[0][:3] == (d("2026-04-11"), d("2026-04-20"), "part_of_month")


def test_a_plan_denied_is_no_event():
    assert read("대통령은 20일 방미할 계획은 없다고 밝혔다.") == []
    assert read("대통령은 20일 방미할 계획이라고 밝혔다.")[0][3] == "scheduled"


def test_one_date_for_two_occasions_gives_two_mentions():
    found = mentions_in("두 정상은 20일 서울에서 정상회담 및 오찬을 한다.", PUBLISHED, "ko")
    assert [m.sentence for m in found] == [
        "두 정상은 20일 서울에서 정상회담",
        "두 정상은 20일 서울에서 정상회담 및 오찬을 한다.",
    ]
    assert {m.earliest for m in found} == {d("2026-03-20")}


def test_a_pair_of_the_same_occasion_is_one_mention():
    assert len(read("두 정상은 20일 회담과 회담을 잇따라 했다.")) == 1


def test_a_meeting_told_in_a_relative_clause_is_an_event_of_its_own():
    found = mentions_in("총리는 10일 회담한 한국 대통령으로부터 선물을 받았다.", PUBLISHED, "ko")
    assert [m.sentence for m in found] == [
        "총리는 10일 회담한",
        "총리는 10일 회담한 한국 대통령으로부터 선물을 받았다.",
    ]
    # "…만찬을 가진 두 정상은 14일 …": the dinner is the 13th's, not the 14th's.
    found = mentions_in("13일 만찬을 가진 두 정상은 14일 오전 사찰을 방문한다.", PUBLISHED, "ko")
    assert [(m.earliest.day, m.sentence) for m in found] == [
        (13, "13일 만찬을 가진"),
        (14, "13일 만찬을 가진 두 정상은 14일 오전 사찰을 방문한다."),
    ]


def test_this_day_in_a_schedule_told_ahead_is_the_coming_day_just_named():
    found = read("대통령은 10일 출국했다. 대통령은 오는 20일 도쿄에 도착한다. 이날 저녁 만찬이 열린다.")
    assert [x[0] for x in found] == [d("2026-03-10"), d("2026-03-20"), d("2026-03-20")]
    found = read("대통령은 10일 출국했다. 대통령은 오는 20일 도쿄에 도착한다. 이날 외교부는 일정을 공개했다.")
    assert [x[0] for x in found] == [d("2026-03-10"), d("2026-03-20"), d("2026-03-10")]


def test_the_other_clocks_day_is_the_same_event():
    assert [x[0] for x in read("대통령은 7일 오전(한국시간 8일 새벽) 정상회담을 했다.")] == [d("2026-03-07")]


def test_a_captions_date_stamp_gives_its_day_its_month():
    text = "두 정상이 31일 서울에서 악수하고 있다. 2025.10.31\n총리는 10일 귀국했다."
    assert read(text, d("2026-01-11")) == [
        (d("2025-10-31"), d("2025-10-31"), "day", "happened"),
        (d("2026-01-10"), d("2026-01-10"), "day", "happened"),
    ]


def test_a_plan_turned_down_or_replaced_is_cancelled():
    published = d("2025-11-23")
    text = "정부가 다음 달 정상회의 개최를 타진했으나, 상대국이 제안을 거부했다."
    assert [x[3] for x in read(text, published)] == ["cancelled"]
    text = "정부는 애초 연내 개최를 추진하다가, 내년 1월 개최를 조율해 왔다."
    assert [x[3] for x in read(text, published)] == ["cancelled", "expected"]


@pytest.mark.parametrize(
    "text, first",
    [
        ("대통령은 7일 시장과 만찬을 갖고 창업 포럼에도 참석한다.", "대통령은 7일 시장과 만찬을 갖고"),
        ("대통령은 7일 기념관 방문을 마지막으로 귀국길에 오른다.", "대통령은 7일 기념관 방문을 마지막으로"),
    ],
)
def test_a_verb_of_holding_or_a_last_stop_closes_its_events_clause(text, first):
    mentions = mentions_in(text, PUBLISHED, "ko")
    assert [m.sentence for m in mentions] == [first, text]


def test_an_occasion_named_before_after_closes_its_clause():
    text = "두 정상은 13일 정상회담 후 공동기자회견을 열었다."
    assert [m.sentence for m in mentions_in(text, PUBLISHED, "ko")] == ["두 정상은 13일 정상회담 후", text]


def test_regarding_is_no_verb_that_closes_a_clause():
    text = "양국은 지난달 발견된 유해와 관련해 협력하기로 했다."
    assert len(mentions_in(text, PUBLISHED, "ko")) == 1


def test_until_the_years_end_runs_from_publication_in_korean():
    assert read("항공사들은 연말까지 수수료를 면제한다.") == [(d("2026-03-12"), d("2026-12-31"), "span", "scheduled")]


def test_a_plan_originally_made_and_then_replaced_is_cancelled():
    found = read("일본은 본래 연내 개최를 추진했으나, 일정을 고려해 내년 1월로 미뤘다.")
    assert found[0][3] == "cancelled"


def test_including_is_no_verb_that_closes_a_clause():
    assert len(mentions_in("대통령은 30일 총리를 비롯해 여러 정상과 만난다.", PUBLISHED, "ko")) == 1


def test_a_joint_press_statement_after_the_summit_is_an_event_of_its_own():
    text = "대통령은 13일 오후 총리와 정상회담 및 공동언론발표 등의 일정을 함께한다."
    assert len(mentions_in(text, PUBLISHED, "ko")) == 2


def test_a_reports_day_is_not_of_the_month_the_reported_clause_named():
    text = "정상회의를 다음 달 개최하려던 계획에 응하지 않겠다고 통신이 10일 보도했다."
    days = [m.earliest for m in mentions_in(text, PUBLISHED, "ko") if m.precision == "day"]
    assert days and set(days) == {d("2026-03-10")}


@pytest.mark.parametrize(
    "text",
    [
        "“일본, 내년 1월 정상회의 개최 타진…中 거부”",
        "일본이 다음 달 정상회의를 여는 방안을 타진했으나, 중국이 거부하고 있다.",
    ],
)
def test_a_plan_another_country_refuses_is_cancelled(text):
    assert read(text)[0][3] == "cancelled"


def test_a_veto_is_no_refusal_of_a_plan():
    assert read("대통령은 다음 달 3일 거부권을 행사할 예정이다.")[0][3] == "scheduled"


def test_a_visit_under_way_from_a_day_runs_to_publication_in_korean():
    assert read("대통령은 10일부터 중국을 방문하고 있다.") == [(d("2026-03-10"), d("2026-03-12"), "span", "happened")]


def test_three_days_listed_with_their_month_are_one_span_from_first_to_last():
    text = "결항편은 4월 3, 7, 11일 세 편이다."
    [(earliest, latest, precision, _)] = read(text, datetime.date(2026, 3, 20))
    assert (str(earliest), str(latest), precision) == ("2026-04-03", "2026-04-11", "span")


def test_a_date_set_off_at_the_head_dates_the_main_clause_not_a_relative_one():
    found = mentions_in("10일, 총리는 방일한 한국 대통령과 북 공연을 했다.", PUBLISHED, "ko")
    assert [m.sentence for m in found] == ["10일, 총리는 방일한 한국 대통령과 북 공연을 했다."]


def test_a_stay_wrapped_up_on_a_day_ends_on_it_and_is_over():
    text = "대통령은 12일 3박4일 방일 일정을 마무리하고 귀국길에 오른다."
    assert (d("2026-03-09"), d("2026-03-12"), "span", "happened") in read(text)


def test_a_day_in_a_relative_clause_on_the_subject_does_not_become_this_day():
    text = (
        "총리는 12일 출국했다. 지난 2일 취임한 그는 이날 오후 대통령과 회담할 예정이다. "
        "다음 날에는 주석과의 회담도 조율 중이다."
    )
    assert read(text) == [
        (d("2026-03-12"), d("2026-03-12"), "day", "happened"),
        (d("2026-03-02"), d("2026-03-02"), "day", "happened"),
        (d("2026-03-12"), d("2026-03-12"), "day", "scheduled"),
        (d("2026-03-13"), d("2026-03-13"), "day", "expected"),
    ]


def test_a_stay_until_a_day_runs_from_publication_to_it():
    text = "총리는 오는 14일까지 서울에 머물며 회의에 참석한다."
    assert read(text)[0] == (d("2026-03-12"), d("2026-03-14"), "span", "scheduled")


def test_an_occasion_and_a_state_dinner_under_one_date_are_two_and_a_clause_ends_at_myeo():
    text = "같은 날 오후에는 정상회담과 국빈 만찬이 이어지며, 양해각서 10여 건의 서명이 예정돼 있다."
    found = mentions_in("대통령은 12일 베이징에 도착한다. " + text, PUBLISHED, "ko")
    assert [m.sentence for m in found][1:] == [
        "같은 날 오후에는 정상회담",
        "같은 날 오후에는 정상회담과 국빈 만찬이 이어지며",
        text,
    ]


def test_held_as_planned_is_not_a_plan_and_centuries_ago_is_no_year():
    assert read("이날 고베시에선 축제가 예정대로 개최됐다.")[0][3] == "happened"
    assert read("두 사람은 양국 간 1500년 전 인연을 되새길 계획이다.") == []


def test_a_length_ended_before_a_day_runs_up_to_that_day():
    text = "지사가 3박4일간의 고베 방문을 마치고 7일 귀국했다."
    assert read(text, d("2026-01-08")) == [
        (d("2026-01-04"), d("2026-01-07"), "span", "happened"),
        (d("2026-01-07"), d("2026-01-07"), "day", "happened"),
    ]


def test_done_again_this_year_has_happened():
    assert read("올해도 고베시는 부지사를 파견했다.")[0][2:] == ("year", "happened")
    assert read("올해도 고베시는 부지사를 파견한다.")[0][2:] == ("year", "scheduled")


def test_a_length_after_a_range_restates_it():
    text = "지사는 오는 30일부터 내달 1일까지 2박 3일간 고베에 머문다."
    assert read(text, d("2025-10-30")) == [(d("2025-10-30"), d("2025-11-01"), "span", "scheduled")]


def test_cancellations_that_followed_an_act_do_not_cancel_it():
    text = "시 당국이 지난 10일 여행 자제를 권고한 뒤 항공권 취소가 잇따랐다."
    assert {m.status for m in mentions_in(text, datetime.date(2026, 3, 12), "ko")} == {"happened"}
    text = "양측은 오는 20일 열릴 예정이던 회의를 취소했다."
    assert [m.status for m in mentions_in(text, datetime.date(2026, 3, 12), "ko")] == ["cancelled"]


def test_a_headlines_ellipsis_joins_a_plan_and_its_refusal():
    assert read("일본, 다음 달 3국 정상회의 타진...중국 거부")[0][3] == "cancelled"
