"""
A site that outlives its database and its cache: summit under gunicorn on a
PostgreSQL and a Redis that these tests start and stop themselves, so they
run alike on the SQLite and PostgreSQL runs of the suite.
"""

import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from tests.own_servers import ROOT, OwnPostgres, OwnRedis, site_env, start_gunicorn

pytestmark = pytest.mark.own_servers


class Site:
    def __init__(self, port: int, database: OwnPostgres, redis: OwnRedis, env: dict):
        self.base = f"http://127.0.0.1:{port}"
        self.database, self.redis, self.env = database, redis, env

    def get(self, path: str, **headers) -> tuple[int, dict, str]:
        return self.ask(urllib.request.Request(self.base + path, headers=headers))

    def ask(self, request) -> tuple[int, dict, str]:
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode()

    def orm(self, code: str) -> None:
        """Python run against the site's database, as another server's worker would."""
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=self.env, check=True, capture_output=True
        )


@pytest.fixture(scope="module")
def site():
    database, redis = OwnPostgres().create(), OwnRedis().start()
    env = site_env(database.url, redis.url, DATA_VERSION_SECONDS="0.2")
    server = None
    try:
        for command in (["migrate", "-v0"], ["loaddata", "seed", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
        server, port = start_gunicorn(env)
        yield Site(port, database, redis, env)
    finally:
        if server:
            server.terminate()
            server.wait(10)
        redis.stop()
        database.remove()


@pytest.fixture
def database_down(site):
    site.database.stop()
    yield
    site.database.start()


@pytest.fixture
def redis_down(site):
    site.redis.stop()
    yield
    site.redis.start()


def test_cached_answers_are_served_while_the_database_is_down(site):
    before = {path: site.get(path) for path in ("/embed/", "/api/events.json", "/api/events.csv")}
    site.database.stop()
    try:
        for path, (_status, headers, body) in before.items():
            again = site.get(path)
            assert (again[0], again[1]["ETag"], again[2]) == (200, headers["ETag"], body), path
        status, headers, body = site.get("/api/events.json?q=asked+for+the+first+time")
        assert status == 503 and "Retry-After" in headers
    finally:
        site.database.start()


def test_an_answer_the_database_cannot_rebuild_is_served_stale_with_its_age(site):
    status, _, body = site.get("/api/events.json?limit=5")
    assert status == 200
    site.orm(
        "from timeline.models import Event; e = Event.objects.published().order_by('earliest').first(); "
        "e.title = 'Retitled just before the outage'; e.save()"
    )
    site.database.stop()
    try:
        status, headers, stale = site.get("/api/events.json?limit=5")
    finally:
        site.database.start()
    assert status == 200
    assert stale == body
    assert int(headers["Age"]) >= 0
    assert "111" in headers["Warning"]
    assert "no-cache" in headers["Cache-Control"]
    assert "Retitled just before the outage" in site.get("/api/events.json?limit=5")[2]


def test_an_editor_is_told_nothing_was_saved(site, database_down):
    token = "a" * 32
    request = urllib.request.Request(
        site.base + "/admin/timeline/event/add/",
        data=b"title=Never+saved",
        method="POST",
        headers={"Cookie": f"csrftoken={token}; sessionid=somesession", "X-CSRFToken": token},
    )
    status, headers, body = site.ask(request)
    assert status == 503
    assert "nothing was saved" in body
    assert headers["Cache-Control"] == "no-store"


def test_healthz_reports_the_database_down(site, database_down):
    status, _, body = site.get("/healthz")
    assert status == 503
    assert '"database": "unavailable"' in body


def test_a_redis_outage_falls_back_to_each_workers_memory(site, redis_down):
    for path in ("/embed/", "/api/events.json", "/embed/", "/?q=nara"):
        assert site.get(path)[0] == 200, path
    status, _, body = site.get("/healthz")
    assert status == 503
    assert '"cache": "unavailable"' in body


def test_the_site_recovers_once_both_are_back(site):
    site.database.stop()
    site.redis.stop()
    site.database.start()
    site.redis.start()
    assert site.get("/healthz")[0] == 200
    assert site.get("/api/events.json?q=after+the+outage")[0] == 200
