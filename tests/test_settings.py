"""Settings read from the environment: refused when unclear, and the limits and connection defaults they set."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from newsroom.ingest import MAX_TEXT_BYTES
from summit.settings import envbool

ROOT = Path(__file__).resolve().parent.parent


def settings_in_subprocess(**environ: str) -> subprocess.CompletedProcess:
    """Import summit.settings afresh under `environ` and print the database settings as JSON."""
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "DATABASE_URL", "CONN_MAX_AGE")}
    code = "import json; from summit import settings; print(json.dumps(settings.DATABASES['default'], default=str))"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**env, **environ}, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on"])
def test_envbool_reads_on(monkeypatch, value):
    monkeypatch.setenv("SUMMIT_FLAG", value)
    assert envbool("SUMMIT_FLAG", "0") is True


@pytest.mark.parametrize("value", ["0", "false", "False", "no", "OFF"])
def test_envbool_reads_off(monkeypatch, value):
    monkeypatch.setenv("SUMMIT_FLAG", value)
    assert envbool("SUMMIT_FLAG", "1") is False


@pytest.mark.parametrize("value", ["ture", "2", "", "enabled"])
def test_envbool_refuses_a_value_it_does_not_recognise(monkeypatch, value):
    monkeypatch.setenv("SUMMIT_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match=r"SUMMIT_FLAG=.* is neither on \(1, true, yes, on\) nor off"):
        envbool("SUMMIT_FLAG", "1")


def test_envbool_falls_back_to_its_default_when_unset(monkeypatch):
    monkeypatch.delenv("SUMMIT_FLAG", raising=False)
    assert envbool("SUMMIT_FLAG", "1") is True


def test_a_misspelt_debug_stops_the_site_from_starting():
    result = settings_in_subprocess(DEBUG="ture")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DEBUG='ture' is neither on" in result.stderr


def test_postgresql_keeps_connections_and_checks_them_before_reuse():
    result = settings_in_subprocess(DATABASE_URL="postgres://summit@db.invalid:5432/summit")
    database = json.loads(result.stdout)
    assert (database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]) == (60, True)


def test_sqlite_opens_a_connection_per_request():
    database = json.loads(settings_in_subprocess().stdout)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["CONN_MAX_AGE"] == 0


def test_conn_max_age_can_be_set():
    result = settings_in_subprocess(DATABASE_URL="postgres://summit@db.invalid:5432/summit", CONN_MAX_AGE="0")
    assert json.loads(result.stdout)["CONN_MAX_AGE"] == 0


def test_uploads_larger_than_an_article_go_to_disk_not_memory():
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == MAX_TEXT_BYTES
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > MAX_TEXT_BYTES


@pytest.mark.django_db
def test_a_form_body_over_the_limit_is_refused_before_it_is_read(client):
    body = {"text": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = client.post("/admin/login/", body)
    assert response.status_code == 400
