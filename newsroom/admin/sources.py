"""Articles as captured, and the dated sentences the extractor proposes from them."""

from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import path

from newsroom.ingest import propose
from timeline.models import Proposal, Source

from .forms import SourceAdminForm
from .history import HistoryAdmin
from .review import review_event_search, review_source
from .review_forms import ISO_DATE_OVERRIDES
from .safe import SafeInputAdmin


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    form = SourceAdminForm
    list_display = ["display_title", "outlet", "published_on", "pending_count"]
    list_filter = ["outlet", "published_on"]
    search_fields = ["title", "outlet", "author", "text"]
    date_hierarchy = "published_on"
    formfield_overrides = {models.DateField: ISO_DATE_OVERRIDES}
    view_on_site = True

    @admin.display(description="Pending proposals")
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            # Same transaction as the source: no source without its proposals.
            propose(obj)

    def response_add(self, request, obj, post_url_continue=None):
        count = obj.proposals.count()
        self.message_user(request, f"Saved the article; {count} dated event(s) proposed for review.")
        return redirect("admin:timeline_source_review", obj.pk)


@admin.register(Proposal)
class ProposalAdmin(SafeInputAdmin, admin.ModelAdmin):
    list_display = ["date_text", "date_label", "precision", "status", "source"]
    list_filter = ["status", "precision"]
    search_fields = ["quote", "date_text"]
    readonly_fields = [f.name for f in Proposal._meta.fields] + ["suggested_actors"]

    def has_add_permission(self, request):
        return False
