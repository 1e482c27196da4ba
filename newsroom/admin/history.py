"""
What every admin with history shares: a version may be viewed by whoever may
view the record and saved only by whoever may change it; the message shown
when a save is refused as stale; the list of deleted events.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import router, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from simple_history.admin import SimpleHistoryAdmin

from timeline.history import citation_key, relation_key
from timeline.models import Event, EventRelation, Source

from .safe import SafeInputAdmin, readable_id


class HistoryAdmin(SafeInputAdmin, SimpleHistoryAdmin):
    """
    simple-history's version page checks only the *view* permission and saves
    whatever is POSTed to it (the Revert button is merely hidden), so a
    view-only user could change, publish or restore any record. Here a POST
    needs the change permission, and restoring a deleted record the add one.
    The user is recorded by simple-history's HistoryRequestMiddleware.
    """

    def changelist_view(self, request, extra_context=None):
        # Actions (publish, unpublish) write through the list's POST; Django
        # only hides the ones a user may not run.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().changelist_view(request, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.check_history_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def check_history_ids(self, object_id, version_id=None):
        # simple-history looks them up as they came: "abc" would be a 500.
        if not readable_id(self.model, unquote(object_id)):
            raise BadRequest("That is not a record's id.")
        if version_id is not None and not readable_id(self.model.history.model, version_id):
            raise BadRequest("That is not a version's id.")

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_history_permission(request):
            raise PermissionDenied
        self.check_history_ids(object_id, version_id)
        if request.method == "POST":
            exists = self.model._default_manager.filter(pk=unquote(object_id)).exists()
            if not exists and not self.has_add_permission(request):
                raise PermissionDenied
        # As Django's own change form: all of a save or none of it.
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


def changed_fields(event: Event, read_version: int) -> tuple[str, list[str]]:
    """Who saved the event since `read_version`, and which fields they changed."""
    latest = event.history.order_by("-history_date", "-history_id").first()
    older = event.history.filter(version=read_version).order_by("-history_date").first()
    who = getattr(latest, "history_user", None) if latest else None
    fields = []
    if latest and older and latest.pk != older.pk:
        delta = latest.diff_against(older)
        fields = [
            str(Event._meta.get_field(name).verbose_name)  # type: ignore[union-attr]
            for name in delta.changed_fields
            if name != "version"
        ]
    return (who.get_username() if who else gettext("another editor")), fields


def stale_message(event: Event, read_version: int) -> str:
    who, fields = changed_fields(event, read_version)
    message = gettext("%(who)s changed this event after you opened it, so your changes were not saved.") % {"who": who}
    if fields:
        changed = pgettext("list separator", ", ").join(fields)
        message += " " + gettext("They changed: %(fields)s.") % {"fields": changed}
    return message + " " + gettext("Reload the page to see their version, then make your changes again.")


def linked_changes(older: dict | None, newer: dict | None) -> list[dict]:
    """
    The citations and relations added or removed between two versions of an
    event, as rows of its history page (simple-history lists the fields,
    actors, places and topics). Nothing for versions recorded before them.
    """
    if older is None or newer is None:
        return []
    changes = []
    for field, key, describe in (
        ("citation", citation_key, describe_citation),
        ("relation", relation_key, describe_relation),
    ):
        before = {key(state): state for state in older[f"{field}s"]}
        after = {key(state): state for state in newer[f"{field}s"]}
        changes += [{"field": field, "old": describe(before[k]), "new": "—"} for k in before.keys() - after.keys()]
        changes += [{"field": field, "old": "—", "new": describe(after[k])} for k in after.keys() - before.keys()]
    return changes


def describe_citation(state: dict) -> str:
    source = Source.objects.filter(pk=state["source"]).first()
    return gettext("%(source)s: “%(quote)s”") % {
        "source": source or gettext("a deleted source"),
        "quote": state["quote"][:80],
    }


def describe_relation(state: dict) -> str:
    titles = dict(Event.objects.filter(pk__in=[state["from_event"], state["to_event"]]).values_list("pk", "title"))
    kind = EventRelation.Kind(state["kind"]).label

    def title(pk):
        return titles.get(pk, gettext("deleted event %(id)s") % {"id": pk})

    return f"{title(state['from_event'])} {kind} {title(state['to_event'])}"


def deleted_events(request, model_admin):
    """Deleted events, each with a link to restore it from its last version."""
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    live = Event.objects.values("pk")
    records = Event.history.filter(history_type="-").exclude(id__in=live).order_by("-history_date")
    rows = [
        {
            "record": record,
            "restore_url": reverse(
                "admin:timeline_event_simple_history", args=[record.id, record.prev_record.history_id]
            )
            if record.prev_record
            else None,
        }
        for record in records
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Event._meta,
        "title": gettext("Deleted events"),
        "rows": rows,
    }
    return TemplateResponse(request, "admin/timeline/event/deleted.html", context)
