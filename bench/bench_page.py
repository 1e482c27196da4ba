"""
Weight and server time of the timeline page `/`, with the seed events.

Weight: every byte a first visit downloads (HTML, JS, CSS), raw and as sent
gzipped, beside the same page with plotly.py's full plotly.js bundle (the
baseline a default Plotly set-up would ship).
Server time: p50/p95 of the page, its htmx partial, an event panel and the
JSON API, in process (no network), beside whitenoise serving a static file
on the same stack (the floor).

    python bench/bench_page.py [--runs 200] [--json]
"""

import argparse
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB = Path(tempfile.gettempdir()) / "summit_bench_page.sqlite3"
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        "DATABASE_URL": f"sqlite:///{DB}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
    }
)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402


def prepare_database():
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("loaddata", "seed", verbosity=0)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def page_weight(client: Client, path: str = "/") -> dict:
    """Bytes of the page and every script and stylesheet it loads."""
    html = client.get(path).content
    assets = re.findall(rb'<(?:script[^>]+src|link[^>]+rel="stylesheet"[^>]+href)="([^"]+)"', html)
    # plotly.js, which loader.js fetches once the page is idle (the chart's first view is the server's SVG).
    plotly = re.findall(rb'data-plotly="([^"]+)"', html)
    sizes = {"html": [len(html), len(gzip.compress(html, 6))], "js": [0, 0], "css": [0, 0], "plotly.js at idle": [0, 0]}
    for url in assets + plotly:
        kind = "plotly.js at idle" if url in plotly else "css" if url.endswith(b".css") else "js"
        url = url.decode()
        raw = body(client.get(url))
        sent = client.get(url, headers={"Accept-Encoding": "gzip"})
        sent_bytes = body(sent)
        sizes[kind][0] += len(raw)
        sizes[kind][1] += len(sent_bytes)
    sizes["total"] = [sum(part[0] for part in sizes.values()), sum(part[1] for part in sizes.values())]
    return sizes


def full_bundle_weight(page: dict) -> dict:
    """The same page if it shipped plotly.py's full plotly.js instead of summit's own bundle."""
    import plotly

    full = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    basic = next((ROOT / "static" / "vendor").glob("plotly-summit-*.min.js")).read_bytes()
    raw = page["total"][0] - len(basic) + len(full)
    sent = page["total"][1] - len(gzip.compress(basic, 6)) + len(gzip.compress(full, 6))
    return {"total": [raw, sent]}


def timings(client: Client, path: str, runs: int, headers=None) -> dict:
    client.get(path, headers=headers or {})  # warm caches and connections
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path, headers=headers or {})
        body(response)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    prepare_database()
    client = Client()
    weight = page_weight(client)
    baseline_weight = full_bundle_weight(weight)
    static_url = re.search(rb'src="(/static/timeline/timeline[^"]+)"', client.get("/").content).group(1).decode()
    server = {
        "/ (whole page)": timings(client, "/", args.runs),
        "/?actor=china (htmx partial)": timings(client, "/?actor=china", args.runs, {"HX-Request": "true"}),
        "/events/<slug>/panel/": timings(client, "/events/takaichi-lee-summit-nara/panel/", args.runs),
        "/api/events.json": timings(client, "/api/events.json", args.runs),
        "baseline: static file via whitenoise": timings(client, static_url, args.runs),
    }
    result = {"weight_bytes": weight, "baseline_full_plotly_bytes": baseline_weight, "server_time": server}
    if args.json:
        print(json.dumps(result, indent=2))
        return

    kb = lambda n: f"{n / 1024:,.1f} KB"  # noqa: E731
    print("Page weight of / (seed events), first visit")
    print(f"  {'part':<28}{'raw':>12}{'gzipped':>12}")
    for part in ("html", "js", "css", "plotly.js at idle", "total"):
        print(f"  {part:<28}{kb(weight[part][0]):>12}{kb(weight[part][1]):>12}")
    baseline = baseline_weight["total"]
    print(f"  {'baseline: full plotly.js':<28}{kb(baseline[0]):>12}{kb(baseline[1]):>12}")
    print(f"  summit / baseline (gzipped): {weight['total'][1] / baseline_weight['total'][1]:.2f}")
    print()
    print(f"Server time, in process, {args.runs} requests each")
    print(f"  {'request':<40}{'p50':>10}{'p95':>10}")
    for name, figures in server.items():
        print(f"  {name:<40}{figures['p50_ms']:>8.2f}ms{figures['p95_ms']:>8.2f}ms")


if __name__ == "__main__":
    main()
