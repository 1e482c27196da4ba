"""
Two app servers (gunicorn, production settings, 2 workers each) on one
PostgreSQL and one Redis. Readers poll the API on both while an editor saves
an event through the ORM every second (as a third server's worker would).
Prints the time from each save's commit until both servers answer with it
(a cache miss: the answer is rebuilt), how many answers asked after a
commit still lacked it, and whether any answer ever went back: one older
than an answer a reader had already been given (by either server) before
asking.

    .venv/bin/python bench/bench_two_servers.py [--quick] [--before REV]
"""

import argparse
import bisect
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import ROOT, manage_at, own_redis, production_env, scratch_postgres, start_gunicorn, tree_at  # noqa: E402

POLLERS_PER_SERVER = 8
PATH = "/api/events.json?limit=3"
SAVED = re.compile(r"Saved (\d+) ")

EDITOR = """
import sys, time
import django
django.setup()
from timeline.models import Event
event = Event.objects.published().order_by("earliest", "latest", "pk").first()
for number in range(1, int(sys.argv[1]) + 1):
    event.title = f"Saved {number} by the editor"
    event.save()
    print(number, time.time(), flush=True)
    time.sleep(1)
"""


def poll(port: int, server: int, stop: threading.Event, answers: list, errors: list) -> None:
    """(server, asked at, answered at, the save the answer holds), back to back."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while not stop.is_set():
        asked = time.time()
        try:
            connection.request("GET", PATH)
            response = connection.getresponse()
            body = response.read().decode()
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            errors.append("connection")
            continue
        if response.status != 200:
            errors.append(response.status)
            continue
        found = SAVED.search(json.dumps(json.loads(body)))
        answers.append((server, asked, time.time(), int(found[1]) if found else 0))


def went_back(answers: list) -> tuple[int, float]:
    """Answers holding an older save than one already given to anyone before they were asked; the worst gap (s)."""
    by_end = sorted(answers, key=lambda answer: answer[2])
    ends = [answer[2] for answer in by_end]
    best_so_far, best = [], 0
    for answer in by_end:
        best = max(best, answer[3])
        best_so_far.append(best)
    count, worst = 0, 0.0
    for _, asked, answered, saved in answers:
        index = bisect.bisect_left(ends, asked) - 1
        if index >= 0 and best_so_far[index] > saved:
            count += 1
            worst = max(worst, answered - asked)
    return count, worst


def delays(answers: list, commits: dict) -> list[float]:
    """
    For each save: seconds from its commit until both servers answer with it
    (or a later one) from then on: the answering time of each server's first
    such answer asked after its last answer without it.
    """
    result = []
    for number, committed in commits.items():
        slowest = 0.0
        for server in (0, 1):
            mine = sorted((a for a in answers if a[0] == server and a[1] >= committed), key=lambda a: a[1])
            last_late = max((a[1] for a in mine if a[3] < number), default=committed)
            good = [a[2] for a in mine if a[1] >= last_late and a[3] >= number]
            if good:
                slowest = max(slowest, good[0] - committed)
        result.append(slowest)
    return result


def missed_saves(answers: list, commits: dict) -> tuple[int, float]:
    """Answers asked after a save was committed that did not hold it; the latest such asking (s after the commit)."""
    count, latest = 0, 0.0
    for number, committed in commits.items():
        for _, asked, _, saved in answers:
            if asked >= committed and saved < number:
                count += 1
                latest = max(latest, asked - committed)
    return count, latest


def measure(root: Path, label: str, saves: int) -> None:
    with scratch_postgres(f"bench_two_{label}".replace(" ", "_").lower()) as database, own_redis() as redis_url:
        # Every poller shares 127.0.0.1, and each save makes all of them miss the cache: no rate limit here.
        env = {**production_env(database), "REDIS_URL": redis_url, "PUBLIC_MISS_RATE": "1000000/m"}
        manage_at(root, env, "migrate", "--noinput", "-v0")
        manage_at(root, env, "loaddata", "seed", "-v0")
        servers = [start_gunicorn(env, workers=2, threads=4, ready_path=PATH, root=root) for _ in range(2)]
        stop, answers, errors = threading.Event(), [], []
        pollers = [
            threading.Thread(target=poll, args=(port, index, stop, answers, errors))
            for index, (_, port) in enumerate(servers)
            for _ in range(POLLERS_PER_SERVER)
        ]
        try:
            for thread in pollers:
                thread.start()
            editor = subprocess.run(
                [sys.executable, "-c", EDITOR, str(saves)],
                cwd=root,
                env={**env, "PYTHONPATH": str(root)},
                check=True,
                capture_output=True,
                text=True,
            )
            time.sleep(3)  # the last save's settling
        finally:
            stop.set()
            for thread in pollers:
                thread.join()
            for server, _ in servers:
                server.terminate()
                server.wait(10)
    commits = {int(n): float(t) for n, t in (line.split() for line in editor.stdout.split("\n") if line.strip())}
    settled = delays(answers, commits)
    back, worst = went_back(answers)
    missed, latest = missed_saves(answers, commits)
    print(
        f"{label:12} {len(answers):>6} answers, errors {len(errors)} {sorted(set(map(str, errors)))[:3]}\n"
        f"{'':12} commit → both servers answering it: p50 {statistics.median(settled) * 1000:.0f} ms, "
        f"max {max(settled) * 1000:.0f} ms\n"
        f"{'':12} answers asked after a commit without it: {missed} (the last asked {latest * 1000:.0f} ms after)\n"
        f"{'':12} answers that went back: {back} (longest {worst * 1000:.0f} ms)"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--before", metavar="REV")
    args = parser.parse_args()
    saves = 8 if args.quick else 30
    print(f"Two servers (gunicorn 2 workers x 4 threads each), PostgreSQL and Redis, {POLLERS_PER_SERVER} pollers")
    print(f"per server on {PATH}, {saves} ORM saves one second apart (DATA_VERSION_SECONDS default)")
    os.environ.pop("DATA_VERSION_SECONDS", None)
    if args.before:
        with tree_at(args.before) as before:
            measure(before, f"at {args.before}", saves)
    measure(ROOT, "this tree", saves)


if __name__ == "__main__":
    main()
