"""
summit at 1,000, 10,000 and 100,000 events, on SQLite and PostgreSQL.

For each size: server time p50/p95 (in process, figure cache warm, and cold
with the cache cleared before every request) of `/`, `/embed/`, the window
fetch and `/api/events.json`, with the ratio 100,000 / 1,000; the gzipped
payload of the first view; in headless Chromium, time to the first chart and
from a zoom to the redrawn chart. At the largest size, 64 concurrent
connections on `/embed/` against gunicorn, beside whitenoise serving a static
file of the same size on the same server (the ceiling); and peak RSS.

    .venv/bin/python bench/bench_scale.py [--quick] [--sizes 1000,10000] [--no-postgres]

--quick: 1,000 and 10,000 events, SQLite only, 10 s of load.
PostgreSQL is used when reachable at BENCH_POSTGRES_URL
(default postgres://postgres@127.0.0.1:5432/test), in a scratch database.
"""

import argparse
import datetime
import gzip
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import CHROMIUM_ARGS, ROOT, manage, production_env, start_gunicorn  # noqa: E402

PG_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
ENDPOINTS = ["/", "/embed/", "window", "/api/events.json"]


def postgres_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_URL, connect_timeout=3).close()
        return True
    except Exception:
        return False


def scratch_database(backend: str, size: int, work: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{work / f'scale-{size}.sqlite3'}"
    import psycopg

    name = f"summit_bench_{size}"
    with psycopg.connect(PG_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return PG_URL.rsplit("/", 1)[0] + "/" + name


def drop_database(backend: str, url: str):
    if backend == "postgresql":
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")


# --- in-process server timings (run in a child process per database) ---------


def measure_in_process(runs: int) -> dict:
    import resource

    import django

    django.setup()
    import logging

    logging.disable(logging.CRITICAL)
    from django.core.cache import cache
    from django.db.models import Count
    from django.db.models.functions import TruncMonth
    from django.test import Client

    from timeline.management.commands.generate_events import month_bounds
    from timeline.models import Event

    busiest = (
        Event.objects.published()
        .annotate(month=TruncMonth("earliest"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["month"]
    )
    first = busiest.date() if isinstance(busiest, datetime.datetime) else busiest
    last = month_bounds(first.year, first.month)[1]
    window = f"/api/window.json?from={first.isoformat()}&to={last.isoformat()}"
    client = Client(HTTP_HOST="testserver")
    results = {"events": Event.objects.count(), "window": window}
    for name in ENDPOINTS:
        url = window if name == "window" else name
        assert client.get(url).status_code == 200, url
        warm, cold = [], []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            warm.append((time.perf_counter() - started) * 1000)
        for _ in range(max(5, runs // 4)):
            cache.clear()
            started = time.perf_counter()
            client.get(url)
            cold.append((time.perf_counter() - started) * 1000)
        results[name] = {"p50": percentile(warm, 50), "p95": percentile(warm, 95), "cold_p50": percentile(cold, 50)}
    html = client.get("/").content
    results["html_gz"] = len(gzip.compress(html, 6))
    results["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


# --- gunicorn, the browser and the load run --------------------------------


def worker_peak_rss_mb(server: subprocess.Popen) -> float:
    peaks = []
    for child in Path("/proc").glob("[0-9]*"):
        try:
            status = (child / "status").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{server.pid}$", status, re.M):
            peaks.append(int(re.search(r"^VmHWM:\s+(\d+)", status, re.M).group(1)) / 1024)
    return max(peaks, default=float("nan"))


def browser_timings(port: int, runs: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    first, zoom = [], []
    # Every worker keeps its own cache: warm them all, as a live site is.
    for _ in range(8):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/").read()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.add_init_script(
                "document.addEventListener('timeline:rendered', () => { window.firstChart ??= performance.now(); });"
            )
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#chart[data-drawn-by=plotly][data-state=idle]")
            first.append(page.evaluate("() => window.firstChart"))
            zoom.append(
                page.evaluate(
                    """() => new Promise((done) => {
                  const chart = document.getElementById('chart');
                  const range = window.summit.chart.range().map((d) => new Date(d).getTime());
                  const middle = (range[0] + range[1]) / 2, half = (range[1] - range[0]) / 16;
                  const started = performance.now();
                  chart.addEventListener('timeline:rendered', () => done(performance.now() - started), {once: true});
                  window.summit.chart.zoomTo([new Date(middle - half).toISOString(),
                                              new Date(middle + half).toISOString()]);
                  setTimeout(() => done(null), 10000);
                })"""
                )
            )
            page.close()
        browser.close()
    zoom = [value for value in zoom if value is not None]
    return {"first_chart_ms": statistics.median(first), "zoom_ms": statistics.median(zoom) if zoom else None}


def hammer(port: int, path: str, seconds: float, connections: int) -> dict:
    """`connections` keep-alive connections asking for `path` as fast as they are answered."""
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def run():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[0] += 1
            except Exception:
                errors[0] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 50) if latencies else None,
        "p99": percentile(latencies, 99) if latencies else None,
    }


def static_of_same_size(port: int, size: int) -> str:
    """The collected static file closest in size to the embed page: whitenoise's ceiling on this server."""
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]
    # Another process may be collecting static files meanwhile: only the files that are there.
    files = {name: ROOT / "staticfiles" / hashed for name, hashed in manifest.items()}
    sizes = {name: path.stat().st_size for name, path in files.items() if path.exists()}
    name = min(sizes, key=lambda n: abs(sizes[n] - size))
    return "/static/" + manifest[name]


# --- the run ----------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sizes")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure_in_process(args.runs)))
        return

    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([1000, 10000] if args.quick else [1000, 10000, 100000])
    )
    backends = ["sqlite"] + ([] if args.quick or args.no_postgres or not postgres_reachable() else ["postgresql"])
    load_seconds = 10 if args.quick else 30
    work = Path(tempfile.mkdtemp(prefix="summit-scale-"))
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    results, load = {}, {}
    for backend in backends:
        for size in sizes:
            url = scratch_database(backend, size, work)
            env = production_env(url)
            try:
                manage(env, "migrate", "--noinput", "-v0")
                started = time.monotonic()
                manage(env, "generate_events", "--count", str(size), "--seed", "1", "-v0")
                generated_s = time.monotonic() - started
                measured = subprocess.run(
                    [sys.executable, str(Path(__file__)), "--measure", "--runs", str(args.runs)],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                row = json.loads(measured.stdout.strip().splitlines()[-1])
                row["generate_s"] = generated_s
                server, port = start_gunicorn(env)
                try:
                    row.update(browser_timings(port))
                    if size == sizes[-1]:
                        embed_size = len(urllib.request.urlopen(f"http://127.0.0.1:{port}/embed/").read())
                        static = static_of_same_size(port, embed_size)
                        load[backend] = {
                            "embed": hammer(port, "/embed/", load_seconds, 64),
                            "static": hammer(port, static, load_seconds, 64),
                            "static_path": static,
                            "embed_bytes": embed_size,
                        }
                    row["worker_rss_mb"] = worker_peak_rss_mb(server)
                finally:
                    server.terminate()
                    server.wait(10)
                results[(backend, size)] = row
                print(f"  measured {backend} at {size:,} events", flush=True)
            finally:
                drop_database(backend, url)
    report(results, load, backends, sizes, load_seconds)


def report(results, load, backends, sizes, load_seconds):
    print("\nServer time in process, ms (figure cache warm: p50 / p95; cache cleared before each request: cold p50)")
    header = f"{'db':10} {'endpoint':18}" + "".join(f"{size:>22,}" for size in sizes) + f"{'ratio last/first':>18}"
    print(header)
    for backend in backends:
        for name in ENDPOINTS:
            cells, p50s = "", []
            for size in sizes:
                row = results[(backend, size)][name]
                p50s.append(row["p50"])
                cells += f"{row['p50']:>8.1f} /{row['p95']:>6.1f} ({row['cold_p50']:>5.0f})"
            label = "window (1 month)" if name == "window" else name
            print(f"{backend:10} {label:18}{cells}{p50s[-1] / p50s[0]:>18.2f}")
    print("\nFirst view and browser, per size")
    print(
        f"{'db':10} {'events':>8} {'generate s':>11} {'HTML gz KB':>11} {'first chart ms':>15} {'zoom redraw ms':>15} {'worker RSS MB':>14}"  # noqa: E501
    )
    for backend in backends:
        for size in sizes:
            row = results[(backend, size)]
            zoom = f"{row['zoom_ms']:.0f}" if row.get("zoom_ms") is not None else "n/a"
            print(
                f"{backend:10} {row['events']:>8,} {row['generate_s']:>11.1f} {row['html_gz'] / 1024:>11.1f} "
                f"{row['first_chart_ms']:>15.0f} {zoom:>15} {row['worker_rss_mb']:>14.0f}"
            )
    for backend, figures in load.items():
        embed, static = figures["embed"], figures["static"]
        print(
            f"\n64 connections for {load_seconds} s against gunicorn (2 workers x 8 threads), {backend}, "
            f"{sizes[-1]:,} events; /embed/ is {figures['embed_bytes'] / 1024:.0f} KB"
        )
        print(f"{'target':44} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
        for label, row in (("/embed/", embed), (f"static {figures['static_path'][:34]}", static)):
            print(
                f"{label:44} {row['requests']:>9} {row['errors']:>7} {row['rps']:>8.1f} {row['p50']:>8.1f} {row['p99']:>8.1f}"  # noqa: E501
            )
        print(f"embed throughput / static ceiling: {embed['rps'] / static['rps']:.2f}")


if __name__ == "__main__":
    main()
