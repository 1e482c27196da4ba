"""
Screenshots of the timeline at phone, tablet and desktop widths for the README.

    .venv/bin/python bench/screenshots.py [--out docs/screenshots]

Builds a throwaway SQLite database with the seed fixture (or, while
fixtures/seed.json does not exist yet, the small story the tests use), serves
it with runserver on a free port, and saves timeline-375.png, timeline-768.png
and timeline-1280.png (1280×800, a laptop's first screen), timeline-1280-dark.png
and timeline-375-dark.png, plus event-375.png (the detail sheet open on a phone), the phone
embed (embed-375.png, embed-375-dark.png), a guided story (story-375.png) and the page as
printed (print.png).
In Japanese and Korean: timeline-ja-1280.png, timeline-ko-1280.png and the phone
embed, embed-ja-375.png and embed-ko-375.png (`--only languages` takes just those).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from servers import ROOT, free_port  # noqa: E402

WIDTHS = [(375, 812), (768, 1024), (1280, 800)]
# The dark theme is shown at these widths too.
DARK_WIDTHS = (375, 1280)


def prepare_database(env: dict) -> None:
    python = [sys.executable, "manage.py"]
    subprocess.run([*python, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    if (ROOT / "fixtures" / "seed.json").exists():
        subprocess.run([*python, "loaddata", "seed", "-v0"], cwd=ROOT, env=env, check=True)
    else:
        code = "from tests.story_data import make_story; make_story()"
        subprocess.run([*python, "shell", "-c", code], cwd=ROOT, env=env, check=True)


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server at {url} did not start.")


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        for width, height in WIDTHS:
            for scheme in ("light", "dark") if width in DARK_WIDTHS else ("light",):
                context = browser.new_context(
                    viewport={"width": width, "height": height}, device_scale_factor=1, color_scheme=scheme
                )
                page = context.new_page()
                page.goto(base + "/")
                # A phone's narrow box reads the server's rows; wider, Plotly draws once idle.
                page.wait_for_selector("#chart[data-state=idle]")
                suffix = "-dark" if scheme == "dark" else ""
                path = out / f"timeline-{width}{suffix}.png"
                page.screenshot(path=path)
                saved.append(path)
                if width == 375 and scheme == "light":
                    page.locator(".event-list a[data-slug]").nth(2).click()
                    page.wait_for_selector("#detail.open h2")
                    page.wait_for_timeout(400)  # let the sheet finish sliding up
                    path = out / "event-375.png"
                    page.screenshot(path=path)
                    saved.append(path)
                context.close()
        browser.close()
    return saved


LANGUAGES = ("ja", "ko")


def shoot_languages(base: str, out: Path) -> list[Path]:
    """The page at desktop width and the embed on a phone, in Japanese and in Korean."""
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        for language in LANGUAGES:
            for name, path, (width, height), ready in (
                ("timeline", f"/{language}/", (1280, 800), "#chart[data-state=idle]"),
                # The embed draws the server's SVG first and loads plotly.js on the reader's intent.
                ("embed", f"/{language}/embed/", (375, 640), "#chart"),
            ):
                context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
                page = context.new_page()
                page.goto(base + path)
                page.wait_for_selector(ready)
                saved.append(out / f"{name}-{language}-{width}.png")
                page.screenshot(path=saved[-1])
                context.close()
        browser.close()
    return saved


def shoot_reading(base: str, out: Path) -> list[Path]:
    """The phone embed in light and dark, a guided story on a phone, and the page as printed."""
    from playwright.sync_api import sync_playwright

    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), args=["--no-sandbox"]
        )
        for name, path, scheme in (
            ("embed-375", "/embed/", "light"),
            ("embed-375-dark", "/embed/?theme=dark", "dark"),
            ("story-375", "/embed/?story=takaichi-lee-summit-nara", "light"),
        ):
            context = browser.new_context(
                viewport={"width": 375, "height": 812}, device_scale_factor=1, color_scheme=scheme, has_touch=True
            )
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if name.startswith("story"):
                page.locator("#detail.open h2").scroll_into_view_if_needed()
            saved.append(out / f"{name}.png")
            page.screenshot(path=saved[-1])
            context.close()
        context = browser.new_context(viewport={"width": 800, "height": 1100}, device_scale_factor=1)
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(base + "/?actor=south-korea")
        page.wait_for_load_state("networkidle")
        saved.append(out / "print.png")
        page.screenshot(path=saved[-1], full_page=False)
        context.close()
        browser.close()
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", choices=["all", "languages"], default="all")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/screens.sqlite3", "DEBUG": "1"}
        prepare_database(env)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/")
            shots = [] if args.only == "languages" else shoot(base, out) + shoot_reading(base, out)
            for path in shots + shoot_languages(base, out):
                print(f"{path}  {path.stat().st_size // 1024} KiB")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
