"""Feeds followed for a story, with how each is doing: last poll, last error, next poll."""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from newsroom import jobs
from newsroom.models import Feed, FeedItem, Job


class KeywordsField(forms.CharField):
    """Keywords typed as a comma-separated line, kept as a list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return sorted({word.strip() for word in (value or "").split(",") if word.strip()}, key=str.casefold)


class FeedForm(forms.ModelForm):
    keywords = KeywordsField(
        label=_("Keywords"),
        required=False,
        help_text=_(
            "Comma-separated; an item is taken when its title or summary contains any (any case). Empty: every item."
        ),
    )

    class Meta:
        model = Feed
        fields = ["url", "story", "keywords", "interval_minutes", "active"]
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}


class FeedItemInline(admin.TabularInline):
    model = FeedItem
    extra = 0
    fields = ["seen_at", "title", "url", "matched", "source", "error"]
    readonly_fields = ["seen_at", "title", "url", "matched", "source", "error"]
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    form = FeedForm
    list_display = ["__str__", "story", "keyword_list", "health", "last_polled_at", "next_poll_at"]
    list_filter = ["story", "active"]
    search_fields = ["url", "title"]
    readonly_fields = ["title", "last_polled_at", "next_poll_at", "failures", "last_error", "etag", "last_modified"]
    autocomplete_fields = ["story"]
    inlines = [FeedItemInline]
    actions = ["poll_now"]

    @admin.display(description=_("keywords"))
    def keyword_list(self, feed):
        return pgettext("list separator", ", ").join(feed.keywords) or gettext("(every item)")

    @admin.display(description=_("status"))
    def health(self, feed):
        if feed.last_error:
            failing = gettext("Failing (%(count)d in a row):") % {"count": feed.failures}
            return format_html(
                '<span class="feed-failing" style="color:var(--error-fg)">{} {}</span>', failing, feed.last_error
            )
        return gettext("OK") if feed.last_polled_at else gettext("Not polled yet")

    @admin.action(description=_("Poll the selected feeds now"), permissions=["change"])
    def poll_now(self, request, queryset):
        for feed in queryset:
            jobs.submit(
                Job.Kind.POLL_FEED, f"poll:{feed.pk}", {"feed": feed.pk}, user=request.user, feed=feed, max_attempts=1
            )
        count = queryset.count()
        queued = ngettext("Queued %(count)d poll; see Jobs.", "Queued %(count)d polls; see Jobs.", count)
        self.message_user(request, queued % {"count": count}, messages.SUCCESS)
