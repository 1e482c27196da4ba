"""
Bulk editing the spreadsheet way, with django-import-export: export the
events of the event list's current filter as CSV, edit them anywhere, import
the file back. The import first runs as a dry run that lists every row (new,
changed field by field, unchanged, or refused with the reason); the confirm
button only appears when no row is refused, and the confirmed import runs in
one transaction. Rows name events by slug, related records by slug lists.
"""

from django.core.exceptions import ValidationError
from import_export import fields, resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV

from timeline.models import Actor, Event, Place, StoryArc, Topic

from .review_forms import ISO_DATE_FORMAT, ISO_DATE_MESSAGE

# Slug lists in one cell: "takaichi|lee". A comma would clash with CSV's own.
SLUG_SEPARATOR = "|"
CHANGE_REASON = "CSV import"
SLUG_LISTS = {"actors": Actor, "topics": Topic, "places": Place}


class SlugListWidget(widgets.ManyToManyWidget):
    """Related records by slug; an unknown slug refuses the row instead of being dropped."""

    def __init__(self, model):
        super().__init__(model, separator=SLUG_SEPARATOR, field="slug")

    def clean(self, value, row=None, **kwargs):
        slugs = self.slugs(value)
        found = self.model.objects.filter(slug__in=slugs)
        unknown = sorted(set(slugs) - {record.slug for record in found})
        if unknown:
            raise ValueError(f"Unknown {self.model._meta.verbose_name} slug(s): {', '.join(unknown)}.")
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

    def import_instance(self, instance, row, **kwargs):
        # The slug lists are read after the save by default, too late to
        # refuse the row in the dry run: check them with the other fields.
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


class EventImportExportMixin(ImportExportMixin):
    """The event list's Import and Export buttons (CSV only); export follows the list's filters."""

    resource_classes = [EventResource]
    import_formats = [CSV]
    export_formats = [CSV]
    # One format and every column: the Export button downloads at once.
    skip_export_form = True
    # The event list's own template (its Deleted events link), under the Import and Export buttons.
    change_list_template = "admin/timeline/event/change_list.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)
