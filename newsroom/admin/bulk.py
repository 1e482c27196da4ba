"""
Bulk editing the spreadsheet way, with django-import-export: export the
events of the event list's current filter as CSV, edit them anywhere, import
the file back (or a TimelineJS Google Sheet's CSV, newsroom/timelinejs_sheet.py).
The import first runs as a dry run that lists every row (new, changed field
by field, unchanged, or refused with the reason); the confirm button only
appears when no row is refused, and the confirmed import runs in one
transaction. Rows name events by slug, related records by slug lists.

Another editor's change is never overwritten: the dry run notes each event's
version, the confirm step carries it, and a row whose event changed in
between refuses the import, listed with the others. The upload is capped
(MAX_IMPORT_BYTES, MAX_IMPORT_ROWS: what one request imports in time), must
be UTF-8 text, and its temporary copy is removed whatever the outcome.
A file with more rows than one request can check (MAX_IMPORT_ROWS), up to
MAX_JOB_IMPORT_ROWS, is imported on a worker instead (newsroom.jobs), in one
step and one transaction: all rows or none, the refused rows in the job's error.
"""

import csv
import hashlib
import io
import json
import os
import tempfile
import time
from pathlib import Path

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from import_export.forms import ConfirmImportForm, ImportForm
from import_export.tmp_storages import TempFolderStorage

from newsroom.ingest import IngestError, decode_text
from newsroom.timelinejs_sheet import SheetError, is_timelinejs_sheet, translate
from timeline.exports import FORMULA_STARTS, spreadsheet_safe
from timeline.models import Actor, Event, Place, StoryArc, Topic

from .review_forms import ISO_DATE_FORMAT, ISO_DATE_MESSAGE

# Slug lists in one cell: "takaichi|lee". A comma would clash with CSV's own.
SLUG_SEPARATOR = "|"
CHANGE_REASON = "CSV import"
SLUG_LISTS = {"actors": Actor, "topics": Topic, "places": Place}
# What one request reads and imports well inside a worker's timeout.
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 300
# A larger file goes to a worker, which has no request timeout to meet.
MAX_JOB_IMPORT_ROWS = 20_000
# Refused rows named in a worker import's error.
ERRORS_SHOWN = 10
# A dry run the editor never confirmed leaves its copy this long at most.
UPLOAD_KEPT_SECONDS = 3600
TEXT_COLUMNS = ["title", "short_title", "summary"]


class SlugListWidget(widgets.ManyToManyWidget):
    """Related records by slug; an unknown slug refuses the row instead of being dropped."""

    def __init__(self, model):
        super().__init__(model, separator=SLUG_SEPARATOR, field="slug")

    def clean(self, value, row=None, **kwargs):
        slugs = self.slugs(value)
        found = self.model.objects.filter(slug__in=slugs)
        unknown = sorted(set(slugs) - {record.slug for record in found})
        if unknown:
            raise ValueError(
                gettext("Unknown %(model)s slug(s): %(slugs)s.")
                % {"model": self.model._meta.verbose_name, "slugs": ", ".join(unknown)}
            )
        return found

    def slugs(self, value) -> list[str]:
        return [slug.strip() for slug in str(value or "").split(self.separator) if slug.strip()]


class IsoDateWidget(widgets.DateWidget):
    """Dates as YYYY-MM-DD only: a spreadsheet's 01/02/2026 is refused, not guessed."""

    def __init__(self):
        super().__init__(ISO_DATE_FORMAT)

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ValueError:
            raise ValueError(f"{value!r}: {ISO_DATE_MESSAGE}") from None


