"""
A staff member who may only view records: every admin page renders for them,
read-only, and nothing they POST is written.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.forms.models import model_to_dict
from django.urls import reverse

from newsroom.ingest import accept_proposal, ingest_source
from tests.curation_data import PASSWORD, PUBLISHED, SUMMIT_TEXT, make_actors, make_event
from timeline.models import Actor, Citation, Event, EventRelation, Place, Proposal, Source, StoryArc, Topic

pytestmark = pytest.mark.django_db

HISTORY_MODELS = [Actor, Place, Topic, StoryArc, Source, Event, Citation, EventRelation]


@pytest.fixture
def records():
    """One saved record of every model in the admin."""
    make_actors()
    source = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    event = accept_proposal(source.proposals.first())
    april = datetime.date(2026, 4, 1), datetime.date(2026, 4, 30)
    other = make_event(title="Return visit", slug="return-visit", earliest=april[0], latest=april[1])
    return {
        Actor: Actor.objects.first(),
        Place: Place.objects.create(name="Nara", slug="nara"),
        Topic: Topic.objects.create(name="Diplomacy", slug="diplomacy"),
        StoryArc: StoryArc.objects.create(title="Shuttle diplomacy", slug="shuttle"),
        Source: source,
        Event: event,
        Citation: event.citations.get(),
        EventRelation: EventRelation.objects.create(from_event=event, to_event=other, kind="led_to"),
        Proposal: source.proposals.last(),
    }


@pytest.fixture
def viewer(client):
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", PASSWORD, is_staff=True)
    views = Permission.objects.filter(content_type__app_label="timeline", codename__startswith="view_")
    user.user_permissions.set(views)
    client.force_login(user)
    return client


def admin_url(record, view, *args):
    return reverse(f"admin:timeline_{record._meta.model_name}_{view}", args=[record.pk, *args])


def as_posted(record) -> dict:
    """The record's own values as its form would post them, with the title-like fields changed."""
    data = {key: value for key, value in model_to_dict(record).items() if value is not None}
    data.update({"is_published": "on", "seen_version": getattr(record, "version", "")})
    for field in ("title", "name", "short_name", "note", "quote"):
        if field in data:
            data[field] = "Changed by a viewer"
    return data


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda model: model.__name__)
def test_a_viewer_posting_a_version_of_any_record_is_refused_and_nothing_changes(viewer, records, model):
    record = records[model]
    before = model_to_dict(model.objects.get(pk=record.pk))
    version = record.history.earliest()
    response = viewer.post(admin_url(record, "simple_history", version.history_id), as_posted(record))
    assert response.status_code == 403
    assert model_to_dict(model.objects.get(pk=record.pk)) == before
    assert record.history.count() == 1 or model is Event


@pytest.mark.parametrize("model", HISTORY_MODELS, ids=lambda model: model.__name__)
def test_a_viewer_cannot_restore_a_deleted_record_from_its_history(viewer, records, model):
    record = records[model]
    if model is Source:
        record.citations.all().delete()  # citations protect their source
    version = record.history.latest()
    record.delete()
    response = viewer.post(admin_url(record, "simple_history", version.history_id), as_posted(record))
    assert response.status_code == 403
    assert not model.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("model", [*HISTORY_MODELS, Proposal], ids=lambda model: model.__name__)
def test_a_viewer_sees_every_record_read_only(viewer, records, model):
    record = records[model]
    response = viewer.get(admin_url(record, "change"))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    if model is not Proposal:
        assert viewer.get(admin_url(record, "history")).status_code == 200
        version = record.history.earliest()
        page = viewer.get(admin_url(record, "simple_history", version.history_id))
        assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


def test_a_viewer_cannot_publish_from_the_event_list(viewer, records):
    event = records[Event]
    publish = {"action": "publish", "_selected_action": [event.pk], "index": 0}
    response = viewer.post(reverse("admin:timeline_event_changelist"), publish)
    assert response.status_code == 403
    event.refresh_from_db()
    assert not event.is_published


def test_a_viewer_cannot_review_proposals(viewer, records):
    proposal = records[Proposal]
    url = reverse("admin:timeline_source_review", args=[proposal.source_id])
    assert viewer.post(url, {"proposal": proposal.pk, "action": "reject"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_a_viewer_cannot_open_deleted_events_to_restore_them(viewer, records):
    assert viewer.get(reverse("admin:timeline_event_deleted")).status_code == 403


def test_a_viewer_cannot_change_a_record_through_its_change_form(viewer, records):
    event = records[Event]
    response = viewer.post(admin_url(event, "change"), as_posted(event))
    assert response.status_code == 403
    event.refresh_from_db()
    assert not event.is_published
