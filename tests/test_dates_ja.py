"""Japanese date expressions, each rule from a sentence written for it."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdates.language import detect_language, mentions_in

PUBLISHED = datetime.date(2026, 3, 12)  # a Thursday


def d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def read(text: str, published=PUBLISHED):
    return [(m.earliest, m.latest, m.precision, m.status) for m in mentions_in(text, published, "ja")]


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("外相は2026年1月13日に会談した。", "2026-01-13", "2026-01-13", "day"),
        ("外相は１０日、記者会見を開いた。", "2026-03-10", "2026-03-10", "day"),
        ("首相は2月27日に帰国した。", "2026-02-27", "2026-02-27", "day"),
        ("両首脳は来月8日に会う予定だ。", "2026-04-08", "2026-04-08", "day"),
        ("大使は先月20日に着任した。", "2026-02-20", "2026-02-20", "day"),
        ("総裁は昨年11月に就任した。", "2025-11-01", "2025-11-30", "month"),
        ("放出はおととし8月に始まった。", "2024-08-01", "2024-08-31", "month"),
        ("会議は令和8年5月に開かれる。", "2026-05-01", "2026-05-31", "month"),
        ("協定は平成27年に結ばれた。", "2015-01-01", "2015-12-31", "year"),
        ("大臣はきのう現地を視察した。", "2026-03-11", "2026-03-11", "day"),
        ("首相はきょう午後、談話を発表した。", "2026-03-12", "2026-03-12", "day"),
        ("代表団はあす出発する。", "2026-03-13", "2026-03-13", "day"),
        ("両国は先週、協議を再開した。", "2026-03-02", "2026-03-08", "span"),
        ("外相は来週火曜日に訪米する。", "2026-03-17", "2026-03-17", "day"),
        ("交渉は4月下旬に始まる見通しだ。", "2026-04-21", "2026-04-30", "part_of_month"),
        ("式典は来月上旬に行われる。", "2026-04-01", "2026-04-10", "part_of_month"),
        ("選挙は5月中旬に実施される。", "2026-05-11", "2026-05-20", "part_of_month"),
        ("首相は20日から22日まで中国を訪れる。", "2026-03-20", "2026-03-22", "span"),
        ("代表団は16〜18日の日程で滞在する。", "2026-03-16", "2026-03-18", "span"),
        ("首相は3月20日から2泊3日の日程で訪韓する。", "2026-03-20", "2026-03-22", "span"),
        ("輸入は今年1～2月に急減した。", "2026-01-01", "2026-02-28", "span"),
        ("条約は22年8月に発効した。", "2022-08-01", "2022-08-31", "month"),
        ("首相は16、17の両日、訪韓する。", "2026-03-16", "2026-03-17", "span"),
        ("協議は16日と17日に開かれる。", "2026-03-16", "2026-03-17", "span"),
        ("首相は年末に訪中する。", "2026-12-01", "2026-12-31", "month"),
        ("首相はことし5月に訪米することになりました。", "2026-05-01", "2026-05-31", "month"),
        ("外相は15日(日本時間16日)に会談する。", "2026-03-15", "2026-03-15", "day"),
        ("首相は週末に地元を訪れた。", "2026-03-07", "2026-03-08", "span"),
        ("首相は週末に訪米する。", "2026-03-14", "2026-03-15", "span"),
    ],
)
def test_each_expression_resolves_against_the_publication_date(text, earliest, latest, precision):
    assert read(text)[0][:3] == (d(earliest), d(latest), precision)


def test_the_same_day_is_the_day_just_named():
    found = read("政府は2月3日に規制を発表した。同日、大使を呼んで抗議した。")
    assert [x[0] for x in found] == [d("2026-02-03"), d("2026-02-03")]


def test_this_day_is_the_news_day_not_the_last_day_named():
    # The lead reports the 11th; the 10th is named in passing; "前日" and
    # "この日" count from the lead's day.
    found = read(
        "両外相は11日、港湾施設を視察した。両国は10日に協定へ署名した。前日の署名式に続き、この日は造船所を訪れた。"
    )
    assert [x[0] for x in found] == [d("2026-03-11"), d("2026-03-10"), d("2026-03-10"), d("2026-03-11")]


def test_on_the_day_without_a_day_in_the_lead_is_the_publication_day():
    found = read(
        "政府は制裁案を公表した。輸出が止まった。業界は反発した。外務省は5日に大使を呼んだ。当日、外務省は追加措置を示唆した。"
    )
    assert [x[0] for x in found] == [d("2026-03-05"), PUBLISHED]


def test_the_day_after_follows_the_day_just_named():
    found = read("首相は10日に帰国した。工場は6日に停止した。その翌日、労組が交渉を求めた。")
    assert [x[0] for x in found] == [d("2026-03-10"), d("2026-03-06"), d("2026-03-07")]


def test_this_japan_is_no_date():
    assert read("この日本の政策は変わらない。") == []


def test_the_same_year_is_the_year_just_named():
    found = read("法律は19年4月に成立し、同年10月に施行された。")
    assert [(x[0], x[1]) for x in found] == [(d("2019-04-01"), d("2019-04-30")), (d("2019-10-01"), d("2019-10-31"))]


def test_during_the_stay_is_the_stay_just_named():
    found = read("首相は20~23日の日程で訪米する。滞在中、大統領との会談を調整する。")
    assert found[1] == (d("2026-03-20"), d("2026-03-23"), "span", "expected")


def test_counting_expressions_date_nothing():
    assert read("両国の首脳会談は9年ぶりで、交渉は3年間続いた。協議は21回目となる。") == []


def test_a_glossed_day_is_one_mention():
    assert len(read("外相は15日(日本時間16日)に会談する。")) == 1


def test_two_days_apart_are_two_events():
    assert [x[0] for x in read("協議は16日と20日に開かれる。")] == [d("2026-03-16"), d("2026-03-20")]


def test_a_headline_with_one_kana_is_japanese():
    assert detect_language("首相、来月訪米へ") == "ja"


def test_a_stated_length_without_a_day_dates_nothing():
    assert read("首相は3日間の日程で欧州を回る。") == []


@pytest.mark.parametrize(
    "text, status",
    [
        ("首相は20日に訪韓する予定だ。", "scheduled"),
        ("両首脳は20日に会談する見通しだ。", "expected"),
        ("政府は20日の開催を検討している。", "expected"),
        ("両国は20日に会談する方向で調整している。", "expected"),
        ("20日に予定していた会談は中止された。", "cancelled"),
        ("式典は20日に延期された。", "cancelled"),
        ("首相は10日に訪韓した。", "happened"),
        ("首相は12日午前に出発した。", "happened"),
        ("首相は12日夜に出発する。", "scheduled"),
    ],
)
def test_status_comes_from_the_sentences_own_markers(text, status):
    assert read(text)[0][3] == status


def test_a_marker_inside_a_quotation_is_not_the_sentences_own():
    assert read("報道官は12日、「会談の予定はない」と述べた。")[0][3] == "happened"


def test_full_width_digits_keep_offsets_into_the_original_text():
    text = "外相は１０日、会談した。"
    mention = mentions_in(text, PUBLISHED, "ja")[0]
    assert text[mention.start : mention.end] == "１０日"
    assert mention.sentence == text


def test_two_dates_of_one_sentence_each_date_their_own_event():
    found = read("大臣は11日の会見で、15日に開かれる式典に出席すると発表した。")
    assert sorted((x[0], x[3]) for x in found) == [(d("2026-03-11"), "happened"), (d("2026-03-15"), "scheduled")]


def test_a_date_governing_two_clauses_gives_one_mention_each():
    mentions = mentions_in(
        "大臣は11日の会見で、15日の式典への出席を見送り、次官を派遣すると発表した。", PUBLISHED, "ja"
    )
    fifteenth = [m for m in mentions if m.earliest == d("2026-03-15")]
    assert len(fifteenth) == 2
    assert len({m.sentence for m in fifteenth}) == 2


def test_kana_is_japanese():
    assert detect_language("高市首相は13日、奈良で会談した。") == "ja"


PIECES = [
    "9999年12月31日の翌日",
    "0000年1月1日",
    "令和元年",
    "2月30日",
    "13日から2泊3日",
    "同日",
    "滞在中",
    "先週火曜日",
    "1~12月",
    "31~30日",
    "지난 31일",
    "1박2일",
    "12월 31일부터 총 4일 간",
    "이튿날",
    "。",
    "、",
    "\n",
]


@given(
    st.lists(
        st.sampled_from(PIECES) | st.text(alphabet="0123456789０日月年일월지난주말今来先同翌前~、。", max_size=6),
        max_size=12,
    )
)
@settings(max_examples=200, deadline=None)
def test_any_text_gives_mentions_inside_it_and_never_an_error(parts):
    text = "".join(parts)
    for published in ("2026-03-12", "9999-12-30", "0001-01-02"):
        for language in ("ja", "ko"):
            for m in mentions_in(text, published, language):
                assert text[m.start : m.end] == m.text
                assert text[m.sentence_start : m.sentence_start + len(m.sentence)] == m.sentence
                assert m.earliest <= m.latest


def test_a_past_verb_for_a_date_to_come_is_flagged_unless_it_tells_a_plan():
    plan = mentions_in("首相は20日に訪米することになりました。", PUBLISHED, "ja")[0]
    assert plan.status == "scheduled" and plan.flags == ()
    odd = mentions_in("首相は20日に訪米した。", PUBLISHED, "ja")[0]
    assert odd.flags == ("tense_mismatch",)


def test_a_later_day_told_in_the_past_follows_last_month_just_named():
    found = read("両首脳は1月30日に会談した。31日には共同声明を出した。", d("2026-02-02"))
    assert [x[0] for x in found] == [d("2026-01-30"), d("2026-01-31")]
    assert read("首相は31日に帰国した。", d("2026-02-02"))[0][0] == d("2026-01-31")


def test_a_long_article_reports_how_far_it_has_been_read():
    text = "市長は12日、新しい桟橋を視察した。" * 2000
    seen: list[int] = []
    mentions_in(text, PUBLISHED, "ja", progress=seen.append)
    assert len(seen) > 2 and seen == sorted(seen) and seen[-1] == len(text)


def test_a_part_of_a_month_further_off_dates_an_event_of_its_own():
    found = read("両政府は来月上旬に予定する首相の訪米に合わせ、5日に首脳会談を開く方向で調整している。")
    assert found == [
        (d("2026-04-01"), d("2026-04-10"), "part_of_month", "scheduled"),
        (d("2026-04-05"), d("2026-04-05"), "day", "expected"),
    ]


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("首相は20日から三日間の日程で訪米する。", "2026-03-20", "2026-03-22"),
        ("外相は16日から二泊三日で訪韓する。", "2026-03-16", "2026-03-18"),
    ],
)
def test_a_length_in_kanji_numerals_counts_from_its_day(text, earliest, latest):
    assert read(text)[0][:3] == (d(earliest), d(latest), "span")


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("政府は来年度から新制度を始める。", "2026-04-01", "2027-03-31"),
        ("政府は今年度内に法案を提出する。", "2026-03-13", "2026-03-31"),
        ("工事は2027年度中に終わる。", "2027-04-01", "2028-03-31"),
        ("予算は年度末までに執行される。", "2026-03-01", "2026-03-31"),
        ("市長は元日に年頭の談話を出した。", "2026-01-01", "2026-01-01"),
    ],
)
def test_fiscal_years_run_from_april_and_new_years_day_is_the_first(text, earliest, latest):
    assert read(text)[0][:2] == (d(earliest), d(latest))


def test_a_fiscal_year_naming_a_budget_dates_nothing():
    assert read("2026年度予算案が成立した。") == []
    assert read("令和8年度の計画を決めた。") == []


def test_calling_off_a_trip_cancels_it_but_skipping_a_ceremony_does_not():
    assert read("首相は20日の訪韓を見送った。")[0][3] == "cancelled"
    assert read("首相は20日の式典への出席を見送り、副大臣を派遣する。")[0][3] == "scheduled"


def test_a_plan_denied_is_no_event():
    assert read("首相は20日に訪米する予定はないと述べた。") == []


def test_one_date_for_two_occasions_gives_two_mentions():
    found = mentions_in("両首脳は20日、東京で会談と夕食会に臨む。", PUBLISHED, "ja")
    assert [m.sentence for m in found] == ["両首脳は20日、東京で会談", "両首脳は20日、東京で会談と夕食会に臨む。"]


def test_a_meeting_told_in_a_relative_clause_is_an_event_of_its_own():
    found = mentions_in("首相は10日夜に会談した韓国の大統領から、記念品を贈られた。", PUBLISHED, "ja")
    assert [m.sentence for m in found] == [
        "首相は10日夜に会談した",
        "首相は10日夜に会談した韓国の大統領から、記念品を贈られた。",
    ]
    found = mentions_in("13日に夕食会を開いた両首脳は、14日に寺を訪れる。", PUBLISHED, "ja")
    assert [(m.earliest.day, m.sentence) for m in found] == [
        (13, "13日に夕食会を開いた"),
        (14, "13日に夕食会を開いた両首脳は、14日に寺を訪れる。"),
    ]
    # A meeting that times the main clause, or is quoted, is not cut off.
    assert len(read("両首脳は10日に会談した際、協力で一致した。")) == 1
    assert len(read("首相は10日に会談したと述べた。")) == 1


def test_the_other_clocks_day_is_the_same_event():
    assert [x[0] for x in read("首相は7日午前(日本時間8日未明)、大統領と会談した。")] == [d("2026-03-07")]


def test_a_lead_on_history_does_not_make_the_news_day():
    found = read("1965年6月22日、両国は条約に署名した。この日、首相は記念式典に出席した。")
    assert [x[0] for x in found] == [d("1965-06-22"), PUBLISHED]


def test_each_event_of_a_chain_under_one_date_is_a_mention():
    found = mentions_in("大統領は5日、式典に出席後、首相と会談を行う。", PUBLISHED, "ja")
    first, second = [m.sentence for m in found]
    assert (first, second) == ("大統領は5日、式典に出席後", "大統領は5日、式典に出席後、首相と会談を行う。")
    found = mentions_in("大統領は5日、大阪に到着し、知事と会談した。", PUBLISHED, "ja")
    first, second = [m.sentence for m in found]
    assert (first, second) == ("大統領は5日、大阪に到着し", "大統領は5日、大阪に到着し、知事と会談した。")


def test_a_date_governing_the_first_clause_only_is_quoted_up_to_its_end():
    found = mentions_in("大統領は4日、大阪に到着し、3日間の訪問を開始した。", PUBLISHED, "ja")
    first, second = [m.sentence for m in found]
    assert (first, second) == ("大統領は4日、大阪に到着し", "大統領は4日、大阪に到着し、3日間の訪問を開始した。")


def test_a_plan_turned_down_or_replaced_is_cancelled():
    published = d("2025-11-23")
    found = read("政府は来月の首脳会議開催を打診したが、相手国は提案を拒否した。", published)
    assert [x[3] for x in found] == ["cancelled"]
    found = read("政府は来月の実施を打診したものの、相手国が拒否していることが分かった。", published)
    assert [x[3] for x in found] == ["cancelled"]
    found = read("政府は当初、年内の開催を目指していたが、来年1月の開催を調整している。", published)
    assert [x[3] for x in found] == ["cancelled", "expected"]


def test_a_stay_under_way_and_mostly_ahead_is_scheduled():
    found = read("大統領は4日、大阪に到着し、4日間の訪問日程を開始した。", d("2026-03-04"))
    assert found[-1] == (d("2026-03-04"), d("2026-03-07"), "span", "scheduled")


def test_a_datelines_date_gives_way_to_the_leads_own():
    found = read("【11月15日 AFP】外務省は14日、注意喚起した。", d("2025-11-15"))
    assert [x[0] for x in found] == [d("2025-11-14")]
    # With no date of its own, the lead keeps the dateline's.
    assert [x[0] for x in read("【11月15日 AFP】外務省が注意喚起した。", d("2025-11-15"))] == [d("2025-11-15")]


def test_a_hedge_on_the_whole_sentence_is_no_plan():
    text = "今回の措置は、首相が3日の国会で「港は閉じることもあり得る」と述べたことへの反発とみられる。"
    assert read(text) == [(d("2026-03-03"), d("2026-03-03"), "day", "happened")]
    assert read("首相は20日に訪米するとみられる。")[0][3] == "expected"


def test_until_the_years_end_runs_from_publication():
    assert read("航空各社は年末まで手数料を免除する。") == [(d("2026-03-12"), d("2026-12-31"), "span", "scheduled")]


def test_a_visit_under_way_from_a_day_runs_to_publication():
    assert read("大統領は10日から奈良を訪問している。") == [(d("2026-03-10"), d("2026-03-12"), "span", "happened")]


def test_the_month_after_publication_is_this_years_under_a_past_verb():
    text = "航空会社は、12月の4往復分を運休すると県に通知した。"
    assert read(text, datetime.date(2025, 11, 26))[0][:2] == (d("2025-12-01"), d("2025-12-31"))
    assert read("市は7月に会談した。", datetime.date(2025, 3, 10))[0][:2] == (d("2024-07-01"), d("2024-07-31"))


def test_days_listed_with_their_month_are_one_span_from_first_to_last():
    text = "運休する便は4月3、7、11日の3往復。"
    assert read(text, datetime.date(2026, 3, 20)) == [(d("2026-04-03"), d("2026-04-11"), "span", "scheduled")]


def test_a_date_set_off_at_the_head_dates_the_main_clause_not_a_relative_one():
    found = mentions_in("10日、首相は来日した韓国の大統領と太鼓を演奏した。", PUBLISHED, "ja")
    assert [m.sentence for m in found] == ["10日、首相は来日した韓国の大統領と太鼓を演奏した。"]


def test_a_postponement_only_if_need_be_does_not_cancel_the_event():
    text = "商務部は10日から調査を始め、必要があれば半年延期するとした。"
    assert {m.status for m in mentions_in(text, PUBLISHED, "ja")} == {"happened"}


def test_a_day_of_a_past_relative_clause_is_past_whatever_the_sentence_plans():
    text = "首相は12日、大阪を出発した。2日に就任した首相は、この日午後に大統領と会談する予定だ。"
    assert read(text) == [
        (d("2026-03-12"), d("2026-03-12"), "day", "happened"),
        (d("2026-03-02"), d("2026-03-02"), "day", "happened"),
        (d("2026-03-12"), d("2026-03-12"), "day", "scheduled"),
    ]
    assert read("20日に予定した会談は開かれる。")[0][:2] == (d("2026-03-20"), d("2026-03-20"))


def test_a_postponement_denied_is_no_cancellation():
    assert read("20日の会談は延期されない見通しだ。")[0][3] != "cancelled"


def test_a_month_just_before_publication_is_this_years_under_a_headlines_present_verb():
    assert read("神戸空港の旅客 1月は58%減 自粛響く", d("2026-02-13"))[0][:2] == (d("2026-01-01"), d("2026-01-31"))
    text = "背景には、知事が10月末に市長と会談した直後であったことがある。"
    assert read(text, d("2025-12-11"))[0][:2] == (d("2025-10-21"), d("2025-10-31"))
    assert read("知事は1月に神戸を訪問する。", d("2026-06-07"))[0][:2] == (d("2027-01-01"), d("2027-01-31"))


def test_a_month_with_no_verb_to_place_it_is_the_nearer_one():
    text = "知事が11月の議会答弁で、神戸への対応に言及する可能性を示唆して以降、関係は悪化している。"
    assert read(text, d("2026-01-07"))[0][:2] == (d("2025-11-01"), d("2025-11-30"))
    assert read("知事は11月に神戸を訪問する。", d("2026-01-07"))[0][:2] == (d("2026-11-01"), d("2026-11-30"))


def test_a_headlines_likeliest_date_is_expected_and_held_as_planned_is_not_a_plan():
    assert read("知事の神戸訪問、20日が軸")[0][3] == "expected"
    assert read("20日投開票が有力な知事選")[0][3] == "expected"
    assert read("12日、式典が予定通り開かれた。")[0][3] == "happened"


def test_an_apostrophe_year_is_a_year():
    assert read("「みどりの日」は’05年に県が制定。")[0][:3] == (d("2005-01-01"), d("2005-12-31"), "year")


def test_a_call_off_a_quoted_report_spoke_of_is_not_the_dates_event():
    text = "記者は16日にXを更新し、知事の訪問が見送られる見通しだと報じた新聞の記事を引用した。"
    assert read(text, d("2026-02-17"))[0][3] == "happened"
    assert read("政府は16日、知事の訪問を見送った。", d("2026-02-17"))[0][3] == "cancelled"


def test_a_day_after_a_quote_is_not_of_the_month_the_quote_named():
    text = "「港町は来月の会談を断った」との報道について、市長は10日の記者会見で説明した。"
    assert [(m.earliest, m.precision) for m in mentions_in(text, PUBLISHED, "ja")] == [
        (d("2026-04-01"), "month"),
        (d("2026-03-10"), "day"),
    ]


def test_two_years_joined_by_kara_are_one_span():
    text = "港の取扱量は2022年から2024年にかけて増えた。"
    assert read(text) == [(d("2022-01-01"), d("2024-12-31"), "span", "happened")]


def test_what_followed_the_act_does_not_cancel_it():
    text = "政府は10日に渡航自粛を呼びかけた後、ツアーの中止が相次いだ。"
    assert [status for *_, status in read(text)] == ["happened"]


def test_done_this_month_is_done_whatever_of_the_month_remains():
    found = read("外相は今月、神戸を訪れ、知事と会談したばかり。")
    assert found and all(one == (d("2026-03-01"), d("2026-03-31"), "month", "happened") for one in found)
    # a stay begun this month is under way
    assert read("外相は今月、1か月の視察を開始した。")[0][3] == "scheduled"


def test_an_afternoon_with_no_day_of_its_own_is_the_day_just_named():
    text = "外相は10日午前、神戸に到着した。知事と午後、市内で会談する。"
    found = read(text)
    assert len(found) >= 2 and {m[:2] for m in found} == {(d("2026-03-10"), d("2026-03-10"))}


def test_a_photo_caption_ends_at_its_credit():
    text = (
        "会見に臨む農相=都内で2026年3月10日午前9時、記者撮影 "
        "農相は10日の会見で、2023年8月からの禁輸を6月に一部解除したと述べた。"
    )
    sentences = {m.sentence_start for m in mentions_in(text, PUBLISHED, "ja")}
    assert text.index("農相は10日") in sentences
