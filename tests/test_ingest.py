import csv
import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from newsroom.ingest import (
    MAX_TEXT_BYTES,
    DuplicateSourceError,
    IngestError,
    accept_proposal,
    ingest_source,
    read_text_file,
    reject_proposal,
)
from newsroom.matching import find_duplicate_source
from tests import real_articles
from tests.curation_data import PUBLISHED, SAMPLES, SUMMIT_TEXT, make_actors, make_event
from timeline.models import Citation, Event, Proposal, Source

pytestmark = pytest.mark.django_db


def counts():
    return Source.objects.count(), Proposal.objects.count(), Event.objects.count()


def test_ingest_source_proposes_one_event_per_dated_sentence_with_actors():
    make_actors()
    result = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo", title="Summit")
    proposals = list(result.source.proposals.all())
    assert [p.date_text for p in proposals] == ["Tuesday", "late October", "the spring"]
    first = proposals[0]
    assert SUMMIT_TEXT[first.start : first.end] == first.quote
    assert (first.earliest, first.precision, first.timex) == (datetime.date(2026, 1, 13), "day", "2026-01-13")
    assert {a.short_name for a in first.suggested_actors.all()} == {"Takaichi", "Lee"}
    assert proposals[2].precision == "season"


def test_actor_names_match_whole_words_only():
    make_actors()
    result = ingest_source("Leeway talks ended on 14 January 2026.", PUBLISHED)
    assert list(result.proposals[0].suggested_actors.all()) == []


def test_dry_run_saves_nothing():
    result = ingest_source(SUMMIT_TEXT, PUBLISHED, dry_run=True)
    assert len(result.proposals) == 3
    assert counts() == (0, 0, 0)


def test_an_article_with_no_dates_is_stored_with_no_proposals():
    result = ingest_source("The leaders talked about trade.", PUBLISHED)
    assert result.proposals == []
    assert counts() == (1, 0, 0)


def test_ingest_command_stores_an_undated_article(tmp_path, capsys):
    undated = tmp_path / "undated.txt"
    undated.write_text("The leaders talked about trade.", encoding="utf-8")
    call_command("ingest", str(undated), *ARGS)
    assert "Created 1 source(s) and 0 proposed event(s)." in capsys.readouterr().out
    assert counts() == (1, 0, 0)


@pytest.mark.parametrize(
    "text, published, message",
    [
        ("", PUBLISHED, "empty"),
        ("   \n", PUBLISHED, "empty"),
        (SUMMIT_TEXT, "15/01/2026", "YYYY-MM-DD"),
        (SUMMIT_TEXT, datetime.date.today() + datetime.timedelta(days=2), "future"),
        ("x" * (3 * 1024 * 1024) + " on 14 January 2026.", PUBLISHED, "MB"),
    ],
)
def test_ingest_refuses_bad_input_and_saves_nothing(text, published, message):
    with pytest.raises(IngestError, match=message):
        ingest_source(text, published)
    assert counts() == (0, 0, 0)


def test_accept_creates_unpublished_event_with_verbatim_citation(client):
    make_actors()
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[0]
    event = accept_proposal(proposal, edits={"title": "Takaichi hosts Lee in Nara"})
    assert not event.is_published
    assert (event.earliest, event.status) == (datetime.date(2026, 1, 13), "happened")
    citation = event.citations.get()
    assert citation.quote == SUMMIT_TEXT[citation.start : citation.end] == proposal.quote
    assert {a.short_name for a in event.actors.all()} == {"Takaichi", "Lee"}
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.event == event
    assert "Takaichi hosts Lee" not in client.get("/").content.decode()
    assert json.dumps("Takaichi hosts Lee")[1:-1] not in client.get("/api/events.json").content.decode()


def test_is_expected_to_makes_an_expected_event():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[2]  # "Lee is expected to host Takaichi in the spring"
    assert proposal.event_status == "expected"
    assert accept_proposal(proposal).status == "expected"


def test_an_edited_date_across_publication_takes_the_status_of_the_date():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[2]
    edits = {"earliest": datetime.date(2025, 3, 1), "latest": datetime.date(2025, 5, 31)}
    assert accept_proposal(proposal, edits=edits).status == "happened"


