"""`propose --json` on Japanese and Korean articles written for these tests:
the language read from the script, offsets into the original text, the
status from the sentence's own words, matches across languages."""

import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# Full-width digits on purpose: offsets must still point into this text.
JAPANESE = (
    "【奈良】高市首相は１３日、奈良市で韓国の李在明大統領と首脳会談を行った。\n"
    "両首脳は１４日午前、斑鳩町の法隆寺を訪れる予定だ。\n"
    "首脳会談は約１時間半に及び、両国関係は９年ぶりの改善となった。"
)
KOREAN = (
    "이재명 대통령은 13일 나라현에서 다카이치 총리와 정상회담을 했다.이 대통령은 14일 오전 "
    "호류지를 방문한 뒤 귀국할 예정이다.\n양국 정상은 14년 연속 교류를 이어 왔다."
)


def propose(tmp_path, text, published, capsys):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    call_command("propose", str(path), "--published", published, "--json")
    return json.loads(capsys.readouterr().out)


def test_a_japanese_article_gets_proposals_that_match_the_timeline(seed, tmp_path, capsys):
    rows = propose(tmp_path, JAPANESE, "2026-01-13", capsys)
    assert [(r["earliest"], r["latest"], r["status"]) for r in rows] == [
        ("2026-01-13", "2026-01-13", "happened"),
        ("2026-01-14", "2026-01-14", "scheduled"),
    ]
    for row in rows:
        assert JAPANESE[row["start"] : row["end"]] == row["quote"]
    assert rows[0]["quote"] == "【奈良】高市首相は１３日、奈良市で韓国の李在明大統領と首脳会談を行った。"
    assert rows[0]["matches"][0]["slug"] == "takaichi-lee-summit-nara"
    assert rows[1]["matches"][0]["slug"] == "horyu-ji-temple-visit"


def test_a_korean_article_gets_one_proposal_per_stop_of_the_day(seed, tmp_path, capsys):
    rows = propose(tmp_path, KOREAN, "2026-01-13", capsys)
    assert [(r["earliest"], r["status"]) for r in rows] == [
        ("2026-01-13", "happened"),
        ("2026-01-14", "scheduled"),
        ("2026-01-14", "scheduled"),
    ]
    for row in rows:
        assert KOREAN[row["start"] : row["end"]] == row["quote"]
    assert rows[1]["quote"] == "이 대통령은 14일 오전 호류지를 방문한 뒤"
    assert rows[0]["matches"][0]["slug"] == "takaichi-lee-summit-nara"
    assert rows[1]["matches"][0]["slug"] == "horyu-ji-temple-visit"
    assert rows[2]["matches"] == []  # going home is not on the timeline


def test_an_event_new_to_the_timeline_gets_no_match(seed, tmp_path, capsys):
    (row,) = propose(tmp_path, "外相は２０日、東京で記者団の取材に応じた。", "2026-01-21", capsys)
    assert row["matches"] == []


def test_an_article_with_no_date_it_can_read_proposes_nothing(tmp_path, capsys, db):
    assert propose(tmp_path, "両国の関係は改善に向かっている。", "2026-01-21", capsys) == []
