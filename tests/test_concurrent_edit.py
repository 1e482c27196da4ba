"""Two editors open the same event and both save: the second is refused."""

import re

import pytest
from django.test import Client

from tests.curation_data import make_editor, make_event
from timeline.models import Event

pytestmark = pytest.mark.django_db


def change_form_data(client, event):
    """The change form as the editor's browser would submit it."""
    html = client.get(f"/admin/timeline/event/{event.pk}/change/").content.decode()
    version = re.search(r'name="seen_version" value="(\d+)"', html).group(1)
    return {
        "title": event.title,
        "slug": event.slug,
        "summary": event.summary,
        "earliest": event.earliest.isoformat(),
        "latest": event.latest.isoformat(),
        "precision": event.precision,
        "status": event.status,
        "status_as_of": event.status_as_of.isoformat(),
        "importance": event.importance,
        "seen_version": version,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "citations-MIN_NUM_FORMS": 0,
        "citations-MAX_NUM_FORMS": 1000,
    }


def test_second_save_of_the_same_event_is_refused_and_first_kept():
    event = make_event()
    alice, bob = Client(), Client()
    alice.force_login(make_editor("alice"))
    bob.force_login(make_editor("bob"))
    url = f"/admin/timeline/event/{event.pk}/change/"
    alice_data = change_form_data(alice, event)
    bob_data = change_form_data(bob, event)

    assert alice.post(url, {**alice_data, "title": "Alice's title", "importance": 5}).status_code == 302
    response = bob.post(url, {**bob_data, "title": "Bob's title"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "alice changed this event after you opened it" in page
    assert "title" in page.split("They changed:")[1].split(".")[0]
    event.refresh_from_db()
    assert (event.title, event.importance) == ("Alice's title", 5)
    assert event.history.count() == 2  # created, Alice's save; nothing from Bob


def test_saving_again_after_reloading_works():
    event = make_event()
    client = Client()
    client.force_login(make_editor())
    url = f"/admin/timeline/event/{event.pk}/change/"
    client.post(url, {**change_form_data(client, event), "title": "First"})
    event.refresh_from_db()
    assert client.post(url, {**change_form_data(client, event), "title": "Second"}).status_code == 302
    event.refresh_from_db()
    assert event.title == "Second" and event.version == 3


def test_guarded_save_refuses_a_stale_version_even_past_the_form():
    event = make_event()
    stale = Event.objects.get(pk=event.pk)
    event.title = "Saved first"
    event.save()
    stale.title = "Saved second"
    with pytest.raises(Event.StaleEdit):
        stale.save_if_version(1)
    event.refresh_from_db()
    assert event.title == "Saved first"


@pytest.mark.django_db(transaction=True)
def test_two_threads_saving_the_same_version_only_one_wins():
    import threading

    from django.db import connection

    event = make_event()
    barrier = threading.Barrier(2)
    outcomes = []

    def save(title):
        try:
            copy = Event.objects.get(pk=event.pk)
            copy.title = title
            barrier.wait(timeout=10)
            copy.save_if_version(1)
            outcomes.append(("saved", title))
        except Event.StaleEdit:
            outcomes.append(("refused", title))
        except Exception as error:  # surfaced by the assertion below
            outcomes.append((repr(error), title))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(kind for kind, _ in outcomes) == ["refused", "saved"]
    winner = next(title for kind, title in outcomes if kind == "saved")
    event.refresh_from_db()
    assert (event.title, event.version) == (winner, 2)
