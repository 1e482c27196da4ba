"""One event at a time: the panel opens on the event's own passages, and steps to the events
before and after it in the list of the reader's filters; the embed's `story` reads on the same way."""

import re

import pytest

from timeline.models import Event

pytestmark = pytest.mark.django_db


def panel(client, slug, page_url="http://testserver/"):
    return client.get(f"/events/{slug}/panel/", headers={"HX-Request": "true", "HX-Current-URL": page_url})


def step_slug(html: str, direction: str) -> str | None:
    match = re.search(rf'data-step="{direction}"', html)
    if not match:
        return None
    tag = html[html.rindex("<a ", 0, match.start()) : match.end()]
    return re.search(r"/events/([-\w]+)/panel/", tag)[1]


def test_the_panel_shows_the_events_own_quotes_before_names_and_linked_events(client, seed):
    event = Event.objects.filter(relations_out__isnull=False).first()
    html = panel(client, event.slug).content.decode()
    quotes = html.index('class="citations"')
    assert quotes < html.index('class="facets"')
    assert quotes < html.index("Linked events")


def test_next_walks_every_event_of_a_filtered_view_in_the_lists_order(client, seed):
    page_url = "http://testserver/?actor=japan"
    expected = list(Event.objects.published().filter(actors__slug="japan").distinct().chronological())
    walked = [expected[0].slug]
    while slug := step_slug(panel(client, walked[-1], page_url).content.decode(), "next"):
        walked.append(slug)
        assert len(walked) <= len(expected)
    assert walked == [event.slug for event in expected]


def test_previous_walks_back_to_the_first_event(client, seed):
    ordered = list(Event.objects.published().chronological())
    walked = [ordered[-1].slug]
    while slug := step_slug(panel(client, walked[-1]).content.decode(), "previous"):
        walked.append(slug)
        assert len(walked) <= len(ordered)
    assert walked == [event.slug for event in reversed(ordered)]


def test_a_step_keeps_the_filters_in_its_link(client, seed):
    first = Event.objects.published().filter(actors__slug="japan").distinct().chronological().first()
    html = panel(client, first.slug, "http://testserver/?actor=japan&lanes=actor").content.decode()
    link = re.search(r'<a class="step step-next"[^>]*href="([^"]+)"', html)[1]
    assert "actor=japan" in link and "lanes=actor" in link and "event=" in link


def test_the_embed_opens_a_story_at_its_event_with_steps_that_stay_in_the_story(client, seed):
    events = list(Event.objects.published().chronological())
    story = events[3]
    response = client.get("/embed/", {"story": story.slug, "theme": "dark"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="event-title-{story.slug}"' in html
    assert "story-mode" in html
    link = re.search(r'<a class="step step-next"[^>]*href="([^"]+)"', html)[1].replace("&amp;", "&")
    assert f"story={events[4].slug}" in link and "theme=dark" in link and "window" not in link


def test_an_unknown_story_is_refused_with_a_message(client, seed):
    response = client.get("/embed/", {"story": "no-such-event"})
    assert response.status_code == 400
    assert "Unknown event" in response.content.decode()


def test_a_link_that_leaves_the_embed_opens_in_the_readers_window(client, seed):
    # With JavaScript off a click on a mark follows its link: an event page refuses framing, so
    # inside the frame it would be blank.
    html = client.get("/embed/").content.decode()
    assert '<base target="_top">' in html
