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
from timeline.models import Actor, Citation, Event, Source

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
    # Published events rest on a citation.
    source = Source.objects.create(text="Leaders met in Gyeongju.", published_on=datetime.date(2025, 11, 1))
    Citation.objects.create(event=gyeongju, source=source, quote="Leaders met in Gyeongju.", start=0, end=24)
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


def confirm_data(confirm) -> dict:
    return {name: field.value() for name, field in zip(confirm.fields, confirm, strict=True)}


def upload_csv(client, data: bytes, name="events.csv"):
    return client.post(IMPORT, {"format": 0, "import_file": SimpleUploadedFile(name, data, "text/csv")})


def test_a_row_whose_event_changed_since_the_dry_run_refuses_the_import_and_says_which(editor, events):
    rows = export_rows(editor)
    rows[0]["title"] = "Summit in Nara, from the file"
    rows[1]["title"] = "Gyeongju, from the file"
    confirm = dry_run(editor, rows).context["confirm_form"]
    # Another editor saves the Nara event between the dry run and the confirmation.
    nara = Event.objects.get(slug="summit-in-nara")
    nara.summary = "Another editor's summary."
    nara.save()
    response = editor.post(PROCESS, confirm_data(confirm))
    html = response.content.decode()
    assert response.status_code == 409
    assert "changed by another editor after the dry run" in html and "Summit in Nara" in html
    nara.refresh_from_db()
    assert nara.summary == "Another editor's summary." and nara.title == "Summit in Nara"
    assert Event.objects.get(slug="gyeongju").title == "Meeting in Gyeongju"


def test_a_confirmation_without_the_dry_runs_versions_refuses_rows_of_existing_events(editor, events):
    rows = export_rows(editor)
    rows[0]["title"] = "Summit in Nara, tampered"
    data = confirm_data(dry_run(editor, rows).context["confirm_form"])
    data["versions"] = "not json"
    assert editor.post(PROCESS, data).status_code == 409
    assert Event.objects.get(slug="summit-in-nara").title == "Summit in Nara"


def test_the_same_file_imported_twice_changes_nothing_the_second_time(editor, events):
    rows = export_rows(editor)
    rows[0]["title"] = "Summit in Nara, day one"
    rows.append({**rows[1], "slug": "new-talks", "title": "New talks", "actors": "lee"})
    editor.post(PROCESS, confirm_data(dry_run(editor, rows).context["confirm_form"]))
    versions = dict(Event.objects.values_list("slug", "version"))
    second = dry_run(editor, rows)
    assert [row.import_type for row in second.context["result"].rows] == ["skip", "skip", "skip"]
    editor.post(PROCESS, confirm_data(second.context["confirm_form"]))
    assert dict(Event.objects.values_list("slug", "version")) == versions


def test_export_escapes_formula_cells_and_reads_them_back_unchanged(editor, events):
    nara, _ = events
    Event.objects.filter(pk=nara.pk).update(
        title='=HYPERLINK("https://evil.example","x")', summary="+cmd|' /C calc'!A0"
    )
    rows = export_rows(editor)
    assert rows[0]["title"] == '\'=HYPERLINK("https://evil.example","x")'
    assert rows[0]["summary"].startswith("'+cmd")
    assert [row.import_type for row in dry_run(editor, rows).context["result"].rows] == ["skip", "skip"]


def test_an_is_published_column_publishes_nothing(editor, events):
    rows = export_rows(editor)
    rows = [{**rows[1], "slug": "new-talks", "title": "New talks", "is_published": "1"}]
    editor.post(PROCESS, confirm_data(dry_run(editor, rows).context["confirm_form"]))
    assert Event.objects.get(slug="new-talks").is_published is False


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nslug,title\n", "is a PDF, not plain text"),
        (b"slug,title\n\x00\x01\x02binary", "binary file"),
        (b"slug,title\n\xff\xfe\xfa", "not UTF-8"),
        (b"name,when\nNara,2026\n", "no “slug” column"),
        (b"", "empty"),
    ],
)
def test_a_file_that_is_not_an_event_csv_is_refused_with_a_clear_message(editor, events, data, message):
    response = upload_csv(editor, data)
    html = response.content.decode()
    assert response.status_code == 200 and response.context.get("confirm_form") is None
    assert message in html
    assert "Traceback" not in html and "site-packages" not in html


def test_an_import_over_the_size_cap_is_refused_by_its_size(editor, events):
    from newsroom.admin.bulk import MAX_IMPORT_BYTES

    response = upload_csv(editor, b"slug,title\n" + b"x" * MAX_IMPORT_BYTES)
    assert "an import takes at most 5 MB" in response.content.decode()


def test_an_import_of_more_rows_than_a_request_can_check_runs_on_a_worker(editor, events):
    from newsroom import jobs
    from newsroom.admin.bulk import MAX_IMPORT_ROWS
    from newsroom.models import Job

    rows = export_rows(editor)
    many = [{**rows[1], "slug": f"event-{n}", "title": f"Event {n}"} for n in range(MAX_IMPORT_ROWS + 1)]
    response = dry_run(editor, many)
    job = Job.objects.get(kind=Job.Kind.IMPORT_CSV)
    assert response.url == reverse("admin:newsroom_job_change", args=[job.pk])
    assert Event.objects.count() == 2
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.result["imported"]["new"] == MAX_IMPORT_ROWS + 1
    imported = Event.history.filter(history_change_reason=CHANGE_REASON, history_user__username="editor")
    assert imported.count() == MAX_IMPORT_ROWS + 1
    desk = editor.get(reverse("admin:newsroom_job_change", args=[job.pk])).content.decode()
    assert f"{MAX_IMPORT_ROWS + 1} new" in desk


