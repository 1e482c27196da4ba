"""Small hand-made data for the curation tests (independent of the seed)."""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model

from timeline.models import Actor, Event

SAMPLES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest_samples"
PUBLISHED = datetime.date(2026, 1, 15)
SUMMIT_TEXT = (SAMPLES / "summit_day.txt").read_text(encoding="utf-8")
PASSWORD = "correct horse battery"


def make_actors():
    Actor.objects.create(
        name="Sanae Takaichi",
        short_name="Takaichi",
        slug="takaichi",
        kind="person",
        aliases="Takaichi Sanae",
    )
    Actor.objects.create(
        name="Lee Jae-myung",
        short_name="Lee",
        slug="lee",
        kind="person",
        aliases="Lee Jae Myung",
    )


def make_editor(username="editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", PASSWORD)


def make_event(**fields):
    defaults = dict(
        title="Summit in Nara",
        slug="summit-in-nara",
        earliest=datetime.date(2026, 1, 13),
        latest=datetime.date(2026, 1, 13),
        status_as_of=PUBLISHED,
        is_published=False,
    )
    defaults.update(fields)
    return Event.objects.create(**defaults)
