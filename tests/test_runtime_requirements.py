"""
requirements.txt alone serves the site: in a venv holding only those packages,
`manage.py check` passes, the reader's pages and the API answer, and nothing
from requirements-dev.txt is installed or imported.

The venv is built once per version of requirements.txt (its hash names the
folder under .venv-runtime/), from pip's cache after the first time.
"""

import fcntl
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNTIME_VENVS = ROOT / ".venv-runtime"
# What the subprocess requests, as a reader and an embedding site would.
PATHS = ["/", "/embed/", "/api/events.json"]

SERVE_AND_REPORT = """
import json, sys
import django
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
call_command("migrate", verbosity=0)
call_command("loaddata", "seed", verbosity=0)
client = Client()
statuses = {path: client.get(path).status_code for path in sys.argv[2:]}
dev_modules = set(json.loads(sys.argv[1]))
imported = sorted(dev_modules & {name.partition(".")[0] for name in sys.modules})
print(json.dumps({"statuses": statuses, "imported": imported}))
"""


def requirement_names(path: Path) -> set[str]:
    """Distribution names pinned in a requirements file, normalised, without following -r."""
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(normalise(re.split(r"[\[=<>~!; ]", line, maxsplit=1)[0]))
    return names


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def dev_only_modules() -> set[str]:
    """Top-level modules of the dev-only distributions, as installed in this (dev) venv."""
    runtime = requirement_names(ROOT / "requirements.txt")
    dev = requirement_names(ROOT / "requirements-dev.txt") - runtime
    by_module = importlib.metadata.packages_distributions()
    modules = set()
    for module, distributions in by_module.items():
        owners = {normalise(name) for name in distributions}
        if owners & dev and not owners & runtime and module.isidentifier():
            modules.add(module)
    return modules


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


@pytest.fixture(scope="module")
def runtime_venv() -> Path:
    """A venv with requirements.txt only; reused while requirements.txt is unchanged."""
    key = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()[:16]
    venv = RUNTIME_VENVS / key
    RUNTIME_VENVS.mkdir(exist_ok=True)
    # One build at a time: a second pytest-xdist worker waits, then reuses it.
    with open(RUNTIME_VENVS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not venv_python(venv).exists():
            build_runtime_venv(venv)
    return venv


def build_runtime_venv(venv: Path) -> None:
    # Built aside and renamed into place, so an interrupted build is never reused.
    building = venv.with_name(f"building-{venv.name}")
    shutil.rmtree(building, ignore_errors=True)
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base_python, "-m", "venv", str(building)], check=True)
    pip_install = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([venv_python(building), *pip_install, "-r", ROOT / "requirements.txt"], check=True)
    building.rename(venv)
    for stale in RUNTIME_VENVS.iterdir():  # the venvs of earlier requirements.txt
        if stale.is_dir() and stale.name != venv.name:
            shutil.rmtree(stale, ignore_errors=True)


def runtime_env(tmp_path: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith(("PYTEST", "DJANGO"))}
    for name in ("REDIS_URL", "DEBUG", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(name, None)
    # DEBUG on: the static files need no collectstatic, the rest is as served.
    env |= {"DJANGO_SETTINGS_MODULE": "summit.settings", "DATABASE_URL": f"sqlite:///{tmp_path / 'runtime.sqlite3'}"}
    return env


def run_in(venv: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [venv_python(venv), *args], cwd=ROOT, env=runtime_env(tmp_path), capture_output=True, text=True, timeout=300
    )


def test_the_runtime_venv_holds_no_development_package(runtime_venv, tmp_path):
    result = run_in(runtime_venv, tmp_path, "-m", "pip", "freeze", "--disable-pip-version-check")
    installed = {normalise(re.split(r"[=@ ]", line, maxsplit=1)[0]) for line in result.stdout.splitlines()}
    assert installed == requirement_names(ROOT / "requirements.txt")


def test_manage_py_check_passes_with_runtime_requirements_only(runtime_venv, tmp_path):
    result = run_in(runtime_venv, tmp_path, "manage.py", "check", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr


def test_the_site_serves_with_runtime_requirements_only_and_imports_no_dev_package(runtime_venv, tmp_path):
    dev_modules = dev_only_modules()
    assert {"pytest", "playwright", "locust", "plotly", "hypothesis"} <= dev_modules
    result = run_in(runtime_venv, tmp_path, "-c", SERVE_AND_REPORT, json.dumps(sorted(dev_modules)), *PATHS)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["statuses"] == dict.fromkeys(PATHS, 200)
    assert report["imported"] == []
