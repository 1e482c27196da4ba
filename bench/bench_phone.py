"""
The phone embed as a publisher's reader meets it: `/embed/` at 375×800 with touch and 4× CPU
throttling (a mid-range phone), summit before a change (--before <commit>) and after it, beside
TimelineJS3 showing the same events from summit's TimelineJS export, in one run, alternating
cold loads; medians with min–max.

- first chart: the first animation frame holding the chart (summit's server-drawn view,
  TimelineJS3's first time marker);
- labels: events whose label shows whole in the first screen, over the events drawn there
  (summit: `#chart [data-slug]` elements with visible, uncut text; TimelineJS3: time markers
  whose headline shows, uncut);
- zoom works: the reader touches the chart as soon as it shows; the moment the zoomable chart
  (Plotly's, or TimelineJS3's) is drawn, or, where a narrow box reads the server's rows, the moment
  its zoom links show.

    .venv/bin/python bench/bench_phone.py [--quick] [--runs 5] [--before <commit>] [--cpu 4]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_embed import LOAD_TIMEOUT_MS, StaticSite, Summit, export_commit, install_timelinejs, timelinejs_site
from servers import CHROMIUM, CHROMIUM_ARGS, ROOT

PHONE = {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}

PROBE = """
(() => {
  const CHART = "#chart [data-slug], svg.chart-first-view, .tl-timemarker";
  const ZOOM = ["#chart[data-rendered=true], #chart[data-drawn-by=plotly]",
                "#chart .js-plotly-plot, #chart.js-plotly-plot, .tl-timemarker"].join(", ");
  (function wait() {
    const mark = (name) => { if (window[name] === undefined) window[name] = performance.now(); };
    if (window.firstChart === undefined && document.querySelector(CHART)) {
      requestAnimationFrame(() => mark("firstChart"));
    }
    // A narrow box zooms with the server's links (a wider or narrower window): zoom works once they show.
    const serverZoom = [...document.querySelectorAll(".chart-zoom a")].some((link) => link.offsetParent);
    if (window.zoomWorks === undefined && (document.querySelector(ZOOM) || serverZoom)) {
      requestAnimationFrame(() => mark("zoomWorks"));
    }
    if (window.firstChart === undefined || window.zoomWorks === undefined) requestAnimationFrame(wait);
  })();
})();
"""

# Labels whole in the first screen: an element is counted when its box is on screen, and labelled
# when text of it is shown there and not cut ("…").
COUNT_LABELS = """
(selector) => {
  const onScreen = (box) => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
    && box.right > 0 && box.left < innerWidth;
  // The text a reader sees: text nodes whose element is rendered, visible and on screen.
  const shownText = (element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const style = getComputedStyle(parent);
      if (!node.textContent.trim() || style.visibility === "hidden" || Number(style.opacity) === 0) continue;
      if (!onScreen(parent.getBoundingClientRect())) continue;
      text += node.textContent;
    }
    return text.trim();
  };
  let drawn = 0, labelled = 0;
  for (const element of document.querySelectorAll(selector)) {
    if (!onScreen(element.getBoundingClientRect())) continue;
    drawn += 1;
    const text = shownText(element);
    if (text && !text.endsWith("…")) labelled += 1;
  }
  return [labelled, drawn];
}
"""


def one_load(browser, url: str, cpu: int, labels: str, reach: str) -> dict:
    context = browser.new_context(**PHONE)
    context.add_init_script(PROBE)
    page = context.new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu})
    page.goto(url, wait_until="commit", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("() => window.firstChart !== undefined", timeout=LOAD_TIMEOUT_MS, polling=50)
    labelled, drawn = page.evaluate(COUNT_LABELS, labels)
    page.hover(reach, timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function("() => window.zoomWorks !== undefined", timeout=LOAD_TIMEOUT_MS, polling=50)
    measured = {
        "first_chart": page.evaluate("() => window.firstChart"),
        "zoom_works": page.evaluate("() => window.zoomWorks"),
        "labelled": labelled,
        "drawn": drawn,
    }
    context.close()
    return measured


def spread(values: list[float]) -> str:
    median = statistics.median(values)
    if len(values) == 1 or max(values) - min(values) < 0.5:
        return f"{median:,.0f}"
    return f"{median:,.0f} ({min(values):,.0f}–{max(values):,.0f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2 runs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", type=int, default=4)
    parser.add_argument("--before", default=os.environ.get("BENCH_BEFORE", ""))
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    work = Path(tempfile.mkdtemp(prefix="summit-phone-"))
    site = StaticSite(work / "site")
    summits = [Summit("summit after", ROOT, work, 30)]
    if args.before:
        summits.insert(0, Summit("summit before", export_commit(args.before, work), work, 30))
    pages = {summit.name: (summit.embed(), "#chart [data-slug]", "#chart") for summit in summits}
    dist = install_timelinejs()
    if dist:
        pages["TimelineJS3"] = (timelinejs_site(site, dist, summits[-1], 30), ".tl-timemarker", ".tl-timenav")
    loads: dict[str, list[dict]] = {name: [] for name in pages}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(runs):
                for name, (url, labels, reach) in pages.items():  # alternating
                    loads[name].append(one_load(browser, url, args.cpu, labels, reach))
                    time.sleep(0.2)
            browser.close()
    finally:
        for summit in summits:
            summit.stop()
        site.server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nPhone embed, 375×800 touch, {args.cpu}× CPU, 30 events, {runs} alternating cold loads; median (min–max)")
    print("| page | first chart ms | labels whole / events drawn, first screen | zoom works ms |")
    print("|---|---|---|---|")
    for name, name_loads in loads.items():
        labelled = statistics.median(load["labelled"] for load in name_loads)
        drawn = statistics.median(load["drawn"] for load in name_loads)
        print(
            f"| {name} | {spread([load['first_chart'] for load in name_loads])} | {labelled:.0f} / {drawn:.0f} "
            f"| {spread([load['zoom_works'] for load in name_loads])} |"
        )


if __name__ == "__main__":
    main()
