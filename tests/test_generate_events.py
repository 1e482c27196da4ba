"""generate_events: realistic synthetic data for scale tests, deterministic and verbatim-cited."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from timeline.models import Citation, Event, Source

pytestmark = pytest.mark.django_db


def generated(seed):
    return Event.objects.filter(slug__startswith=f"gen-{seed}-")


def test_generates_exactly_the_count_with_actors_topics_and_verbatim_citations(seed):
    call_command("generate_events", count=600, seed=3, verbosity=0)
    events = generated(3)
    assert events.count() == 600
    assert not events.filter(actors=None).exists()
    assert not events.filter(topics=None).exists()
    citations = Citation.objects.filter(event__in=events).select_related("source")
    assert citations.count() == 600
    for citation in citations:
        assert citation.source.text[citation.start : citation.end] == citation.quote
    for event in events[:200]:
        event.full_clean()


def test_generated_events_mix_precisions_statuses_and_publication(seed):
    call_command("generate_events", count=2000, seed=4, verbosity=0)
    events = generated(4)
    assert set(events.values_list("precision", flat=True)) == {
        "day",
        "span",
        "part_of_month",
        "month",
        "season",
        "year",
    }
    assert {"happened", "cancelled"} <= set(events.values_list("status", flat=True))
    assert events.filter(is_published=False).exists() and events.filter(is_published=True).exists()
    assert Source.objects.filter(title__startswith="Generated article 4-").count() == 2000 // 50


def test_generation_is_deterministic_for_a_seed(db):
    call_command("generate_events", count=300, seed=5, verbosity=0)
    first = list(generated(5).order_by("slug").values_list("slug", "title", "earliest", "latest", "importance"))
    Event.objects.all().delete()
    Source.objects.all().delete()
    call_command("generate_events", count=300, seed=5, verbosity=0)
    again = list(generated(5).order_by("slug").values_list("slug", "title", "earliest", "latest", "importance"))
    assert again == first


@pytest.mark.parametrize("count", [0, -5, 1_000_001])
def test_unreasonable_counts_are_refused(db, count):
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("generate_events", count=count, verbosity=0)
    assert not Event.objects.exists()


def test_the_same_seed_twice_is_refused_rather_than_clashing(db):
    call_command("generate_events", count=10, seed=6, verbosity=0)
    with pytest.raises(CommandError, match="another --seed"):
        call_command("generate_events", count=10, seed=6, verbosity=0)
    assert generated(6).count() == 10


def test_generation_leaves_the_planner_statistics_of_the_new_rows(db):
    call_command("generate_events", count=300, seed=7, verbosity=0)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # The first figure of an index's statistics is the number of rows it covers.
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'event_pub_earliest'")
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'timeline_event'")
        rows = int(float(str(cursor.fetchone()[0]).split()[0]))
    assert rows == 300
