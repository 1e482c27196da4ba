"""An editor's whole round trip through the admin, in headless Chromium."""

import pytest

from newsroom.ingest import accept_proposal, ingest_source
from tests.curation_data import PASSWORD, PUBLISHED, SUMMIT_TEXT, make_actors, make_editor
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server):
    make_editor()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")


def test_paste_review_accept_edit_publish_and_see_it_on_the_timeline(page, live_server):
    make_actors()
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/timeline/source/add/")
    page.fill("#id_outlet", "Kyodo")
    page.fill("#id_title", "Takaichi welcomes Lee")
    page.fill("#id_published_on", "2026-01-15")
    page.fill("#id_text", SUMMIT_TEXT)
    page.click("input[name=_save]")

    page.wait_for_selector("section.proposal")
    assert page.locator("section.proposal").count() == 3
    first = page.locator("section.proposal").first
    assert first.locator("mark").inner_text() == "Tuesday"
    first.locator("summary", has_text="Accept as a new event").click()
    title = first.locator("input[name$='-title']")
    title.fill("Takaichi hosts Lee in Nara")
    first.locator("input[value='Accept as new event']").click()
    page.wait_for_selector("text=Created unpublished event")

    event = Event.objects.get()
    assert not event.is_published
    page.goto(f"{live_server.url}/")
    assert "Takaichi hosts Lee in Nara" not in page.content()

    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/change/")
    page.fill("#id_summary", "The first summit in Nara.")
    page.click("input[name=_save]")
    page.wait_for_selector("text=was changed successfully")

    page.goto(f"{live_server.url}/admin/timeline/event/")
    page.check(f"input[name=_selected_action][value='{event.pk}']")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_selector("text=Published 1 event.")

    page.goto(f"{live_server.url}/")
    assert "Takaichi hosts Lee in Nara" in page.content()
    event.refresh_from_db()
    assert event.is_published and event.summary == "The first summit in Nara."
    assert page.dialogs == []


def test_delete_an_event_then_restore_it_whole_and_unpublished(page, live_server):
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    event = accept_proposal(source.proposals.first())
    event.is_published = True
    event.save()
    actors = set(event.actors.all())
    assert len(actors) == 2 and event.citations.count() == 1
    log_in(page, live_server)

    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/delete/")
    page.click("input[type=submit]")
    page.wait_for_selector("text=was deleted successfully")
    assert not Event.objects.filter(pk=event.pk).exists()

    page.click("text=Deleted events")
    page.click("text=Restore")
    assert not page.is_checked("#id_is_published")
    page.click("input[name=_save]")
    page.wait_for_selector("text=Restored as unpublished")

    restored = Event.objects.get(pk=event.pk)
    assert not restored.is_published and set(restored.actors.all()) == actors
    assert restored.citations.get().quote == source.proposals.first().quote
    page.goto(f"{live_server.url}/admin/timeline/event/{event.pk}/history/")
    assert "Restored the version of" in page.content()
    assert page.dialogs == []
