"""The admin's forms: an event (with its version), a source (pasted or uploaded), a proposal's review."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import to_historic

from newsroom.ingest import MAX_TEXT_BYTES, IngestError, check_text, decode_text
from newsroom.matching import find_duplicate_source
from newsroom.passages import AmbiguousPassage, PassageError, find_passage, read_offset
from timeline.history import M2M_MODELS
from timeline.models import UNSOURCED_MESSAGE, Citation, Event, Source

from .history import stale_message
from .review_forms import duplicate_source_message


class EventAdminForm(forms.ModelForm):
    # Named apart from the model field, which is not editable.
    seen_version = forms.IntegerField(label=_("Version read"), widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "title_ja",
            "title_ko",
            "short_title",
            "short_title_ja",
            "short_title_ko",
            "slug",
            "summary",
            "summary_ja",
            "summary_ko",
            "earliest",
            "latest",
            "precision",
            "status",
            "status_as_of",
            "actors",
            "places",
            "topics",
            "arc",
            "importance",
            "is_published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The citations are checked where they are edited: the inline beside
        # this form (CitationFormSet), or the version a revert restores.
        self.instance.citations_checked_on_clean = False
        if self.instance.pk:
            # The row's version, not the instance's: a revert from history
            # starts from an old copy but is made against the current row.
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            self.fields["seen_version"].initial = current if current is not None else self.instance.version
            self.start_from_version(to_historic(self.instance), deleted=current is None)

    def start_from_version(self, record, deleted):
        """A revert or an undelete shows the version's actors, places and topics, and comes back unpublished."""
        if record is None:
            return
        for name in M2M_MODELS:
            if record.linked is not None and name in self.fields:
                self.initial[name] = record.linked[name]
        if deleted:
            self.initial["is_published"] = False

    def clean(self):
        cleaned = super().clean()
        record = to_historic(self.instance)
        if record is not None and cleaned.get("is_published") and not version_has_citations(record):
            self.add_error("is_published", UNSOURCED_MESSAGE)
        if self.instance.pk:
            read = cleaned.get("seen_version")
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and read != current:
                raise ValidationError(stale_message(self.instance, read))
        return cleaned


class PassageWidget(forms.Textarea):
    """
    A citation's passage, typed (a few words of it are searched for) or
    selected in the source's article, shown in a fold below it as on the
    review desk (admin_review/event-cite.js and cite.js); the selection's
    offset goes in a hidden box beside it so the occurrence selected is the
    one cited.
    """

    class Media:
        js = ["admin_review/event-cite.js"]

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        context = {
            "box": super().render(name, value, attrs, renderer),
            "near_name": name.removesuffix("quote") + "near",
            "text_url": reverse("admin:timeline_event_source_text"),
        }
        return mark_safe(render_to_string("admin/timeline/event/passage_widget.html", context))  # noqa: S308


class CitationInlineForm(forms.ModelForm):
    """
    A citation on the event's page: its source and the passage, selected in
    the article or typed; where the passage is in the article is worked out
    here, never typed (a passage found several times is the occurrence
    selected, else asks for a few more words).
    """

    class Meta:
        model = Citation
        fields = ["source", "quote"]
        widgets = {"quote": PassageWidget(attrs={"rows": 3, "cols": 80})}

    def clean(self):
        cleaned = super().clean()
        source, quote = cleaned.get("source"), cleaned.get("quote")
        if not source or not quote:
            return cleaned
        citation = self.instance
        if citation.start is not None and source.text[citation.start : citation.end or 0] == quote:
            return cleaned
        try:
            start, end = find_passage(source.text, quote, read_offset(self.data.get(self.add_prefix("near"))))
        except AmbiguousPassage as error:
            self.add_error("quote", f"{error} " + gettext("Quote a few more words so that it is found once."))
            return cleaned
        except PassageError as error:
            self.add_error("quote", str(error))
            return cleaned
        citation.start, citation.end = start, end
        cleaned["quote"] = source.text[start:end]
        return cleaned


def version_has_citations(record) -> bool:
    """Whether the event will rest on a citation once reverted to `record`."""
    if record.linked is not None:
        return bool(record.linked.get("citations"))
    return Citation.objects.filter(event_id=record.id).exists()


class CitationFormSet(BaseInlineFormSet):
    """The event form's citations: a published event keeps at least one."""

    def clean(self):
        super().clean()
        if not self.instance.is_published:
            return
        kept = [
            form for form in self.forms if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise ValidationError(UNSOURCED_MESSAGE)


def read_upload(upload) -> str:
    """An uploaded article as text; refused by its size before a byte of it is read into memory."""
    if upload.size > MAX_TEXT_BYTES:
        raise IngestError(
            gettext("The uploaded file is %(size).1f MB; the limit is %(limit)d MB of plain text.")
            % {"size": upload.size / 1024 / 1024, "limit": MAX_TEXT_BYTES // 1024 // 1024}
        )
    return decode_text(upload.read(), name=gettext("The uploaded file"))


class SourceAdminForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("Upload"),
        required=False,
        help_text=_("Or upload the article as a UTF-8 .txt file (at most 2 MB) instead of pasting it."),
    )

    class Meta:
        model = Source
        fields = ["outlet", "outlet_country", "title", "author", "url", "published_on", "language", "text", "upload"]
        # A URL typed without a scheme is a web address: https, as Django 6 will assume.
        field_classes = {"url": partial(forms.URLField, assume_scheme="https")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A user who may only view the source gets a form without its fields.
        if "text" in self.fields:
            self.fields["text"].required = False
            self.fields["text"].help_text = gettext("Paste the article text, or upload it below.")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        text = cleaned.get("text") or ""
        try:
            if upload:
                if text.strip():
                    raise IngestError(gettext("Paste the text or upload a file, not both."))
                text = read_upload(upload)
            text = check_text(text)
        except IngestError as error:
            self.add_error("upload" if upload else "text", str(error))
            return cleaned
        # Source.clean() (run after this, on the instance) turns control
        # characters into spaces and line breaks, uploaded text included.
        cleaned["text"] = text
        self.instance.text = text
        duplicate = None if self.instance.pk else find_duplicate_source(text, cleaned.get("url"))
        if duplicate:
            # Link to the source it repeats rather than make a second copy.
            self.add_error(None, duplicate_source_message(duplicate))
            return cleaned
        # Stored whether or not dates are found: an undated article can still
        # be cited by hand. Its dates are read once, after the save
        # (SourceAdmin.save_model, or a worker for a long one).
        return cleaned
