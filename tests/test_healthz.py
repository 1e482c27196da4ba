"""`/healthz` for load balancers: database and cache checked, a tiny JSON body."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client):
    with mock.patch("timeline.health.connection.cursor", side_effect=OperationalError("could not connect")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}


def test_healthz_is_not_redirected_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301
