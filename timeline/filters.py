"""
The filter form shared by the timeline page, the embed and the API, so the
three never disagree about what `actor`, `topic`, `q`, `from`, `to` mean.
"""

import datetime
import re
from typing import TYPE_CHECKING

import dateparser
from dateutil.relativedelta import relativedelta
from django import forms
from django.core import signing
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .chart import style as chart_style
from .models import EARLIEST_SUPPORTED, LATEST_SUPPORTED, Actor, Event, StoryArc, Topic, current_language

if TYPE_CHECKING:  # the stubs' helper types are for type checks only, not installed to serve
    from django_stubs_ext import StrOrPromise

# Dates outside the range events may have are typos or probes, not history we cover.
MIN_DATE = EARLIEST_SUPPORTED
MAX_DATE = LATEST_SUPPORTED
MAX_QUERY_LENGTH = 200
# The chart's lanes unless the reader picks others: story arcs draw each event once,
# in the story it belongs to, so the seed reads in four lanes (see the README).
DEFAULT_LANES = "arc"
LANE_CHOICES = [
    ("arc", _("One lane per story")),
    ("actor", _("One lane per actor")),
    ("topic", _("One lane per topic")),
    ("none", _("One lane for all")),
]

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_WINDOW = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


def parse_loose_date(value: str, end: bool) -> datetime.date:
    """
    Read an ISO date or what dateparser understands ('Nov 2025', '5 Jan 2026').

    A date given to the month or year stands for its whole period: as `from`
    it means the first day, as `to` the last, so `to=Nov 2025` includes 30 Nov.
    """
    value = value.strip()
    if _YEAR.match(value):
        year = int(value)
        day = datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    elif match := _YEAR_MONTH.match(value):
        try:
            first = datetime.date(int(match[1]), int(match[2]), 1)
        except ValueError:
            raise forms.ValidationError(_("“%(value)s” is not a real month."), params={"value": value}) from None
        day = first + relativedelta(months=1, days=-1) if end else first
    elif _ISO_DAY.match(value):
        try:
            day = datetime.date.fromisoformat("-".join(part.zfill(2) for part in value.split("-")))
        except ValueError:
            raise forms.ValidationError(_("“%(value)s” is not a real date."), params={"value": value}) from None
    else:
        # English always (the placeholders' "Nov 2025"), and the reader's language too (2025年11月).
        data = dateparser.DateDataParser(
            languages=list(dict.fromkeys(["en", current_language()])),
            settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
        ).get_date_data(value)
        if data.date_obj is None:
            raise forms.ValidationError(
                _("“%(value)s” is not a date summit understands; use YYYY-MM-DD or e.g. “Nov 2025”."),
                params={"value": value[:40]},
            )
        day = data.date_obj.date()
        if data.period == "year":
            day = datetime.date(day.year, 12, 31) if end else datetime.date(day.year, 1, 1)
        elif data.period == "month":
            first = day.replace(day=1)
            day = first + relativedelta(months=1, days=-1) if end else first
    if not MIN_DATE <= day <= MAX_DATE:
        raise forms.ValidationError(
            _("Dates must lie between %(min)s and %(max)s."),
            params={"min": MIN_DATE.year, "max": MAX_DATE.year},
        )
    return day


class LooseDateField(forms.CharField):
    def __init__(self, *, end: bool, **kwargs):
        self.end = end
        super().__init__(required=False, max_length=40, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return parse_loose_date(value, end=self.end) if value else None


class WindowField(forms.CharField):
    """
    The chart's zoom, `YYYY-MM-DD..YYYY-MM-DD` (first and last day shown), as
    the page puts it in the URL: it sets the first view's x range, so a shared
    link shows what its sender saw. It does not filter the events.
    """

    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=30, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        match = _WINDOW.match(value.strip())
        message = _("The chart window must read YYYY-MM-DD..YYYY-MM-DD, e.g. 2026-01-13..2026-01-15.")
        if not match:
            raise forms.ValidationError(message)
        try:
            first, last = (datetime.date.fromisoformat(part) for part in match.groups())
        except ValueError:
            raise forms.ValidationError(message) from None
        if not (MIN_DATE <= first <= last <= MAX_DATE):
            raise forms.ValidationError(
                _("The chart window must run forwards, between %(min)s and %(max)s."),
                params={"min": MIN_DATE.year, "max": MAX_DATE.year},
            )
        return first, last


class SlugChoiceField(forms.MultipleChoiceField):
    """Several slugs may be given (`actor=japan&actor=china`): events of any of them."""

    default_error_messages = {"invalid_choice": _("Unknown %(noun)s “%(value)s”.")}

    def __init__(self, noun: "StrOrPromise", **kwargs):
        self.noun = noun
        super().__init__(required=False, **kwargs)

    def validate(self, value):
        for slug in value:
            if not self.valid_value(slug):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"noun": self.noun, "value": slug[:60]},
                )


