"""
More than one machine: two app servers and a worker, each its own process,
on one PostgreSQL database and one Redis. A link pasted through one server
is fetched by the worker and its proposals show on the other's desk; an
event published through either is served by both. PostgreSQL is used even
on the SQLite run (it is always there, in CI too); the test makes and drops
its own database.
"""

import json
import os
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
import requests

from tests.local_site import LocalSite
from tests.processes import ROOT, free_port, start_server, start_worker, stop, wait_for

pytestmark = pytest.mark.multiprocess

PG_SERVER = os.environ.get("MULTISERVER_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("MULTISERVER_REDIS_URL", "redis://127.0.0.1:6379/8")
PASSWORD = "two-servers-one-database"


def database_name() -> str:
    # Named for the checkout and the xdist worker, so parallel runs never share it.
    suffix = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return re.sub(r"\W", "_", f"multiserver_{Path(ROOT).name}_{suffix}").lower()


@pytest.fixture
def postgres_url():
    name = database_name()
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{PG_SERVER}/{name}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class FormReader(HTMLParser):
    """The values a browser would send with a form's fields as served."""

    def __init__(self):
        super().__init__()
        self.values, self.textarea = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "file", "checkbox"):
            self.values[attrs["name"]] = attrs.get("value") or ""
        elif tag == "textarea":
            self.textarea = attrs.get("name")
            self.values[self.textarea] = ""
        elif tag == "select" and attrs.get("name"):
            self.values.setdefault(attrs["name"], "")
            self.select = attrs["name"]
        elif tag == "option" and "selected" in attrs:
            self.values[self.select] = attrs.get("value") or ""

    def handle_data(self, data):
        if self.textarea:
            self.values[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None


def form_values(html: str) -> dict:
    reader = FormReader()
    reader.feed(html)
    # Django puts a newline after <textarea>, which browsers drop.
    return {key: value.removeprefix("\n") if key == "text" else value for key, value in reader.values.items()}


class Editor:
    """An editor's browser session on one server."""

    def __init__(self, base: str):
        self.base, self.session = base, requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        response = self.session.get(self.base + path, timeout=30, **kwargs)
        response.raise_for_status()
        return response

    def post(self, path: str, data: dict) -> requests.Response:
        token = self.session.cookies.get("csrftoken") or self.csrf(path)
        response = self.session.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": token},
            headers={"Referer": self.base + path},
            timeout=60,
        )
        response.raise_for_status()
        return response

    def csrf(self, path: str) -> str:
        self.get(path)
        return self.session.cookies["csrftoken"]

    def log_in(self) -> None:
        self.post("/admin/login/", {"username": "editor", "password": PASSWORD, "next": "/admin/"})
        assert "sessionid" in self.session.cookies


def manage(*args, env):
    environment = {**os.environ, "DEBUG": "1", **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, check=True, capture_output=True)


def test_two_app_servers_and_a_worker_share_one_database(postgres_url, tmp_path):
    with LocalSite() as site:
        url = site.page("/world/ferry-timetable", "article.html")
        env = {
            "DATABASE_URL": postgres_url,
            "REDIS_URL": REDIS_URL,
            "INGEST_ALLOWED_HOSTS": site.host,
            "DATA_VERSION_SECONDS": "0.5",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        }
        manage("migrate", "--noinput", env=env)
        manage("createsuperuser", "--noinput", "--username", "editor", "--email", "editor@example.org", env=env)
        ports = free_port(), free_port()
        logs = [tmp_path / "a.log", tmp_path / "b.log", tmp_path / "worker.log"]
        processes = [start_server(ports[0], env, logs[0]), start_server(ports[1], env, logs[1])]
        processes.append(start_worker(env, logs[2]))
        try:
            one, other = (Editor(f"http://127.0.0.1:{port}") for port in ports)
            wait_for(lambda: reachable(one) and reachable(other), "both servers to answer", logs=logs)
            one.log_in()
            other.log_in()

            # Pasted through one server; the worker fetches it.
            job_page = one.post("/admin/timeline/source/add/", {"link": url, "_fetch": "Fetch"})
            job_path = urlsplit(job_page.url).path
            wait_for(lambda: 'data-job-state="done"' in other.get(job_path).text, "the worker's fetch", logs=logs)
            check = re.search(r'href="(/admin/timeline/source/add/\?job=\d+)"', other.get(job_path).text)[1]
            values = form_values(one.get(unescape(check)).text)
            assert values["author"] == "Mira Okonkwo" and values["published_on"] == "2026-01-12"
            saved = one.post("/admin/timeline/source/add/", {**values, "_save": "Save"})
            review_path = urlsplit(saved.url).path
            assert review_path.endswith("/review/")

            # The proposals are on the other server's desk.
            desk = other.get(review_path).text
            proposals = re.findall(r'data-proposal="(\d+)"', desk)
            assert len(set(proposals)) >= 2

            # Accepted and published, one through each server; both serve both.
            for editor, proposal in zip((one, other), sorted(set(proposals))[:2], strict=True):
                editor.post(review_path, {"proposal": proposal, "action": "accept_as_proposed"})
            drafts = re.findall(r"/admin/timeline/event/(\d+)/change/", one.get("/admin/timeline/event/").text)
            events = sorted(set(drafts))
            assert len(events) == 2
            for editor, event in zip((one, other), events, strict=True):
                editor.post("/admin/timeline/event/", {"action": "publish", "_selected_action": event, "index": "0"})
            for editor in (one, other):
                wait_for(lambda e=editor: published_count(e) == 2, "both events on both servers", logs=logs)
        finally:
            for process in processes:
                stop(process)


def reachable(editor: Editor) -> bool:
    try:
        return editor.session.get(editor.base + "/admin/login/", timeout=5).status_code == 200
    except requests.ConnectionError:
        return False


def published_count(editor: Editor) -> int:
    return len(json.loads(editor.get("/api/events.json").text)["events"])
