"""Nothing unsourced goes public: publishing an event with no citation is refused, wherever it is tried."""

import pytest
from django.core.exceptions import ValidationError

from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_editor, make_event
from timeline.models import UNSOURCED_MESSAGE, Citation, Event, Source

pytestmark = pytest.mark.django_db

QUOTE = SUMMIT_TEXT.split(".")[0]


@pytest.fixture
def editor(client):
    client.force_login(make_editor())
    return client


def cite(event):
    source = Source.objects.first() or Source.objects.create(text=SUMMIT_TEXT, published_on=PUBLISHED)
    return Citation.objects.create(event=event, source=source, quote=QUOTE, start=0, end=len(QUOTE))


def change_data(event, **overrides):
    data = {
        "title": event.title,
        "slug": event.slug,
        "summary": "",
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "precision": event.precision,
        "status": event.status,
        "status_as_of": event.status_as_of.isoformat(),
        "importance": 3,
        "seen_version": event.version,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "citations-MIN_NUM_FORMS": 0,
        "citations-MAX_NUM_FORMS": 1000,
    }
    for n, citation in enumerate(event.citations.all()):
        data.update(
            {
                f"citations-{n}-id": citation.pk,
                f"citations-{n}-event": event.pk,
                f"citations-{n}-source": citation.source_id,
                f"citations-{n}-quote": citation.quote,
                f"citations-{n}-start": citation.start,
                f"citations-{n}-end": citation.end,
            }
        )
        data["citations-TOTAL_FORMS"] = data["citations-INITIAL_FORMS"] = n + 1
    data.update(overrides)
    return data


def test_the_model_refuses_a_published_event_without_a_citation():
    event = make_event()
    event.is_published = True
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert UNSOURCED_MESSAGE in refused.value.message_dict["is_published"]
    cite(event)
    event.full_clean()


def test_the_admin_form_refuses_to_publish_an_event_without_a_citation(editor):
    event = make_event()
    response = editor.post(f"/admin/timeline/event/{event.pk}/change/", change_data(event, is_published="on"))
    assert response.status_code == 200 and str(UNSOURCED_MESSAGE) in response.content.decode()
    assert not Event.objects.get(pk=event.pk).is_published


def test_the_admin_form_publishes_an_event_with_a_citation(editor):
    event = make_event()
    cite(event)
    response = editor.post(f"/admin/timeline/event/{event.pk}/change/", change_data(event, is_published="on"))
    assert response.status_code == 302 and Event.objects.get(pk=event.pk).is_published


def test_removing_the_last_citation_of_a_published_event_is_refused(editor):
    event = make_event(is_published=True)
    cite(event)
    data = change_data(event, is_published="on", **{"citations-0-DELETE": "on"})
    response = editor.post(f"/admin/timeline/event/{event.pk}/change/", data)
    assert response.status_code == 200 and str(UNSOURCED_MESSAGE) in response.content.decode()
    assert event.citations.count() == 1


def test_adding_a_published_event_without_a_citation_is_refused(editor):
    event = make_event()
    data = change_data(event, slug="new-one", is_published="on")
    data.pop("seen_version")
    response = editor.post("/admin/timeline/event/add/", data)
    assert response.status_code == 200 and str(UNSOURCED_MESSAGE) in response.content.decode()
    assert not Event.objects.filter(slug="new-one").exists()


def test_the_publish_action_publishes_only_cited_events_and_names_the_others(editor):
    cited = make_event(title="Cited", slug="cited")
    cite(cited)
    bare = make_event(title="Bare", slug="bare")
    response = editor.post(
        "/admin/timeline/event/",
        {"action": "publish", "_selected_action": [cited.pk, bare.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Published 1 event." in html and "“Bare”" in html and "for want of a citation" in html
    assert Event.objects.get(pk=cited.pk).is_published and not Event.objects.get(pk=bare.pk).is_published
