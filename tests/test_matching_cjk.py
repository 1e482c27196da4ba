"""Matching Japanese and Korean sentences to the seed's English events."""

import datetime

import pytest

from newsroom.ingest import actor_patterns, actors_in
from newsroom.matching_cjk import matching_events_cjk, quote_kinds

pytestmark = pytest.mark.django_db


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def slugs(quote, earliest, latest=None, precision="day", status="happened", language="ja"):
    actors = actors_in(quote, actor_patterns())
    matches = matching_events_cjk(
        d(earliest), d(latest or earliest), precision, quote, actors, status=status, language=language
    )
    return [m.event.slug for m in matches]


def test_the_kind_named_last_is_the_head():
    kinds = quote_kinds("首相は奈良を訪問し、首脳会談を行った。")
    assert kinds["summit"] > kinds["visit"]


def test_of_two_kinds_joined_by_and_the_second_is_the_head():
    # The reader proposes the first on its own, quoted up to its name.
    kinds = quote_kinds("두 정상은 정상회담 및 만찬을 했다.", "ko")
    assert kinds["meal"] > kinds["summit"]
    assert quote_kinds("두 정상은 정상회담", "ko")["summit"] == 1.0


def test_a_korean_clause_with_no_kind_of_its_own_names_none():
    assert quote_kinds("대통령은 호류지를 방문한 뒤 귀국했다.", "ko") == {}


def test_a_sentence_on_the_talks_finds_the_talks_not_the_dinner(seed):
    assert (
        slugs("高市首相は13日、奈良で李在明大統領と首脳会談を行った。", "2026-01-13")[0] == "takaichi-lee-summit-nara"
    )


def test_a_dinner_sentence_finds_the_dinner(seed):
    assert slugs("다카이치 총리는 13일 이재명 대통령과 만찬을 함께했다.", "2026-01-13", language="ko")[0] == (
        "takaichi-lee-dinner-drums"
    )


def test_a_visit_finds_the_visit_and_talks_during_it_too(seed):
    assert slugs("이 대통령은 지난 4일부터 베이징을 방문했다.", "2026-01-04", "2026-01-07", "span", language="ko")[
        0
    ] == ("lee-state-visit-china")


def test_a_sentence_sharing_no_actor_or_place_matches_nothing(seed):
    assert slugs("カナダの首相は13日に来日し、首脳会談を行う。", "2026-01-13", status="scheduled") == []


def test_a_sentence_naming_nobody_needs_its_own_kind_on_the_same_dates(seed):
    assert slugs("メローニ首相は15日に来日し、国会で演説する。", "2026-01-15", status="scheduled") == []
    assert slugs("13日に始まった首脳会談。", "2026-01-13")[0] == "takaichi-lee-summit-nara"


def test_a_cancelled_event_is_not_what_a_sentence_reports_done(seed):
    assert "trilateral-summit-china-refused" not in slugs(
        "日中韓首脳会談は10日、東京で開かれた。", "2026-01-10", status="happened"
    )


def test_a_trilateral_meeting_is_not_a_bilateral_one(seed):
    found = slugs(
        "한중일 정상회의가 이달 중 열릴 예정이었으나 중국이 거부했다.",
        "2026-01-01",
        "2026-01-13",
        "span",
        "cancelled",
        "ko",
    )
    assert found[0] == "trilateral-summit-china-refused"


def test_an_occasion_held_on_the_date_is_the_head():
    quote = "両首脳は13日に奈良市で行われた会談で、往来を続けることで合意した。"
    kinds = quote_kinds(quote, "ja", date_at=quote.index("13日"))
    assert kinds["talks"] > kinds["agreement"]
    quote = "두 정상은 13일 서울에서 열린 회담에서 교류를 늘리기로 합의했다."
    kinds = quote_kinds(quote, "ko", date_at=quote.index("13일"))
    assert kinds["talks"] > kinds["agreement"]


def test_an_occasion_named_only_as_the_setting_is_not_the_head():
    quote = "지난해 10월 회담에서 대통령이 서울 방문을 제안했다."
    kinds = quote_kinds(quote, "ko", date_at=0)
    assert kinds["visit"] > kinds["talks"]


def test_the_talks_held_on_the_date_find_the_talks_not_what_was_agreed_there(seed):
    quote = "高市首相と李大統領は13日に奈良市で行われた首脳会談で、往来を続けることで合意した。"
    actors = actors_in(quote, actor_patterns())
    matches = matching_events_cjk(
        d("2026-01-13"), d("2026-01-13"), "day", quote, actors, status="happened", date_at=quote.index("13日")
    )
    assert matches[0].event.slug == "takaichi-lee-summit-nara"


def test_a_visit_is_not_the_talks_held_during_it(seed):
    # The timeline's meeting at APEC is one occasion of the trip, not the trip.
    quote = "다카이치 총리는 30일 경주를 방문했다."
    assert slugs(quote, "2025-10-30", language="ko") == []


