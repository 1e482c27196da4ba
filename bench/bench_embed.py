"""
What a publisher's reader downloads and waits for: summit's `/embed/` before
this change (a commit given by --before, served beside), after it, and
TimelineJS3 showing the same events from summit's own TimelineJS export, in
one run, at several archive sizes, at 1× and 4× CPU (CDP's CPU throttling; 4×
stands for a mid-range phone), and three embeds on one article page.

Each summit is served by gunicorn with production settings on its own SQLite
database holding the seed events plus generated ones (`generate_events`).
Loads alternate between the systems; figures are medians with min–max.

- first chart: the first animation frame with the chart in the page: summit's
  server-drawn SVG, or the Plotly chart (`timeline:rendered`) where there is
  no SVG; TimelineJS3's first time marker.
- zoom works: the reader reaches for the chart (the pointer over it) as soon
  as it shows; the moment the zoomable chart is drawn (Plotly's, or TimelineJS's).
- bytes: every response body of the load, compressed as a server sends it
  (gzip -6, and brotli -11 as whitenoise's precompressed files). Before the
  first chart: what it needs (a chart drawn by the server: the page and what
  blocks its rendering; one drawn by script: all that arrived before it);
  arrived by the chart: all that arrived before it (on a local server the
  deferred scripts come in parallel); in total: after the reader reached
  for the chart.
- long tasks: main-thread tasks over 50 ms, summed, until the network is idle.

TimelineJS3 comes from the npm registry (`@knight-lab/timelinejs`, installed
into bench/.cache, never committed).

    .venv/bin/python bench/bench_embed.py [--quick] [--runs 5] [--sizes 30,1000,10000] [--cpu 1,4]
        [--before <commit>] [--timelinejs-max 10000]
"""

import argparse
import functools
import gzip
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import BIN, CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, production_env

CACHE = ROOT / "bench" / ".cache"
TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
SEED_EVENTS = 30
VIEWPORT = {"width": 1280, "height": 900}
# Tall enough to show all three embeds of an article: Chromium does not render frames out of view.
ARTICLE_VIEWPORT = {"width": 1280, "height": 2400}
# The three embeds of one article: three slices of the timeline.
THREE_EMBEDS = ["", "?actor=japan", "?lanes=topic"]
LOAD_TIMEOUT_MS = 240_000
QUIET_S = 1.0
# Requests per embed URL before measuring, so that each gunicorn worker has it cached.
WARM_REQUESTS = 8

TIMELINEJS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS3</title>
<link rel="stylesheet" href="timeline.css"></head>
<body style="margin:0"><div id="timeline-embed" style="width:100%;height:640px"></div>
<script src="timeline.js"></script>
<script>
  fetch("events.json").then((r) => r.json()).then((data) => { new TL.Timeline("timeline-embed", data); });
