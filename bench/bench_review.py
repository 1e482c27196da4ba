"""
The admin's review desk at 1,000 and 100,000 events, with a source of 100
proposals: the review page's weight (bytes, gzipped bytes, queries) and
server time; the server time of the fragments it fetches per proposal (its
likely events, its accept form), of each htmx action (accept, attach, reject,
reopen) and of the attach form's event search. None may grow with the number
of events.

    .venv/bin/python bench/bench_review.py [--sizes 1000,100000] [--runs 5]
        [--postgres postgres://user@host:5432/any]

SQLite scratch databases in a temporary directory, or with --postgres
scratch databases (bench_review_<size>, dropped afterwards) on that server;
in-process Django test client with the production settings (DEBUG off).
"""

import argparse
import datetime
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import ROOT, manage, production_env  # noqa: E402

PROPOSALS = 100


def timed(call, runs: int) -> tuple[float, object]:
    """Median milliseconds of `call()` over `runs`, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def make_source():
    """A source of PROPOSALS dated sentences over the generated events' years, and its proposals."""
    from timeline.models import Event, Proposal, Source

    days = list(Event.objects.order_by("?").values_list("earliest", flat=True)[:PROPOSALS])
    sentences = [f"Leaders met in Tokyo on {day:%d %B %Y} to hold talks on trade, officials said." for day in days]
    text = "\n".join(sentences)
    source = Source.objects.create(outlet="Bench", title="Bench", published_on=datetime.date(2026, 11, 1), text=text)
    start = 0
    for day, sentence in zip(days, sentences, strict=True):
        date_text = f"{day:%d %B %Y}"
        Proposal.objects.create(
            source=source,
            quote=sentence,
            start=start,
            end=start + len(sentence),
            date_text=date_text,
            date_start=start + sentence.index(date_text),
            timex=day.isoformat(),
            earliest=day,
            latest=day,
            precision="day",
        )
        start += len(sentence) + 1
    return source


def measure(runs: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from timeline.models import Event

    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-password-123")
    client = Client()
    client.force_login(user)
    source = make_source()
    url = reverse("admin:timeline_source_review", args=[source.pk])
    search = reverse("admin:timeline_source_review_search", args=[source.pk])
    proposals = list(source.proposals.order_by("start", "pk"))
    htmx = {"HTTP_HX_REQUEST": "true"}
    figures = {"events": Event.objects.count(), "proposals": len(proposals)}

    client.get(url)  # warm: templates, URL resolver
    with CaptureQueriesContext(connection) as queries:
        page_ms, response = timed(lambda: client.get(url), runs)
    assert response.status_code == 200, response.status_code
    figures["page_ms"] = round(page_ms, 1)
    figures["page_bytes"] = len(response.content)
    figures["page_gzip_bytes"] = len(gzip.compress(response.content))
    figures["page_queries"] = len(queries) // runs

    # The fragments the page fetches as each proposal scrolls into view.
    matches_ms, _ = timed(lambda: client.get(url, {"matches": proposals[-1].pk}, **htmx), runs)
    figures["matches_ms"] = round(matches_ms, 1)
    form_ms, response = timed(lambda: client.get(url, {"form": proposals[-1].pk}, **htmx), runs)
    figures["accept_form_ms"] = round(form_ms, 1)
    figures["accept_form_bytes"] = len(response.content)

    search_ms, response = timed(lambda: client.get(search, {"proposal": proposals[0].pk, "q": "Tokyo"}), runs)
    figures["search_ms"] = round(search_ms, 1)
    figures["search_bytes"] = len(response.content)
    if connection.vendor == "postgresql":
        # The same search without the trigram indexes (migration 0006), dropped
        # in a transaction that is rolled back: what they are worth.
        from django.db import transaction

        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX timeline_event_title_trgm, timeline_event_short_title_trgm")
            plain_ms, _ = timed(lambda: client.get(search, {"proposal": proposals[0].pk, "q": "Tokyo"}), runs)
            rare_ms, _ = timed(lambda: client.get(search, {"proposal": proposals[0].pk, "q": "zqxj"}), runs)
            transaction.set_rollback(True)
        figures["search_ms_without_trgm"] = round(plain_ms, 1)
        figures["search_no_match_ms_without_trgm"] = round(rare_ms, 1)
    rare_ms, _ = timed(lambda: client.get(search, {"proposal": proposals[0].pk, "q": "zqxj"}), runs)
    figures["search_no_match_ms"] = round(rare_ms, 1)

    def post(data):
        response = client.post(url, data, **htmx)
        assert response.status_code == 200, response.content[:500]
        return response

    actions = {"accept": [], "attach": [], "reject": [], "reopen": []}
    target = Event.objects.order_by("pk").first()
    for n in range(runs):
        p, q, r = proposals[3 * n], proposals[3 * n + 1], proposals[3 * n + 2]
        for name, data in (
            (
                "accept",
                {
                    "proposal": p.pk,
                    "action": "accept",
                    f"p{p.pk}-title": f"Bench event {n}",
                    f"p{p.pk}-earliest": p.earliest.isoformat(),
                    f"p{p.pk}-latest": p.latest.isoformat(),
                    f"p{p.pk}-precision": "day",
                    f"p{p.pk}-status": "happened",
                    f"p{p.pk}-quote": p.quote,
                },
            ),
            ("attach", {"proposal": q.pk, "action": "into", f"i{q.pk}-event": target.pk, f"i{q.pk}-quote": q.quote}),
            ("reject", {"proposal": r.pk, "action": "reject"}),
            ("reopen", {"proposal": r.pk, "action": "reopen"}),
        ):
            ms, _ = timed(lambda data=data: post(data), 1)
            actions[name].append(ms)
    for name, times in actions.items():
        figures[f"{name}_ms"] = round(statistics.median(times), 1)
    return figures


def scratch_postgres(server_url: str, name: str, drop_only: bool = False) -> str:
    """A fresh, empty database `name` on the server of `server_url` (its URL), or just drop it."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--postgres", help="a PostgreSQL URL: scratch databases on its server instead of SQLite")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.runs)))
        return
    results = []
    with tempfile.TemporaryDirectory() as work:
        for size in (int(s) for s in args.sizes.split(",")):
            if args.postgres:
                url = scratch_postgres(args.postgres, f"bench_review_{size}")
            else:
                url = f"sqlite:///{Path(work) / f'review-{size}.sqlite3'}"
            env = production_env(url)
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "generate_events", "--count", str(size), "--seed", "1", "-v0")
            output = subprocess.run(
                [sys.executable, __file__, "--measure", "--runs", str(args.runs)],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.PIPE,  # stderr shows, so a failed measure says why
                text=True,
            ).stdout
            results.append(
                {"database": "postgresql" if args.postgres else "sqlite", **json.loads(output.strip().splitlines()[-1])}
            )
            print(json.dumps(results[-1]), flush=True)
            if args.postgres:
                scratch_postgres(args.postgres, f"bench_review_{size}", drop_only=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        print(
            "ratio largest/smallest:",
            json.dumps(
                {
                    key: round(last[key] / first[key], 2)
                    for key in first
                    if key.endswith(("_ms", "_bytes")) and first[key]
                }
            ),
        )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "summit.settings")
    main()
