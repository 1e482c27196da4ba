"""
Synthetic events for trying summit at scale and for the benchmarks: news-like
bursts of stories over twenty years, several actors and topics each, mixed
precisions and statuses, and citations that quote their generated sources
verbatim. Bulk inserts, so no history records are written for them.
"""

import calendar
import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from timeline.models import Actor, Citation, Event, Source, Topic

MAX_COUNT = 1_000_000
BATCH = 2_000
EVENTS_PER_SOURCE = 50
FIRST_YEAR, LAST_YEAR = 2006, 2026
TODAY = datetime.date(2026, 11, 22)

VERBS = [
    "meet in",
    "sign an accord in",
    "hold talks in",
    "announce measures in",
    "trade accusations over",
    "open an inquiry in",
    "agree on a framework in",
    "hold a summit in",
    "issue a joint statement in",
]
PLACES = ["Tokyo", "Seoul", "Beijing", "Nara", "Busan", "Osaka", "Gyeongju", "Washington", "Geneva", "Jakarta"]
GENERATED_ACTORS = 40
GENERATED_TOPICS = ["Diplomacy", "Security", "Trade and rare earths", "History and territory", "Energy", "Technology"]
# Relative frequency of each precision in news reporting: mostly exact days.
PRECISIONS = [("day", 70), ("span", 8), ("part_of_month", 8), ("month", 7), ("season", 4), ("year", 3)]
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)}


class Command(BaseCommand):
    help = (
        "Add COUNT synthetic published-mostly events with sources and verbatim citations, for scale tests "
        "and benchmarks. Deterministic for a --seed. Bulk inserts: no history is recorded for them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count, seed, **options):
        if not 1 <= count <= MAX_COUNT:
            raise CommandError(f"--count must be between 1 and {MAX_COUNT:,}.")
        if Event.objects.filter(slug__startswith=f"gen-{seed}-").exists():
            raise CommandError(f"Events of seed {seed} exist already; use another --seed.")
        rng = random.Random(seed)
        with transaction.atomic():
            actors = ensure_actors()
            topics = ensure_topics()
            made = generate(rng, seed, count, actors, topics, progress=options["verbosity"] > 0)
        analyze()
        # No cache to clear: cached figures and answers are keyed by the newest
        # updated_at, which the new rows move (and clear() on Redis would flush
        # every application's keys, not only summit's).
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {made['events']:,} events, {made['sources']:,} sources, {made['citations']:,} citations."
            )
        )


def analyze():
    """
    Refresh the planner's statistics of the tables just filled. Without them
    PostgreSQL (until autovacuum gets round to it) and SQLite (never) plan for
    the old, small tables: at 100,000 events PostgreSQL then prefetched a
    window's actors by walking every actor's rows, 15 times slower.
    """
    models = [Event, Event.actors.through, Event.topics.through, Citation, Source]
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def ensure_actors() -> list[Actor]:
    existing = list(Actor.objects.all())
    missing = GENERATED_ACTORS - len(existing)
    if missing > 0:
        rng = random.Random(0)
        Actor.objects.bulk_create(
            [
                Actor(
                    name=f"Generated actor {n}",
                    short_name=f"Actor {n}",
                    slug=f"gen-actor-{n}",
                    kind=Actor.Kind.ORGANISATION,
                    colour=f"#{rng.randrange(0x202020, 0xD0D0D0):06x}",
                )
                for n in range(missing)
            ],
            ignore_conflicts=True,
        )
    return list(Actor.objects.all())


def ensure_topics() -> list[Topic]:
    for name in GENERATED_TOPICS:
        if not Topic.objects.filter(name=name).exists():
            Topic.objects.create(name=name, slug=name.lower().replace(" ", "-"))
    return list(Topic.objects.all())


