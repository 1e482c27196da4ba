"""
What the server sends a browser that accepts brotli: every static file
precompressed (whitenoise), hashed names cached for a year as immutable (so a
second embed, or a second article, downloads nothing but the HTML), the HTML
of the embed brotli-compressed by its response cache.
"""

import gzip
import re

import brotli
import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
YEAR = 31536000
# Too small to gain from compression: whitenoise keeps only compressed files that save 5% or more.
COMPRESSIBLE = re.compile(r"\.(js|css|svg)$")


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """
    collectstatic as `make run` and production do it, into a scratch STATIC_ROOT,
    served by whitenoise. Once for the module: compressing every file takes a while.
    """
    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages, WHITENOISE_MAX_AGE=YEAR):
        call_command("collectstatic", "--noinput", verbosity=0)
        from django.contrib.staticfiles.storage import staticfiles_storage

        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse("not static", status=404))
        yield middleware, staticfiles_storage, root


def fetch(middleware, url, encoding="br, gzip"):
    response = middleware(RequestFactory().get(url, HTTP_ACCEPT_ENCODING=encoding))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def our_files(storage):
    """The hashed name of every file summit ships (not the admin's), as the pages link them."""
    return {
        name: hashed
        for name, hashed in storage.hashed_files.items()
        if not name.startswith("admin/") and COMPRESSIBLE.search(name)
    }


def test_every_script_style_and_image_is_sent_brotli_compressed(collected):
    middleware, storage, root = collected
    files = our_files(storage)
    assert any(name.startswith("vendor/plotly-summit-") for name in files)
    assert "timeline/loader.js" in files
    for name, hashed in files.items():
        response, body = fetch(middleware, storage.url(name))
        assert response.status_code == 200, name
        assert response["Content-Encoding"] == "br", name
        assert "Accept-Encoding" in response["Vary"], name
        assert brotli.decompress(body) == (root / hashed).read_bytes(), name


def test_a_browser_without_brotli_gets_gzip(collected):
    middleware, storage, _ = collected
    response, body = fetch(middleware, storage.url("timeline/loader.js"), encoding="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"summit:plotly-wanted" in gzip.decompress(body)


def test_hashed_files_are_immutable_for_a_year(collected):
    middleware, storage, _ = collected
    for name in our_files(storage):
        response, _ = fetch(middleware, storage.url(name))
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert "immutable" in directives and "public" in directives, name
        max_age = next(int(d.split("=")[1]) for d in directives if d.startswith("max-age="))
        assert max_age >= YEAR, name


def test_the_plotly_bundle_is_served_at_a_fraction_of_its_size(collected):
    middleware, storage, _ = collected
    name = next(name for name in our_files(storage) if name.startswith("vendor/plotly-summit-"))
    response, body = fetch(middleware, storage.url(name))
    raw = len(brotli.decompress(body))
    assert raw > 500_000
    assert len(body) < raw * 0.35


@pytest.mark.django_db
def test_the_embed_html_is_compressed_and_revalidated_not_immutable(client, seed):
    response = client.get("/embed/", headers={"Accept-Encoding": "br, gzip"})
    assert response.status_code == 200
    # The HTML goes through the response cache (timeline/caching.py), which compresses it.
    assert response["Content-Encoding"] == "br"
    assert b"chart-first-view" in brotli.decompress(response.content)
    assert "immutable" not in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