def test_accept_into_existing_event_adds_citation_only():
    existing = make_event()
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[0]
    event = accept_proposal(proposal, into_event=existing)
    assert event == existing and Event.objects.count() == 1
    assert existing.citations.get().quote == proposal.quote


def test_accept_with_a_shortened_quote_keeps_it_verbatim():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[0]
    event = accept_proposal(proposal, edits={"quote": "welcomed South Korean President Lee Jae-myung"})
    citation = event.citations.get()
    assert SUMMIT_TEXT[citation.start : citation.end] == "welcomed South Korean President Lee Jae-myung"


def test_accept_refuses_a_quote_not_in_the_source_and_creates_nothing():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[0]
    with pytest.raises(IngestError, match="verbatim"):
        accept_proposal(proposal, edits={"quote": "Takaichi snubbed Lee on Tuesday."})
    assert Event.objects.count() == Citation.objects.count() == 0
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_reject_marks_proposal_and_a_reviewed_proposal_cannot_be_accepted():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[1]
    reject_proposal(proposal)
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and proposal.reviewed_at
    with pytest.raises(IngestError, match="already rejected"):
        accept_proposal(proposal)
    assert Event.objects.count() == 0


# The `ingest` command -------------------------------------------------------

ARGS = ["--outlet", "Kyodo", "--title", "Summit day", "--published", "2026-01-15"]
BATCH_ARGS = ["--outlet", "Kyodo", "--published", "2026-01-15"]


def test_ingest_command_creates_sources_and_prints_summary(capsys):
    make_actors()
    call_command("ingest", str(SAMPLES / "summit_day.txt"), str(SAMPLES / "unicode.txt"), *BATCH_ARGS)
    out = capsys.readouterr().out
    assert "Created 2 source(s) and 4 proposed event(s)." in out
    assert Source.objects.count() == 2 and Proposal.objects.count() == 4
    assert set(Source.objects.values_list("outlet", "title", "url")) == {("Kyodo", None, None)}


def test_ingest_command_dry_run_creates_nothing(capsys):
    call_command("ingest", str(SAMPLES / "summit_day.txt"), *ARGS, "--dry-run")
    assert "Would create 1 source(s) and 3 proposed event(s)." in capsys.readouterr().out
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe caf\xe9 14 January 2026", "UTF-8"),
        (b"a" * (10 * 1024 * 1024), "10.0 MB"),
    ],
)
def test_ingest_command_fails_on_bad_file_and_saves_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        # The good file comes first: the bad one must undo it too.
        call_command("ingest", str(SAMPLES / "summit_day.txt"), str(bad), *BATCH_ARGS)
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("published, message", [("yesterday", "YYYY-MM-DD"), ("2999-01-01", "future")])
def test_ingest_command_refuses_bad_publication_date(published, message):
    with pytest.raises(CommandError, match=message):
        call_command(
            "ingest", str(SAMPLES / "summit_day.txt"), "--outlet", "K", "--title", "T", "--published", published
        )
    assert counts() == (0, 0, 0)


def test_ingest_command_refuses_missing_file():
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("ingest", "/nonexistent/article.txt", *ARGS)
    assert counts() == (0, 0, 0)


def test_ingest_command_metadata_flags_are_optional_and_unknown_stays_null():
    call_command("ingest", str(SAMPLES / "summit_day.txt"), "--published", "2026-01-15")
    source = Source.objects.get()
    assert (source.outlet, source.title, source.author, source.outlet_country, source.url) == (None,) * 5


