import os
from pathlib import Path

import pytest
from django.core.management import call_command

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by tests around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
# Under CI every test runs: a skip there is a failure unless its reason is
# listed here. None is: the settings give SQLite tests a file database and CI
# has Chromium and PostgreSQL.
ALLOWED_SKIPS_IN_CI: set[str] = set()

# Fixtures that drive a real browser: a test using any of them is a browser test.
BROWSER_FIXTURES = {"browser", "page"}


def pytest_configure(config):
    """Plain static storage for the whole run, so a bare `pytest` needs no
    collectstatic first (the manifest storage needs one to know its hashed
    names, and pytest-django's live server serves /static/ through the
    finders, which know no hashed names). tests/test_static_manifest.py tests
    the manifest storage on its own."""
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    name_test_database(settings.DATABASES["default"])


def name_test_database(database: dict) -> None:
    """Tests on SQLite use a file, not memory, so threaded tests (concurrent
    writers, the live server) share it; TEST_DB_NAME picks another name (on
    PostgreSQL too), so two checkouts can run their suites side by side.
    pytest-django adds each xdist worker's suffix to it."""
    test = database.setdefault("TEST", {})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        test["NAME"] = os.environ.get("TEST_DB_NAME", str(Path(__file__).resolve().parent.parent / ".test-db.sqlite3"))
    elif os.environ.get("TEST_DB_NAME"):
        test["NAME"] = os.environ["TEST_DB_NAME"]


def pytest_collection_modifyitems(config, items):
    """Mark every test that uses a browser fixture, so `-m "not browser"`
    (make test-fast) leaves them out without each file saying so."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def fail_refused_skip(report) -> None:
    """Under CI, turn a skip (not an expected failure) whose reason is not allowed into a failure."""
    if not IN_CI or not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    if reason not in ALLOWED_SKIPS_IN_CI:
        report.outcome = "failed"
        report.longrepr = f"Skipped under CI, where every test must run: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    fail_refused_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    fail_refused_skip(outcome.get_result())


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached figures or responses from another, nor its data version."""
    from django.core.cache import cache

    from timeline.data_version import reset

    cache.clear()
    # A test's rolled-back writes send no signal: forget the version it may have left.
    reset()
    yield
    # LocaleMiddleware activates a request's language in the thread and leaves it there:
    # a test that asked for /ja/ or the admin in Korean must not make the next one Korean.
    from django.utils import translation

    translation.deactivate()


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
