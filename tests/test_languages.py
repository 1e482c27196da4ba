"""
summit in English, Japanese and Korean (issue 22): the pages, the embed, the
API and exports in each language, dates as each language writes them, lang
attributes, and English shown (and marked) where a translation is missing.
"""

import datetime
import re

import pytest

from tests.curation_data import make_editor
from timeline.chart import layout, style
from timeline.labels import date_label
from timeline.models import Event

D = datetime.date
NARA = "takaichi-lee-summit-nara"


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html)[1]


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "earliest, latest, precision, ja, ko",
    [
        (D(2026, 1, 13), D(2026, 1, 13), "day", "2026年1月13日", "2026년 1월 13일"),
        (D(2025, 10, 21), D(2025, 10, 31), "part_of_month", "2025年10月下旬", "2025년 10월 하순"),
        (D(2025, 10, 1), D(2025, 10, 10), "part_of_month", "2025年10月上旬", "2025년 10월 초순"),
        (D(2026, 2, 1), D(2026, 2, 28), "month", "2026年2月", "2026년 2월"),
        (D(2025, 10, 1), D(2025, 12, 31), "month", "2025年10～12月", "2025년 10~12월"),
        (D(2025, 11, 1), D(2026, 2, 28), "month", "2025年11月～2026年2月", "2025년 11월~2026년 2월"),
        (D(2026, 3, 1), D(2026, 5, 31), "season", "2026年春", "2026년 봄"),
        (D(2025, 12, 1), D(2026, 2, 28), "season", "2025～26年冬", "2025~26년 겨울"),
        (D(1910, 1, 1), D(1945, 12, 31), "year", "1910～1945年", "1910~1945년"),
        (D(2026, 1, 13), D(2026, 1, 14), "span", "2026年1月13～14日", "2026년 1월 13~14일"),
        (D(2026, 1, 30), D(2026, 2, 2), "span", "2026年1月30日～2月2日", "2026년 1월 30일~2월 2일"),
    ],
)
def test_date_labels_read_as_japanese_and_korean_newspapers_write_them(earliest, latest, precision, ja, ko):
    assert date_label(earliest, latest, precision, "ja") == ja
    assert date_label(earliest, latest, precision, "ko") == ko


def test_english_date_labels_are_unchanged():
    assert date_label(D(2025, 10, 21), D(2025, 10, 31), "part_of_month", "en") == "late Oct 2025"
    assert date_label(D(2026, 1, 13), D(2026, 1, 13), "day") == "13 Jan 2026"


def test_cjk_labels_are_measured_at_about_an_em_a_glyph():
    assert layout.label_width("Summit") == 6 * style.LABEL_CHAR_WIDTH
    assert layout.label_width("奈良で首脳会談") == 7 * style.LABEL_FONT_SIZE
    assert layout.label_width("나라 정상회담") == 6 * style.LABEL_FONT_SIZE + style.LABEL_CHAR_WIDTH


def test_a_cjk_label_is_cut_to_the_width_of_a_latin_one():
    cut = layout.cut_short("高市氏と李氏、奈良で首脳会談を開く", style.LABEL_CUT_CHARS)
    assert cut.endswith("…")
    assert layout.label_width(cut) <= style.LABEL_CUT_CHARS * style.LABEL_CHAR_WIDTH


@pytest.mark.parametrize(
    "language, texts",
    [("ja", ["2026年1月", "2月"]), ("ko", ["2026년 1월", "2월"]), ("en", ["Jan 2026", "Feb"])],
)
def test_axis_ticks_are_written_in_the_language(settings, language, texts):
    from django.utils import translation

    with translation.override(language):
        ticks = layout.ticks(D(2025, 12, 15), D(2026, 3, 15), 880)
    assert [tick.text for tick in ticks[:2]] == texts


# --- pages -----------------------------------------------------------------------------