def test_ingest_command_stores_every_metadata_flag():
    call_command(
        "ingest",
        str(SAMPLES / "summit_day.txt"),
        "--published",
        "2026-01-15",
        "--outlet",
        "Kyodo",
        "--title",
        "Summit day",
        "--author",
        "A. Writer",
        "--country",
        "Japan",
        "--url",
        "https://example.org/a",
    )
    source = Source.objects.get()
    assert (source.outlet, source.title, source.author, source.outlet_country, source.url) == (
        "Kyodo",
        "Summit day",
        "A. Writer",
        "Japan",
        "https://example.org/a",
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a", "file:///etc/passwd", "not a url"])
def test_ingest_command_refuses_a_url_that_is_not_http(url):
    with pytest.raises(CommandError, match="http"):
        call_command("ingest", str(SAMPLES / "summit_day.txt"), *ARGS, "--url", url)
    assert counts() == (0, 0, 0)


def test_ingest_command_refuses_one_title_for_several_files():
    with pytest.raises(CommandError, match="manifest"):
        call_command("ingest", str(SAMPLES / "summit_day.txt"), str(SAMPLES / "unicode.txt"), *ARGS)
    assert counts() == (0, 0, 0)


def test_ingest_command_refuses_an_endless_file_without_reading_it_all():
    # /dev/zero never ends: the read must stop just past the limit (reading it all would never return).
    with pytest.raises(CommandError, match="limit"):
        call_command("ingest", "/dev/zero", *ARGS)
    assert counts() == (0, 0, 0)


def test_read_text_file_refuses_a_large_file_from_its_size_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_TEXT_BYTES + 1))
    with pytest.raises(IngestError, match=r"big.txt is 2.0 MB; the limit is 2 MB"):
        read_text_file(big)