def test_a_worker_import_with_a_refused_row_imports_nothing_and_names_it(editor, events):
    from newsroom import jobs
    from newsroom.admin.bulk import MAX_IMPORT_ROWS
    from newsroom.models import Job

    rows = export_rows(editor)
    many = [{**rows[1], "slug": f"event-{n}", "title": f"Event {n}"} for n in range(MAX_IMPORT_ROWS + 1)]
    many[5]["earliest"] = "01/02/2026"
    dry_run(editor, many)
    job = Job.objects.get(kind=Job.Kind.IMPORT_CSV)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "row 6" in job.error and "01/02/2026" in job.error
    assert Event.objects.count() == 2


def test_an_import_of_more_rows_than_a_worker_takes_is_refused(editor, events, monkeypatch):
    from newsroom.admin import bulk

    monkeypatch.setattr(bulk, "MAX_JOB_IMPORT_ROWS", 3)
    monkeypatch.setattr(bulk.read_import_rows, "__defaults__", (3,))
    rows = export_rows(editor)
    many = [{**rows[1], "slug": f"event-{n}", "title": f"Event {n}"} for n in range(4)]
    response = dry_run(editor, many)
    assert "one import takes at most 3" in response.content.decode()
    assert Event.objects.count() == 2


def test_temporary_copies_of_uploads_are_removed_whatever_the_outcome(editor, events, tmp_path, monkeypatch):
    from newsroom.admin.bulk import ImportUploadStorage

    # A folder of this test's own: other tests (other workers) import at the same time.
    monkeypatch.setattr(ImportUploadStorage, "folder", tmp_path / "summit-imports")

    def copies():
        folder = ImportUploadStorage.folder
        return set(folder.glob("*.csv")) if folder.is_dir() else set()

    before = copies()
    rows = export_rows(editor)
    refused = [{**rows[0], "latest": "2025-01-01"}]
    dry_run(editor, refused)
    assert copies() == before
    upload_csv(editor, b"%PDF-1.4 not a csv")
    assert copies() == before
    rows[0]["title"] = "Summit in Nara, day one"
    confirm = dry_run(editor, rows).context["confirm_form"]
    assert len(copies() - before) == 1
    Event.objects.filter(slug="summit-in-nara").update(version=99)
    editor.post(PROCESS, confirm_data(confirm))  # refused: changed since
    assert copies() == before
    confirm = dry_run(editor, rows).context["confirm_form"]
    editor.post(PROCESS, confirm_data(confirm))
    assert copies() == before


TIMELINEJS_HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
)
TIMELINEJS_SHEET = (
    TIMELINEJS_HEADER
    + ",,,,,,,,,The year of two summits,<p>An overview</p>,,,,,title,,\n"
    + "2026,1,13,,2026,1,14,,,Leaders meet in Nara,<p>Two days of <b>talks</b>.</p>,,,,,,Summits,\n"
    + "2025,10,,,,,,,,APEC month,Leaders gather in Gyeongju.,,,,,,,\n"
    + "1965,,,,,,,,,Basic Relations Treaty,,,,,,,,\n"
).encode("utf-8")


def test_a_timelinejs_sheet_is_imported_as_draft_events_and_again_changes_nothing(editor, events):
    response = upload_csv(editor, TIMELINEJS_SHEET, "sheet.csv")
    assert [row.import_type for row in response.context["result"].rows] == ["new", "new", "new"]
    editor.post(PROCESS, confirm_data(response.context["confirm_form"]))
    nara = Event.objects.get(title="Leaders meet in Nara")
    assert (nara.earliest, nara.latest, nara.precision) == (
        datetime.date(2026, 1, 13),
        datetime.date(2026, 1, 14),
        Event.Precision.SPAN,
    )
    assert nara.summary == "Two days of talks." and not nara.is_published
    apec = Event.objects.get(title="APEC month")
    assert (apec.earliest, apec.latest, apec.precision) == (
        datetime.date(2025, 10, 1),
        datetime.date(2025, 10, 31),
        Event.Precision.MONTH,
    )
    assert Event.objects.get(title="Basic Relations Treaty").precision == Event.Precision.YEAR
    count, versions = Event.objects.count(), dict(Event.objects.values_list("slug", "version"))
    again = upload_csv(editor, TIMELINEJS_SHEET, "sheet.csv")
    assert [row.import_type for row in again.context["result"].rows] == ["skip", "skip", "skip"]
    editor.post(PROCESS, confirm_data(again.context["confirm_form"]))
    assert Event.objects.count() == count and dict(Event.objects.values_list("slug", "version")) == versions


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("abc,1,13,,,,,,,Bad year,,,,,,,,", "Year “abc” is not a number"),
        ("2026,2,30,,,,,,,No such day,,,,,,,,", "no such day as 2026-02-30"),
        (",,13,,,,,,,No year,,,,,,,,", "needs its Year"),
        ("2026,1,13,,2025,1,1,,,Backwards,,,,,,,,", "end date is before the start date"),
        ("2026,1,13,,,,,,,,,,,,,,,", "Headline is empty"),
    ],
)
def test_a_timelinejs_sheet_with_a_bad_row_is_refused_naming_it(editor, events, row, message, settings):
    settings.DEBUG = False
    response = upload_csv(editor, (TIMELINEJS_HEADER + row + "\n").encode(), "sheet.csv")
    html = response.content.decode()
    assert response.status_code == 200 and response.context.get("confirm_form") is None
    assert "Row 2" in html and message in html
    assert "Traceback" not in html and "site-packages" not in html
