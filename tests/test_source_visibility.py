"""
A source reaches readers only once a published event cites it: an article
just ingested, still under review, may hold embargoed text, and source ids
are sequential, so anyone could walk them.
"""

import datetime

import pytest

from timeline.models import Citation, Event, Source

pytestmark = pytest.mark.django_db

EMBARGOED = "EMBARGOED until Friday: the two leaders will sign the accord in Nara."


def make_source(text: str = EMBARGOED) -> Source:
    return Source.objects.create(
        outlet="Wire service", title="Embargoed wire copy", published_on=datetime.date(2026, 1, 9), text=text
    )


def make_event(slug: str, *, published: bool) -> Event:
    day = datetime.date(2026, 1, 16)
    return Event.objects.create(
        title=f"Accord signed ({slug})",
        slug=slug,
        earliest=day,
        latest=day,
        status_as_of=datetime.date(2026, 1, 9),
        is_published=published,
    )


def cite(event: Event, source: Source) -> Citation:
    return Citation.objects.create(event=event, source=source, quote=source.text[:40])


def test_a_source_no_event_cites_is_not_found(client, seed):
    source = make_source()
    response = client.get(f"/sources/{source.pk}/")
    assert response.status_code == 404
    assert "EMBARGOED" not in response.content.decode()


def test_a_source_cited_only_by_unpublished_events_is_not_found(client, seed):
    source = make_source()
    cite(make_event("accord-draft", published=False), source)
    assert client.get(f"/sources/{source.pk}/").status_code == 404


def test_a_source_shows_once_an_event_citing_it_is_published(client, seed):
    source = make_source()
    event = make_event("accord", published=False)
    cite(event, source)
    event.is_published = True
    event.save()
    response = client.get(f"/sources/{source.pk}/")
    assert response.status_code == 200
    assert "EMBARGOED" in response.content.decode()


def test_walking_the_ids_finds_only_public_sources(client, seed):
    make_source()
    cite(make_event("accord-draft", published=False), make_source("Another embargoed article, still in review."))
    public = set(Source.objects.public().values_list("pk", flat=True))
    highest = Source.objects.order_by("-pk").first().pk
    found = {pk for pk in range(1, highest + 2) if client.get(f"/sources/{pk}/").status_code == 200}
    assert found == public
    assert len(public) == 5  # the seed articles, each cited by a published event


def test_public_sources_are_listed_once_however_many_events_cite_them(seed):
    source = make_source()
    for n in range(3):
        cite(make_event(f"accord-{n}", published=True), source)
    assert list(Source.objects.public().filter(pk=source.pk)) == [source]


def test_the_sitemap_lists_only_public_sources(client, seed):
    hidden = make_source()
    cite(make_event("accord-draft", published=False), hidden)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/sources/{hidden.pk}/" not in sitemap
    for pk in Source.objects.public().values_list("pk", flat=True):
        assert f"/sources/{pk}/<" in sitemap


@pytest.mark.parametrize(
    "url", ["/api/events.json", "/api/events.csv", "/api/events.ics", "/api/events.timelinejs.json", "/feed/"]
)
def test_exports_never_quote_an_unpublished_source(client, seed, url):
    source = make_source()
    cite(make_event("accord-draft", published=False), source)
    assert "EMBARGOED" not in client.get(url).content.decode()


FAR_AWAY = "A closing paragraph about the weather in Osaka that no event cites."


def long_source() -> Source:
    before = " ".join(f"Background sentence number {n} says little." for n in range(40))
    after = " ".join(f"Later sentence number {n} says little." for n in range(40))
    text = f"{before} The two leaders will sign the accord in Nara on Friday, aides said. {after} {FAR_AWAY}"
    return Source.objects.create(
        outlet="Wire service",
        title="Wire copy",
        url="https://wire.example/accord",
        published_on=datetime.date(2026, 1, 9),
        text=text,
    )


def test_readers_see_the_cited_passages_with_context_and_a_link_not_the_whole_article(client, seed):
    source = long_source()
    quote = "The two leaders will sign the accord in Nara on Friday"
    start = source.text.index(quote)
    Citation.objects.create(
        event=make_event("accord", published=True), source=source, quote=quote, start=start, end=start + len(quote)
    )
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert quote in html and "aides said" in html  # the passage, with a little of its context
    assert FAR_AWAY not in html and "Background sentence number 0 says" not in html
    assert 'href="https://wire.example/accord"' in html


def test_staff_see_the_whole_article(client, seed):
    from tests.curation_data import make_editor

    source = long_source()
    quote = "The two leaders will sign the accord"
    start = source.text.index(quote)
    Citation.objects.create(
        event=make_event("accord", published=True), source=source, quote=quote, start=start, end=start + len(quote)
    )
    client.force_login(make_editor())
    html = client.get(f"/sources/{source.pk}/").content.decode()
    assert FAR_AWAY in html and "Background sentence number 0 says" in html