def write_manifest(tmp_path, kind):
    (tmp_path / "a.txt").write_text(SUMMIT_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Trade talks ended on 14 January 2026.", encoding="utf-8")
    rows = [
        {
            "file": "a.txt",
            "published": "2026-01-15",
            "outlet": "Kyodo",
            "title": "Summit day",
            "author": "",
            "country": "Japan",
            "url": "https://example.org/a",
        },
        {"file": "b.txt", "published": "2026-01-14", "outlet": "Yonhap", "title": "Trade talks"},
    ]
    manifest = tmp_path / f"manifest.{kind}"
    if kind == "json":
        manifest.write_text(json.dumps(rows), encoding="utf-8")
    else:
        with manifest.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return manifest


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_ingest_command_manifest_gives_each_file_its_own_metadata(tmp_path, kind, capsys):
    call_command("ingest", "--manifest", str(write_manifest(tmp_path, kind)))
    assert "Created 2 source(s)" in capsys.readouterr().out
    rows = set(Source.objects.values_list("outlet", "title", "author", "outlet_country", "url", "published_on"))
    assert rows == {
        ("Kyodo", "Summit day", None, "Japan", "https://example.org/a", datetime.date(2026, 1, 15)),
        ("Yonhap", "Trade talks", None, None, None, datetime.date(2026, 1, 14)),
    }


def test_ingest_command_manifest_refuses_unknown_columns(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,headline\na.txt,2026-01-15,Guess\n", encoding="utf-8")
    with pytest.raises(CommandError, match="unknown column.*headline"):
        call_command("ingest", "--manifest", str(manifest))
    assert counts() == (0, 0, 0)


def test_ingest_command_shows_progress_for_one_large_file(tmp_path, capsys):
    article = tmp_path / "long.txt"
    article.write_text("Trade talks ended on 14 January 2026. " * 4000, encoding="utf-8")
    call_command("ingest", str(article), "--published", "2026-01-15")
    err = capsys.readouterr().err
    assert "long.txt" in err and "100%" in err


# Duplicate sources ----------------------------------------------------------


def test_ingesting_the_same_url_again_is_refused_and_names_the_source():
    first = ingest_source(SUMMIT_TEXT, PUBLISHED, url="https://www.example.org/news/summit/?utm_source=x").source
    with pytest.raises(DuplicateSourceError, match=f"source #{first.pk}") as error:
        ingest_source(SUMMIT_TEXT.replace("Nara", "Seoul"), PUBLISHED, url="https://example.org/news/summit#top")
    assert error.value.duplicate.source == first and error.value.duplicate.reason == "same URL"
    assert Source.objects.count() == 1


def test_ingesting_the_same_text_again_is_refused_even_reformatted():
    first = ingest_source(SUMMIT_TEXT, PUBLISHED).source
    repasted = "  " + SUMMIT_TEXT.replace("\n", "\n\n").upper()
    duplicate = find_duplicate_source(repasted)
    assert duplicate.source == first and duplicate.reason == "same text"
    with pytest.raises(DuplicateSourceError):
        ingest_source(repasted, PUBLISHED)


def test_a_different_article_of_similar_length_is_not_a_duplicate():
    ingest_source(SUMMIT_TEXT, PUBLISHED)
    other = "".join(reversed(SUMMIT_TEXT.splitlines(keepends=True)))
    assert find_duplicate_source(other) is None


def test_allow_duplicate_stores_a_second_copy():
    ingest_source(SUMMIT_TEXT, PUBLISHED)
    ingest_source(SUMMIT_TEXT, PUBLISHED, allow_duplicate=True)
    assert Source.objects.count() == 2


def test_ingest_command_refuses_a_duplicate_unless_allowed(capsys):
    first = ingest_source(SUMMIT_TEXT, PUBLISHED, url="https://example.org/a").source
    with pytest.raises(CommandError, match=rf"source #{first.pk} \(https://example.org/a\).*--allow-duplicate"):
        call_command("ingest", str(SAMPLES / "summit_day.txt"), "--published", "2026-01-15")
    call_command("ingest", str(SAMPLES / "summit_day.txt"), "--published", "2026-01-15", "--allow-duplicate")
    assert Source.objects.count() == 2


# Issue 13's real-article failures ------------------------------------------


def test_horyu_ji_visit_is_the_coming_wednesday_and_scheduled():
    text, published = real_articles.HORYU_JI
    (proposal,) = ingest_source(text, published).proposals
    assert (proposal.earliest, proposal.latest, proposal.event_status, proposal.flags) == (
        datetime.date(2026, 1, 14),
        datetime.date(2026, 1, 14),
        "scheduled",
        [],
    )
    assert accept_proposal(proposal).status == "scheduled"


def test_two_dated_events_in_one_sentence_are_two_proposals_quoting_it():
    text, published = real_articles.TOOK_OFFICE
    proposals = ingest_source(text, published).proposals
    assert [(p.date_text, p.earliest, p.latest, p.precision) for p in proposals] == [
        ("June 2025", datetime.date(2025, 6, 1), datetime.date(2025, 6, 30), "month"),
        ("October", datetime.date(2025, 10, 1), datetime.date(2025, 10, 31), "month"),
    ]
    assert proposals[0].quote == proposals[1].quote == "He took office in June 2025, and Takaichi in October."
    accept_proposal(proposals[0])
    accept_proposal(proposals[1])
    assert Event.objects.count() == 2


def test_tuesday_and_wednesday_is_one_span_and_friday_another_proposal():
    text, published = real_articles.BLUE_HOUSE
    proposals = ingest_source(text, published).proposals
    assert [(p.date_text, p.earliest, p.latest, p.precision, p.event_status) for p in proposals] == [
        ("Tuesday and Wednesday", datetime.date(2026, 1, 13), datetime.date(2026, 1, 14), "span", "scheduled"),
        ("Friday", datetime.date(2026, 1, 9), datetime.date(2026, 1, 9), "day", "happened"),
    ]


def test_late_last_october_is_a_late_october_proposal():
    text, published = real_articles.LATE_LAST_OCTOBER
    (proposal,) = ingest_source(text, published).proposals
    assert (proposal.earliest, proposal.latest, proposal.precision) == (
        datetime.date(2025, 10, 21),
        datetime.date(2025, 10, 31),
        "part_of_month",
    )


def test_a_future_tense_sentence_resolved_into_the_past_is_flagged():
    (proposal,) = ingest_source("Lee will visit Tokyo on 7 January.", datetime.date(2026, 1, 9)).proposals
    proposal.refresh_from_db()
    assert proposal.flags == ["tense_mismatch"]


def test_a_vaguer_date_framing_a_finer_one_is_not_another_proposal():
    proposals = ingest_source("This year, Lee visited Tokyo on Tuesday.", PUBLISHED).proposals
    assert [p.date_text for p in proposals] == ["Tuesday"]
