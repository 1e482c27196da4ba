"""
The jobs desk: every background job with its state, progress, result links
and error. While any job on a page is active, the page asks for itself again
every two seconds (htmx) and swaps in the fresh rows; once all are done it
stops asking.
"""

import re

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.vary import vary_on_headers

from newsroom.models import Job

DESK_SIZE = 50

# What a job is doing: the worker writes it in English (newsroom/jobs.py), with no
# editor to ask; the desk reads it in the editor's language.
NOTES = frozenset(
    (
        gettext_noop("Waiting for a worker"),
        gettext_noop("Started"),
        gettext_noop("Done"),
        gettext_noop("Failed"),
        gettext_noop("Queued again: its worker stopped"),
        gettext_noop("Fetching the page"),
        gettext_noop("Looking for the same article"),
        gettext_noop("Reading the dates"),
        gettext_noop("Fetching the feed"),
        gettext_noop("Taking new items"),
    )
)
# The notes with a number in them, as the worker writes them, and their words with the number as a field.
NUMBERED_NOTES = [
    (re.compile(r"Started again \(attempt (\d+)\)"), gettext_noop("Started again (attempt %(number)s)")),
    (re.compile(r"Trying again at ([\d:]+)"), gettext_noop("Trying again at %(number)s")),
    (re.compile(r"Importing (\d*) rows"), gettext_noop("Importing %(number)s rows")),
]


def shown_note(note: str) -> str:
    """A job's note in the editor's language; one this desk does not know, as written."""
    if note in NOTES:
        return gettext(note)
    for pattern, words in NUMBERED_NOTES:
        found = pattern.fullmatch(note)
        if found:
            return gettext(words) % {"number": found[1]}
    return note


def result_links(job: Job) -> list[tuple[str, str]]:
    """Where a finished job's work can be seen, as (label, URL)."""
    links = []
    result = job.result or {}
    if "extracted" in result and not result.get("duplicate"):
        links.append((gettext("Check and save the article"), reverse("admin:timeline_source_add") + f"?job={job.pk}"))
    duplicate = result.get("duplicate")
    if isinstance(duplicate, dict):
        links.append(
            (
                gettext("Already source #%(id)s") % {"id": duplicate["id"]},
                reverse("admin:timeline_source_review", args=[duplicate["id"]]),
            )
        )
    for pk in result.get("sources", []):
        links.append(
            (gettext("Review source #%(id)s") % {"id": pk}, reverse("admin:timeline_source_review", args=[pk]))
        )
    imported = result.get("imported")
    if isinstance(imported, dict):
        new, changed, same = (imported.get(kind, 0) for kind in ("new", "update", "skip"))
        label = gettext("Events: %(new)s new, %(changed)s changed, %(same)s unchanged") % {
            "new": new,
            "changed": changed,
            "same": same,
        }
        links.append((label, reverse("admin:timeline_event_changelist")))
    for pk in result.get("linked", []):
        label = gettext("Source #%(id)s (already stored)") % {"id": pk}
        links.append((label, reverse("admin:timeline_source_review", args=[pk])))
    return links


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["__str__", "state", "progress", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_view_permission(self, request, obj=None):
        # Whoever may add a source follows the fetch of the link they pasted.
        return super().has_view_permission(request, obj) or request.user.has_perm("timeline.add_source")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_change_permission(self, request, obj=None):
        return False

    @method_decorator(vary_on_headers("HX-Request"))
    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        jobs = list(Job.objects.select_related("feed", "created_by")[:DESK_SIZE])
        return self.render_desk(request, jobs, title=gettext("Jobs"))

    @method_decorator(vary_on_headers("HX-Request"))
    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(Job, pk=object_id)
        return self.render_desk(request, [job], title=str(job), one=True)

    def render_desk(self, request, jobs, title, one=False):
        rows = [{"job": job, "links": result_links(job), "note": shown_note(job.note)} for job in jobs]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "rows": rows,
            "one_job": one,
            "polling": any(job.is_active for job in jobs),
        }
        template = "admin/newsroom/job/desk.html"
        if request.htmx and not request.htmx.history_restore_request:
            template += "#jobs"
        return render(request, template, context)
