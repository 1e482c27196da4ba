"""What the benchmarks share: production settings for a scratch database, and gunicorn on a free port."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# Re-exported: the benchmark scripts import the flags from here, the tests from bench/chromium.py.
from chromium import CHROMIUM as CHROMIUM
from chromium import CHROMIUM_ARGS as CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str) -> dict:
    """The environment of a production deployment on 127.0.0.1 (no TLS), against `database_url`."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "summit.settings",
        "PYTHONPATH": str(ROOT),
    }
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"):
        env.pop(name, None)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(
    env: dict, workers: int = 2, threads: int = 8, ready_path: str = "/embed/"
) -> tuple[subprocess.Popen, int]:
    """gunicorn serving summit on a free port, once it answers `ready_path`."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "summit.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=2).read()
            return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")