class EventFilterForm(forms.Form):
    # Parameters that make sense once; a second copy is a broken link.
    SINGLE_VALUED: tuple[str, ...] = ("q", "from", "to", "lanes", "arc", "links", "page", "window", "width")

    actor = SlugChoiceField(_("actor"), label=_("Actor"))
    topic = SlugChoiceField(_("topic"), label=_("Topic"))
    arc = forms.ChoiceField(required=False, label=_("Story"))
    q = forms.CharField(
        required=False,
        label=_("Search"),
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Search text is too long (at most %(limit_value)d characters).")},
    )
    lanes = forms.ChoiceField(
        required=False,
        label=_("Lanes"),
        choices=LANE_CHOICES,
        error_messages={"invalid_choice": _("Lanes must be “arc”, “actor”, “topic” or “none”.")},
    )
    window = WindowField(label=_("Chart window"))
    # The chart's plot width in CSS pixels, sent by the page so the layout fits its screen.
    width = forms.IntegerField(
        required=False,
        min_value=chart_style.MIN_PLOT_WIDTH,
        max_value=chart_style.MAX_PLOT_WIDTH,
        error_messages={
            "invalid": _("Width must be a whole number of pixels."),
            "min_value": _("Width must be at least %(limit_value)s pixels."),
            "max_value": _("Width must be at most %(limit_value)s pixels."),
        },
    )

    # Draw connectors between related events on the chart.
    links = forms.BooleanField(required=False, label=_("Show links between events"))
    # The page of the event list; a page past the end shows the last one.
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=1_000_000,
        error_messages={"invalid": _("Page must be a whole number, 1 or more.")},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # `from` is a Python keyword, so these two are added by name.
        self.fields["from"] = LooseDateField(end=False, label=_("From"))
        self.fields["to"] = LooseDateField(end=True, label=_("To"))
        self.order_fields(["q", "actor", "topic", "arc", "from", "to", "lanes"])
        # Names in the reader's language, English where none is given (Localized knows which).
        self.fields["actor"].choices = [(actor.slug, actor.translated("short_name")) for actor in Actor.objects.all()]
        self.fields["topic"].choices = [(topic.slug, topic.translated("name")) for topic in Topic.objects.all()]
        self.fields["arc"].choices = [("", _("All stories"))] + [
            (arc.slug, arc.translated("title")) for arc in StoryArc.objects.all()
        ]

    def clean(self):
        cleaned = super().clean()
        if self.data is not None and hasattr(self.data, "getlist"):
            for name in self.SINGLE_VALUED:
                if len(self.data.getlist(name)) > 1:
                    self.add_error(name, _("Give “%(name)s” only once.") % {"name": name})
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and start > end:
            self.add_error("to", _("“To” is before “From”."))
        cleaned["lanes"] = cleaned.get("lanes") or DEFAULT_LANES
        return cleaned

    def error_list(self) -> list[dict]:
        """Errors as (parameter, message) pairs, for the API and the page alike."""
        return [
            {"parameter": name, "message": str(message)}
            for name, messages in self.errors.items()
            for message in messages
        ]

    def query_string(self, **overrides) -> str:
        """The current filters as a query string, for links and the embed snippet."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name in ("q", "actor", "topic", "arc", "from", "to", "lanes", "links", "window"):
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
            values = [value for value in values if value]
            if values:
                query.setlist(name, values)
        for name, value in overrides.items():
            query[name] = value
        return query.urlencode()


class EmbedForm(EventFilterForm):
    """The embed takes the timeline's filters plus how to present them."""

    SINGLE_VALUED = (*EventFilterForm.SINGLE_VALUED, "theme", "title", "event", "story")

    theme = forms.ChoiceField(
        required=False,
        choices=[("auto", _("Follow the reader's system")), ("light", _("Light")), ("dark", _("Dark"))],
        error_messages={"invalid_choice": _("Theme must be “light”, “dark” or “auto”.")},
    )
    title = forms.CharField(
        required=False,
        max_length=120,
        error_messages={"max_length": _("The title is too long (at most %(limit_value)d characters).")},
    )
    # An event whose detail opens with the embed (oEmbed of an event page).
    event = forms.SlugField(required=False, max_length=100)
    # A guided story: the embed opens at this event in reading mode, its steps going on to the next.
    story = forms.SlugField(required=False, max_length=100)

    def clean_event(self):
        return self.published_slug("event")

    def clean_story(self):
        return self.published_slug("story")

    def published_slug(self, name: str) -> str:
        slug: str = self.cleaned_data.get(name) or ""
        if slug and not Event.objects.published().filter(slug=slug).exists():
            raise forms.ValidationError(_("Unknown event “%(slug)s”."), params={"slug": slug})
        return slug

    def clean(self):
        cleaned = super().clean()
        cleaned["theme"] = cleaned.get("theme") or "auto"
        return cleaned


CURSOR_SALT = "summit.api.cursor"


class EventPageForm(EventFilterForm):
    """The API's filters plus paging: `limit` events after an opaque, signed `cursor`."""

    SINGLE_VALUED = (*EventFilterForm.SINGLE_VALUED, "limit", "cursor")
    MAX_LIMIT = 1000

    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        error_messages=dict.fromkeys(
            ["invalid", "min_value", "max_value"],
            format_lazy(_("Limit must be a whole number from 1 to {limit}."), limit=MAX_LIMIT),
        ),
    )
    cursor = forms.CharField(required=False, max_length=200)

    @staticmethod
    def make_cursor(event) -> str:
        return signing.dumps([event.earliest.isoformat(), event.latest.isoformat(), event.pk], salt=CURSOR_SALT)

    def clean_cursor(self):
        cursor = self.cleaned_data.get("cursor")
        if not cursor:
            return None
        try:
            earliest, latest, pk = signing.loads(cursor, salt=CURSOR_SALT)
            return datetime.date.fromisoformat(earliest), datetime.date.fromisoformat(latest), int(pk)
        except (signing.BadSignature, ValueError, TypeError):
            raise forms.ValidationError(_("This cursor is not one summit gave out; start again without it.")) from None

    def clean(self):
        cleaned = super().clean()
        cleaned["limit"] = cleaned.get("limit") or 100
        return cleaned