class EventResource(resources.ModelResource):
    earliest = fields.Field("earliest", "earliest", IsoDateWidget())
    latest = fields.Field("latest", "latest", IsoDateWidget())
    status_as_of = fields.Field("status_as_of", "status_as_of", IsoDateWidget())
    actors = fields.Field("actors", "actors", SlugListWidget(Actor))
    topics = fields.Field("topics", "topics", SlugListWidget(Topic))
    places = fields.Field("places", "places", SlugListWidget(Place))
    arc = fields.Field("arc", "arc", widgets.ForeignKeyWidget(StoryArc, field="slug"))

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "short_title",
            "summary",
            "earliest",
            "latest",
            "precision",
            "status",
            "status_as_of",
            "importance",
            "actors",
            "topics",
            "places",
            "arc",
        ]
        import_id_fields = ["slug"]
        # The model's own checks (date range, control characters, choices) on every row.
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def __init__(self, seen_versions=None, expected_versions=None, **kwargs):
        super().__init__(**kwargs)
        # Filled by the dry run (slug → version read); given to the confirm step.
        self.seen_versions = seen_versions if seen_versions is not None else {}
        self.expected_versions = expected_versions

    def before_import(self, dataset, **kwargs):
        if is_timelinejs_sheet(dataset.headers):
            headers, rows = translate(dataset.headers, list(dataset), timezone.localdate())
            dataset.wipe()
            dataset.headers = headers
            for row in rows:
                dataset.append(row)

    def before_import_row(self, row, **kwargs):
        # A cell this export made safe for spreadsheets ('=…) reads back as it was.
        for name in TEXT_COLUMNS:
            value = row.get(name)
            if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
                row[name] = value[1:]

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        # As the public CSV: a cell starting like a formula stays text in a spreadsheet.
        return spreadsheet_safe(value) if isinstance(value, str) else value

    def check_version(self, instance, row):
        """The dry run notes each event's version; the confirm step refuses a row whose event moved since."""
        if instance.pk is None:
            return
        slug = instance.slug
        if self.expected_versions is None:
            self.seen_versions[slug] = instance.version
            return
        if self.expected_versions.get(slug) != instance.version:
            raise ValidationError(
                {
                    "slug": gettext(
                        "“%(title)s” was changed by another editor after the dry run; "
                        "nothing was imported. Import the file again to see their change."
                    )
                    % {"title": instance.title}
                }
            )

    def import_instance(self, instance, row, **kwargs):
        # The slug lists are read after the save by default, too late to
        # refuse the row in the dry run: check them with the other fields.
        self.check_version(instance, row)
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in SLUG_LISTS:
            field = self.fields[name]
            if field.column_name in row:
                try:
                    field.widget.clean(row[field.column_name])
                except ValueError as error:
                    errors[name] = [str(error)]
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        # simple-history's middleware records the user; this says how.
        instance._change_reason = CHANGE_REASON
        user = kwargs.get("user")
        if user is not None:
            instance._history_user = user


