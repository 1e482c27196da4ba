"""
The filter form offers, and accepts, only the actors, topics and stories that
published events use: one made for a draft is not public yet, and an unknown
slug and a draft's slug get the same answer, so slugs cannot be probed.
"""

import datetime

import pytest

from timeline.models import Actor, Event, StoryArc, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_only(seed):
    day = datetime.date(2026, 1, 16)
    draft = Event.objects.create(
        title="An accord still under embargo",
        slug="embargoed-accord",
        earliest=day,
        latest=day,
        status_as_of=day,
        is_published=False,
        arc=StoryArc.objects.create(title="The secret talks", slug="secret-talks"),
    )
    draft.actors.add(
        Actor.objects.create(name="A negotiator not yet named", short_name="Negotiator", slug="negotiator")
    )
    draft.topics.add(Topic.objects.create(name="Embargoed accords", slug="embargoed-accords"))
    return draft


def test_the_form_offers_nothing_only_a_draft_uses(client, draft_only):
    html = client.get("/").content.decode()
    for slug in ("negotiator", "embargoed-accords", "secret-talks"):
        assert f'value="{slug}"' not in html
    assert 'value="japan"' in html


@pytest.mark.parametrize(
    "parameter, draft_slug", [("actor", "negotiator"), ("topic", "embargoed-accords"), ("arc", "secret-talks")]
)
@pytest.mark.parametrize("url", ["/", "/api/events.json", "/embed/"])
def test_a_draft_only_slug_answers_as_an_unknown_one(client, draft_only, url, parameter, draft_slug):
    drafted = client.get(url, {parameter: draft_slug})
    unknown = client.get(url, {parameter: "no-such-slug"})
    assert drafted.status_code == unknown.status_code == 400
    assert drafted.content.decode().replace(draft_slug, "SLUG") == unknown.content.decode().replace(
        "no-such-slug", "SLUG"
    )