def test_english_keeps_its_unprefixed_addresses_whatever_the_browser_asks(client, seed):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert html_lang(html) == "en"
    assert "Takaichi and Lee hold a summit in Nara" in html
    assert "13 Jan 2026" in html


@pytest.mark.parametrize("path", ["/", "/embed/", "/ja/"])
def test_reader_pages_do_not_vary_on_the_browsers_language(client, seed, path):
    # One copy per browser language in a shared cache, for a page that never changes with it.
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ja")
    assert "accept-language" not in response.get("Vary", "").lower()


@pytest.mark.parametrize(
    "prefix, title, day, filters",
    [
        ("/ja/", "高市氏と李氏、奈良で首脳会談", "2026年1月13日", "絞り込み"),
        ("/ko/", "다카이치·이재명, 나라에서 정상회담", "2026년 1월 13일", "필터"),
    ],
)
def test_the_page_reads_in_japanese_and_korean(client, seed, prefix, title, day, filters):
    response = client.get(prefix)
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == prefix.strip("/")
    assert title in html
    assert day in html
    assert f"<summary>{filters}</summary>" in html
    # The list's months and the chart's axis, in the language's own order.
    assert '<h3 class="month">2026' in html
    assert ">Filters<" not in html and "Events in date order" not in html


def test_the_first_view_svg_writes_dates_in_the_page_language(client, seed):
    japanese = re.search(r"<svg.*?</svg>", client.get("/ja/").content.decode(), re.S)[0]
    korean = re.search(r"<svg.*?</svg>", client.get("/ko/").content.decode(), re.S)[0]
    assert re.search(r">\d{4}年\d{1,2}月|>\d{1,2}月", japanese)
    assert re.search(r">\d{4}년 \d{1,2}월|>\d{1,2}월", korean)
    assert "Jan" not in japanese and "Jan" not in korean
    assert "奈良で首脳会談" in japanese


def test_a_switcher_links_the_same_page_in_each_language(client, seed):
    html = client.get(f"/ja/events/{NARA}/").content.decode()
    assert f'href="/events/{NARA}/" lang="en"' in html
    assert f'href="/ko/events/{NARA}/" lang="ko"' in html
    assert f'hreflang="ja" href="http://testserver/ja/events/{NARA}/"' not in html  # relative, as Django builds them
    assert 'aria-current="true">日本語</a>' in html


def test_quotes_keep_the_language_they_were_published_in(client, seed):
    html = client.get(f"/ko/events/{NARA}/").content.decode()
    assert html_lang(html) == "ko"
    assert '<blockquote lang="en"' in html
    assert "출처의 기술" in html


def test_an_untranslated_title_shows_in_english_and_says_so(client, seed):
    event = Event.objects.get(slug=NARA)
    event.title_ja = event.short_title_ja = ""
    event.save()
    html = client.get(f"/ja/events/{NARA}/").content.decode()
    assert '<span lang="en">Takaichi and Lee hold a summit in Nara</span><small class="untranslated"' in html
    assert ">英語</small>" in html
    # Translated names beside it carry no mark.
    assert "高市早苗" in html


def test_the_embed_takes_its_language_from_lang(client, seed):
    korean = client.get("/embed/?lang=ko").content.decode()
    assert html_lang(korean) == "ko"
    assert "/ko/events/" in korean
    assert html_lang(client.get("/ja/embed/").content.decode()) == "ja"
    assert html_lang(client.get("/embed/").content.decode()) == "en"


def test_an_unknown_language_is_refused(client, seed):
    response = client.get("/embed/?lang=fr")
    assert response.status_code == 400
    assert "lang must be one of en, ja, ko" in response.content.decode()


def test_filter_errors_are_in_the_page_language(client, seed):
    html = client.get("/ja/?actor=atlantis").content.decode()
    assert "当事者「atlantis」は見つかりません。" in html


def test_cached_pages_of_one_language_are_not_served_in_another(client, seed):
    assert html_lang(client.get("/embed/?lang=ja").content.decode()) == "ja"
    assert html_lang(client.get("/embed/?lang=ko").content.decode()) == "ko"
    assert html_lang(client.get("/embed/").content.decode()) == "en"


