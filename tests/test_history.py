import re

import pytest

from tests.curation_data import make_editor, make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


def form_data(client, url, event):
    html = client.get(url).content.decode()
    version = re.search(r'name="seen_version" value="(\d+)"', html).group(1)
    title = re.search(r'name="title" value="([^"]*)"', html).group(1)
    return {
        "title": title,
        "slug": event.slug,
        "summary": "",
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "precision": event.precision,
        "status": event.status,
        "status_as_of": event.status_as_of.isoformat(),
        "importance": 3,
        "seen_version": version,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "citations-MIN_NUM_FORMS": 0,
        "citations-MAX_NUM_FORMS": 1000,
    }


@pytest.fixture
def editor(client):
    client.force_login(make_editor("carol"))
    return client


def test_change_is_recorded_with_editor_and_can_be_reverted(editor):
    event = make_event(title="Original title")
    change = f"/admin/timeline/event/{event.pk}/change/"
    assert editor.post(change, {**form_data(editor, change, event), "title": "Wrong title"}).status_code == 302
    latest = event.history.first()
    assert latest.title == "Wrong title" and latest.history_user.username == "carol"
    assert "carol" in editor.get(f"/admin/timeline/event/{event.pk}/history/").content.decode()

    original = event.history.get(title="Original title")
    revert = f"/admin/timeline/event/{event.pk}/history/{original.history_id}/"
    data = form_data(editor, revert, event)
    assert data["title"] == "Original title"
    assert editor.post(revert, data).status_code == 302
    event.refresh_from_db()
    assert event.title == "Original title"
    assert event.history.count() == 3


def test_deleted_event_can_be_restored_from_history(editor):
    event = make_event(title="Deleted by mistake")
    pk = event.pk
    editor.post(f"/admin/timeline/event/{pk}/delete/", {"post": "yes"})
    assert not Event.objects.filter(pk=pk).exists()
    listing = editor.get("/admin/timeline/event/deleted/").content.decode()
    assert "Deleted by mistake" in listing
    restore = re.search(r'href="(/admin/timeline/event/\d+/history/\d+/)"', listing).group(1)
    assert editor.post(restore, form_data(editor, restore, event)).status_code == 302
    assert Event.objects.get(pk=pk).title == "Deleted by mistake"


def test_source_and_citation_changes_are_kept():
    from newsroom.ingest import accept_proposal, ingest_source
    from tests.curation_data import PUBLISHED, SUMMIT_TEXT

    source = ingest_source(SUMMIT_TEXT, PUBLISHED).source
    event = accept_proposal(source.proposals.first())
    citation = event.citations.get()
    assert source.history.count() == 1 and citation.history.count() == 1
    source.title = "Retitled"
    source.save()
    assert source.history.first().title == "Retitled"
