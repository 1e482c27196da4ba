"""The desk in headless Chromium: citing a selected passage, a refused publication, rejecting many at once."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests.curation_data import make_event
from tests.test_review_browser import log_in
from timeline.models import UNSOURCED_MESSAGE, Event, Proposal, Source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNDATED = (
    "The envoys spoke for an hour.\n"
    "Nothing was agreed, aides said. The envoys spoke again later, this time about fisheries."
)


def select_in_article(page, passage: str, occurrence: int):
    """Select the n-th occurrence of the passage in the article's text, as a drag of the mouse would."""
    page.evaluate(
        """([passage, occurrence]) => {
            const box = document.getElementById("article-text");
            const node = box.firstChild;
            let start = -1;
            for (let n = 0; n <= occurrence; n++) start = node.data.indexOf(passage, start + 1);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + passage.length);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        [passage, occurrence],
    )


def test_citing_a_selected_passage_of_an_undated_article(page, live_server):
    source = Source.objects.create(text=UNDATED, published_on=datetime.date(2026, 1, 15), outlet="Wire")
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    expect(page.locator("#article-text")).to_be_visible()
    select_in_article(page, "The envoys spoke", 1)
    expect(page.locator("#cite-passage")).to_have_value("The envoys spoke")
    page.locator("#cite-form input[type=submit]").click()
    card = page.locator("#cite-result section.proposal")
    expect(card).to_contain_text("Cited by hand")
    # Cited, the passage box is emptied: a later selection that misses cannot resend it.
    expect(page.locator("#cite-passage")).to_have_value("")
    proposal = Proposal.objects.get()
    assert proposal.start == UNDATED.index("The envoys spoke again")
    card.locator("input[value='Accept as proposed']").click()
    expect(page.locator(f"#proposal-{proposal.pk}")).to_contain_text("Created unpublished event")
    event = Event.objects.get()
    assert event.citations.get().start == proposal.start


def test_publishing_an_event_without_a_citation_is_refused_with_a_message(page, live_server):
    event = make_event()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    page.check("#id_is_published")
    page.locator("input[name=_save]").click()
    expect(page.get_by_text(str(UNSOURCED_MESSAGE)).first).to_be_visible()
    assert not Event.objects.get(pk=event.pk).is_published


def test_reject_many_and_counters_and_focus_after_a_key(page, live_server):
    from newsroom.ingest import ingest_source
    from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors

    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    first, second, third, *rest = source.proposals.order_by("start", "pk")
    total = source.proposals.count()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")

    # A key decides the current card; the counters follow and the next card is current.
    page.locator(f"#proposal-{first.pk} blockquote").click()
    page.keyboard.press("r")
    expect(page.locator(f"#proposal-{first.pk}")).to_contain_text("Rejected “")
    expect(page.locator("#pending-count")).to_contain_text(f"{total - 1} proposal")
    expect(page.locator("#review-tabs")).to_contain_text("Rejected (1)")
    expect(page.locator(f"#proposal-{second.pk}")).to_be_focused()
    expect(page.locator(f"#proposal-{second.pk}")).to_have_class(re.compile(r"\bcurrent\b"))

    # Tick two, reject them together.
    page.locator(f"#proposal-{second.pk} input.select-proposal").check()
    page.locator(f"#proposal-{third.pk} input.select-proposal").check()
    page.get_by_role("button", name="Reject selected").click()
    expect(page.locator(".messagelist")).to_contain_text("Rejected 2 proposal(s)")
    assert set(source.proposals.filter(status="rejected")) == {first, second, third}

    # And all that remain.
    if rest:
        page.locator("button[value=reject_remaining]").click()
        expect(page.locator(".messagelist")).to_contain_text(f"Rejected {len(rest)} proposal(s)")
    assert not source.proposals.pending().exists()


def test_on_an_events_page_a_citation_is_a_passage_selected_in_its_article(page, live_server):
    text = "At noon the envoys met.\nLater the envoys met again at the harbour, aides said."
    source = Source.objects.create(text=text, published_on=datetime.date(2026, 1, 15), outlet="Harbour Wire")
    event = make_event()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    page.locator("#citations-group .add-row a", has_text="Add another Citation").click()
    row = page.locator(".inline-related:not(.empty-form)").last
    # The source, picked as any admin autocomplete is.
    row.locator(".select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Harbour")
    page.locator(".select2-results__option", has_text="Harbour Wire").click()
    row.locator("summary", has_text="Select the passage in the article").click()
    article = row.locator(".article-text")
    expect(article).to_contain_text("at the harbour")
    # The second "the envoys met": selected, not typed.
    article.evaluate(
        """(box) => {
            const node = box.firstChild;
            const start = node.data.indexOf("the envoys met", 10);
            const range = document.createRange();
            range.setStart(node, start);
            range.setEnd(node, start + "the envoys met".length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }"""
    )
    expect(row.locator("textarea[name$='-quote']")).to_have_value("the envoys met")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    citation = event.citations.get()
    second = text.index("the envoys met", 10)
    assert (citation.source, citation.start, citation.quote) == (source, second, "the envoys met")