def read_import_rows(upload, limit: int = MAX_JOB_IMPORT_ROWS) -> tuple[list[str], int]:
    """The upload's header and row count, or an IngestError saying why it cannot be imported."""
    if upload.size > MAX_IMPORT_BYTES:
        raise IngestError(
            gettext("The file is %(size).1f MB; an import takes at most %(most)d MB. Split it into several files.")
            % {"size": upload.size / 1024 / 1024, "most": MAX_IMPORT_BYTES // 1024 // 1024}
        )
    upload.seek(0)
    text = decode_text(upload.read(), name=gettext("The file"), limit=MAX_IMPORT_BYTES)
    upload.seek(0)
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        raise IngestError(gettext("The file is not readable as CSV: %(error)s.") % {"error": error}) from None
    if not rows:
        raise IngestError(gettext("The file is empty."))
    headers, body = rows[0], rows[1:]
    if is_timelinejs_sheet(headers):
        try:
            headers, body = translate(headers, body, timezone.localdate())
        except SheetError as error:
            raise IngestError(
                gettext("This TimelineJS sheet cannot be imported: %(error)s") % {"error": error}
            ) from None
    elif "slug" not in headers:
        raise IngestError(
            gettext(
                "The file has no “slug” column: import a CSV exported from this list, or a TimelineJS sheet "
                "(columns Year, Month, Day, …, Headline, Text)."
            )
        )
    if len(body) > limit:
        raise IngestError(
            gettext("The file has %(rows)d rows; one import takes at most %(most)d. Split it into several files.")
            % {"rows": len(body), "most": limit}
        )
    return headers, len(body)


class EventImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            read_import_rows(upload)
        except IngestError as error:
            raise ValidationError(str(error)) from None
        return upload


class EventConfirmImportForm(ConfirmImportForm):
    # The version of each event the dry run read, by slug (JSON).
    versions = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_versions(self):
        try:
            versions = json.loads(self.cleaned_data["versions"] or "{}")
        except ValueError:
            versions = None
        if not isinstance(versions, dict):
            # Every existing event's row is then refused: run the dry run again.
            return {}
        return versions


class ImportUploadStorage(TempFolderStorage):
    """The upload between the dry run and its confirmation, in a folder of its own so that leftovers can be swept."""

    folder = Path(tempfile.gettempdir()) / "summit-imports"

    def get_full_path(self):
        return str(self.folder / os.path.basename(self.name))

    def _open(self, mode="r"):
        if not self.name:
            self.folder.mkdir(mode=0o700, exist_ok=True)
            handle, path = tempfile.mkstemp(dir=self.folder, suffix=".csv")
            os.close(handle)
            self.name = os.path.basename(path)
            # As the library's own: the upload's bytes are written as they came.
            return open(self.get_full_path(), "wb")
        return open(self.get_full_path(), mode, encoding=self.encoding)

    def remove(self):
        Path(self.get_full_path()).unlink(missing_ok=True)

    @classmethod
    def sweep(cls, older_than: float = UPLOAD_KEPT_SECONDS):
        """Remove the copies of dry runs never confirmed, and of requests that died."""
        limit = time.time() - older_than
        for path in cls.folder.glob("*.csv") if cls.folder.is_dir() else []:
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:
                pass


class EventImportExportMixin(ImportExportMixin):
    """The event list's Import and Export buttons (CSV only); export follows the list's filters."""

    resource_classes = [EventResource]
    import_formats = [CSV]
    export_formats = [CSV]
    import_form_class = EventImportForm
    confirm_form_class = EventConfirmImportForm
    tmp_storage_class = ImportUploadStorage
    # Its errors without the library's traceback, which shows server paths.
    import_template_name = "admin/timeline/event/import.html"
    # One format and every column: the Export button downloads at once.
    skip_export_form = True
    # The event list's own template (its Deleted events link), under the Import and Export buttons.
    change_list_template = "admin/timeline/event/change_list.html"

    def get_import_resource_kwargs(self, request, **kwargs):
        resource_kwargs = super().get_import_resource_kwargs(request, **kwargs)
        form = kwargs.get("form")
        if isinstance(form, EventConfirmImportForm):
            resource_kwargs["expected_versions"] = form.cleaned_data["versions"]
        else:
            request.import_seen_versions = resource_kwargs["seen_versions"] = {}
        return resource_kwargs

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        initial["versions"] = json.dumps(getattr(request, "import_seen_versions", {}))
        return initial

    def get_import_data_kwargs(self, **kwargs):
        # A refused row refuses the whole file, at the confirm step too.
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def import_action(self, request, **kwargs):
        ImportUploadStorage.sweep()
        upload = request.FILES.get("import_file") if request.method == "POST" else None
        if upload is not None and self.has_import_permission(request):
            queued = self.import_on_worker(request, upload)
            if queued is not None:
                return queued
        response = super().import_action(request, **kwargs)
        # Only a dry run the editor may confirm keeps its copy of the upload.
        context = getattr(response, "context_data", None) or {}
        form = context.get("form")
        upload = form.cleaned_data.get("import_file") if form is not None and hasattr(form, "cleaned_data") else None
        name = getattr(upload, "tmp_storage_name", None)
        if name and not context.get("confirm_form"):
            ImportUploadStorage(name=name).remove()
        return response

    def import_on_worker(self, request, upload):
        """A file too long to check in a request goes to a worker; None for any other (the dry run shows it)."""
        from newsroom import jobs
        from newsroom.models import Job

        try:
            _, count = read_import_rows(upload)
            text = decode_text(upload.read(), name=gettext("The file"), limit=MAX_IMPORT_BYTES)
        except IngestError:
            return None  # the form says why
        finally:
            upload.seek(0)
        if count <= MAX_IMPORT_ROWS:
            return None
        key = "import:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
        job = jobs.submit(
            Job.Kind.IMPORT_CSV, key, {"csv": text, "rows": count, "user": request.user.pk}, user=request.user
        )
        message = gettext(
            "The file has %(rows)d rows, more than a dry run shows in one page: a worker imports it, "
            "all rows or none, and lists any refused row here."
        )
        self.message_user(request, message % {"rows": count})
        return redirect("admin:newsroom_job_change", job.pk)

    def process_import(self, request, **kwargs):
        name = os.path.basename(request.POST.get("import_file_name", ""))
        try:
            return super().process_import(request, **kwargs)
        finally:
            if name:
                ImportUploadStorage(name=name).remove()

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Rolled back: list the refused rows, as the dry run does.
            context = {
                **self.admin_site.each_context(request),
                **self.get_import_context_data(),
                "title": gettext("Import refused"),
                "opts": self.model._meta,
                "result": result,
                "refused": True,
                "import_error_display": self.import_error_display,
            }
            return TemplateResponse(request, [self.import_template_name], context, status=409)
        return super().process_result(result, request)

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)


def import_on_worker(text: str, user=None) -> dict:
    """Import a whole file in one transaction, as the confirm step does; refused rows raise an IngestError."""
    dataset = tablib.Dataset().load(text, format="csv")
    result = EventResource().import_data(
        dataset, dry_run=False, raise_errors=False, use_transactions=True, rollback_on_validation_errors=True, user=user
    )
    row_label = gettext("row %(number)s: %(problem)s")
    problems = [
        row_label
        % {
            "number": row.number,
            "problem": "; ".join(f"{field}: {' '.join(messages)}" for field, messages in row.error_dict.items()),
        }
        for row in result.invalid_rows
    ]
    problems += [
        row_label % {"number": number, "problem": error.error}
        for number, errors in result.row_errors()
        for error in errors
    ]
    if problems:
        shown = "\n".join(problems[:ERRORS_SHOWN])
        more = ""
        if len(problems) > ERRORS_SHOWN:
            more = "\n" + gettext("… and %(count)d more.") % {"count": len(problems) - ERRORS_SHOWN}
        refused = ngettext(
            "Nothing was imported: %(count)d row refused.",
            "Nothing was imported: %(count)d rows refused.",
            len(problems),
        )
        raise IngestError(f"{refused % {'count': len(problems)}}\n{shown}{more}")
    return {"imported": {kind: result.totals.get(kind, 0) for kind in ("new", "update", "skip")}}
