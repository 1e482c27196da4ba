"""
Readers' throughput while other clients bypass the cache: 32 readers ask
for cached answers (the API and a chart window) against gunicorn with
production settings on PostgreSQL and Redis, alone and then beside 32
clients sending a new `q=` with every request. Prints the readers' req/s and
p50, what the bypassing clients got, and how many keys Redis held after.

    .venv/bin/python bench/bench_bypass.py [--quick] [--before REV]

With --before REV the same is measured on summit as it was at that git
revision (checked out in a temporary folder), in the same run.
"""

import argparse
import http.client
import itertools
import multiprocessing
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import ROOT, manage_at, own_redis, production_env, scratch_postgres, start_gunicorn, tree_at  # noqa: E402

READER_PATHS = ["/api/events.json", "/api/events.json?actor=japan", "/api/window.json?from=2025-10-01&to=2026-02-28"]
CLIENTS = 32


def client_loop(port: int, kind: str, seconds: float, results) -> None:
    """One client: requests back to back on a kept-alive connection; (status, ms) of each."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    paths = itertools.cycle(READER_PATHS)
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        path = next(paths) if kind == "reader" else f"/api/events.json?q={uuid.uuid4().hex[:12]}"
        started = time.monotonic()
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            results.append((response.status, (time.monotonic() - started) * 1000))
        except (OSError, http.client.HTTPException):
            results.append((0, (time.monotonic() - started) * 1000))
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def clients(port: int, kind: str, seconds: float, queue) -> None:
    """CLIENTS threads of one kind in a process of their own, so readers and bypassers share no GIL."""
    results: list = []
    threads = [threading.Thread(target=client_loop, args=(port, kind, seconds, results)) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((kind, results))


def run_load(port: int, seconds: float, with_bypass: bool) -> dict:
    queue: multiprocessing.Queue = multiprocessing.Queue()
    kinds = ["reader", "bypass"] if with_bypass else ["reader"]
    processes = [multiprocessing.Process(target=clients, args=(port, kind, seconds, queue)) for kind in kinds]
    for process in processes:
        process.start()
    gathered = dict(queue.get() for _ in kinds)
    for process in processes:
        process.join()
    return gathered


def summary(results: list, seconds: float) -> str:
    statuses: dict[int, int] = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    p50 = statistics.median(ms for _, ms in results) if results else 0
    counts = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
    return f"{len(results) / seconds:8.1f} req/s  p50 {p50:7.1f} ms  ({counts})"


def measure(root: Path, label: str, seconds: float) -> None:
    with scratch_postgres(f"bench_bypass_{label}".replace("-", "_").lower()) as database, own_redis() as redis_url:
        env = {**production_env(database), "REDIS_URL": redis_url}
        manage_at(root, env, "migrate", "--noinput", "-v0")
        manage_at(root, env, "loaddata", "seed", "-v0")
        server, port = start_gunicorn(env, workers=2, threads=8, ready_path="/api/events.json", root=root)
        try:
            run_load(port, 3, with_bypass=False)  # warm the cache
            alone = run_load(port, seconds, with_bypass=False)["reader"]
            both = run_load(port, seconds, with_bypass=True)
            import redis

            keys = redis.Redis.from_url(redis_url).dbsize()
        finally:
            server.terminate()
            server.wait(10)
    print(f"{label:10} readers alone        {summary(alone, seconds)}")
    print(f"{label:10} readers, 32 bypass   {summary(both['reader'], seconds)}")
    print(f"{label:10} the 32 bypassing     {summary(both['bypass'], seconds)}")
    print(f"{label:10} Redis keys after: {keys}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--before", metavar="REV")
    args = parser.parse_args()
    seconds = 10 if args.quick else 30
    print(f"{CLIENTS} readers on cached API answers, then beside {CLIENTS} clients with a new q= each request;")
    print(f"{seconds} s each, gunicorn 2 workers x 8 threads, PostgreSQL and Redis, seed data")
    if args.before:
        with tree_at(args.before) as before:
            measure(before, f"at {args.before}", seconds)
    measure(ROOT, "this tree", seconds)


if __name__ == "__main__":
    main()
