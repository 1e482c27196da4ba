"""
The review desk's forms: dates typed as YYYY-MM-DD (never the browser's
locale picker, which reads 01/02/2026 as either January or February), the
fuller accept form, and the attach-to-an-event form whose event is picked by
search, never from a list of every event.
"""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.titles import propose_title
from timeline.models import SHORT_TITLE_LENGTH, Actor, Event, Place, StoryArc, Topic, date_errors

from .date_labels import ISO_DATE_MESSAGE, typed_date_labels
from .safe import ReadableIdsChoiceField, SafeAutocompleteSelect, SafeAutocompleteSelectMultiple

ISO_DATE_FORMAT = "%Y-%m-%d"


class IsoDateInput(forms.DateInput):
    """
    A plain text box showing and expecting YYYY-MM-DD, with the day it reads
    as beside it ("Wed 14 Jan 2026"; beside a range's latest date, also what
    readers will see: "late Oct 2025"; or what is wrong with what was typed),
    kept up to date as the editor types by admin_review/date-labels.js.
    """

    input_type = "text"

    class Media:
        css = {"all": ["admin_review/date-labels.css"]}
        js = ["admin_review/date-labels.js"]

    def __init__(self, attrs=None):
        attrs = {"placeholder": "YYYY-MM-DD", "size": 10, "autocomplete": "off", **(attrs or {})}
        super().__init__(attrs=attrs, format=ISO_DATE_FORMAT)

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attrs = {**(attrs or {}), "data-date-label-url": reverse("admin:timeline_event_date_label")}
        label = attrs.pop("date_label", None) or {"text": "", "error": False}
        box = super().render(name, value, attrs, renderer)
        return format_html(
            '{} <output class="date-label{}" for="{}" aria-live="polite">{}</output>',
            box,
            " invalid" if label["error"] else "",
            attrs.get("id") or name,
            label["text"],
        )


class IsoDateBoundField(forms.BoundField):
    """Draws the date's label beside it, as date-labels.js will redraw it: the same words with or without JavaScript."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        return super().as_widget(widget, {**(attrs or {}), "date_label": self.date_label()}, only_initial)

    def date_label(self) -> dict:
        fields = self.form.fields
        prefix = self.name.removesuffix("latest").removesuffix("earliest")
        in_range = self.name.endswith(("earliest", "latest")) and {f"{prefix}earliest", f"{prefix}latest"} <= set(
            fields
        )
        if not in_range:
            return typed_date_labels(typed(self.value()))["earliest"]
        precision = self.form[f"{prefix}precision"].value() if f"{prefix}precision" in fields else ""
        labels = typed_date_labels(
            typed(self.form[f"{prefix}earliest"].value()),
            typed(self.form[f"{prefix}latest"].value()),
            str(precision or ""),
        )
        return labels["latest" if self.name.endswith("latest") else "earliest"]


def typed(value) -> str:
    """A date field's value as the text in its box."""
    if isinstance(value, datetime.date):
        return value.strftime(ISO_DATE_FORMAT)
    return str(value or "")


class IsoDateField(forms.DateField):
    widget = IsoDateInput
    # Only ISO: Django's defaults also take 01/02/2026, which editors in
    # different countries read as different days.
    input_formats = [ISO_DATE_FORMAT]
    default_error_messages = {"invalid": ISO_DATE_MESSAGE}

    def get_bound_field(self, form, field_name):
        return IsoDateBoundField(form, self, field_name)


# For a ModelAdmin's formfield_overrides: every model DateField as ISO text.
ISO_DATE_OVERRIDES = {"form_class": IsoDateField, "widget": IsoDateInput}


def default_title(proposal) -> str:
    """The short title proposed from the proposal's clause (newsroom/titles.py): a start for the editor's own."""
    suggested = proposal.suggested_actors.all() if proposal.pk else []
    actors = [(actor.short_name, actor.all_names) for actor in suggested]
    return propose_title(proposal.quote, proposal.date_text, actors, date_at=proposal.date_in_quote())


