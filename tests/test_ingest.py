import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from tests.curation_data import PUBLISHED, SAMPLES, SUMMIT_TEXT, make_actors, make_event
from timeline.ingest import IngestError, accept_proposal, ingest_source, reject_proposal
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
    assert SUMMIT_TEXT[first.start:first.end] == first.quote
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


@pytest.mark.parametrize(
    "text, published, message",
    [
        ("", PUBLISHED, "empty"),
        ("   \n", PUBLISHED, "empty"),
        ("The leaders talked about trade.", PUBLISHED, "No dates"),
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
    assert citation.quote == SUMMIT_TEXT[citation.start:citation.end] == proposal.quote
    assert {a.short_name for a in event.actors.all()} == {"Takaichi", "Lee"}
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.event == event
    assert "Takaichi hosts Lee" not in client.get("/").content.decode()
    assert json.dumps("Takaichi hosts Lee")[1:-1] not in client.get("/api/events.json").content.decode()


def test_future_dated_proposal_becomes_scheduled_event():
    proposal = ingest_source(SUMMIT_TEXT, PUBLISHED).proposals[2]
    assert accept_proposal(proposal).status == "scheduled"


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
    assert SUMMIT_TEXT[citation.start:citation.end] == "welcomed South Korean President Lee Jae-myung"


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


def test_ingest_command_creates_sources_and_prints_summary(capsys):
    make_actors()
    call_command("ingest", str(SAMPLES / "summit_day.txt"), str(SAMPLES / "unicode.txt"), *ARGS, "--url", "https://example.org/a")
    out = capsys.readouterr().out
    assert "Created 2 source(s) and 4 proposed event(s)." in out
    assert Source.objects.count() == 2 and Proposal.objects.count() == 4
    assert set(Source.objects.values_list("url", flat=True)) == {"https://example.org/a"}


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
        (b"The leaders talked about trade.", "No dates"),
    ],
)
def test_ingest_command_fails_on_bad_file_and_saves_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        # The good file comes first: the bad one must undo it too.
        call_command("ingest", str(SAMPLES / "summit_day.txt"), str(bad), *ARGS)
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("published, message", [("yesterday", "YYYY-MM-DD"), ("2999-01-01", "future")])
def test_ingest_command_refuses_bad_publication_date(published, message):
    with pytest.raises(CommandError, match=message):
        call_command("ingest", str(SAMPLES / "summit_day.txt"), "--outlet", "K", "--title", "T", "--published", published)
    assert counts() == (0, 0, 0)


def test_ingest_command_refuses_missing_file():
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("ingest", "/nonexistent/article.txt", *ARGS)
    assert counts() == (0, 0, 0)
