"""Events, the passages they rest on, and how they connect."""

import hashlib
import json

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext
from simple_history.models import to_historic

from timeline.history import M2M_MODELS, citation_key, linked_state, relation_key, restore_version
from timeline.models import UNSOURCED_MESSAGE, Citation, Event, EventRelation, Source

from .bulk import EventImportExportMixin
from .date_labels import date_label_view
from .forms import CitationFormSet, CitationInlineForm, EventAdminForm
from .history import (
    HistoryAdmin,
    deleted_events,
    describe_citation,
    describe_relation,
    linked_changes,
    stale_message,
)
from .review_forms import ISO_DATE_OVERRIDES
from .translations import SideBySideTranslations


class CitationInline(admin.StackedInline):
    model = Citation
    formset = CitationFormSet
    form = CitationInlineForm
    extra = 0
    autocomplete_fields = ["source"]
    # Where the passage is in the article is worked out from it, never typed.
    fields = ["source", "quote", "start", "end"]
    readonly_fields = ["start", "end"]


@admin.register(Event)
class EventAdmin(SideBySideTranslations, EventImportExportMixin, HistoryAdmin):
    form = EventAdminForm
    inlines = [CitationInline]
    list_display = ["title", "dates", "precision", "status", "is_published", "importance"]
    list_filter = ["is_published", "status", "precision", "actors", "topics", "arc"]
    search_fields = ["title", "title_ja", "title_ko", "summary", "citations__quote", "actors__name", "actors__aliases"]
    date_hierarchy = "earliest"
    autocomplete_fields = ["actors", "places", "topics", "arc"]
    prepopulated_fields = {"slug": ["title"]}
    formfield_overrides = {models.DateField: ISO_DATE_OVERRIDES}
    readonly_fields = ["published_at"]
    actions = ["publish", "unpublish"]
    view_on_site = True
    # The version page says what a revert removes before its Revert button.
    object_history_form_template = "admin/timeline/event/object_history_form.html"

    @admin.display(description=gettext_lazy("dates"), ordering="earliest")
    def dates(self, event):
        return event.date_label

    def get_urls(self):
        urls = [
            path("deleted/", self.admin_site.admin_view(self.deleted_view), name="timeline_event_deleted"),
            # The label beside every ISO date field of the admin, as the editor types.
            path("date-label/", self.admin_site.admin_view(date_label_view), name="timeline_event_date_label"),
            # A source's article, to select a citation's passage in.
            path("source-text/", self.admin_site.admin_view(self.source_text_view), name="timeline_event_source_text"),
        ]
        return urls + super().get_urls()

    def deleted_view(self, request):
        return deleted_events(request, self)

    def source_text_view(self, request):
        """The article of ?source=, as plain text, for whoever may cite on events and read sources."""
        may_cite = self.has_change_permission(request) or self.has_add_permission(request)
        if not (may_cite and request.user.has_perm("timeline.view_source")):
            raise PermissionDenied
        chosen = request.GET.get("source", "")
        if not chosen.isdigit() or len(chosen) > 18:
            return HttpResponse("Choose a source first.", status=400, content_type="text/plain; charset=utf-8")
        source = get_object_or_404(Source.objects.only("text"), pk=chosen)
        return HttpResponse(source.text, content_type="text/plain; charset=utf-8")

    def save_model(self, request, obj, form, change):
        record = to_historic(obj)
        if record is None:
            if change and "slug" not in form.changed_data:
                obj.follow_title_with_slug()
            if change and "short_title" not in form.changed_data:
                obj.follow_title_with_short_title()
            save_event(obj, form, change)
            return
        # A revert or an undelete from the history page: the event's fields
        # and everything that hung on it at that version.
        undeleting = not Event.objects.filter(pk=obj.pk).exists()
        missing = restore_version(obj, record, save=lambda: save_event(obj, form, change))
        if undeleting:
            self.message_user(
                request, gettext("Restored as unpublished: publish it again when it is ready."), messages.WARNING
            )
        if missing:
            message = gettext("Could not restore %(what)s.") % {"what": "; ".join(missing)}
            self.message_user(request, message, messages.WARNING)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        # Newest first: each version is compared with the one before it.
        newer = None
        for record in historical_records:
            if newer is not None:
                changes = linked_changes(record.linked, newer.linked)
                newer.history_delta_changes = [*getattr(newer, "history_delta_changes", []), *changes]
            newer = record

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Who may revert is asked before anything else, as the base view does.
        if request.method == "POST" and not self.has_change_history_permission(request):
            raise PermissionDenied
        self.check_history_ids(object_id, version_id)
        record = Event.history.filter(id=unquote(object_id), history_id=version_id).first()
        if request.method == "POST":
            answer = record and self.confirm_removals(request, record)
            if answer is not None:
                return answer
        extra_context = {**(extra_context or {}), "revert": revert_consequences(record) if record else None}
        return super().history_form_view(request, object_id, version_id, extra_context)

    def confirm_removals(self, request, record):
        """
        A revert that would delete citations or relations added since the
        version needs the permission to delete them, and says what it removes
        before it does; None lets the revert go ahead.
        """
        citations, relations = revert_removals(record)
        lacking = [
            name
            for name, removed, permission in (
                (gettext("citations"), citations, "timeline.delete_citation"),
                (gettext("relations"), relations, "timeline.delete_eventrelation"),
            )
            if removed and not request.user.has_perm(permission)
        ]
        if lacking:
            message = gettext(
                "Reverting to this version would delete %(citations)d citation(s) and %(relations)d "
                "relation(s) added since; that needs the permission to delete %(what)s, "
                "which you do not have. Nothing was changed."
            ) % {
                "citations": len(citations),
                "relations": len(relations),
                "what": pgettext("list separator", ", ").join(lacking),
            }
            self.message_user(request, message, messages.ERROR)
            return redirect(request.path)
        # "yes" from the confirmation page; from the version page, the fingerprint of what it listed
        # (anything added since it was shown asks again).
        confirmed = request.POST.get("confirm_removal") in ("yes", removals_fingerprint(citations, relations))
        if (citations or relations) and not confirmed:
            posted = [(name, value) for name, values in request.POST.lists() for value in values]
            context = {
                **self.admin_site.each_context(request),
                "opts": Event._meta,
                "title": gettext("Revert and remove citations or relations?"),
                "event": Event.objects.filter(pk=record.id).first() or record,
                "record": record,
                "citations": citations,
                "relations": relations,
                "posted": [(name, value) for name, value in posted if name != "csrfmiddlewaretoken"],
            }
            return TemplateResponse(request, "admin/timeline/event/revert_confirm.html", context)
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Event.StaleEdit:
            # Raised inside the admin's transaction, so nothing was written.
            event = Event.objects.get(pk=object_id)
            self.message_user(request, stale_message(event, int(request.POST.get("seen_version") or 0)), messages.ERROR)
            return redirect(request.path)

    @admin.action(description=gettext_lazy("Publish selected events"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description=gettext_lazy("Unpublish selected events"), permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value):
        # One save per event, so each change is in its history with its editor.
        count = 0
        unsourced = []
        with transaction.atomic():
            for event in queryset.select_for_update().exclude(is_published=value):
                if value and not event.has_citations():
                    unsourced.append(event.title)
                    continue
                event.is_published = value
                event.save()
                count += 1
        if value:
            done = ngettext("Published %(count)d event.", "Published %(count)d events.", count)
        else:
            done = ngettext("Unpublished %(count)d event.", "Unpublished %(count)d events.", count)
        self.message_user(request, done % {"count": count}, messages.SUCCESS)
        if unsourced:
            titles = pgettext("list separator", ", ").join(
                gettext("“%(title)s”") % {"title": title} for title in unsourced[:10]
            )
            if len(unsourced) > 10:
                titles = gettext("%(titles)s and %(count)d more") % {"titles": titles, "count": len(unsourced) - 10}
            message = gettext("Not published, for want of a citation: %(titles)s. %(why)s") % {
                "titles": titles,
                "why": UNSOURCED_MESSAGE,
            }
            self.message_user(request, message, messages.ERROR)


def revert_removals(record) -> tuple[list[str], list[str]]:
    """The citations and relations a revert to `record` would delete, described for the editor."""
    event = Event.objects.filter(pk=record.id).first()
    if event is None or record.linked is None:
        return [], []
    now = linked_state(event)
    kept_citations = {citation_key(state) for state in record.linked.get("citations", [])}
    kept_relations = {relation_key(state) for state in record.linked.get("relations", [])}
    return (
        [describe_citation(state) for state in now["citations"] if citation_key(state) not in kept_citations],
        [describe_relation(state) for state in now["relations"] if relation_key(state) not in kept_relations],
    )


def removals_fingerprint(citations: list[str], relations: list[str]) -> str:
    """What a revert removes, in a few characters: the version page's Revert confirms exactly what it listed."""
    return hashlib.sha256(json.dumps([citations, relations]).encode()).hexdigest()[:16]


M2M_LABELS = {"actors": gettext_lazy("Actors"), "places": gettext_lazy("Places"), "topics": gettext_lazy("Topics")}


def revert_consequences(record) -> dict | None:
    """
    What reverting the event to `record` does beyond its fields, for the
    version page to show before its Revert button: the citations and
    relations added since (deleted by the revert), and the actors, places
    and topics it takes off or puts back. None for a deleted event.
    """
    event = Event.objects.filter(pk=record.id).first()
    if event is None or record.linked is None:
        return None
    citations, relations = revert_removals(record)
    now = linked_state(event)
    links = []
    for name, model in M2M_MODELS.items():
        then, current = set(record.linked.get(name, [])), set(now[name])
        names = dict(model._default_manager.filter(pk__in=then ^ current).values_list("pk", "name"))
        removed = sorted(names[pk] for pk in current - then if pk in names)
        added = sorted(names[pk] for pk in then - current if pk in names)
        if removed or added:
            links.append({"label": M2M_LABELS[name], "removed": removed, "added": added})
    return {
        "citations": citations,
        "relations": relations,
        "links": links,
        "fingerprint": removals_fingerprint(citations, relations) if citations or relations else "",
    }


def save_event(event, form, change):
    if change and Event.objects.filter(pk=event.pk).exists():
        # The form checked the version; this guarded save closes the
        # window between that check and the write.
        event.save_if_version(form.cleaned_data["seen_version"])
    else:
        event.save()


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["__str__", "event", "source"]
    list_filter = ["source__outlet"]
    search_fields = ["quote", "event__title", "source__title"]
    autocomplete_fields = ["event", "source"]


@admin.register(EventRelation)
class EventRelationAdmin(HistoryAdmin):
    list_display = ["__str__", "kind"]
    list_filter = ["kind"]
    autocomplete_fields = ["from_event", "to_event", "citation"]