def test_an_event_sharing_only_a_kind_named_in_passing_is_not_reported(seed):
    quote = "이재명 대통령과 다카이치 총리는 13일 정상회담을 마친 뒤 열병식을 참관했다."
    assert slugs(quote, "2026-01-13", language="ko") == []


def test_each_occasion_of_a_list_ending_in_etc_is_the_head():
    quote = "대통령은 5일 오후 환영식부터 정상회담, 서명식, 국빈 만찬 등 일정을 소화했다."
    kinds = quote_kinds(quote, "ko", date_at=quote.index("5일"))
    assert kinds["summit"] == kinds["meal"] == 1.0


def test_a_dated_press_conference_is_the_occasion_not_what_was_said_there():
    quote = "외교부 대변인은 17일 기자회견에서 총리가 일본 정상과 회담할 계획이 없다고 말했다."
    kinds = quote_kinds(quote, "ko", date_at=quote.index("17일"))
    assert kinds["press"] > kinds["talks"]
    quote = "報道官は17日の記者会見で、首相が日本の首脳と会談する予定はないと述べた。"
    kinds = quote_kinds(quote, "ja", date_at=quote.index("17日"))
    assert kinds["press"] > kinds["talks"]


def test_occasions_named_inside_quoted_speech_are_not_what_the_sentence_reports():
    quote = '대통령은 28일 페이스북에 "경주에서 열리는 정상회의에서 총리를 만나기를 고대한다"고 밝혔다.'
    assert quote_kinds(quote, "ko") == {}
    quote = "首相は28日、「奈良での首脳会談を楽しみにしている」と述べた。"
    assert "summit" not in quote_kinds(quote, "ja")
    # A long 「…」 is someone's words or a title, whatever follows it.
    quote = "総領事は8日、記事「首相、台湾有事で首脳会談を求める考え」を引用して投稿した。"
    assert quote_kinds(quote, "ja") == {"post": 1.0}


def test_a_luncheon_is_a_meal():
    assert "meal" in quote_kinds("대통령은 7일 기자단과 오찬을 했다.", "ko")
    assert "meal" in quote_kinds("首相は7日、記者団と昼食会を開いた。", "ja")


def test_an_arrival_is_a_leg_of_the_visit_not_the_visit(seed):
    quote = "이 대통령은 4일 베이징에 도착했다."
    assert slugs(quote, "2026-01-04", language="ko") == []
    assert "arrival" in quote_kinds("大統領は4日、北京に到着した。")


def test_a_trilateral_meeting_finds_no_event_of_two(seed):
    quote = "다카이치 총리는 3월 한중일 정상회의를 개최할 방침이다."
    found = slugs(quote, "2026-03-01", "2026-03-31", "month", "expected", "ko")
    assert "takaichi-spring-visit-united-states" not in found


def test_meeting_again_is_talks():
    assert "talks" in quote_kinds("大統領は5日、主席と約2カ月ぶりに再会した。")
    assert "talks" in quote_kinds("대통령은 5일 주석과 두 달 만에 재회했다.", "ko")


def test_taking_office_is_an_event_of_its_own(seed):
    quote = "지난해 총리 취임 후 세 번째 만남이다."
    kinds = quote_kinds(quote, "ko", date_at=0)
    assert kinds["inauguration"] > kinds["talks"]
    assert slugs("다카이치 총리는 지난해 10월 취임했다.", "2025-10-01", "2025-10-31", "month", language="ko") == []


def test_dual_use_items_are_named_with_or_without_a_space(seed):
    quote = "지난 6일 중국 상무부는 이중 용도 품목의 일본 수출을 금지했다."
    assert slugs(quote, "2026-01-06", language="ko")[0] == "china-dual-use-export-ban"


def test_posting_about_an_occasion_is_not_the_occasion(seed):
    quote = "両首脳は2026年1月13日、奈良市内で行われた首脳会談の様子をXで報告した。"
    assert quote_kinds(quote, "ja", date_at=quote.index("2026"))["post"] == 1.0
    assert "takaichi-lee-summit-nara" not in slugs(quote, "2026-01-13")


def test_a_glossed_name_of_the_day_is_still_its_name(seed):
    quote = "일본 정부는 오는 22일 열리는 ‘다케시마(일본 측 명칭)의 날’ 행사에 정무관을 보낸다."
    assert "takeshima-day" in quote_kinds(quote, "ko")
    assert slugs(quote, "2026-02-22", status="scheduled", language="ko")[0] == "takeshima-day-2026"
    assert "takeshima-day" in quote_kinds("島根県は22日、竹島（韓国名・独島）の日の式典を開いた。", "ja")