</script></body></html>"""

ARTICLE = """<!doctype html><html><head><meta charset="utf-8"><title>An article</title></head><body>
<h1>An article with three timelines</h1>{frames}<p>The end of the article.</p></body></html>"""
FRAME = '<iframe src="{src}" width="100%" height="640" style="border:0" title="timeline"></iframe><p>Text.</p>'

# In every frame: the first frame with a chart, and the long tasks.
PROBE = """
(() => {
  window.longTasks = 0;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks += e.duration; })
      .observe({ type: "longtask", buffered: true });
  } catch (error) {}
  const CHART = "svg.chart-first-view, #chart[data-rendered=true], #chart[data-drawn-by=plotly], .tl-timemarker";
  const ZOOM = "#chart[data-rendered=true], #chart[data-drawn-by=plotly], .tl-timemarker";
  (function wait() {
    // Each moment is told once on the console too: the harness listens rather than asks the page.
    const mark = (name) => {
      if (window[name] !== undefined) return;
      window[name] = performance.now();
      console.debug("bench:" + name);
    };
    if (window.firstChart === undefined && document.querySelector(CHART)) {
      window.serverDrawn = !!document.querySelector("svg.chart-first-view");
      requestAnimationFrame(() => mark("firstChart"));
    }
    if (window.zoomWorks === undefined && document.querySelector(ZOOM)) {
      requestAnimationFrame(() => mark("zoomWorks"));
    }
    if (window.firstChart === undefined || window.zoomWorks === undefined) requestAnimationFrame(wait);
  })();
})();
"""


# --- servers ------------------------------------------------------------------------


class Summit:
    """One summit tree (the working tree, or a commit exported beside it) on gunicorn, with `events` events."""

    def __init__(self, name: str, root: Path, work: Path, events: int):
        self.name, self.root = name, root
        database = work / f"{name.split()[-1]}-{events}.sqlite3"
        self.env = production_env(f"sqlite:///{database}")
        self.env["PYTHONPATH"] = str(root)
        self.env["STATIC_MAX_AGE"] = "31536000"
        # The articles with three embeds are served from another local port.
        self.env["EMBED_FRAME_ANCESTORS"] = "http://127.0.0.1:*"
        for command in (
            ["collectstatic", "--noinput", "-v0"],
            ["migrate", "--noinput", "-v0"],
            ["loaddata", "seed", "-v0"],
        ):
            self.manage(*command)
        if events > SEED_EVENTS:
            self.manage("generate_events", "--count", str(events - SEED_EVENTS), "--seed", "1", "-v0")
        self.port = free_port()
        self.server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "summit.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--threads",
                "4",
                "--log-level",
                "warning",
            ],
            cwd=root,
            env=self.env,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(self.url + "/embed/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"{name} did not start")
        # Warm the figure and response caches of every worker: a cached embed is what readers get.
        for _ in range(WARM_REQUESTS):
            for query in THREE_EMBEDS:
                urllib.request.urlopen(self.url + "/embed/" + query, timeout=60).read()

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=self.root, env=self.env, check=True)

    def embed(self, query: str = "") -> str:
        return f"{self.url}/embed/{query}"

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(10)


def export_commit(commit: str, work: Path) -> Path:
    """The tree of `commit`, exported (git archive: no worktree, the repository is left as it is)."""
    tree = work / f"before-{commit[:10]}"
    tree.mkdir()
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class StaticSite:
    """A scratch directory served over HTTP: TimelineJS3's page, and the articles with three embeds."""

    def __init__(self, directory: Path):
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def article(self, name: str, sources: list[str]) -> str:
        frames = "".join(FRAME.format(src=src) for src in sources)
        (self.directory / name).write_text(ARTICLE.format(frames=frames))
        return f"{self.url}/{name}"


def install_timelinejs() -> Path | None:
    dist = CACHE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not dist.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                ["npm", "install", "--prefix", str(CACHE), TIMELINEJS, "--no-audit", "--no-fund", "--silent"],
                check=True,
                timeout=180,
            )
        except (OSError, subprocess.SubprocessError) as error:
            print(f"TimelineJS3 could not be installed from npm ({error}); measuring summit alone.")
            return None
    return dist


def timelinejs_site(site: StaticSite, dist: Path, summit: Summit, events: int) -> str:
    folder = site.directory / f"timelinejs-{events}"
    folder.mkdir()
    shutil.copy(dist / "js" / "timeline.js", folder / "timeline.js")
    shutil.copy(dist / "css" / "timeline.css", folder / "timeline.css")
    with urllib.request.urlopen(f"{summit.url}/api/events.timelinejs.json", timeout=120) as response:
        (folder / "events.json").write_bytes(response.read())
    (folder / "index.html").write_text(TIMELINEJS_PAGE)
    return f"{site.url}/{folder.name}/index.html"


# --- measuring ----------------------------------------------------------------------

_compressed: dict[str, tuple[int, int]] = {}


def compressed(body: bytes) -> tuple[int, int]:
    """(gzip -6, brotli -11) sizes of a body, remembered: the same script recurs in every load."""
    key = hashlib.sha256(body).hexdigest()
    if key not in _compressed:
        _compressed[key] = (len(gzip.compress(body, 6)), len(brotli.compress(body, quality=11)))
    return _compressed[key]


def body_of(response) -> bytes | None:
    try:
        return response.body()
    except PlaywrightError:
        return None  # redirects and aborted requests carry no body


