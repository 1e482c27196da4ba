import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from timeline.models import Actor, Citation, Event, Source, date_label

D = datetime.date


def make_event(**fields):
    values = {
        "title": "Nara summit",
        "slug": "nara-summit",
        "earliest": D(2026, 1, 13),
        "latest": D(2026, 1, 13),
        "status_as_of": D(2026, 1, 13),
    }
    values.update(fields)
    return Event.objects.create(**values)


@pytest.fixture
def source(db):
    return Source.objects.create(
        published_on=D(2026, 1, 13),
        text="Their first in-person meeting took place in South Korea in late October. They met again on Tuesday.",
    )


@pytest.mark.django_db
def test_database_refuses_an_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(earliest=D(2026, 1, 14), latest=D(2026, 1, 13))


def test_clean_explains_an_event_ending_before_it_starts():
    event = Event(title="x", slug="x", earliest=D(2026, 1, 14), latest=D(2026, 1, 13), status_as_of=D(2026, 1, 13))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "latest" in error.value.message_dict


@pytest.mark.django_db
def test_event_slugs_are_unique():
    make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(title="Another")


@pytest.mark.django_db
def test_importance_outside_one_to_five_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(importance=9)


@pytest.mark.django_db
def test_citation_finds_its_offsets_from_the_quote(source):
    event = make_event()
    citation = Citation.objects.create(event=event, source=source, quote="They met again on Tuesday.", start=0, end=0)
    assert source.text[citation.start : citation.end] == "They met again on Tuesday."


@pytest.mark.django_db
def test_citation_not_verbatim_in_its_source_is_rejected(source):
    citation = Citation(event=make_event(), source=source, quote="They met again on Wednesday.", start=0, end=0)
    with pytest.raises(ValidationError) as error:
        citation.full_clean()
    assert "verbatim" in str(error.value)


@pytest.mark.django_db
def test_editing_a_source_so_a_quote_disappears_is_refused(source):
    Citation.objects.create(event=make_event(), source=source, quote="They met again on Tuesday.", start=0, end=0)
    source.text = source.text.replace("Tuesday", "Monday")
    with pytest.raises(ValidationError):
        source.full_clean()


@pytest.mark.django_db
def test_source_published_in_the_future_is_refused():
    source = Source(published_on=datetime.date.today() + datetime.timedelta(days=2), text="Text.")
    with pytest.raises(ValidationError):
        source.full_clean()


@pytest.mark.django_db
def test_published_hides_drafts():
    make_event(is_published=True)
    make_event(slug="draft", is_published=False)
    assert list(Event.objects.published().values_list("slug", flat=True)) == ["nara-summit"]


@pytest.mark.django_db
def test_publishing_stamps_the_publication_time_once():
    event = make_event(is_published=True)
    first = event.published_at
    assert first is not None
    event.title = "Renamed"
    event.save()
    event.refresh_from_db()
    assert event.published_at == first


@pytest.mark.django_db
def test_between_keeps_events_whose_span_overlaps_the_window():
    make_event(slug="late-oct", earliest=D(2025, 10, 21), latest=D(2025, 10, 31), precision="part_of_month")
    make_event(slug="nara")
    make_event(slug="spring", earliest=D(2026, 3, 1), latest=D(2026, 5, 31), precision="season")
    found = Event.objects.between(D(2025, 10, 30), D(2026, 3, 1)).values_list("slug", flat=True)
    assert sorted(found) == ["late-oct", "nara", "spring"]
    assert list(Event.objects.between(D(2025, 11, 1), D(2026, 1, 12)).values_list("slug", flat=True)) == []
    assert list(Event.objects.between(None, D(2025, 10, 21)).values_list("slug", flat=True)) == ["late-oct"]


@pytest.mark.django_db
def test_search_finds_events_by_actor_alias():
    event = make_event()
    event.actors.add(
        Actor.objects.create(
            name="Sanae Takaichi", short_name="Takaichi", slug="takaichi", kind="person", aliases="Takaichi Sanae"
        )
    )
    assert list(Event.objects.search("Takaichi Sanae")) == [event]
    assert list(Event.objects.search("Dokdo")) == []


@pytest.mark.parametrize(
    ("earliest", "latest", "precision", "label"),
    [
        (D(2026, 1, 13), D(2026, 1, 13), "day", "13 Jan 2026"),
        (D(2025, 10, 21), D(2025, 10, 31), "part_of_month", "late Oct 2025"),
        (D(2025, 11, 1), D(2025, 11, 10), "part_of_month", "early Nov 2025"),
        (D(2025, 11, 11), D(2025, 11, 20), "part_of_month", "mid Nov 2025"),
        (D(2025, 11, 1), D(2025, 11, 30), "month", "Nov 2025"),
        (D(2026, 3, 1), D(2026, 5, 31), "season", "spring 2026"),
        (D(2025, 12, 1), D(2026, 2, 28), "season", "winter 2025–26"),
        (D(2015, 1, 1), D(2015, 12, 31), "year", "2015"),
        (D(1910, 1, 1), D(1945, 12, 31), "year", "1910–1945"),
        (D(2026, 1, 13), D(2026, 1, 14), "span", "13–14 Jan 2026"),
        (D(2026, 1, 30), D(2026, 2, 1), "span", "30 Jan – 1 Feb 2026"),
    ],
)
def test_date_label_says_only_what_is_known(earliest, latest, precision, label):
    assert date_label(earliest, latest, precision) == label


@pytest.mark.django_db
def test_every_model_names_itself(source):
    event = make_event()
    citation = Citation.objects.create(event=event, source=source, quote="They met again on Tuesday.", start=0, end=0)
    assert str(event) == "Nara summit (13 Jan 2026)"
    assert "Untitled article" in str(source)
    assert "They met again" in str(citation)


def test_a_dash_between_words_of_a_title_is_a_hyphen_in_its_slug():
    from timeline.models import slug_base

    assert slug_base("China–Japan flight cuts") == "china-japan-flight-cuts"
    assert slug_base("Kobe—Sora talks / round two") == "kobe-sora-talks-round-two"