def test_mentioning_is_a_remark():
    assert quote_kinds("총리는 지난 7일 국회에서 대만 유사시를 언급했다.", "ko")["remark"] == 1.0


def test_insisting_at_an_occasion_is_a_remark_made_there():
    quote = "首相は昨年の党首選当時、港の式典には大臣が出るべきだと主張していた。"
    assert quote_kinds(quote, "ja")["remark"] == 1.0
    assert quote_kinds("총리는 작년 당 대표 선거 당시 장관이 참석해야 한다고 주장했다.", "ko")["remark"] == 1.0


def test_a_meeting_of_two_is_not_the_planned_meeting_of_three(seed):
    quote = "시진핑 중국 국가주석과의 정상회담은 5일 예정됐다."
    assert "trilateral-summit-china-refused" not in slugs(quote, "2026-01-05", status="scheduled", language="ko")


def test_an_event_of_a_person_the_article_never_names_is_not_matched(seed):
    from newsroom.matching_cjk import matching_events_cjk

    quote = "양국 정상은 지난해 10월 APEC 정상회의를 계기로 정상회담을 가졌다."
    actors = actors_in(quote, actor_patterns())

    def found(article):
        matches = matching_events_cjk(
            d("2025-10-01"), d("2025-10-31"), "month", quote, actors, language="ko", article=article
        )
        return [m.event.slug for m in matches]

    assert "apec-gyeongju-first-takaichi-lee-meeting" in found(f"이재명 대통령과 다카이치 총리. {quote}")
    assert "apec-gyeongju-first-takaichi-lee-meeting" not in found(f"이재명 대통령과 시진핑 주석. {quote}")


def test_announcing_an_occasion_is_not_the_occasion(seed):
    quote = "政府は9日、大統領が来週、奈良を訪れ、首脳会談を行うと発表した。"
    assert quote_kinds(quote, "ja")["announce"] == 1.0
    assert slugs(quote, "2026-01-09") == []
    quote = "대통령실은 9일 대통령이 다음 주 나라를 방문한다고 발표했다."
    assert quote_kinds(quote, "ko")["announce"] == 1.0


def test_a_joint_press_statement_is_the_press_conference(seed):
    quote = "이재명 대통령과 다카이치 사나에 총리가 13일 나라현에서 공동언론발표를 하고 있다."
    kinds = quote_kinds(quote, "ko")
    assert kinds["press"] == 1.0 and "announce" not in kinds
    assert slugs(quote, "2026-01-13", language="ko")[0] == "takaichi-lee-joint-press-conference"


def test_a_handshake_caption_is_the_meeting(seed):
    quote = "握手を交わす韓国の李大統領(左)と中国の習国家主席(1月5日、北京で)"
    assert slugs(quote, "2026-01-05")[0] == "xi-lee-summit-beijing"


def test_an_organisation_named_as_the_medium_does_not_rule_the_event_out(seed):
    quote = "13일 방일 앞두고 NHK 인터뷰"
    actors = actors_in(quote, actor_patterns())
    matches = matching_events_cjk(d("2026-01-13"), d("2026-01-13"), "day", quote, actors, language="ko", date_at=0)
    assert [m.event.slug for m in matches][:1] == ["lee-visit-japan-january-2026"]


@pytest.mark.parametrize(
    "quote, language, date_word, head, other",
    [
        # the occasion a date names before 이후/以降 (since) or 앞두고 (ahead of)
        ("중국은 이달 총리의 대만 개입 발언 이후 수산물 수입을 금지했다.", "ko", "이달", "remark", "ban"),
        ("中国は先月の首相の発言以降、水産物の輸入を禁止した。", "ja", "先月", "remark", "ban"),
        ("13일 방일 앞두고 NHK 인터뷰", "ko", "13일", "visit", "interview"),
        # past a cut after an occasion ("정상회담 후", "会談後、"), the event that followed
        ("두 정상은 13일 정상회담 후 공동언론발표를 통해 이같이 밝혔다.", "ko", "13일", "press", "summit"),
        ("両首脳は13日、首脳会談後、共同記者会見を行った。", "ja", "13日", "press", "summit"),
    ],
)
def test_the_event_a_date_dates_outranks_the_other_kinds_named(quote, language, date_word, head, other):
    kinds = quote_kinds(quote, language, date_at=quote.index(date_word))
    assert kinds[head] > kinds[other]


def test_a_visit_is_the_visitors_though_the_article_never_names_the_host(seed):
    from newsroom.matching_cjk import matching_events_cjk

    quote = "李在明大統領は来週、日本を訪れる予定だ。"
    actors = actors_in(quote, actor_patterns())
    matches = matching_events_cjk(
        d("2026-01-12"), d("2026-01-18"), "week", quote, actors, language="ja", article=f"上海で会見。{quote}"
    )
    assert [m.event.slug for m in matches][:1] == ["lee-visit-japan-january-2026"]


