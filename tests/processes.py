"""Workers and app servers started as their own processes, on the test's database."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url(settings_dict=None) -> str:
    """The URL of the database the tests use now, for a process started beside them."""
    db = settings_dict or connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    environment = {**os.environ, "DEBUG": "1", "PYTHONUNBUFFERED": "1", **env}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    return start(["worker", "--interval", "0.2", "--no-startup-delay", "--no-reload", "-v", "0"], env, log)


def start_server(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    return start(["runserver", f"127.0.0.1:{port}", "--noreload"], env, log)


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(check, what: str, timeout: float = 60, logs=()):
    """Ask `check` until it answers truthy; fail (with the processes' logs) when it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = check()
        if answer:
            return answer
        time.sleep(0.2)
    shown = "\n".join(f"--- {log}\n{Path(log).read_text()[-3000:]}" for log in logs)
    raise AssertionError(f"Gave up waiting for {what}.\n{shown}")
