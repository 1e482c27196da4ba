"""
From a pasted link to proposals on the desk, as an editor lives it, and a
screenshot of the jobs desk with a job running.

    .venv/bin/python bench/bench_link.py [--runs 5] [--screenshot docs/screenshots/jobs-desk.png]
    .venv/bin/python bench/bench_link.py --pages /tmp/saved/*.html   # real pages saved by hand, never committed

Serves pages written for the tests (tests/pages/) from 127.0.0.1, starts
runserver and one worker (`manage.py worker`, as `make run` does) on a
throwaway SQLite database, and drives headless Chromium through the admin:
paste the link, press Fetch, wait for the jobs desk (htmx, every 2 s) to show
the job done, open "Check and save", save, wait for the first proposal on the
review page. Reports, per run, paste → fetched on the desk and paste →
proposals on the desk (the save pressed as soon as the form shows), as median
(min–max). With --pages, each saved page is served and pasted in turn instead,
and what was read from it (title, author, outlet, date, canonical address, the
text's start) is printed beside its timings, to compare with the page itself.
"""

import argparse
import datetime
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from playwright.sync_api import expect, sync_playwright  # noqa: E402

from tests.local_site import PAGES, Answer, LocalSite  # noqa: E402
from tests.processes import free_port, start_server, start_worker, stop, wait_for  # noqa: E402

PASSWORD = "bench-link-password"
# One article per run, each its own text (the desk refuses a second copy of an article).
BODIES = [
    "The harbour ministers met in Port Alder on Monday and agreed a new ferry timetable; "
    "the first crossings will start on 2 February 2026.",
    "Pilots at the northern lighthouse station ended a two-week stoppage on 9 January 2026 "
    "after the coast guard offered new rosters.",
    "The canal authority said it would close the eastern locks for repairs from 16 March 2026, "
    "diverting barges through the old river channel.",
    "Fishermen in the bay town voted on Sunday to accept quotas for the spring season, which opens on 1 April 2026.",
    "A new night bus between the two ports will run from 23 February 2026, the transport board "
    "announced after a trial in December 2025.",
    "Divers recovered the last of the lost cargo containers on 6 January 2026, a month after the "
    "storm that swept them off the deck.",
    "The shipyard signed a contract for three electric tugs on 8 January 2026; the first is due "
    "to be delivered in the summer of 2027.",
]


def prepare(env: dict) -> None:
    import subprocess

    for args in (
        ["migrate", "--noinput", "-v0"],
        ["createsuperuser", "--noinput", "--username", "editor", "--email", "e@example.org"],
    ):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**os.environ, **env}, check=True)


def one_run(page, base: str, link: str, report: bool = False) -> tuple[float, float]:
    page.goto(f"{base}/admin/timeline/source/add/")
    page.fill("#id_link", link)
    start = time.perf_counter()
    page.click("input[name=_fetch]")
    expect(page.locator("tr.job")).to_have_attribute("data-job-state", re.compile("done|failed"), timeout=60_000)
    fetched = time.perf_counter() - start
    if page.locator("tr.job").get_attribute("data-job-state") == "failed":
        print(f"{link}: {page.locator('.job-error').inner_text()}")
        return fetched, float("nan")
    page.click("a.job-link")
    if report:
        print_extracted(page, link)
    if not page.input_value("#id_published_on"):
        page.fill("#id_published_on", datetime.date.today().isoformat())  # a bench needs one; the desk never guesses
    page.click("input[name=_save]")
    expect(page.locator("section.proposal, .errornote").first).to_be_visible(timeout=60_000)
    if not page.locator("section.proposal").count():
        print(f"{link}: {page.locator('.errornote').inner_text()}")
        return fetched, float("nan")
    return fetched, time.perf_counter() - start


def print_extracted(page, link: str) -> None:
    print(f"== {link}")
    for field in ("url", "title", "author", "outlet", "published_on", "language"):
        print(f"   {field:13} {page.input_value(f'#id_{field}') or '(empty)'}")
    text = page.input_value("#id_text")
    print(f"   {'text':13} {len(text):,} characters: {text[:160]!r}")


def summary(values: list[float]) -> str:
    values = [value for value in values if value == value] or [float("nan")]
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--pages", type=Path, nargs="+", help="saved HTML pages to paste instead of the test pages")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, LocalSite() as site:
        env = {
            "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
            "INGEST_ALLOWED_HOSTS": site.host,
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        }
        prepare(env)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        logs = [Path(tmp) / "server.log", Path(tmp) / "worker.log"]
        processes = [start_server(port, env, logs[0]), start_worker(env, logs[1])]
        try:
            wait_for(lambda: reachable(base), "the server", logs=logs)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 720})
                page.goto(f"{base}/admin/login/")
                page.fill("#id_username", "editor")
                page.fill("#id_password", PASSWORD)
                page.click("input[type=submit]")
                if options.screenshot:
                    screenshot(page, base, site, options.screenshot)
                timings = []
                for saved in options.pages or []:
                    route = f"/saved/{saved.name}"
                    site.routes[route] = Answer(body=saved.read_bytes())
                    timings.append(one_run(page, base, site.url(route), report=True))
                for run in range(0 if options.pages else min(options.runs, len(BODIES) - 1)):
                    path = f"/world/ferry-{run}"
                    title = f"Harbour news, part {run + 1}"
                    body = BODIES[run % len(BODIES)]
                    link = site.page(path, "item.html", path=path, title=title, date="2026-01-12", body=body)
                    timings.append(one_run(page, base, link))
                browser.close()
        finally:
            for process in processes:
                stop(process)
    print(f"paste → fetched on the desk:   {summary([t[0] for t in timings])}")
    print(f"paste → proposals on the desk: {summary([t[1] for t in timings])}  ({len(timings)} runs)")


def screenshot(page, base: str, site: LocalSite, out: Path) -> None:
    """The desk while a worker fetches a slow page: the job shown running."""
    release = threading.Event()
    body = (PAGES / "article.html").read_text().replace("{{ site }}", site.url("")).encode()
    site.routes["/world/slow-ferry"] = Answer(body=body, hold=release)
    path = "/world/ferry-strike"
    done = site.page(
        path, "item.html", path=path, title="Ferry crews end their strike", date="2026-01-14", body=BODIES[-1]
    )
    page.goto(f"{base}/admin/timeline/source/add/")
    page.fill("#id_link", done)
    page.click("input[name=_fetch]")
    expect(page.locator("tr.job")).to_have_attribute("data-job-state", "done", timeout=60_000)
    page.goto(f"{base}/admin/timeline/source/add/")
    page.fill("#id_link", site.url("/world/slow-ferry"))
    page.click("input[name=_fetch]")
    expect(page.locator("tr.job")).to_have_attribute("data-job-state", "running", timeout=60_000)
    page.goto(f"{base}/admin/newsroom/job/")
    expect(page.locator("tr.job").first).to_have_attribute("data-job-state", "running")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out))
    release.set()
    expect(page.locator("tr.job").first).to_have_attribute("data-job-state", "done", timeout=60_000)


def reachable(base: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(f"{base}/admin/login/", timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    main()