def duplicate_source_message(duplicate) -> str:
    """The upload form's refusal of an article already stored, linking to the copy to review instead."""
    source = duplicate.source
    link = format_html(
        '<a href="{}">{}</a>',
        reverse("admin:timeline_source_review", args=[source.pk]),
        gettext("Review source #%(id)s") % {"id": source.pk},
    )
    return format_html("{} {}", str(duplicate), format_html(gettext("{link} instead."), link=link))


def autocomplete(field_name: str, multiple: bool):
    """The admin's own select2 widget over Event's field: renders only what is chosen, searches the rest."""
    widget = SafeAutocompleteSelectMultiple if multiple else SafeAutocompleteSelect
    return widget(Event._meta.get_field(field_name), admin.site)


class QuoteMixin:
    def clean_quote(self):
        quote = self.cleaned_data["quote"].strip()
        if quote not in self.proposal.source.text:
            raise ValidationError(
                gettext("This quote does not appear verbatim in the article; quotes must be copied exactly.")
            )
        return quote


class ProposalAcceptForm(QuoteMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("A headline of your own, not the sentence. The event's address (slug) follows it."),
    )
    short_title = forms.CharField(
        label=_("Short title"),
        max_length=SHORT_TITLE_LENGTH,
        required=False,
        help_text=_("The chart's label; blank: cut from the title."),
    )
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 2, "cols": 80}), required=False)
    earliest = IsoDateField(label=_("Earliest"))
    latest = IsoDateField(label=_("Latest"))
    precision = forms.ChoiceField(label=_("Precision"), choices=Event.Precision.choices)
    status = forms.ChoiceField(label=_("Status"), choices=Event.Status.choices)
    actors = ReadableIdsChoiceField(
        Actor.objects.all(), label=_("Actors"), required=False, widget=autocomplete("actors", multiple=True)
    )
    topics = ReadableIdsChoiceField(
        Topic.objects.all(), label=_("Topics"), required=False, widget=autocomplete("topics", multiple=True)
    )
    places = ReadableIdsChoiceField(
        Place.objects.all(), label=_("Places"), required=False, widget=autocomplete("places", multiple=True)
    )
    arc = forms.ModelChoiceField(
        StoryArc.objects.all(), required=False, label=_("Story arc"), widget=autocomplete("arc", multiple=False)
    )
    importance = forms.TypedChoiceField(
        label=_("Importance"),
        choices=[(n, n) for n in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("1 (minor) to 5 (major)."),
    )
    quote = forms.CharField(label=_("Quote"), widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        kwargs.setdefault("prefix", f"p{proposal.pk}")
        kwargs.setdefault(
            "initial",
            {
                "title": default_title(proposal),
                "earliest": proposal.earliest,
                "latest": proposal.latest,
                "precision": proposal.precision,
                "status": proposal.event_status or Event.status_for(proposal.earliest, proposal.source.published_on),
                "actors": list(proposal.suggested_actors.all()) if proposal.pk else [],
                "importance": 3,
                "quote": proposal.quote,
                "arc": followed_story(proposal.source),
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for field, message in date_errors(cleaned.get("earliest"), cleaned.get("latest")).items():
            self.add_error(field, message)
        return cleaned


class IntoEventForm(QuoteMixin, forms.Form):
    # Chosen by the search's result buttons (name = this field), so the page
    # never lists every event.
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(),
        label=_("Event"),
        widget=forms.HiddenInput,
        error_messages={"required": _("Search for the event and pick it from the results.")},
    )
    quote = forms.CharField(label=_("Quote"), widget=forms.Textarea(attrs={"rows": 2, "cols": 80}))

    def __init__(self, *args, proposal, **kwargs):
        self.proposal = proposal
        kwargs.setdefault("prefix", f"i{proposal.pk}")
        kwargs.setdefault("initial", {"quote": proposal.quote})
        super().__init__(*args, **kwargs)


def followed_story(source):
    """The story whose feed brought the source in: where its events most likely belong."""
    if source is None or not source.pk:
        return None
    item = source.feed_items.select_related("feed__story").first()
    return item.feed.story if item else None
