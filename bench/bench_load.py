"""
64 readers on /embed/ and the API for 60 s (10 s with --quick) against
gunicorn with production settings, while an editor saves an event every
second. Prints errors, p50/p99 and throughput. Only ever targets 127.0.0.1.

    .venv/bin/python bench/bench_load.py [--quick] [--users 64]
"""

import argparse
import csv
import datetime
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import BIN, ROOT, manage, production_env, start_gunicorn  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--users", type=int, default=64)
    args = parser.parse_args()
    seconds = 10 if args.quick else 60
    work = Path(tempfile.mkdtemp(prefix="summit-load-"))
    env = production_env(os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{work / 'load.sqlite3'}"))
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loaddata", "seed", "-v0")
    server, port = start_gunicorn(env, workers=4, threads=4, ready_path="/api/events.json")
    try:
        saves, save_errors = editor(env, seconds)
        prefix = work / "locust"
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(args.users),
                "-t",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
        done = saves()
        report(prefix, seconds, args.users, done, save_errors)
    finally:
        server.terminate()
        server.wait(10)


def editor(env, seconds):
    """An editor saving an event about once a second through the ORM, in this process."""
    for key in ("DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"):
        os.environ[key] = env[key]
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "summit.settings"
    import django

    django.setup()
    from timeline.models import Event

    errors, count = [], [0]
    day = datetime.date(2026, 1, 13)

    def loop():
        stop = time.monotonic() + seconds
        i = 0
        while time.monotonic() < stop:
            try:
                event, _ = Event.objects.get_or_create(
                    slug=f"load-edit-{i % 5}",
                    defaults=dict(
                        title="Edited under load", earliest=day, latest=day, status_as_of=day, is_published=True
                    ),
                )
                event.summary = f"save {i}"
                event.save()
                count[0] += 1
            except Exception as exc:
                errors.append(repr(exc))
            i += 1
            time.sleep(1)

    thread = threading.Thread(target=loop)
    thread.start()
    return (lambda: (thread.join(), count[0])[1]), errors


def report(prefix, seconds, users, saves, save_errors):
    with open(f"{prefix}_stats.csv") as stats:
        rows = list(csv.DictReader(stats))
    print(f"\nLoad: {users} users for {seconds} s against gunicorn (4 workers x 4 threads), seed data")
    print(f"{'endpoint':32} {'requests':>9} {'errors':>7} {'p50 ms':>7} {'p99 ms':>7} {'req/s':>8}")
    for row in rows:
        print(
            f"{row['Name']:32} {row['Request Count']:>9} {row['Failure Count']:>7} {row['50%']:>7} {row['99%']:>7} {float(row['Requests/s']):>8.1f}"  # noqa: E501
        )
    print(f"editor saves: {saves}, editor errors: {len(save_errors)} {save_errors[:3]}")


if __name__ == "__main__":
    main()
