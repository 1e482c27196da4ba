"""`manage.py propose FILE --published YYYY-MM-DD --json`: the proposal contract for scripts."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests import real_articles
from timeline.models import Actor, Citation, Event, Proposal, Source

pytestmark = pytest.mark.django_db

KEYS = {"quote", "start", "end", "earliest", "latest", "precision", "status", "flags", "matches"}


def row_counts():
    return [model.objects.count() for model in (Source, Proposal, Event, Citation, Actor)]


def propose(path, published, capsys, *extra):
    call_command("propose", str(path), "--published", published, *extra)
    return capsys.readouterr().out


@pytest.fixture
def horyu_ji_file(tmp_path):
    text, _ = real_articles.HORYU_JI
    path = tmp_path / "horyu-ji.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_json_has_exactly_the_contract_keys_and_writes_nothing(seed, horyu_ji_file, capsys):
    before = row_counts()
    rows = json.loads(propose(horyu_ji_file, "2026-01-09", capsys, "--json"))
    assert row_counts() == before
    (row,) = rows
    assert set(row) == KEYS
    assert all(set(match) == {"slug", "score"} for match in row["matches"])
    text = horyu_ji_file.read_text(encoding="utf-8")
    assert (
        text[row["start"] : row["end"]]
        == row["quote"]
        == ("On Wednesday, the two leaders will visit Horyu-ji, a temple in Ikaruga.")
    )
    assert (row["earliest"], row["latest"], row["precision"], row["status"], row["flags"]) == (
        "2026-01-14",
        "2026-01-14",
        "day",
        "scheduled",
        [],
    )
    assert row["matches"][0]["slug"] == "horyu-ji-temple-visit"
    assert 0 < row["matches"][0]["score"] <= 1


def test_matches_are_published_events_only(seed, horyu_ji_file, capsys):
    Event.objects.filter(slug="horyu-ji-temple-visit").update(is_published=False)
    (row,) = json.loads(propose(horyu_ji_file, "2026-01-09", capsys, "--json"))
    assert "horyu-ji-temple-visit" not in [m["slug"] for m in row["matches"]]


def test_every_event_of_a_sentence_is_a_row_with_offsets_into_the_text(tmp_path, capsys):
    text, published = real_articles.BLUE_HOUSE
    path = tmp_path / "blue-house.txt"
    path.write_text("Headline\n\n" + text, encoding="utf-8")
    rows = json.loads(propose(path, published.isoformat(), capsys, "--json"))
    assert [(r["earliest"], r["latest"], r["precision"], r["status"]) for r in rows] == [
        ("2026-01-13", "2026-01-14", "span", "scheduled"),
        ("2026-01-09", "2026-01-09", "day", "happened"),
    ]
    assert all(path.read_text(encoding="utf-8")[r["start"] : r["end"]] == r["quote"] for r in rows)


def test_a_tense_mismatch_is_in_the_flags(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Lee will visit Tokyo on 7 January.", encoding="utf-8")
    (row,) = json.loads(propose(path, "2026-01-09", capsys, "--json"))
    assert row["flags"] == ["tense_mismatch"]


def test_without_json_prints_a_summary(horyu_ji_file, capsys):
    out = propose(horyu_ji_file, "2026-01-09", capsys)
    assert "2026-01-14" in out and "scheduled" in out and out.rstrip().endswith("1 proposal(s).")


@pytest.mark.parametrize(
    "path, published, message",
    [
        ("/nonexistent.txt", "2026-01-09", "Cannot read"),
        ("/dev/zero", "2026-01-09", "limit"),
        (None, "9 Jan", "YYYY-MM-DD"),
    ],
)
def test_bad_input_exits_with_a_message(horyu_ji_file, path, published, message):
    with pytest.raises(CommandError, match=message):
        call_command("propose", path or str(horyu_ji_file), "--published", published, "--json")


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(CommandError, match="empty"):
        call_command("propose", str(path), "--published", "2026-01-09")
