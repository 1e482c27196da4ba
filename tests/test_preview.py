"""
Staff who may view events and sources in the admin preview unpublished ones
on the public pages, under a draft banner; nobody else ever gets them, and no
cache keeps them.
"""

import datetime
import gzip
import pickle

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from timeline.models import Citation, Event, Source

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Leaders sign the Nara accord (draft)"
DRAFT_TEXT = "EMBARGOED: the two leaders will sign the Nara accord on Friday."
BANNER = "Draft — not published."
BACKEND = "django.contrib.auth.backends.ModelBackend"


def make_staff(*permissions: str, is_staff: bool = True) -> User:
    user = User.objects.create_user(f"editor-{len(permissions)}-{is_staff}", password="x", is_staff=is_staff)
    user.user_permissions.set(Permission.objects.filter(codename__in=permissions))
    return user


@pytest.fixture
def draft(seed):
    source = Source.objects.create(
        outlet="Wire", title="Embargoed copy", published_on=datetime.date(2026, 1, 9), text=DRAFT_TEXT
    )
    day = datetime.date(2026, 1, 16)
    event = Event.objects.create(
        title=DRAFT_TITLE,
        slug="nara-accord",
        earliest=day,
        latest=day,
        status_as_of=datetime.date(2026, 1, 9),
        summary="Signed in Nara.",
    )
    Citation.objects.create(event=event, source=source, quote=DRAFT_TEXT[11:50])
    return event, source


@pytest.fixture
def previewer(client):
    client.force_login(make_staff("view_event", "view_source"), backend=BACKEND)
    return client


def no_store(response) -> bool:
    parts = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= parts


def test_staff_preview_an_unpublished_event_under_a_draft_banner(previewer, draft):
    event, _ = draft
    for url in (f"/events/{event.slug}/", f"/events/{event.slug}/panel/"):
        response = previewer.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert DRAFT_TITLE in html and BANNER in html, url
        assert no_store(response), url


def test_staff_preview_an_unpublished_source(previewer, draft):
    _, source = draft
    response = previewer.get(f"/sources/{source.pk}/")
    assert response.status_code == 200
    assert "EMBARGOED" in response.content.decode() and BANNER in response.content.decode()
    assert no_store(response)


def test_after_a_staff_preview_readers_still_get_404(client, draft):
    event, source = draft
    client.force_login(make_staff("view_event", "view_source"), backend=BACKEND)
    assert client.get(f"/events/{event.slug}/").status_code == 200
    client.logout()
    for url in (f"/events/{event.slug}/", f"/events/{event.slug}/panel/", f"/sources/{source.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert DRAFT_TITLE not in response.content.decode() and "EMBARGOED" not in response.content.decode()


@pytest.mark.parametrize(
    ("permissions", "is_staff"),
    [((), True), (("view_source",), True), (("view_event", "view_source"), False)],
)
def test_only_staff_with_view_permission_preview(client, draft, permissions, is_staff):
    event, _ = draft
    client.force_login(make_staff(*permissions, is_staff=is_staff), backend=BACKEND)
    assert client.get(f"/events/{event.slug}/").status_code == 404


def test_published_pages_carry_no_banner_for_staff(previewer, seed):
    event = Event.objects.published().first()
    response = previewer.get(f"/events/{event.slug}/")
    assert BANNER not in response.content.decode()
    assert not no_store(response)


def test_shared_cached_answers_never_hold_drafts(previewer, draft, client):
    event, source = draft
    urls = [
        "/",
        "/embed/",
        "/api/events.json",
        "/api/events.csv",
        "/api/events.ics",
        "/api/events.timelinejs.json",
        "/feed/",
        "/sitemap.xml",
        f"/oembed?url=http://testserver/events/{event.slug}/",
    ]
    previewer.get(f"/events/{event.slug}/")
    previewer.get(f"/sources/{source.pk}/")
    for url in urls:
        previewer.get(url)
    previewer.logout()
    for url in urls:
        text = client.get(url).content.decode()
        assert DRAFT_TITLE not in text and "nara-accord" not in text and "EMBARGOED" not in text, url
    # Each entry: (the version it was built at, when, the response).
    kept = [pickle.loads(value)[2] for key, value in cache._cache.items() if "summit:response:" in key]
    assert kept
    for response in kept:
        content = response.content
        if response.get("Content-Encoding") == "gzip":
            content = gzip.decompress(content)
        assert b"nara-accord" not in content and b"EMBARGOED" not in content


def test_the_admin_view_on_site_link_works_for_an_unpublished_event(client, draft):
    event, _ = draft
    client.force_login(User.objects.create_superuser("chief", password="x"), backend=BACKEND)
    content_type = ContentType.objects.get_for_model(Event)
    change_page = client.get(f"/admin/timeline/event/{event.pk}/change/").content.decode()
    view_on_site = f"/admin/r/{content_type.pk}/{event.pk}/"
    assert view_on_site in change_page
    response = client.get(view_on_site, follow=True)
    assert response.status_code == 200
    assert DRAFT_TITLE in response.content.decode() and BANNER in response.content.decode()