def one_load(browser, url: str, cpu: int, reach: str | None, framed: int = 0) -> dict:
    """
    One cold load (a new browser context: nothing cached) of a page holding a
    chart, or of an article holding `framed` embeds in iframes.
    """
    context = browser.new_context(viewport=ARTICLE_VIEWPORT if framed else VIEWPORT)
    context.add_init_script(PROBE)
    page = context.new_page()
    if cpu > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    responses = []
    page.on("response", lambda response: responses.append((time.monotonic(), response)))
    deadline = time.monotonic() + LOAD_TIMEOUT_MS / 1000

    def charts():
        return [frame for frame in page.frames if frame != page.main_frame] if framed else [page.main_frame]

    told = {"bench:firstChart": 0, "bench:zoomWorks": 0}

    def listen(message) -> None:
        if message.text in told:
            told[message.text] += 1

    page.on("console", listen)

    def wait_for(name: str) -> None:
        # Every chart's frame tells its moment on the console. Asking the pages instead (an evaluation
        # every few ms) would run Playwright's own script in them while they load, tens of ms of it.
        while told["bench:" + name] < max(framed, 1):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}: no {name}")
            page.wait_for_timeout(20)

    page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
    wait_for("firstChart")
    chart_seen = time.monotonic()
    if reach:  # the reader reaches for each chart as soon as it shows
        for frame in charts():
            frame.hover(reach, timeout=LOAD_TIMEOUT_MS)
    wait_for("zoomWorks")
    # Until nothing more arrives for a while (networkidle never comes while a page keeps a request open).
    quiet_since = time.monotonic()
    while time.monotonic() - max(quiet_since, responses[-1][0] if responses else 0) < QUIET_S:
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(100)
    origin = page.evaluate("() => performance.timeOrigin")

    def moment(frame, name):  # a frame's moment on the page's clock
        return frame.evaluate(f"() => performance.timeOrigin + window.{name}") - origin

    frames = charts()
    # A chart drawn by the server needs only the page and what blocks its rendering (CSS, head scripts);
    # one drawn by script needs everything that arrived before it.
    server_drawn = all(frame.evaluate("() => window.serverDrawn === true") for frame in frames)
    needed = set()
    for frame in {page.main_frame, *frames}:
        needed.add(frame.url)
        needed.update(
            frame.evaluate(
                "() => performance.getEntriesByType('resource')"
                ".filter((entry) => entry.renderBlockingStatus === 'blocking').map((entry) => entry.name)"
            )
        )
    measured = {
        "first_chart": max(moment(frame, "firstChart") for frame in frames),
        "zoom_works": max(moment(frame, "zoomWorks") for frame in frames),
        "long_tasks": sum(frame.evaluate("() => window.longTasks || 0") for frame in {page.main_frame, *frames}),
        "before": {"gz": 0, "br": 0, "requests": 0},
        "arrived": {"gz": 0, "br": 0, "requests": 0},
        "total": {"gz": 0, "br": 0, "requests": 0},
    }
    downloaded = set()
    for arrived, response in responses:
        body = body_of(response)
        # A second embed's request for the same file is the HTTP cache's (or waits on the first download).
        if body is None or response.url in downloaded:
            continue
        downloaded.add(response.url)
        gz, br = compressed(body)
        tallies = [measured["total"]]
        if arrived <= chart_seen:
            tallies.append(measured["arrived"])
            if not server_drawn or response.url in needed:
                tallies.append(measured["before"])
        for tally in tallies:
            tally["gz"] += gz
            tally["br"] += br
            tally["requests"] += 1
    context.close()
    return measured


def spread(values: list[float], unit: str = "", scale: float = 1) -> str:
    values = [value / scale for value in values]
    median = statistics.median(values)
    if len(values) == 1 or max(values) - min(values) < 0.5:
        return f"{median:,.0f}{unit}"
    return f"{median:,.0f}{unit} ({min(values):,.0f}–{max(values):,.0f})"


