"""Bulk editing events as CSV: export the list's filter, import with a dry run, all rows or none, history kept."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.admin.bulk import CHANGE_REASON
from tests.curation_data import PASSWORD, make_actors, make_editor, make_event
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

EXPORT = reverse("admin:timeline_event_export")
IMPORT = reverse("admin:timeline_event_import")
PROCESS = reverse("admin:timeline_event_process_import")


@pytest.fixture
def editor(client):
    make_actors()
    client.force_login(make_editor())
    return client


@pytest.fixture
def events(editor):
    nara = make_event(title="Summit in Nara", slug="summit-in-nara")
    nara.actors.set(Actor.objects.all())
    gyeongju = make_event(
        title="Meeting in Gyeongju",
        slug="gyeongju",
        earliest=datetime.date(2025, 10, 30),
        latest=datetime.date(2025, 10, 30),
        is_published=True,
    )
    return nara, gyeongju


def export_rows(client, query=""):
    """The exported rows, Nara's first."""
    response = client.get(EXPORT + query)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    return sorted(rows, key=lambda row: row["slug"] != "summit-in-nara")


def as_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def dry_run(client, rows):
    upload = SimpleUploadedFile("events.csv", as_csv(rows), "text/csv")
    return client.post(IMPORT, {"format": 0, "import_file": upload})


def test_export_follows_the_event_lists_filter_with_iso_dates_and_slug_lists(editor, events):
    rows = export_rows(editor, "?is_published__exact=0")
    assert [row["slug"] for row in rows] == ["summit-in-nara"]
    row = rows[0]
    assert row["earliest"] == "2026-01-13" and sorted(row["actors"].split("|")) == ["lee", "takaichi"]
    assert {r["slug"] for r in export_rows(editor)} == {"summit-in-nara", "gyeongju"}


def test_dry_run_lists_new_and_changed_rows_field_by_field_and_writes_nothing(editor, events):
    rows = export_rows(editor)
    rows[0]["title"] = "Summit in Nara, day one"
    rows.append({**rows[1], "slug": "new-talks", "title": "New talks", "actors": "lee"})
    response = dry_run(editor, rows)
    html = response.content.decode()
    assert response.status_code == 200 and response.context["confirm_form"] is not None
    types = [row.import_type for row in response.context["result"].rows]
    assert sorted(types) == ["new", "skip", "update"]
    assert "<ins" in html and "day one" in html and "Gyeongju" in html
    assert Event.objects.count() == 2 and Event.objects.get(slug="summit-in-nara").title == "Summit in Nara"


def test_confirmed_import_writes_and_history_records_who_and_why(editor, events):
    rows = export_rows(editor)
    rows[0]["title"] = "Summit in Nara, day one"
    rows[0]["actors"] = "lee"
    confirm = dry_run(editor, rows).context["confirm_form"]
    response = editor.post(PROCESS, {name: field.value() for name, field in zip(confirm.fields, confirm, strict=True)})
    assert response.status_code == 302
    event = Event.objects.get(slug="summit-in-nara")
    assert event.title == "Summit in Nara, day one"
    assert [a.slug for a in event.actors.all()] == ["lee"]
    record = event.history.order_by("-history_date", "-history_id").first()
    assert record.history_user.username == "editor" and record.history_change_reason == CHANGE_REASON


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("latest", "2025-10-01", "cannot be before the earliest"),
        ("earliest", "0400-01-01", "summit supports dates"),
        ("earliest", "01/02/2026", "YYYY-MM-DD"),
        ("actors", "lee|nobody", "nobody"),
        ("title", "Bad\x07title", "control"),
        ("precision", "fortnight", "not a valid choice"),
    ],
)
def test_any_refused_row_refuses_the_whole_file_with_the_reason(editor, events, column, value, reason):
    rows = export_rows(editor)
    rows[0]["title"] = "A good change"
    rows[1][column] = value
    response = dry_run(editor, rows)
    html = response.content.decode()
    assert response.context.get("confirm_form") is None
    assert reason in html
    assert not Event.objects.filter(title="A good change").exists()


def test_a_viewer_can_export_but_not_import(client, events):
    viewer = get_user_model().objects.create_user("viewer", "viewer@example.org", PASSWORD, is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_event"))
    client.force_login(viewer)
    assert client.get(EXPORT).status_code == 200
    assert client.get(IMPORT).status_code == 403


def test_event_list_offers_import_and_an_export_of_its_current_filter(editor, events):
    html = editor.get(reverse("admin:timeline_event_changelist") + "?is_published__exact=0").content.decode()
    assert f"href='{IMPORT}'" in html and f'href="{EXPORT}?is_published__exact=0"' in html
    assert reverse("admin:timeline_event_deleted") in html
