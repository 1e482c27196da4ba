"""
The production static storage on its own: collectstatic writes a manifest of
hashed names and pages link to those names. The rest of the suite runs with
plain storage (tests/conftest.py), so it needs no collectstatic.
"""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# A file name with the content hash ManifestStaticFilesStorage inserts: timeline.0123abcd4567.js
HASHED_SCRIPT = re.compile(r'src="/static/timeline/timeline\.[0-9a-f]{12}\.js"')


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic once for the module (compressing plotly.js takes seconds), into a scratch STATIC_ROOT."""
    from django.conf import settings

    static_root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": MANIFEST_STORAGE}}
    with override_settings(STATIC_ROOT=static_root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return static_root, storages


@pytest.fixture
def manifest_storage(collected, settings):
    settings.STATIC_ROOT, settings.STORAGES = collected
    return settings.STATIC_ROOT


def test_collectstatic_writes_a_manifest_and_compressed_copies(manifest_storage):
    assert (manifest_storage / "staticfiles.json").is_file()
    hashed = [path for path in (manifest_storage / "timeline").glob("timeline.*.js") if path.name.count(".") == 2]
    assert hashed, "no hashed copy of timeline.js"
    assert hashed[0].with_name(hashed[0].name + ".gz").is_file()


def test_the_timeline_page_links_to_hashed_static_names(manifest_storage, seed, client):
    response = client.get("/")
    assert response.status_code == 200
    assert HASHED_SCRIPT.search(response.content.decode())


def test_plain_storage_links_to_unhashed_names(seed, client):
    """What the rest of the suite runs with: no manifest, no collectstatic."""
    response = client.get("/")
    assert 'src="/static/timeline/timeline.js"' in response.content.decode()
