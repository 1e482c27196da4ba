"""
The Japanese and Korean catalogues are complete: every string the code and
templates mark for translation, extracted afresh by makemessages, has a
Japanese and a Korean translation that is neither empty nor fuzzy.

The extraction runs in a copy of the project, so the committed catalogues are
compared, never rewritten; it needs GNU gettext (.ci/run installs it).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
# What `make messages` leaves out too: no interface strings live there.
NOT_EXTRACTED = {".git", ".venv", ".venv-runtime", "node_modules", "staticfiles", "tests", "bench", "tools", "docs"}
LANGUAGES = ("ja", "ko")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, polib.POFile]:
    copy = tmp_path_factory.mktemp("project")
    for entry in ROOT.iterdir():
        if entry.name in NOT_EXTRACTED or entry.name.startswith((".test-db", "db.sqlite3")):
            continue
        if entry.is_dir():
            shutil.copytree(entry, copy / entry.name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy2(entry, copy / entry.name)
    command = [sys.executable, "manage.py", "makemessages", "--no-location", "--no-obsolete"]
    command += [f"--locale={language}" for language in LANGUAGES]
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    catalogues = copy / "locale"
    return {language: polib.pofile(str(catalogues / language / "LC_MESSAGES" / "django.po")) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_string_is_translated(extracted, language):
    catalogue = extracted[language]
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: not translated (run `make messages`, then translate): {untranslated}"
    assert not fuzzy, f"{language}: fuzzy, check and clear the flag: {fuzzy}"
    assert len(catalogue.translated_entries()) > 150


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    """A translation that drops or renames %(name)s or {name} would fail at run time or lose the value."""
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}|%\{y\}")
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    for entry in catalogue.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(entry.msgid)), (entry.msgid, text)
