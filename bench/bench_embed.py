"""
The embed's weight and time to first chart, beside TimelineJS3 showing the
same events from summit's own TimelineJS export, in one run.

Serves the seed data with gunicorn (production settings), loads `/embed/` in
headless Chromium five times, and sums every response the page needs,
gzipped (what a server sends compressed); the first chart is the moment
summit's chart reports `timeline:rendered`. TimelineJS3 comes from the npm
registry (`@knight-lab/timelinejs`, installed into bench/.cache, never
committed) and is served from a scratch directory with summit's
`/api/events.timelinejs.json`; its first chart is the first time marker.

    .venv/bin/python bench/bench_embed.py [--quick] [--runs 5]

Targets for summit: under 450 KB gzipped, first chart under 1 s.
"""

import argparse
import functools
import gzip
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import CHROMIUM_ARGS, ROOT, manage, production_env, start_gunicorn  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
WEIGHT_TARGET_KB, FIRST_CHART_TARGET_MS = 450, 1000

TIMELINEJS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="stylesheet" href="timeline.css"></head>
<body style="margin:0"><div id="timeline-embed" style="width:100%;height:640px"></div>
<script src="timeline.js"></script>
<script>
  fetch("events.json").then((r) => r.json()).then((data) => { new TL.Timeline("timeline-embed", data); });
  (function wait() {
    if (document.querySelector(".tl-timemarker")) { window.firstChart = performance.now(); return; }
    requestAnimationFrame(wait);
  })();
</script></body></html>"""


def start_summit(work: Path) -> tuple[subprocess.Popen, int]:
    env = production_env(f"sqlite:///{work / 'embed.sqlite3'}")
    for command in (["collectstatic", "--noinput", "-v0"], ["migrate", "--noinput", "-v0"], ["loaddata", "seed", "-v0"]):
        manage(env, *command)
    return start_gunicorn(env, workers=1, threads=4)


def install_timelinejs() -> Path | None:
    dist = CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not dist.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(["npm", "install", "--prefix", str(CACHE), TIMELINEJS, "--no-audit", "--no-fund",
                            "--silent"], check=True, timeout=180)
        except (OSError, subprocess.SubprocessError) as error:
            print(f"TimelineJS3 could not be installed from npm ({error}); measuring summit alone.")
            return None
    return dist


def serve_timelinejs(dist: Path, summit_port: int, work: Path) -> tuple[ThreadingHTTPServer, int]:
    site = work / "timelinejs"
    site.mkdir()
    shutil.copy(dist / "js" / "timeline.js", site / "timeline.js")
    shutil.copy(dist / "css" / "timeline.css", site / "timeline.css")
    with urllib.request.urlopen(f"http://127.0.0.1:{summit_port}/api/events.timelinejs.json") as response:
        (site / "events.json").write_bytes(response.read())
    (site / "index.html").write_text(TIMELINEJS_PAGE)
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_port


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(browser, url: str, ready: str, runs: int) -> dict:
    """Median time to first chart and the gzipped weight of everything the page loaded."""
    times, weight, requests = [], 0, 0
    for run in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script(
            "document.addEventListener('timeline:rendered', () => { window.firstChart ??= performance.now(); });"
        )
        bodies = []
        page.on("response", lambda response: bodies.append(response))
        page.goto(url)
        page.wait_for_function("() => window.firstChart !== undefined", timeout=30000)
        page.wait_for_selector(ready)
        times.append(page.evaluate("() => window.firstChart"))
        if run == 0:
            page.wait_for_load_state("networkidle")
            sizes = []
            for response in bodies:
                try:
                    sizes.append(len(gzip.compress(response.body(), 6)))
                except Exception:
                    pass  # redirects and aborted requests carry no body
            weight, requests = sum(sizes), len(sizes)
        context.close()
    return {"first_chart_ms": statistics.median(times), "weight_kb": weight / 1024, "requests": requests,
            "runs": times}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    work = Path(tempfile.mkdtemp(prefix="summit-embed-"))
    summit, port = start_summit(work)
    timelinejs_server = None
    try:
        from playwright.sync_api import sync_playwright

        dist = install_timelinejs()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            results = {"summit /embed/": measure(browser, f"http://127.0.0.1:{port}/embed/", "#chart[data-rendered=true]", runs)}
            if dist:
                timelinejs_server, tl_port = serve_timelinejs(dist, port, work)
                results["TimelineJS3 3.9.11"] = measure(browser, f"http://127.0.0.1:{tl_port}/index.html", ".tl-timemarker", runs)
            browser.close()
    finally:
        summit.terminate()
        summit.wait(10)
        if timelinejs_server:
            timelinejs_server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    report(results, runs)


def report(results, runs):
    print(f"\nThe seed events embedded, headless Chromium, local server, median of {runs} loads")
    print(f"{'':22} {'weight KB gz':>13} {'requests':>9} {'first chart ms':>15}")
    for name, row in results.items():
        print(f"{name:22} {row['weight_kb']:>13.1f} {row['requests']:>9} {row['first_chart_ms']:>15.0f}")
    summit = results["summit /embed/"]
    other = results.get("TimelineJS3 3.9.11")
    if other:
        print(f"summit / TimelineJS3: weight {summit['weight_kb'] / other['weight_kb']:.2f}, "
              f"first chart {summit['first_chart_ms'] / other['first_chart_ms']:.2f}")
    print(f"targets: weight < {WEIGHT_TARGET_KB} KB: {'met' if summit['weight_kb'] < WEIGHT_TARGET_KB else 'MISSED'}; "
          f"first chart < {FIRST_CHART_TARGET_MS} ms: {'met' if summit['first_chart_ms'] < FIRST_CHART_TARGET_MS else 'MISSED'}")


if __name__ == "__main__":
    main()
