"""The review desk in headless Chromium: every action swaps one proposal, the page itself never reloads."""

import datetime

import pytest
from playwright.sync_api import expect

from newsroom.ingest import ingest_source
from tests.curation_data import PASSWORD, PUBLISHED, SUMMIT_TEXT, make_actors, make_editor, make_event
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARKER = "window.__reviewDeskMarker"


def log_in(page, live_server):
    make_editor()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def test_accept_attach_by_search_reject_undo_and_keys_without_a_page_load(page, live_server):
    make_actors()
    gyeongju = make_event(
        title="Leaders meet at APEC in Gyeongju",
        slug="apec-gyeongju",
        earliest=datetime.date(2025, 10, 30),
        latest=datetime.date(2025, 10, 30),
    )
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    first, second, third = source.proposals.order_by("start", "pk")
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    page.evaluate(f"{MARKER} = 42")

    # Accept with a title of one's own.
    section = page.locator(f"#proposal-{first.pk}")
    section.locator("summary", has_text="Accept as a new event").click()
    section.locator("input[name$='-title']").fill("Takaichi hosts Lee in Nara")
    section.locator("input[value='Accept as new event']").click()
    page.locator(f"#proposal-{first.pk}", has_text="Created unpublished event").wait_for()
    assert Event.objects.filter(title="Takaichi hosts Lee in Nara", is_published=False).exists()

    # Attach to an existing event found by typing.
    section = page.locator(f"#proposal-{second.pk}")
    section.locator("summary", has_text="Add to an existing event").click()
    section.locator("input.event-search").press_sequentially("APEC", delay=30)
    section.locator("button", has_text="Leaders meet at APEC").click()
    page.locator(f"#proposal-{second.pk}", has_text="Added the quote to").wait_for()
    assert gyeongju.citations.get().quote == second.quote

    # Reject by key, then undo in place.
    page.locator(f"#proposal-{third.pk} blockquote").click()
    page.keyboard.press("r")
    page.locator(f"#proposal-{third.pk}", has_text="Rejected “").wait_for()
    third.refresh_from_db()
    assert third.status == "rejected"
    page.locator(f"#proposal-{third.pk} button", has_text="Undo").click()
    page.locator(f"#proposal-{third.pk}", has_text="Reopened").wait_for()
    third.refresh_from_db()
    assert third.status == "pending"

    assert page.evaluate(MARKER) == 42, "an action reloaded the whole page"
    assert page.dialogs == []


def test_rejected_tab_reopens_a_proposal(page, live_server):
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    proposal = source.proposals.order_by("start", "pk").first()
    proposal.status = "rejected"
    proposal.save()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    page.click("a:has-text('Rejected (1)')")
    page.evaluate(f"{MARKER} = 7")
    page.locator(f"#proposal-{proposal.pk} input[value='Reopen']").click()
    page.locator(f"#proposal-{proposal.pk}", has_text="Reopened").wait_for()
    proposal.refresh_from_db()
    assert proposal.status == "pending" and page.evaluate(MARKER) == 7


def test_keys_j_and_a_accept_the_next_proposal_as_proposed(page, live_server):
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    first, second, _ = source.proposals.order_by("start", "pk")
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    page.evaluate(f"{MARKER} = 1")
    page.locator(f"#proposal-{first.pk} blockquote").click()
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.locator(f"#proposal-{second.pk}", has_text="Created unpublished event").wait_for()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("pending", "accepted") and page.evaluate(MARKER) == 1


WATCH_STATUS = """() => {
  const status = document.getElementById("upload-status");
  new MutationObserver(() => { sessionStorage.statuses = (sessionStorage.statuses || "") + "|" + status.textContent; })
    .observe(status, {childList: true, characterData: true, subtree: true});
}"""


def test_uploading_an_article_shows_progress_then_the_review_page_with_the_count(page, live_server):
    make_actors()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/add/")
    page.fill("#id_outlet", "Kyodo")
    page.fill("#id_published_on", "2026-01-15")
    page.set_input_files("#id_upload", {"name": "a.txt", "mimeType": "text/plain", "buffer": SUMMIT_TEXT.encode()})
    page.evaluate(WATCH_STATUS)
    page.click("input[name=_save]")
    page.wait_for_selector("text=3 dated events proposed for review")
    assert page.url.endswith("/review/") and page.locator("section.proposal").count() == 3
    statuses = page.evaluate("sessionStorage.statuses")
    assert "Sending the article" in statuses and "Reading the article for dates" in statuses

    # The same article again: the admin's refusal, linking to the first copy.
    page.goto(f"{live_server.url}/admin/timeline/source/add/")
    page.fill("#id_published_on", "2026-01-15")
    page.set_input_files("#id_upload", {"name": "a.txt", "mimeType": "text/plain", "buffer": SUMMIT_TEXT.encode()})
    page.click("input[name=_save]")
    page.wait_for_selector("text=This article is already source")
    assert page.locator(".errornote").count() == 1


def test_date_labels_follow_what_the_editor_types_in_the_accept_and_event_forms(page, live_server):
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    first = source.proposals.order_by("start", "pk").first()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/timeline/source/{source.pk}/review/")
    section = page.locator(f"#proposal-{first.pk}")
    section.locator("summary", has_text="Accept as a new event").click()
    earliest, latest = section.locator("input[name$='-earliest']"), section.locator("input[name$='-latest']")
    earliest_label = section.locator(f"output[for='id_p{first.pk}-earliest']")
    latest_label = section.locator(f"output[for='id_p{first.pk}-latest']")
    earliest.fill("")
    earliest.press_sequentially("2025-10-21", delay=20)
    latest.fill("")
    latest.press_sequentially("2025-10-31", delay=20)
    section.locator("select[name$='-precision']").select_option("part_of_month")
    expect(earliest_label).to_have_text("Tue 21 Oct 2025")
    expect(latest_label).to_have_text("Fri 31 Oct 2025 · readers see “late Oct 2025”")
    latest.fill("2025-02-30")
    expect(latest_label).to_have_text("There is no such day as 2025-02-30.")
    expect(latest_label).to_have_class("date-label invalid")
    latest.fill("31/10/2025")
    expect(latest_label).to_contain_text("Enter the date as YYYY-MM-DD")

    # The event form's dates, and a lone date (status as of).
    event = make_event()
    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    expect(page.locator("output[for='id_latest']")).to_contain_text("readers see “13 Jan 2026”")
    page.fill("#id_latest", "2026-01-14")
    # Still one day to readers at day precision: the label says so before the editor saves.
    expect(page.locator("output[for='id_latest']")).to_have_text("Wed 14 Jan 2026 · readers see “13 Jan 2026”")
    page.select_option("#id_precision", "span")
    expect(page.locator("output[for='id_latest']")).to_have_text("Wed 14 Jan 2026 · readers see “13–14 Jan 2026”")
    page.fill("#id_status_as_of", "2026-13-01")
    expect(page.locator("output[for='id_status_as_of']")).to_have_text("There is no such day as 2026-13-01.")
