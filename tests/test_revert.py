"""Reverts respect other editors' evidence, and the seed's history starts with its citations and relations."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from tests.curation_data import PASSWORD, PUBLISHED, SUMMIT_TEXT, make_editor, make_event
from tests.test_history import form_data
from timeline.history import linked_state
from timeline.models import Citation, Event, Source

pytestmark = pytest.mark.django_db

QUOTE = SUMMIT_TEXT.split(".")[0]


def test_every_seed_events_first_version_records_its_citations_and_relations(seed):
    for event in Event.objects.all():
        first = event.history.earliest("history_date")
        assert first.linked == linked_state(event), event.slug
    assert any(event.history.earliest("history_date").linked["relations"] for event in Event.objects.all())


def test_reverting_a_seed_event_to_its_original_keeps_its_citations(client, seed):
    client.force_login(make_editor())
    event = Event.objects.filter(is_published=True, citations__isnull=False).distinct().first()
    citations = event.citations.count()
    change = f"/admin/timeline/event/{event.pk}/change/"
    client.post(change, {**form_data(client, change, event), "title": "Changed"})
    original = event.history.earliest("history_date")
    revert = f"/admin/timeline/event/{event.pk}/history/{original.history_id}/"
    data = {**form_data(client, revert, event), "title": original.title, "is_published": "on"}
    response = client.post(revert, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == original.title and event.citations.count() == citations


@pytest.fixture
def event_cited_later():
    """An event whose first version had no citation; one was added since."""
    event = make_event(title="Summit in Nara")
    source = Source.objects.create(text=SUMMIT_TEXT, published_on=PUBLISHED)
    Citation.objects.create(event=event, source=source, quote=QUOTE, start=0, end=len(QUOTE))
    return event


def editor_without_delete(client):
    user = get_user_model().objects.create_user("writer", "writer@example.org", PASSWORD, is_staff=True)
    codenames = [
        f"{verb}_{model}" for verb in ("view", "add", "change") for model in ("event", "citation", "eventrelation")
    ]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_a_revert_that_would_delete_citations_needs_the_delete_permission(client, event_cited_later):
    event = event_cited_later
    editor = editor_without_delete(client)
    first = event.history.earliest("history_date")
    revert = f"/admin/timeline/event/{event.pk}/history/{first.history_id}/"
    response = editor.post(revert, {**form_data(editor, revert, event), "confirm_removal": "yes"}, follow=True)
    html = response.content.decode()
    assert "permission to delete citations" in html and "Nothing was changed" in html
    assert event.citations.count() == 1


def test_a_revert_says_which_citations_it_removes_and_removes_them_only_when_confirmed(client, event_cited_later):
    event = event_cited_later
    client.force_login(make_editor())
    first = event.history.earliest("history_date")
    revert = f"/admin/timeline/event/{event.pk}/history/{first.history_id}/"
    data = form_data(client, revert, event)
    response = client.post(revert, data)
    html = response.content.decode()
    assert response.status_code == 200 and "removes what was added to it since" in html
    assert QUOTE[:60] in html and 'name="confirm_removal" value="yes"' in html
    assert event.citations.count() == 1
    response = client.post(revert, {**data, "confirm_removal": "yes"})
    assert response.status_code == 302 and event.citations.count() == 0


def test_the_version_page_lists_what_a_revert_removes_before_its_button(client, event_cited_later):
    from timeline.models import Actor

    event = event_cited_later
    actor = Actor.objects.create(name="Lee Jae-myung", short_name="Lee", slug="lee", kind="person")
    event.actors.add(actor)
    client.force_login(make_editor())
    first = event.history.earliest("history_date")
    revert = f"/admin/timeline/event/{event.pk}/history/{first.history_id}/"
    html = client.get(revert).content.decode()
    listed, button = html.index("What reverting to this version does"), html.index('value="Revert"')
    assert listed < button
    assert QUOTE[:60] in html[listed:button] and "Lee Jae-myung" in html[listed:button]
    # Revert from that page: what it listed is removed, without a second page.
    fingerprint = re.search(r'name="confirm_removal" value="([0-9a-f]+)"', html).group(1)
    response = client.post(revert, {**form_data(client, revert, event), "confirm_removal": fingerprint})
    assert response.status_code == 302 and event.citations.count() == 0 and not event.actors.exists()


def test_a_citation_added_after_the_version_page_was_shown_asks_again(client, event_cited_later):
    event = event_cited_later
    client.force_login(make_editor())
    first = event.history.earliest("history_date")
    revert = f"/admin/timeline/event/{event.pk}/history/{first.history_id}/"
    html = client.get(revert).content.decode()
    fingerprint = re.search(r'name="confirm_removal" value="([0-9a-f]+)"', html).group(1)
    second = SUMMIT_TEXT.split(".")[1].strip()
    source = event.citations.get().source
    start = SUMMIT_TEXT.index(second)
    Citation.objects.create(event=event, source=source, quote=second, start=start, end=start + len(second))
    response = client.post(revert, {**form_data(client, revert, event), "confirm_removal": fingerprint})
    assert response.status_code == 200 and "removes what was added to it since" in response.content.decode()
    assert event.citations.count() == 2
