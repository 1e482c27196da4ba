"""Following an outlet: `add_feed`, `poll_feeds`, conditional GET, keywords, duplicates, back-off."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from newsroom.models import Feed, FeedItem
from tests.feed_site import Answer, serve_feed
from tests.local_site import LocalSite
from timeline.models import Source, StoryArc

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[site.host]):
        yield site


@pytest.fixture
def story(db):
    return StoryArc.objects.create(title="The bridge dispute", slug="bridge-dispute")


def command(name, *args) -> str:
    out = StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue()


def test_add_feed_follows_a_feed_for_a_story(story):
    command(
        "add_feed", "https://ledger.example/region.xml", "--story", "bridge-dispute", "--keywords", "bridge", "Toll"
    )
    feed = Feed.objects.get()
    assert (feed.story, feed.keywords) == (story, ["bridge", "Toll"])


def test_add_feed_refuses_an_unknown_story(db):
    with pytest.raises(CommandError, match="no story with the slug 'nope'"):
        command("add_feed", "https://ledger.example/region.xml", "--story", "nope")


def test_two_matching_items_of_three_become_two_sources_and_polling_again_none(site, story):
    url = serve_feed(site)
    command("add_feed", url, "--story", "bridge-dispute", "--keywords", "bridge")
    output = command("poll_feeds")
    sources = Source.objects.order_by("published_on")
    assert [s.title for s in sources] == ["Bridge council approves the toll plan", "Ferry crews end their strike"]
    assert all(s.proposals.exists() for s in sources)
    assert sources[0].outlet == "Riverside Ledger"
    assert "3 new item(s), 2 source(s) stored" in output

    command("poll_feeds")
    assert Source.objects.count() == 2
    conditional = [headers for path, headers in site.requests if path == "/region.xml"][-1]
    assert conditional.get("If-None-Match") == '"feed-1"'


def test_items_already_seen_are_not_taken_again_without_conditional_get(site, story):
    url = serve_feed(site, etag=None)
    command("add_feed", url, "--story", "bridge-dispute")
    command("poll_feeds")
    assert Source.objects.count() == 3
    assert "0 new item(s), 0 source(s) stored" in command("poll_feeds")
    assert Source.objects.count() == 3


def test_an_article_in_two_feeds_is_stored_once(site, story):
    first = serve_feed(site, "/region.xml")
    second = serve_feed(site, "/all.xml")
    command("add_feed", first, "--story", "bridge-dispute", "--keywords", "bridge")
    command("add_feed", second, "--story", "bridge-dispute")
    command("poll_feeds")
    assert Source.objects.count() == 3
    bridge = Source.objects.get(title="Bridge council approves the toll plan")
    assert set(bridge.feed_items.values_list("feed__url", flat=True)) == {first, second}


def test_a_failing_feed_says_so_and_backs_off(site, story, admin_client):
    site.routes["/broken.xml"] = Answer(503, b"down", "text/plain")
    command("add_feed", site.url("/broken.xml"), "--story", "bridge-dispute")
    with pytest.raises(CommandError, match="1 feed"):
        command("poll_feeds")
    feed = Feed.objects.get()
    assert feed.failures == 1 and "answered 503" in feed.last_error
    first_wait = feed.next_poll_at - feed.last_polled_at
    with pytest.raises(CommandError):
        command("poll_feeds")
    feed.refresh_from_db()
    assert feed.next_poll_at - feed.last_polled_at == 2 * first_wait
    page = admin_client.get(reverse("admin:newsroom_feed_changelist"))
    assert "answered 503" in page.content.decode()


def test_proposals_from_a_feed_are_marked_with_it_on_the_review_desk(site, story, admin_client):
    url = serve_feed(site)
    command("add_feed", url, "--story", "bridge-dispute", "--keywords", "toll")
    command("poll_feeds")
    source = Source.objects.get()
    page = admin_client.get(reverse("admin:timeline_source_review", args=[source.pk]))
    assert "Riverside Ledger: Region" in page.content.decode()
    assert FeedItem.objects.filter(source=source).count() == 1


def test_an_event_accepted_from_a_feed_item_joins_the_feed_story(site, story, admin_client):
    url = serve_feed(site)
    command("add_feed", url, "--story", "bridge-dispute", "--keywords", "toll")
    command("poll_feeds")
    proposal = Source.objects.get().proposals.first()
    review = reverse("admin:timeline_source_review", args=[proposal.source.pk])
    admin_client.post(review, {"proposal": proposal.pk, "action": "accept_as_proposed"})
    proposal.refresh_from_db()
    assert proposal.event.arc == story


def test_a_feed_address_must_be_a_web_address(story, admin_client):
    response = admin_client.post(
        reverse("admin:newsroom_feed_add"),
        {
            "url": "ftp://ledger.example/region.xml",
            "story": story.pk,
            "interval_minutes": 30,
            "items-TOTAL_FORMS": 0,
            "items-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200 and "Enter a valid URL" in response.content.decode()
    assert not Feed.objects.exists()


def test_keywords_are_typed_as_a_comma_separated_line(story, admin_client):
    admin_client.post(
        reverse("admin:newsroom_feed_add"),
        {
            "url": "https://ledger.example/region.xml",
            "story": story.pk,
            "keywords": "toll, Bridge,,",
            "active": "on",
            "interval_minutes": 30,
            "items-TOTAL_FORMS": 0,
            "items-INITIAL_FORMS": 0,
        },
    )
    assert Feed.objects.get().keywords == ["Bridge", "toll"]
