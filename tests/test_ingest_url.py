"""`manage.py ingest --url`: a page fetched, read and stored with its proposals before the command exits."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from newsroom.extract import extract
from newsroom.fetch import fetch
from tests.local_site import LocalSite
from timeline.models import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[site.host]):
        yield site


def ingest(*args) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out)
    return out.getvalue()


def test_it_stores_a_served_page_with_its_metadata_and_proposals(site):
    url = site.page("/world/ferry-timetable", "article.html")
    output = ingest("--url", url + "?utm_source=newsletter")
    source = Source.objects.get()
    assert source.url == site.url("/world/ferry-timetable")  # the canonical address
    assert source.title == "Harbour ministers agree on a ferry timetable"
    assert source.author == "Mira Okonkwo"
    assert source.outlet == "The Lakeside Courier"
    assert source.published_on == datetime.date(2026, 1, 12)
    assert "first crossings on the new schedule" in source.text
    assert source.proposals.filter(earliest=datetime.date(2026, 2, 2)).exists()
    assert "Created source" in output and "Outlet: The Lakeside Courier" in output


def test_flags_given_win_over_the_page(site):
    url = site.page("/world/ferry-timetable", "article.html")
    ingest("--url", url, "--published", "2026-01-13", "--outlet", "Courier Weekly", "--title", "Ferry deal")
    source = Source.objects.get()
    assert (source.published_on, source.outlet, source.title) == (
        datetime.date(2026, 1, 13),
        "Courier Weekly",
        "Ferry deal",
    )
    assert source.author == "Mira Okonkwo"


def test_unknown_metadata_stays_empty(site):
    url = site.page("/tour", "undated.html")
    ingest("--url", url, "--published", "2026-01-20")
    source = Source.objects.get()
    assert source.author is None and source.outlet is None
    assert source.title == "Valley orchestra announces a spring tour"


def test_a_page_without_a_date_needs_one_given(site):
    url = site.page("/tour", "undated.html")
    with pytest.raises(CommandError, match="does not say when it was published"):
        ingest("--url", url)
    assert not Source.objects.exists()


def test_a_refused_fetch_exits_with_its_reason():
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[]):
        url = site.page("/world/ferry-timetable", "article.html")
        with pytest.raises(CommandError, match="loopback address"):
            ingest("--url", url)
    assert not Source.objects.exists()


def test_a_failed_fetch_exits_with_its_reason(site):
    with pytest.raises(CommandError, match="answered 404"):
        ingest("--url", site.url("/gone"), "--published", "2026-01-10")


def test_the_same_article_under_tracking_parameters_or_amp_is_a_duplicate(site):
    url = site.page("/world/ferry-timetable", "article.html")
    amp = site.page("/amp/world/ferry-timetable", "article.html")
    ingest("--url", url)
    with pytest.raises(CommandError, match="already source"):
        ingest("--url", url + "?utm_campaign=morning&fbclid=abc")
    with pytest.raises(CommandError, match="already source"):
        ingest("--url", amp)
    assert Source.objects.count() == 1


def test_plain_text_is_read_as_it_is(site):
    from tests.local_site import Answer

    site.routes["/note.txt"] = Answer(
        body=b"The port reopened on 3 January 2026 after the storm.", content_type="text/plain"
    )
    with override_settings(INGEST_ALLOWED_HOSTS=[site.host]):
        extracted = extract(fetch(site.url("/note.txt")))
    assert extracted.text.startswith("The port reopened") and extracted.title is None


@pytest.mark.parametrize(
    "amp",
    [
        "https://news.example/world/ferry-timetable/amp",
        "https://news.example/amp/world/ferry-timetable",
        "https://amp.news.example/world/ferry-timetable",
        "https://www.news.example/world/ferry-timetable.amp.html",
        "https://news.example/world/ferry-timetable?amp=1&utm_medium=social",
    ],
)
def test_an_amp_address_is_its_article_address(amp):
    from newsroom.matching import normalise_url

    assert normalise_url(amp) in {
        normalise_url("https://news.example/world/ferry-timetable"),
        normalise_url("https://news.example/world/ferry-timetable.html"),
    }
