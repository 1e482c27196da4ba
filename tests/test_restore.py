"""
"No edit is ever lost": an event and what hangs on it (citations, relations
both ways, actors, places, topics) are one unit of history. Deleting and
restoring it, or editing and reverting it, gives back the whole event.
"""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from newsroom.ingest import ingest_source
from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors, make_editor, make_event
from timeline.models import Actor, Citation, Event, EventRelation, Place, Topic

pytestmark = pytest.mark.django_db

# Written by every save, so never the same after a restore.
BOOKKEEPING = {"version", "updated_at"}


class FormFields(HTMLParser):
    """What a browser would submit from the page's form (the _save button pressed)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self.select = self.textarea = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind == "submit" and name != "_save":
                return
            self.add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            values = self.data[self.textarea]
            # A browser drops the line break that follows <textarea>.
            values[-1] += data if values[-1] else data.removeprefix("\n")


def submit_form(client, url):
    page = client.get(url)
    assert page.status_code == 200
    parser = FormFields()
    parser.feed(page.content.decode())
    return client.post(url, parser.data)


def whole(event_pk) -> dict:
    """Everything about an event, by value: its fields, citations, relations both ways, actors, places, topics."""
    event = Event.objects.get(pk=event_pk)
    fields = model_to_dict(event, exclude=["actors", "places", "topics"])
    fields.update(created_at=event.created_at, published_at=event.published_at)
    return {
        "fields": {k: v for k, v in fields.items() if k not in BOOKKEEPING},
        "actors": set(event.actors.values_list("name", flat=True)),
        "places": set(event.places.values_list("name", flat=True)),
        "topics": set(event.topics.values_list("name", flat=True)),
        "citations": set(event.citations.values_list("source_id", "quote", "start", "end")),
        "relations": {
            (r.from_event_id, r.to_event_id, r.kind, r.note, r.citation and (r.citation.event_id, r.citation.quote))
            for r in EventRelation.objects.filter(from_event=event) | EventRelation.objects.filter(to_event=event)
        },
    }


@pytest.fixture
def editor(client):
    client.force_login(make_editor())
    return client


@pytest.fixture
def summit():
    """A published event with everything that can hang on one, and events related to it both ways."""
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    event = make_event(summary="The first summit in Nara.", importance=5, is_published=True)
    event.actors.set(Actor.objects.all())
    event.places.set([Place.objects.create(name="Nara", slug="nara")])
    event.topics.set([Topic.objects.create(name="Diplomacy", slug="diplomacy")])
    for proposal in source.proposals.all()[:2]:
        Citation.objects.create(
            event=event, source=source, quote=proposal.quote, start=proposal.start, end=proposal.end
        )
    december, april = datetime.date(2025, 12, 1), datetime.date(2026, 4, 1)
    before = make_event(title="Invitation", slug="invitation", earliest=december, latest=december)
    after = make_event(title="Return visit", slug="return-visit", earliest=april, latest=april)
    EventRelation.objects.create(from_event=before, to_event=event, kind="led_to", note="Invited in December.")
    EventRelation.objects.create(from_event=event, to_event=after, kind="led_to", citation=event.citations.first())
    return event


def test_a_deleted_event_is_restored_whole_and_unpublished(editor, summit):
    original = whole(summit.pk)
    assert len(original["citations"]) == 2 and len(original["relations"]) == 2 and len(original["actors"]) == 2

    assert editor.post(reverse("admin:timeline_event_delete", args=[summit.pk]), {"post": "yes"}).status_code == 302
    assert not Event.objects.filter(pk=summit.pk).exists()
    assert not Citation.objects.filter(event_id=summit.pk).exists()

    listing = editor.get(reverse("admin:timeline_event_deleted")).content.decode()
    restore = re.search(r'href="(/admin/timeline/event/\d+/history/\d+/)"', listing).group(1)
    response = submit_form(editor, restore)
    assert response.status_code == 302

    restored = whole(summit.pk)
    assert restored["fields"]["is_published"] is False and restored["fields"]["published_at"] is None
    for state in (original, restored):
        state["fields"].pop("is_published"), state["fields"].pop("published_at")
    assert restored["fields"] == original["fields"]
    assert restored == original
    assert "Restored as unpublished" in editor.get(reverse("admin:timeline_event_changelist")).content.decode()


def test_reverting_an_edit_brings_back_what_was_removed_since(editor, summit):
    original = whole(summit.pk)
    version = summit.history.latest()

    summit.refresh_from_db()
    summit.title = "Wrong title"
    summit.save()
    summit.actors.remove(Actor.objects.get(short_name="Lee"))
    summit.topics.clear()
    summit.citations.last().delete()
    summit.relations_in.get().delete()
    summit.relations_out.get().delete()
    assert whole(summit.pk) != original

    response = submit_form(editor, reverse("admin:timeline_event_simple_history", args=[summit.pk, version.history_id]))
    assert response.status_code == 302
    assert whole(summit.pk) == original


def test_history_page_shows_citations_relations_and_actors_removed(editor, summit):
    summit.actors.remove(Actor.objects.get(short_name="Lee"))
    removed = summit.citations.last()
    removed.delete()
    summit.relations_out.get().delete()
    page = editor.get(reverse("admin:timeline_event_history", args=[summit.pk])).content.decode()
    assert "Citation removed" in page and removed.quote[:40] in page
    assert "Summit in Nara led to Return visit" in page
    assert "Lee Jae-myung" in page


def test_deleting_an_event_shows_in_the_history_of_events_related_to_it(summit):
    other = EventRelation.objects.get(to_event=summit).from_event
    summit.delete()
    latest = other.history.latest()
    assert latest.history_change_reason.startswith("Relation removed") and latest.linked["relations"] == []


def test_a_relation_to_an_event_deleted_since_is_reported_not_restored(editor, summit):
    version = summit.history.latest()
    Event.objects.get(slug="return-visit").delete()
    response = submit_form(editor, reverse("admin:timeline_event_simple_history", args=[summit.pk, version.history_id]))
    assert response.status_code == 302
    assert summit.relations_out.count() == 0 and summit.relations_in.count() == 1
    messages = editor.get(reverse("admin:timeline_event_changelist")).content.decode()
    assert "that event was deleted" in messages
