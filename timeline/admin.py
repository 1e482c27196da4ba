"""
The newsroom side of summit: editors add articles, review the dated events
read out of them, and publish. Every change is kept (simple-history) and no
save overwrites someone else's (Event.version).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

from timeline.ingest import (
    IngestError,
    accept_proposal,
    check_text,
    decode_text,
    proposals_for,
    propose,
    reject_proposal,
)
from timeline.models import (
    date_errors,
    Actor,
    Citation,
    Event,
    EventRelation,
    Place,
    Proposal,
    Source,
    StoryArc,
    Topic,
)


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "colour"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StoryArc)
class StoryArcAdmin(SimpleHistoryAdmin):
    list_display = ["title"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "quote", "start", "end"]


def changed_fields(event: Event, read_version: int) -> tuple[str, list[str]]:
    """Who saved the event since `read_version`, and which fields they changed."""
    latest = event.history.order_by("-history_date", "-history_id").first()
    older = event.history.filter(version=read_version).order_by("-history_date").first()
    who = getattr(latest, "history_user", None) if latest else None
    fields = []
    if latest and older and latest.pk != older.pk:
        delta = latest.diff_against(older)
        fields = [
            str(Event._meta.get_field(name).verbose_name)
            for name in delta.changed_fields
            if name != "version"
        ]
    return (who.get_username() if who else "another editor"), fields


def stale_message(event: Event, read_version: int) -> str:
    who, fields = changed_fields(event, read_version)
    what = f" They changed: {', '.join(fields)}." if fields else ""
    return (
        f"{who} changed this event after you opened it, so your changes were not saved.{what} "
        "Reload the page to see their version, then make your changes again."
    )


class EventAdminForm(forms.ModelForm):
    # Named apart from the model field, which is not editable.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The row's version, not the instance's: a revert from history
            # starts from an old copy but is made against the current row.
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            self.fields["seen_version"].initial = current if current is not None else self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            read = cleaned.get("seen_version")
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and read != current:
                raise ValidationError(stale_message(self.instance, read))
        return cleaned


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventAdminForm
    inlines = [CitationInline]
    list_display = ["title", "date_label", "precision", "status", "is_published", "importance"]
    list_filter = ["is_published", "status", "precision", "actors", "topics", "arc"]
    search_fields = ["title", "summary", "citations__quote", "actors__name", "actors__aliases"]
    date_hierarchy = "earliest"
    autocomplete_fields = ["actors", "places", "topics", "arc"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["published_at"]
    actions = ["publish", "unpublish"]
    view_on_site = True

    def get_urls(self):
        urls = [
            path("deleted/", self.admin_site.admin_view(self.deleted_view), name="timeline_event_deleted"),
        ]
        return urls + super().get_urls()

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        if change and Event.objects.filter(pk=obj.pk).exists():
            # The form checked the version; this guarded save closes the
            # window between that check and the write.
            obj.save_if_version(form.cleaned_data["seen_version"])
        else:
            obj.save()

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except Event.StaleEdit:
            # Raised inside the admin's transaction, so nothing was written.
            event = Event.objects.get(pk=object_id)
            self.message_user(request, stale_message(event, int(request.POST.get("seen_version") or 0)), messages.ERROR)
            return redirect(request.path)

    @admin.action(description="Publish selected events", permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description="Unpublish selected events", permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value):
        # One save per event, so each change is in its history with its editor.
        count = 0
        with transaction.atomic():
            for event in queryset.select_for_update().exclude(is_published=value):
                event.is_published = value
                event._history_user = request.user
                event.save()
                count += 1
        verb = "Published" if value else "Unpublished"
        self.message_user(request, f"{verb} {count} event(s).", messages.SUCCESS)

    def deleted_view(self, request):
        """Deleted events, each with a link to restore it from its last version."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        live = Event.objects.values("pk")
        records = (
            Event.history.filter(history_type="-")
            .exclude(id__in=live)
            .order_by("-history_date")
        )
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
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Deleted events",
            "rows": rows,
        }
        return TemplateResponse(request, "admin/timeline/event/deleted.html", context)


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "event", "source"]
    list_filter = ["source__outlet"]
    search_fields = ["quote", "event__title", "source__title"]
    autocomplete_fields = ["event", "source"]

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)