def story_days(rng: random.Random, count: int) -> list[datetime.date]:
    """Start days clustered like news: stories burst and fade, and recent years are busier."""
    stories = max(5, count // 300)
    span = (datetime.date(LAST_YEAR, 10, 31) - datetime.date(FIRST_YEAR, 1, 1)).days
    centres = [
        datetime.date(FIRST_YEAR, 1, 1) + datetime.timedelta(days=int(span * rng.random() ** 0.6))
        for _ in range(stories)
    ]
    days = []
    for _ in range(count):
        centre = rng.choice(centres)
        offset = int(rng.expovariate(1 / 20)) * rng.choice((-1, 1))
        day = centre + datetime.timedelta(days=offset)
        days.append(min(max(day, datetime.date(FIRST_YEAR, 1, 1)), datetime.date(LAST_YEAR, 12, 31)))
    return days


def bounds(rng: random.Random, day: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    if precision == "day":
        return day, day
    if precision == "span":
        return day, day + datetime.timedelta(days=rng.randint(1, 6))
    if precision == "part_of_month":
        first, last = month_bounds(day.year, day.month)
        third = rng.randrange(3)
        start = first + datetime.timedelta(days=10 * third)
        return start, (start + datetime.timedelta(days=9)) if third < 2 else last
    if precision == "month":
        return month_bounds(day.year, day.month)
    if precision == "season":
        first_month, last_month = SEASONS[rng.choice(list(SEASONS))]
        return datetime.date(day.year, first_month, 1), datetime.date(
            day.year, last_month, calendar.monthrange(day.year, last_month)[1]
        )
    return datetime.date(day.year, 1, 1), datetime.date(day.year, 12, 31)


def generate(rng, seed, count, actors, topics, progress=True) -> dict:
    days = story_days(rng, count)
    made = {"events": 0, "sources": 0, "citations": 0}
    now = timezone.now()
    with tqdm(total=count, unit="event", disable=not progress) as bar:
        for batch_start in range(0, count, BATCH):
            made_here = [
                synthetic_event(rng, seed, n, days[n], actors, topics, now)
                for n in range(batch_start, min(count, batch_start + BATCH))
            ]
            events = [event for event, _, _ in made_here]
            # PostgreSQL and SQLite (3.35+) hand back the new primary keys.
            Event.objects.bulk_create(events, batch_size=BATCH)
            link_names(events, [names for _, _, names in made_here])
            made["citations"] += cite(events, [sentence for _, sentence, _ in made_here], seed, batch_start)
            made["sources"] += -(-len(events) // EVENTS_PER_SOURCE)
            made["events"] += len(events)
            bar.update(len(events))
    return made


def synthetic_event(rng, seed, n, day, actors, topics, now) -> tuple[Event, str, tuple[list, list]]:
    """Event number `n` around `day`: its record, the sentence its article says it in, its actors and topics."""
    precisions, weights = zip(*PRECISIONS)
    precision = rng.choices(precisions, weights)[0]
    earliest, latest = bounds(rng, day, precision)
    if earliest > TODAY:
        status = rng.choice([Event.Status.SCHEDULED, Event.Status.EXPECTED])
    else:
        status = Event.Status.CANCELLED if rng.random() < 0.02 else Event.Status.HAPPENED
    who = rng.sample(actors, k=min(len(actors), rng.choice((1, 2, 2, 3, 4))))
    title = f"{who[0].short_name} and {who[-1].short_name} {rng.choice(VERBS)} {rng.choice(PLACES)}"
    if len(who) == 1:
        title = f"{who[0].short_name} {rng.choice(VERBS)} {rng.choice(PLACES)}"
    event = Event(
        title=title[:200],
        slug=f"gen-{seed}-{n}",
        summary=f"Synthetic event {n} of seed {seed}, for scale testing.",
        earliest=earliest,
        latest=latest,
        precision=precision,
        status=status,
        status_as_of=min(TODAY, max(earliest, latest)),
        importance=rng.choices([1, 2, 3, 4, 5], [40, 30, 18, 8, 4])[0],
        is_published=rng.random() < 0.97,
        published_at=now,
    )
    sentence = f"{title}, officials said, in what reports date to {earliest:%-d %B %Y}."
    return event, sentence, (who, rng.sample(topics, k=rng.choice((1, 1, 2))))


def link_names(events, names) -> None:
    """The actors and topics of freshly inserted events, in two bulk inserts."""
    actor_link, topic_link = Event.actors.through, Event.topics.through
    actor_link.objects.bulk_create(
        [actor_link(event_id=event.pk, actor_id=actor.pk) for event, (who, _) in zip(events, names) for actor in who],
        batch_size=BATCH * 4,
    )
    topic_link.objects.bulk_create(
        [
            topic_link(event_id=event.pk, topic_id=topic.pk)
            for event, (_, about) in zip(events, names)
            for topic in about
        ],
        batch_size=BATCH * 4,
    )


def cite(events, sentences, seed, batch_start) -> int:
    """One generated article per EVENTS_PER_SOURCE events, quoting each event's sentence at its offsets."""
    citations = []
    for first in range(0, len(events), EVENTS_PER_SOURCE):
        group = range(first, min(len(events), first + EVENTS_PER_SOURCE))
        text, offsets = "", []
        for i in group:
            start = len(text)
            text += sentences[i] + " "
            offsets.append((i, start, start + len(sentences[i])))
        published_on = min(TODAY, max(events[i].latest for i in group))
        source = Source.objects.create(
            outlet=None,
            title=f"Generated article {seed}-{batch_start + first}",
            published_on=published_on,
            text=text.strip(),
        )
        citations += [
            Citation(event_id=events[i].pk, source=source, quote=sentences[i], start=start, end=end)
            for i, start, end in offsets
        ]
    Citation.objects.bulk_create(citations, batch_size=BATCH)
    return len(citations)


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)
