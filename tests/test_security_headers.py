"""Strict headers on every route with production settings, and check --deploy clean."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from .hostile import make_hostile_world, public_urls

PRODUCTION = dict(
    DEBUG=False,
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
    ALLOWED_HOSTS=["summit.example"],
)
FRAMEABLE = {"/embed/"}


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.fixture
def https_client(db):
    world = make_hostile_world()
    client = Client(HTTP_HOST="summit.example", **{"wsgi.url_scheme": "https"})
    with override_settings(**PRODUCTION):
        yield client, world


def check_headers(url, response):
    assert response.status_code < 500, url
    policy = response.get("Content-Security-Policy", "")
    assert policy, f"{url} has no Content-Security-Policy"
    parsed = directives(policy)
    scripts = parsed.get("script-src", parsed.get("default-src", []))
    assert scripts, url
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, url
    assert parsed.get("object-src") == ["'none'"], url
    hsts = response.get("Strict-Transport-Security", "")
    assert int(re.search(r"max-age=(\d+)", hsts).group(1)) >= 15552000, url
    assert response.get("X-Content-Type-Options") == "nosniff", url
    assert response.get("Referrer-Policy"), url
    if url.split("?")[0] in FRAMEABLE:
        assert "X-Frame-Options" not in response, url
        assert parsed.get("frame-ancestors") not in (None, ["'none'"]), url
        # Any site may frame it, and so hold a reference to its window: opener isolation would guard nothing.
        assert response.get("Cross-Origin-Opener-Policy") == "unsafe-none", url
    else:
        assert response.get("X-Frame-Options") == "DENY", url
        assert parsed.get("frame-ancestors") == ["'none'"], url
        assert response.get("Cross-Origin-Opener-Policy") == "same-origin", url
    for cookie in response.cookies.values():
        assert cookie["secure"] and cookie["samesite"], (url, cookie.key)
        assert cookie["httponly"], (url, cookie.key)


def test_every_public_route_sends_strict_headers(https_client):
    client, world = https_client
    urls = public_urls(client, world)
    assert len(urls) >= 4
    for url in urls:
        check_headers(url, client.get(url, secure=True))


def test_admin_login_and_errors_send_strict_headers_and_secure_cookies(https_client):
    client, _ = https_client
    for url in ("/admin/login/", "/no-such-page/", "/events/no-such-event/"):
        check_headers(url, client.get(url, secure=True))
    response = client.get("/admin/login/", secure=True)
    assert "csrftoken" in response.cookies


def test_plain_http_is_redirected_to_https(https_client):
    client, _ = https_client
    response = client.get("/", secure=False)
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_check_deploy_passes_with_production_environment():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "summit.example",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by conftest for Playwright only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