class SourceAdminForm(forms.ModelForm):
    upload = forms.FileField(
        required=False,
        help_text="Or upload the article as a UTF-8 .txt file (at most 2 MB) instead of pasting it.",
    )

    class Meta:
        model = Source
        fields = [
            "outlet", "outlet_country", "title", "author", "url",
            "published_on", "language", "text", "upload",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].required = False
        self.fields["text"].help_text = "Paste the article text, or upload it below."

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        text = cleaned.get("text") or ""
        try:
            if upload:
                if text.strip():
                    raise IngestError("Paste the text or upload a file, not both.")
                text = decode_text(upload.read(), name="The uploaded file")
            text = check_text(text)
        except IngestError as error:
            self.add_error("upload" if upload else "text", str(error))
            return cleaned
        cleaned["text"] = text
        self.instance.text = text
        published = cleaned.get("published_on")
        if not self.instance.pk and published and not self.has_error("published_on"):
            probe = Source(text=text, published_on=published)
            if not proposals_for(probe):
                self.add_error("text", "No dates were found in this text, so there is nothing to propose.")
        return cleaned


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    form = SourceAdminForm
    list_display = ["display_title", "outlet", "published_on", "pending_count"]
    list_filter = ["outlet", "published_on"]
    search_fields = ["title", "outlet", "author", "text"]
    date_hierarchy = "published_on"
    view_on_site = True

    @admin.display(description="Pending proposals")
    def pending_count(self, source):
        return source.proposals.pending().count()

    def get_urls(self):
        urls = [
            path(
                "<int:source_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="timeline_source_review",
            ),
        ]
        return urls + super().get_urls()

    def save_model(self, request, obj, form, change):
        obj._history_user = request.user
        super().save_model(request, obj, form, change)
        if not change:
            # Same transaction as the source: no source without its proposals.
            propose(obj)

    def response_add(self, request, obj, post_url_continue=None):
        count = obj.proposals.count()
        self.message_user(request, f"Saved the article; {count} dated event(s) proposed for review.")
        return redirect("admin:timeline_source_review", obj.pk)

    def review_view(self, request, source_id):
        if not (self.has_change_permission(request) and request.user.has_perm("timeline.add_event")):
            raise PermissionDenied
        source = get_object_or_404(Source, pk=source_id)
        bound = None
        if request.method == "POST":
            proposal = get_object_or_404(Proposal, pk=request.POST.get("proposal"), source=source)
            bound, response = self.review_action(request, proposal)
            if response:
                return response
        rows = []
        for proposal in source.proposals.prefetch_related("suggested_actors").select_related("event"):
            accept = ProposalAcceptForm(proposal=proposal)
            into = IntoEventForm(proposal=proposal)
            if bound and bound[0] == proposal.pk:
                if bound[1] == "accept":
                    accept = bound[2]
                else:
                    into = bound[2]
            position = proposal.quote.find(proposal.date_text)
            before, after = (
                (proposal.quote[:position], proposal.quote[position + len(proposal.date_text):])
                if position >= 0
                else (proposal.quote, "")
            )
            rows.append({
                "proposal": proposal,
                "before": before,
                "date_text": proposal.date_text if position >= 0 else "",
                "after": after,
                "accept_form": accept,
                "into_form": into,
            })
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Review proposed events: {source}",
            "source": source,
            "rows": rows,
            "pending": source.proposals.pending().count(),
        }
        return TemplateResponse(
            request, "admin/timeline/source/review.html", context, status=400 if bound else 200
        )

    def review_action(self, request, proposal):
        """Apply one accept/into/reject; return (bound form with errors, None) or (None, redirect)."""
        action = request.POST.get("action")
        try:
            if action == "reject":
                reject_proposal(proposal, user=request.user)
                self.message_user(request, f"Rejected “{proposal.date_text}”.")
            elif action == "accept":
                form = ProposalAcceptForm(request.POST, proposal=proposal)
                if not form.is_valid():
                    return (proposal.pk, "accept", form), None
                event = accept_proposal(proposal, user=request.user, edits=form.cleaned_data)
                self.message_user(
                    request, f"Created unpublished event “{event.title}”. Publish it when it is ready."
                )
            elif action == "into":
                form = IntoEventForm(request.POST, proposal=proposal)
                if not form.is_valid():
                    return (proposal.pk, "into", form), None
                event = accept_proposal(
                    proposal, user=request.user, edits={"quote": form.cleaned_data["quote"]},
                    into_event=form.cleaned_data["event"],
                )
                self.message_user(request, f"Added the quote to “{event.title}”.")
            else:
                self.message_user(request, "Unknown review action.", messages.ERROR)
        except IngestError as error:
            self.message_user(request, str(error), messages.ERROR)
        return None, redirect("admin:timeline_source_review", proposal.source_id)


class QuoteMixin:
    def clean_quote(self):
        quote = self.cleaned_data["quote"].strip()
        if quote not in self.proposal.source.text:
            raise ValidationError(
                "This quote does not appear verbatim in the article; quotes must be copied exactly."
            )
        return quote


class ProposalAcceptForm(QuoteMixin, forms.Form):
    title = forms.CharField(max_length=200)
    earliest = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    latest = forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))
    precision = forms.ChoiceField(choices=Event.Precision.choices)
    status = forms.ChoiceField(choices=Event.Status.choices)
    actors = forms.ModelMultipleChoiceField(queryset=Actor.objects.all(), required=False)
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        kwargs.setdefault("prefix", f"p{proposal.pk}")
        kwargs.setdefault("initial", {
            "title": proposal.quote[:200],
            "earliest": proposal.earliest,
            "latest": proposal.latest,
            "precision": proposal.precision,
            "status": Event.status_for(proposal.earliest, proposal.source.published_on),
            "actors": list(proposal.suggested_actors.all()) if proposal.pk else [],
            "quote": proposal.quote,
        })
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for field, message in date_errors(cleaned.get("earliest"), cleaned.get("latest")).items():
            self.add_error(field, message)
        return cleaned


class IntoEventForm(QuoteMixin, forms.Form):
    event = forms.ModelChoiceField(queryset=Event.objects.order_by("earliest", "title"))
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 2, "cols": 80}))

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        kwargs.setdefault("prefix", f"i{proposal.pk}")
        kwargs.setdefault("initial", {"quote": proposal.quote})
        super().__init__(*args, **kwargs)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["date_text", "date_label", "precision", "status", "source"]
    list_filter = ["status", "precision"]
    search_fields = ["quote", "date_text"]
    readonly_fields = [f.name for f in Proposal._meta.fields] + ["suggested_actors"]

    def has_add_permission(self, request):
        return False


@admin.register(EventRelation)
class EventRelationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind"]
    list_filter = ["kind"]
    autocomplete_fields = ["from_event", "to_event", "citation"]
