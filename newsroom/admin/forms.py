"""The admin's forms: an event (with its version), a source (pasted or uploaded), a proposal's review."""

from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from simple_history.models import to_historic

from newsroom.ingest import MAX_TEXT_BYTES, IngestError, check_text, decode_text, proposals_for
from newsroom.jobs import LONG_ARTICLE_CHARS
from newsroom.matching import find_duplicate_source
from timeline.history import M2M_MODELS
from timeline.models import Event, Source

from .history import stale_message
from .review_forms import duplicate_source_message


class EventAdminForm(forms.ModelForm):
    # Named apart from the model field, which is not editable.
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = [
            "title",
            "short_title",
            "slug",
            "summary",
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
        if self.instance.pk:
            read = cleaned.get("seen_version")
            current = Event.objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if current is not None and read != current:
                raise ValidationError(stale_message(self.instance, read))
        return cleaned


def read_upload(upload) -> str:
    """An uploaded article as text; refused by its size before a byte of it is read into memory."""
    if upload.size > MAX_TEXT_BYTES:
        raise IngestError(
            f"The uploaded file is {upload.size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_TEXT_BYTES // 1024 // 1024} MB of plain text."
        )
    return decode_text(upload.read(), name="The uploaded file")


class SourceAdminForm(forms.ModelForm):
    upload = forms.FileField(
        required=False,
        help_text="Or upload the article as a UTF-8 .txt file (at most 2 MB) instead of pasting it.",
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
            self.fields["text"].help_text = "Paste the article text, or upload it below."

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        text = cleaned.get("text") or ""
        try:
            if upload:
                if text.strip():
                    raise IngestError("Paste the text or upload a file, not both.")
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
        published = cleaned.get("published_on")
        # A long article's dates are read by a worker after the save (newsroom.jobs).
        if (
            not self.instance.pk
            and published
            and not self.has_error("published_on")
            and len(text) <= LONG_ARTICLE_CHARS
        ):
            probe = Source(text=text, published_on=published)
            if not proposals_for(probe):
                self.add_error("text", "No dates were found in this text, so there is nothing to propose.")
        return cleaned
