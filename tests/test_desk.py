"""A faster desk: reject many at once, counters that follow each decision."""

import pytest
from django.urls import reverse
from django.utils import timezone

from newsroom.ingest import ingest_source
from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors, make_editor
from timeline.models import Proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    make_actors()
    client.force_login(make_editor())
    return client


@pytest.fixture
def source(editor):
    return ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source


def review(source):
    return reverse("admin:timeline_source_review", args=[source.pk])


def test_rejecting_the_selected_proposals_at_once(editor, source):
    first, second, *rest = source.proposals.order_by("start", "pk")
    response = editor.post(review(source), {"action": "reject_selected", "selected": [first.pk, second.pk, "x"]})
    assert response.status_code == 302
    assert set(source.proposals.filter(status="rejected")) == {first, second}
    assert all(p.status == "pending" for p in Proposal.objects.filter(pk__in=[p.pk for p in rest]))


def test_rejecting_all_remaining_proposals_of_a_source(editor, source):
    other = ingest_source("The envoys will meet on 20 January 2026.", PUBLISHED, outlet="Wire").source
    accepted = source.proposals.order_by("start").first()
    editor.post(review(source), {"proposal": accepted.pk, "action": "accept_as_proposed"})
    response = editor.post(review(source), {"action": "reject_remaining"}, follow=True)
    assert "Rejected" in response.content.decode()
    assert not source.proposals.pending().exists()
    assert source.proposals.get(pk=accepted.pk).status == "accepted"
    assert other.proposals.pending().count() == other.proposals.count() > 0


def test_rejecting_nothing_selected_says_so(editor, source):
    response = editor.post(review(source), {"action": "reject_selected"}, follow=True)
    assert "No pending proposal was selected" in response.content.decode()
    assert source.proposals.pending().count() == source.proposals.count()


def test_a_decision_by_htmx_updates_the_counters_out_of_band(editor, source):
    total = source.proposals.count()
    proposal = source.proposals.first()
    response = editor.post(review(source), {"proposal": proposal.pk, "action": "reject"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert f'id="proposal-{proposal.pk}"' in html
    assert 'id="pending-count" hx-swap-oob="true"' in html and f"{total - 1} proposals waiting" in html
    assert 'id="review-tabs" hx-swap-oob="true"' in html and "Rejected (1)" in html
    # The reject-many buttons count what remains too.
    assert 'id="reject-many" hx-swap-oob="true"' in html and f"Reject all {total - 1} remaining proposals" in html


def retitle(client, event, title):
    from tests.test_publication import change_data

    event.refresh_from_db()
    data = change_data(
        event, title=title, short_title=event.short_title, **({"is_published": "on"} if event.is_published else {})
    )
    response = client.post(reverse("admin:timeline_event_change", args=[event.pk]), data)
    assert response.status_code == 302
    event.refresh_from_db()


def test_the_slug_follows_the_title_until_the_event_is_first_published(editor, source):
    from timeline.models import Event

    proposal = source.proposals.order_by("start").first()
    editor.post(review(source), {"proposal": proposal.pk, "action": "accept_as_proposed"})
    event = Event.objects.get()
    assert event.slug == "takaichi-welcomed-lee-to-her-home-city"
    retitle(editor, event, "Takaichi hosts Lee in Nara")
    assert event.slug == "takaichi-hosts-lee-in-nara"
    Event.objects.filter(pk=event.pk).update(is_published=True, published_at=timezone.now())
    retitle(editor, event, "Takaichi hosts Lee in her home city")
    assert event.slug == "takaichi-hosts-lee-in-nara"


def test_a_short_title_cut_from_the_title_follows_it_and_one_the_editor_wrote_stays(editor):
    from tests.curation_data import make_event

    event = make_event(title="Takaichi was in Nara on Monday to prepare", slug="prep")
    event.refresh_from_db()
    assert event.short_title == "Takaichi was in Nara on Monday to…"
    retitle(editor, event, "Takaichi prepares in Nara")
    assert event.short_title == "Takaichi prepares in Nara"
    event.short_title = "Nara preparations"
    event.save()
    retitle(editor, event, "Takaichi prepares the summit in Nara")
    assert event.short_title == "Nara preparations"


def test_a_slug_an_editor_chose_stays_when_the_title_changes(editor):
    from tests.curation_data import make_event

    event = make_event(title="Summit in Nara", slug="nara-summit-2026")
    retitle(editor, event, "The Nara summit")
    assert event.slug == "nara-summit-2026"
