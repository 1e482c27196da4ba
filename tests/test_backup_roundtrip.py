"""dumpdata of everything, loaddata into a fresh database, and nothing differs."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from .hostile import make_hostile_world

ROOT = Path(__file__).resolve().parent.parent
# What the README's backup command dumps: all data; contenttypes and
# permissions are rebuilt by migrate, so natural keys point at them instead.
DUMP_ARGS = [
    "--natural-foreign",
    "--natural-primary",
    "-e",
    "contenttypes",
    "-e",
    "auth.permission",
    "-e",
    "sessions",
    "--indent",
    "1",
]


# Django's JSON keeps milliseconds and writes none for a whole second: a time 0.0004 s past
# one dumps as "…:16.000Z" and, loaded back as a whole second, dumps again as "…:16Z".
WHOLE_SECOND = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z$")


def normalised(path: Path):
    objects = json.loads(path.read_text())
    for obj in objects:
        for name, value in obj["fields"].items():
            # Many-to-many values are sets; PostgreSQL lists them in no fixed order.
            if isinstance(value, list):
                obj["fields"][name] = sorted(value, key=json.dumps)
            elif isinstance(value, str):
                obj["fields"][name] = WHOLE_SECOND.sub(r"\1.000Z", value)
    return sorted(json.dumps(obj, sort_keys=True, ensure_ascii=False) for obj in objects)


def manage(*args, db_url, **extra_env):
    env = {**os.environ, "DATABASE_URL": db_url, **extra_env}
    env.pop("TEST_DB_NAME", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.mark.django_db(transaction=True)
def test_dump_and_load_into_a_fresh_database_reproduces_everything(tmp_path):
    world = make_hostile_world()
    event = world["events"][0]
    event.summary = "Edited, so history has two rows."
    event.save()
    first = tmp_path / "backup.json"
    call_command("dumpdata", *DUMP_ARGS, output=str(first), verbosity=0)
    kinds = {obj["model"] for obj in json.loads(first.read_text())}
    assert {"timeline.event", "timeline.citation", "timeline.source", "timeline.historicalevent"} <= kinds

    fresh = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    manage("migrate", "--noinput", "-v0", db_url=fresh)
    manage("loaddata", str(first), "-v0", db_url=fresh, SIMPLE_HISTORY_ENABLED="0")
    second = tmp_path / "again.json"
    manage("dumpdata", *DUMP_ARGS, "--output", str(second), db_url=fresh)
    assert normalised(second) == normalised(first)
