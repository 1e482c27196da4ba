"""How tests and benchmarks launch Debian's Chromium: one definition for both."""

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No sandbox (containers and CI run as root) and no GPU; nothing fetched in the background during a timing.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