def test_announcing_a_measure_is_the_measure(seed):
    quote = "중국 상무부는 6일 이중용도 품목의 대일 수출 통제 강화에 관한 고시를 발표했다."
    assert quote_kinds(quote, "ko")["ban"] == 1.0
    assert slugs(quote, "2026-01-06", language="ko")[0] == "china-dual-use-export-ban"


def test_a_dated_press_conference_named_for_what_it_announced_dates_that(seed):
    quote = "다카이치 총리는 지난달 19일 중의원 해산 발표 기자회견에서 개헌 의지를 밝힌 바 있다."
    assert quote_kinds(quote, "ko", quote.index("지난달"))["dissolution"] == 1.0


def test_a_press_conference_named_by_its_place_is_where_something_was_said(seed):
    quote = "다카이치 총리는 오늘 총리 관저 기자회견에서 조기 총선 방침을 공식 표명했다."
    kinds = quote_kinds(quote, "ko", quote.index("오늘"))
    assert kinds.get("press") != 1.0


def test_a_halt_to_imports_and_a_visit_advisory_are_measures_but_a_resumption_is_not(seed):
    measures = "china-export-controls-and-travel-advisory"
    assert slugs("中国政府は20日、日本産牛肉の輸入を停止した。", "2025-11-21")[:1] == [measures]
    assert slugs("중국 외교부는 지난 20일 일본 방문 주의보를 발령했다.", "2025-11-21", language="ko")[:1] == [measures]
    assert slugs("11月上旬、日本産牛肉の中国向け輸出が再開された。", "2025-11-21") == []


def test_an_occasion_the_date_names_outright_is_the_one_it_dates(seed):
    quote = "한중 정상은 5일 정상회담에서 어업 협력 회의를 연내 열기로 합의했다."
    kinds = quote_kinds(quote, "ko", quote.index("5일"))
    assert kinds["summit"] == 1.0
    matches = matching_events_cjk(
        d("2026-01-05"), d("2026-01-05"), "day", quote, [], status="happened", language="ko", date_at=quote.index("5일")
    )
    assert [m.event.slug for m in matches][:1] == ["xi-lee-summit-beijing"]


def test_a_meeting_of_other_people_is_not_a_visit_one_of_them_hosts(seed):
    quote = "トランプ大統領は4月に北京で習近平国家主席と会談する予定だ。"
    assert "takaichi-spring-visit-united-states" not in slugs(quote, "2026-04-01", "2026-04-30", "month", "scheduled")


def test_words_said_in_the_opening_remarks_of_an_occasion_were_said_at_it():
    quote = '다카이치 총리는 이날 오후 나라시에서 열린 한일 정상회담 모두발언에서 "협력을 넓히겠다"며 이같이 밝혔다.'
    assert quote_kinds(quote, "ko", quote.index("이날"))["summit"] == 1.0


def test_last_years_occasion_is_neither_this_years_nor_a_remark_about_it(seed):
    quote = "한국 정부는 지난해 '다케시마의 날' 행사가 열린 직후 대변인 성명을 냈다."
    found = slugs(quote, "2025-01-01", "2025-12-31", "year", language="ko")
    assert "takeshima-day-2026" not in found  # a stated year is not the February after it
    assert "takaichi-ldp-race-takeshima-day-remark" not in found  # neither the remark nor its speaker is named


def test_a_stated_span_of_years_is_not_the_year_after_it(seed):
    quote = "高市氏は2022年から2024年にかけて竹島の日について繰り返し発言した。"
    assert "takaichi-ldp-race-takeshima-day-remark" not in slugs(quote, "2022-01-01", "2024-12-31", "span")
    # A stated span of days still finds an event a day or two away.
    assert slugs("高市首相と李大統領は13日から14日にかけて奈良で会談した。", "2026-01-12", "2026-01-12", "span")


def test_three_countries_written_with_dots_are_a_trilateral_meeting():
    assert "trilateral" in quote_kinds("일본은 내년 1월 한·중·일 정상회의 개최를 타진했다.", "ko")
    assert "trilateral" in quote_kinds("日・中・韓首脳会議の開催を打診した。", "ja")


def test_words_quoted_as_a_stand_are_not_the_occasions_the_sentence_reports():
    quote = "중국은 관계국에 “총리가 대응하지 않기 때문에 정상회의에 응할 수 없다”는 의사를 전달했다."
    assert "summit" not in quote_kinds(quote, "ko")


def test_a_remark_known_only_by_its_year_is_found_from_a_day_of_that_year(seed):
    quote = "高市氏は昨年9月27日、総裁選のネット番組で「竹島の日」に大臣が出席すべきだと述べた。"
    assert slugs(quote, "2025-09-27") == ["takaichi-ldp-race-takeshima-day-remark"]