def summarise(loads: list[dict]) -> dict:
    return {
        "first chart ms": spread([load["first_chart"] for load in loads]),
        "zoom works ms": spread([load["zoom_works"] for load in loads]),
        "KB before chart gz/br": f"{loads[0]['before']['gz'] / 1024:,.0f} / {loads[0]['before']['br'] / 1024:,.0f}",
        "KB arrived by chart gz": f"{loads[0]['arrived']['gz'] / 1024:,.0f}",
        "KB total gz/br": f"{loads[0]['total']['gz'] / 1024:,.0f} / {loads[0]['total']['br'] / 1024:,.0f}",
        "requests before/total": f"{loads[0]['before']['requests']} / {loads[0]['total']['requests']}",
        "long tasks ms": spread([load["long_tasks"] for load in loads]),
        "_first_chart": statistics.median(load["first_chart"] for load in loads),
        "_before_gz": loads[0]["before"]["gz"],
    }


def report(rows: list[tuple[str, str, dict]]) -> None:
    columns = [
        "first chart ms",
        "zoom works ms",
        "KB before chart gz/br",
        "KB arrived by chart gz",
        "KB total gz/br",
        "requests before/total",
        "long tasks ms",
    ]
    print("\n| case | page | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for case, name, summary in rows:
        print(f"| {case} | {name} | " + " | ".join(summary[column] for column in columns) + " |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="30 events, 1× CPU, 2 runs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="30,1000,10000")
    parser.add_argument("--cpu", default="1,4")
    parser.add_argument(
        "--before",
        default=os.environ.get("BENCH_BEFORE", ""),
        help="a commit to measure beside the working tree (default: none)",
    )
    parser.add_argument(
        "--timelinejs-max",
        type=int,
        default=10_000,
        help="measure TimelineJS3 only up to this many events (it takes minutes at 10,000 and 4×)",
    )
    parser.add_argument("--three", default="30", help="sizes at which to load an article with three embeds")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sizes = [30] if args.quick else [int(size) for size in args.sizes.split(",")]
    cpus = [1] if args.quick else [int(cpu) for cpu in args.cpu.split(",")]
    runs = 2 if args.quick else args.runs
    three_sizes = {int(size) for size in args.three.split(",") if size}
    work = Path(tempfile.mkdtemp(prefix="summit-embed-"))
    site = StaticSite(work / "site")
    before_tree = export_commit(args.before, work) if args.before else None
    dist = install_timelinejs()
    rows, raw = [], {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for events in sizes:
                summits = [Summit("summit after", ROOT, work, events)]
                if before_tree:
                    summits.insert(0, Summit("summit before", before_tree, work, events))
                try:
                    pages = {summit.name: (summit.embed(), "#chart", 0) for summit in summits}
                    if dist and events <= args.timelinejs_max:
                        pages["TimelineJS3"] = (timelinejs_site(site, dist, summits[-1], events), None, 0)
                    cases = [(f"{events:,} events, {cpu}× CPU", cpu, pages) for cpu in cpus]
                    if events in three_sizes:
                        three = {
                            summit.name: (
                                site.article(
                                    f"three-{summit.name[7:]}-{events}.html",
                                    [summit.embed(query) for query in THREE_EMBEDS],
                                ),
                                "#chart",
                                3,
                            )
                            for summit in summits
                        }
                        if "TimelineJS3" in pages:
                            timelinejs = [pages["TimelineJS3"][0]] * len(THREE_EMBEDS)
                            three["TimelineJS3"] = (site.article(f"three-tl-{events}.html", timelinejs), None, 3)
                        cases.append((f"{events:,} events, three embeds, 1× CPU", 1, three))
                    for case, cpu, case_pages in cases:
                        loads = {name: [] for name in case_pages}
                        for _ in range(runs):
                            for name, (url, reach, framed) in case_pages.items():  # alternating
                                loads[name].append(one_load(browser, url, cpu, reach, framed))
                        for name, name_loads in loads.items():
                            rows.append((case, name, summarise(name_loads)))
                            raw[f"{case} | {name}"] = name_loads
                        report([row for row in rows if row[0] == case])
                finally:
                    for summit in summits:
                        summit.stop()
            browser.close()
    finally:
        site.server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nAll cases, headless Chromium, local servers, {runs} alternating cold loads each; median (min–max).")
    report(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(raw, indent=1))


if __name__ == "__main__":
    main()
