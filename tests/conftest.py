import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by tests around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached figures or responses from another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def findable_static(request):
    """pytest-django's live server answers /static/ itself, through the
    finders, which know no hashed manifest names: serve plain names there."""
    if "live_server" not in request.fixturenames:
        return
    settings = request.getfixturevalue("settings")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def seed(db):
    """The five seed articles and the events read out of them."""
    call_command("loaddata", "seed", verbosity=0)


@pytest.fixture
def seed_live(transactional_db):
    call_command("loaddata", "seed", verbosity=0)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
