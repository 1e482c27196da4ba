"""Outages answer a friendly, logged 503; 404 and 500 have their own pages."""

import logging
import pickle
from unittest import mock

import pytest
from django.db import OperationalError
from django.template.loader import render_to_string
from django.test import Client

from timeline.models import Event


@pytest.fixture
def client_no_raise():
    return Client(raise_request_exception=False)


def test_database_unreachable_answers_friendly_503(db, client_no_raise, caplog):
    with mock.patch.object(Event.objects, "published", side_effect=OperationalError("could not connect to server")):  # noqa: SIM117
        with caplog.at_level(logging.ERROR, logger="summit.outage"):
            response = client_no_raise.get("/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    body = response.content.decode()
    assert "catching its breath" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert any("Service unavailable" in r.getMessage() for r in caplog.records)


def test_database_failing_outside_a_view_still_answers_503(db, client_no_raise):
    # Middleware (sessions, auth, axes) can reach the database before any view runs.
    with mock.patch(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    ):
        response = client_no_raise.get("/api/events.json")
    assert response.status_code == 503
    assert "catching its breath" in response.content.decode()


def test_corrupt_cache_entry_answers_503_not_500(db, client_no_raise):
    with mock.patch.object(Event.objects, "published", side_effect=pickle.UnpicklingError("bad pickle")):
        response = client_no_raise.get("/api/events.json")
    assert response.status_code == 503


def test_unknown_page_gets_the_custom_404(db, client):
    response = client.get("/there-is-nothing-here/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_bug_gets_the_custom_500_and_is_logged(db, client_no_raise, caplog):
    with mock.patch.object(Event.objects, "published", side_effect=ZeroDivisionError("bug")):  # noqa: SIM117
        with caplog.at_level(logging.ERROR, logger="django.request"):
            response = client_no_raise.get("/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "ZeroDivisionError" not in response.content.decode()
    assert any(r.name == "django.request" for r in caplog.records)


@pytest.mark.parametrize("name", ["404.html", "500.html", "503.html"])
def test_error_templates_render_without_context_or_static(name):
    html = render_to_string(name)
    assert "<html" in html and "{%" not in html and "static/" not in html
