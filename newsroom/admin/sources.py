"""Articles as captured, and the dated sentences the extractor proposes from them."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from newsroom import jobs
from newsroom.ingest import propose
from newsroom.models import Job
from timeline.models import Proposal, Source

from .forms import SourceAdminForm
from .history import HistoryAdmin
from .review import review_event_search, review_source
from .review_forms import ISO_DATE_OVERRIDES
from .safe import SafeInputAdmin

# Links pasted at once into the batch box.
MAX_BATCH_LINKS = 50


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    form = SourceAdminForm
    list_display = ["article", "outlet", "published_on", "pending_count", "feeds"]
    list_filter = ["outlet", "published_on", "feed_items__feed"]
    search_fields = ["title", "outlet", "author", "text"]
    date_hierarchy = "published_on"
    formfield_overrides = {models.DateField: ISO_DATE_OVERRIDES}
    view_on_site = True

    @admin.display(description=_("article"), ordering="title")
    def article(self, source):
        return source.display_title

    @admin.display(description=_("from feeds"))
    def feeds(self, source):
        return ", ".join(str(item.feed) for item in source.feed_items.all()) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("feed_items__feed")

    @admin.display(description=_("pending proposals"))
    def pending_count(self, source):
        return source.proposals.pending().count()

    def get_urls(self):
        urls = [
            path(
                "<int:source_id>/review/", self.admin_site.admin_view(self.review_view), name="timeline_source_review"
            ),
            path(
                "<int:source_id>/review/events/",
                self.admin_site.admin_view(self.review_search_view),
                name="timeline_source_review_search",
            ),
        ]
        return urls + super().get_urls()

    def review_view(self, request, source_id):
        return review_source(request, source_id, self)

    def review_search_view(self, request, source_id):
        return review_event_search(request, source_id, self)

    def add_view(self, request, form_url="", extra_context=None):
        if request.method == "POST" and "_fetch" in request.POST:
            return self.fetch_link(request)
        if request.method == "POST" and "_ingest_all" in request.POST:
            return self.ingest_links(request)
        return super().add_view(request, form_url, extra_context)

    def ingest_links(self, request):
        """A batch: each link stored by a worker with what its page says, no check first."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        field = forms.URLField(assume_scheme="https", max_length=500)
        lines = [line.strip() for line in request.POST.get("links", "").splitlines() if line.strip()]
        try:
            if not 0 < len(lines) <= MAX_BATCH_LINKS:
                raise forms.ValidationError(
                    gettext("Give from 1 to %(most)d links, one a line.") % {"most": MAX_BATCH_LINKS}
                )
            urls = [field.clean(line) for line in lines]
        except forms.ValidationError as error:
            message = gettext("Paste the articles' addresses: %(errors)s") % {"errors": " ".join(error.messages)}
            self.message_user(request, message, messages.ERROR)
            return redirect("admin:timeline_source_add")
        for url in dict.fromkeys(urls):
            jobs.submit(Job.Kind.INGEST_URL, f"ingest:{url}", {"url": url}, user=request.user)
        count = len(set(urls))
        queued = ngettext(
            "Queued %(count)d link; it is stored with its proposals when fetched.",
            "Queued %(count)d links; each is stored with its proposals when fetched.",
            count,
        )
        self.message_user(request, queued % {"count": count})
        return redirect("admin:newsroom_job_changelist")

    def fetch_link(self, request):
        """Hand a pasted link to a worker; its job page shows the fetch and links back here to check it."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        field = forms.URLField(assume_scheme="https", max_length=500)
        try:
            url = field.clean(request.POST.get("link", "").strip())
        except forms.ValidationError as error:
            message = gettext("Paste the article's address: %(errors)s") % {"errors": " ".join(error.messages)}
            self.message_user(request, message, messages.ERROR)
            return redirect("admin:timeline_source_add")
        job = jobs.submit(Job.Kind.FETCH_LINK, f"fetch:{url}", {"url": url}, user=request.user)
        return redirect("admin:newsroom_job_change", job.pk)

    def get_changeform_initial_data(self, request):
        """The add form filled in from a finished fetch (?job=<id>): what the page said, for the editor to check."""
        initial = super().get_changeform_initial_data(request)
        job = Job.objects.filter(pk=request.GET.get("job", "").strip() or None, kind=Job.Kind.FETCH_LINK).first()
        if job is None or job.state != Job.State.DONE:
            return initial
        extracted = job.result.get("extracted", {})
        fields = {"url": "url", "title": "title", "author": "author", "outlet": "outlet", "text": "text"}
        initial.update({name: extracted[key] for name, key in fields.items() if extracted.get(key)})
        if extracted.get("published"):
            initial["published_on"] = extracted["published"]
        if extracted.get("language"):
            initial["language"] = extracted["language"][:10]
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            if len(obj.text) > jobs.LONG_ARTICLE_CHARS:
                # Reading a long article's dates takes longer than a request
                # may: a worker does it, and the job page shows how far it is.
                obj.propose_job = jobs.submit(
                    Job.Kind.PROPOSE, f"propose:{obj.pk}", {"source": obj.pk}, user=request.user
                )
            else:
                # Same transaction as the source: no source without its proposals.
                propose(obj)

    def response_add(self, request, obj, post_url_continue=None):
        job = getattr(obj, "propose_job", None)
        if job is not None:
            self.message_user(request, gettext("Saved the article; a worker is reading its dates."))
            return redirect("admin:newsroom_job_change", job.pk)
        count = obj.proposals.count()
        if count:
            proposed = ngettext(
                "Saved the article; %(count)d dated event proposed for review.",
                "Saved the article; %(count)d dated events proposed for review.",
                count,
            )
            self.message_user(request, proposed % {"count": count})
        else:
            self.message_user(
                request,
                gettext(
                    "Saved the article; no dated events were found in it. Select a passage of it below to cite it."
                ),
                messages.WARNING,
            )
        return redirect("admin:timeline_source_review", obj.pk)


@admin.register(Proposal)
class ProposalAdmin(SafeInputAdmin, admin.ModelAdmin):
    list_display = ["date_text", "dates", "precision", "status", "source"]
    list_filter = ["status", "precision"]
    search_fields = ["quote", "date_text"]
    readonly_fields = [f.name for f in Proposal._meta.fields] + ["suggested_actors"]

    @admin.display(description=_("dates"), ordering="earliest")
    def dates(self, proposal):
        return proposal.date_label

    def has_add_permission(self, request):
        return False