# --- API and exports ---------------------------------------------------------------------


def nara(payload: dict) -> dict:
    return next(event for event in payload["events"] if event["slug"] == NARA)


def test_the_api_answers_in_the_requested_language(client, seed):
    by_parameter = nara(client.get("/api/events.json?lang=ja").json())
    assert by_parameter["title"] == "高市氏と李氏、奈良で首脳会談"
    assert by_parameter["date_label"] == "2026年1月13日"
    assert by_parameter["lang"] == {"title": "ja", "summary": "en"}
    assert by_parameter["citations"][0]["source"]["language"] == "en"
    by_prefix = nara(client.get("/ko/api/events.json").json())
    assert by_prefix["title"] == "다카이치·이재명, 나라에서 정상회담"
    assert "이재명" in [actor["name"] for actor in by_prefix["actors"]]


def test_the_api_follows_accept_language_and_says_it_varies(client, seed):
    response = client.get("/api/events.json", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")
    assert nara(response.json())["date_label"] == "2026년 1월 13일"
    assert "Accept-Language" in response["Vary"]
    english = client.get("/api/events.json", HTTP_ACCEPT_LANGUAGE="en")
    assert nara(english.json())["title"] == "Takaichi and Lee hold a summit in Nara"


def test_api_errors_are_in_the_requested_language(client, seed):
    response = client.get("/api/events.json?lang=ko&limit=0")
    assert response.status_code == 400
    assert "limit은 1에서" in response.json()["errors"][0]["message"]


def test_exports_answer_in_the_requested_language(client, seed):
    csv = client.get("/api/events.csv?lang=ja").content.decode("utf-8-sig")
    assert "高市氏と李氏、奈良で首脳会談" in csv
    assert "2026年1月13日" in csv
    ics = client.get("/api/events.ics", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "나라에서 정상회담" in ics
    timelinejs = client.get("/ja/api/events.timelinejs.json").json()
    assert timelinejs["title"]["text"]["headline"] == "summit 年表"


def test_the_feed_answers_in_the_requested_language(client, seed):
    Event.objects.filter(slug=NARA).update(published_at=datetime.datetime(2026, 1, 14, tzinfo=datetime.UTC))
    assert "高市氏と李氏、奈良で首脳会談" in client.get("/ja/feed/").content.decode()


def test_oembed_of_a_japanese_page_embeds_in_japanese(client, seed):
    answer = client.get("/oembed", {"url": f"http://testserver/ja/events/{NARA}/"}).json()
    assert "/ja/embed/?event=" in answer["html"]
    assert answer["title"].startswith("高市氏と李氏、奈良で首脳会談 (2026年1月13日)")


# --- the admin and history ----------------------------------------------------------------


def test_the_admin_speaks_the_editors_language_and_edits_three_side_by_side(client, seed):
    client.force_login(make_editor())
    event = Event.objects.get(slug=NARA)
    html = client.get(f"/admin/timeline/event/{event.pk}/change/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert html_lang(html) == "ja"
    assert "変更" in html  # Django's own Japanese admin
    assert re.search(r'class="form-row[^"]*field-title field-title_ja field-title_ko', html)
    assert 'value="高市氏と李氏、奈良で首脳会談"' in html


def test_history_records_the_translations(seed):
    event = Event.objects.get(slug=NARA)
    event.title_ko = "한일 정상, 나라에서 회담"
    event.save()
    assert event.history.first().title_ko == "한일 정상, 나라에서 회담"
    assert event.history.all()[1].title_ko == "다카이치·이재명, 나라에서 정상회담"


def test_search_finds_events_by_their_translated_titles(client, seed):
    assert NARA in client.get("/api/events.json", {"q": "奈良で首脳会談"}).content.decode()
    assert NARA in client.get("/api/events.json", {"q": "나라에서 정상회담"}).content.decode()
