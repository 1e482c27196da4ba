import json

import pytest
from django.core.management import CommandError, call_command

from tests.curation_data import SAMPLES


def run(*args, capsys):
    call_command("extract_dates", *args)
    return capsys.readouterr().out


def test_json_lists_mentions_in_text_order_with_offsets_into_utf8_text(capsys):
    path = SAMPLES / "unicode.txt"
    rows = json.loads(run(str(path), "--published", "2026-01-15", "--json", capsys=capsys))
    text = path.read_bytes().decode("utf-8")
    assert rows == [
        {
            "text": "14 January 2026",
            "start": 22,
            "end": 37,
            "value": "2026-01-14",
            "earliest": "2026-01-14",
            "latest": "2026-01-14",
            "sentence": text.strip(),
        }
    ]
    assert text[rows[0]["start"] : rows[0]["end"]] == rows[0]["text"]


def test_json_resolves_relative_dates_against_publication(capsys):
    path = SAMPLES / "summit_day.txt"
    rows = json.loads(run(str(path), "--published", "2026-01-15", "--json", capsys=capsys))
    text = path.read_text(encoding="utf-8")
    assert [r["value"] for r in rows] == ["2026-01-13", "2025-10", "2026-SP"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    for row in rows:
        assert set(row) == {"text", "start", "end", "value", "earliest", "latest", "sentence"}
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["text"] in row["sentence"]


def test_without_json_prints_a_table(capsys):
    out = run(str(SAMPLES / "summit_day.txt"), "--published", "2026-01-15", capsys=capsys)
    lines = out.splitlines()
    assert lines[0].split() == ["start", "end", "text", "value", "earliest", "latest"]
    assert "late October" in lines[2] and "2025-10-21" in lines[2]
    assert lines[-1] == "3 date expression(s)."


@pytest.mark.parametrize(
    "args, message",
    [
        (["/nonexistent.txt", "--published", "2026-01-15"], "Cannot read"),
        ([str(SAMPLES / "summit_day.txt"), "--published", "15 Jan"], "YYYY-MM-DD"),
    ],
)
def test_bad_input_exits_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("extract_dates", *args)
