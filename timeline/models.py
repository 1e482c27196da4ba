"""
What summit knows: news articles (Source), the events they report (Event),
the exact passages each event rests on (Citation), and who and what the
events are about (Actor, Place, Topic), how events connect (EventRelation,
StoryArc). Nothing here knows about HTTP or Plotly.
"""

import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .labels import date_label
from .text import refuse_control_characters, strip_control_characters, web_url_validator

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb."))

# The dates summit can store, draw, pad and export. Wide enough for history
# (Nara's temples are 8th-century), and far enough from Python's year 1 and
# 9999 that padding a view or ending an iCalendar event cannot overflow.
EARLIEST_SUPPORTED = datetime.date(500, 1, 1)
LATEST_SUPPORTED = datetime.date(2999, 12, 31)


def date_errors(earliest: datetime.date | None, latest: datetime.date | None) -> dict[str, str]:
    """
    What is wrong with a date range, by field: the one check that models,
    forms, ingest and imports share. Empty when the range is fine.
    """
    errors = {}
    for name, value in (("earliest", earliest), ("latest", latest)):
        if value and not EARLIEST_SUPPORTED <= value <= LATEST_SUPPORTED:
            errors[name] = gettext("summit supports dates from the year %(first)s to %(last)s.") % {
                "first": EARLIEST_SUPPORTED.year,
                "last": LATEST_SUPPORTED.year,
            }
    if earliest and latest and earliest > latest and "latest" not in errors:
        errors["latest"] = gettext("The latest date cannot be before the earliest date.")
    return errors


# The languages content is written in besides English (issue 22). English is
# the field itself (`title`); each other language has its own column beside
# it (`title_ja`, `title_ko`), empty until someone translates it.
TRANSLATION_LANGUAGES = (("ja", _("Japanese")), ("ko", _("Korean")))


def translated_copies(field: models.Field, label) -> list[models.Field]:
    """
    A field's Japanese and Korean columns: the same kind, length and checks,
    optional and never unique. Plain columns on the same row, so history,
    fixtures, exports and querysets see them as any other field.
    """
    _name, _path, args, kwargs = field.deconstruct()
    copies = []
    for _code, language in TRANSLATION_LANGUAGES:
        options = {**kwargs, "blank": True, "unique": False, "help_text": ""}
        # "title (Japanese)", in the editor's language: the label is lazy, so is this.
        options["verbose_name"] = format_lazy(_("{label} ({language})"), label=label, language=language)
        copies.append(type(field)(*args, **options))
    return copies


class Localized(str):
    """
    Text as shown in a language: `lang` is the language it is written in,
    `fallback` says it stands in (in English) for a translation not made yet.
    """

    lang: str
    fallback: bool

    def __new__(cls, text: str, lang: str = "en", fallback: bool = False):
        localized = super().__new__(cls, text)
        localized.lang, localized.fallback = lang, fallback
        return localized

    def __reduce__(self):
        # Cached figures are pickled: keep the language and the mark.
        return (Localized, (str(self), self.lang, self.fallback))


def current_language() -> str:
    """The active language's base code: "en", "ja" or "ko"."""
    return (translation.get_language() or "en").split("-")[0]


class Translatable:
    """Models whose `translated_fields` have `_ja` and `_ko` columns beside the English field."""

    translated_fields: tuple[str, ...] = ()

    def translated(self, field: str, language: str | None = None) -> Localized:
        """The field in `language` (the active one by default), else in English, marked as a fallback."""
        language = language or current_language()
        if language != "en":
            text = getattr(self, f"{field}_{language}", "")
            if text:
                return Localized(text, language)
        english = getattr(self, field) or ""
        return Localized(english, "en", fallback=language != "en" and bool(english))


def split_aliases(aliases: str) -> list[str]:
    return [line.strip() for line in aliases.splitlines() if line.strip()]


class NamedWithAliases(models.Model):
    """Something readers know by several names: one canonical name, the others as aliases."""

    aliases = models.TextField(
        _("aliases"),
        validators=[refuse_control_characters],
        blank=True,
        help_text=_("Other names and spellings, one per line."),
    )
    name_note = models.TextField(
        _("note on the names"),
        validators=[refuse_control_characters],
        blank=True,
        help_text=_("Why it has several names and who uses which, shown to readers."),
    )

    class Meta:
        abstract = True

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


class Actor(Translatable, NamedWithAliases):
    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")

    name = models.CharField(_("name"), validators=[refuse_control_characters], max_length=120, unique=True)
    name_ja, name_ko = translated_copies(name, _("name"))
    short_name = models.CharField(
        _("short name"),
        validators=[refuse_control_characters],
        max_length=30,
        help_text=_("Shown on chart lanes and chips."),
    )
    short_name_ja, short_name_ko = translated_copies(short_name, _("short name"))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    colour = models.CharField(_("colour"), max_length=7, validators=[colour_validator], default="#4c78a8")

    history = HistoricalRecords()
    translated_fields = ("name", "short_name")

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self):
        # In the editor's language where there is a translation: admin lists, choices, breadcrumbs.
        return str(self.translated("name"))

    @property
    def all_names(self) -> list[str]:
        names = [self.name, self.short_name, self.name_ja, self.name_ko, self.short_name_ja, self.short_name_ko]
        return [name for name in names if name] + self.alias_list


class Place(Translatable, NamedWithAliases):
    """A place whose name depends on who is speaking (Takeshima / Dokdo)."""

    name = models.CharField(
        _("name"), validators=[refuse_control_characters], max_length=120, unique=True, help_text=_("A neutral name.")
    )
    name_ja, name_ko = translated_copies(name, _("name"))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)

    history = HistoricalRecords()
    translated_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self):
        # In the editor's language where there is a translation: admin lists, choices, breadcrumbs.
        return str(self.translated("name"))


class Topic(Translatable, models.Model):
    name = models.CharField(_("name"), validators=[refuse_control_characters], max_length=80, unique=True)
    name_ja, name_ko = translated_copies(name, _("name"))
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    colour = models.CharField(_("colour"), max_length=7, validators=[colour_validator], default="#888888")

    history = HistoricalRecords()
    translated_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        # In the editor's language where there is a translation: admin lists, choices, breadcrumbs.
        return str(self.translated("name"))


class StoryArc(Translatable, models.Model):
    """A run of events read as one story, e.g. the dispute after a remark."""

    title = models.CharField(_("title"), validators=[refuse_control_characters], max_length=200)
    title_ja, title_ko = translated_copies(title, _("title"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), validators=[refuse_control_characters], blank=True)
    summary_ja, summary_ko = translated_copies(summary, _("summary"))

    history = HistoricalRecords()
    translated_fields = ("title", "summary")

    class Meta:
        ordering = ["title"]
        verbose_name = _("story arc")
        verbose_name_plural = _("story arcs")

    def __str__(self):
        return str(self.translated("title"))


class SourceQuerySet(models.QuerySet):
    def public(self):
        """
        Sources readers may see: those a published event cites. An article
        just ingested, still under review, may hold embargoed text.
        """
        return self.filter(Exists(Citation.objects.filter(source=OuterRef("pk"), event__is_published=True)))


class Source(models.Model):
    """A news article as captured. Unknown metadata stays null, never guessed."""

    outlet = models.CharField(
        _("outlet"), validators=[refuse_control_characters], max_length=200, blank=True, null=True
    )
    outlet_country = models.CharField(
        _("outlet's country"),
        validators=[refuse_control_characters],
        max_length=80,
        blank=True,
        null=True,
        help_text=_("Country the outlet is based in."),
    )
    title = models.CharField(_("title"), validators=[refuse_control_characters], max_length=300, blank=True, null=True)
    author = models.CharField(
        _("author"), validators=[refuse_control_characters], max_length=200, blank=True, null=True
    )
    url = models.URLField(_("URL"), max_length=500, blank=True, null=True, validators=[web_url_validator])
    published_on = models.DateField(
        _("published on"),
        help_text=_("Date the article's relative expressions ('on Tuesday') are anchored to."),
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "id"]
        get_latest_by = "published_on"
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        # Caches ask when anything last changed; without it, the whole table of texts is read.
        indexes = [models.Index(fields=["updated_at"], name="source_updated_at")]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        language = current_language()
        return gettext("Untitled article, %(outlet)s, %(day)s") % {
            "outlet": self.outlet or gettext("unknown outlet"),
            "day": date_label(self.published_on, self.published_on, "day", language),
        }

    def get_absolute_url(self):  # noqa: DJ012
        return reverse("source_detail", args=[self.pk])

    def clean(self):
        if self.text:
            self.text = strip_control_characters(self.text)
        if self.published_on and self.published_on > timezone.localdate():
            raise ValidationError({"published_on": gettext("The publication date is in the future.")})
        if self.pk and self.text is not None:
            broken = [
                citation
                for citation in self.citations.all()
                if self.text[citation.start : citation.end] != citation.quote
            ]
            if broken:
                raise ValidationError(
                    {
                        "text": gettext(
                            "This edit would break %(count)d citation(s) whose quotes no longer "
                            "appear at their place in the text."
                        )
                        % {"count": len(broken)}
                    }
                )


# The order of the chronological list, and of previous/next between events.
CHRONOLOGICAL = ("earliest", "latest", "-importance", "pk")


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def matching(self, filters: dict):
        """
        The events of a reader's filters, as the filter form cleaned them: any of the actors,
        any of the topics, the story arc, the free text, and the dates.
        """
        events = self
        if filters.get("actor"):
            events = events.filter(
                pk__in=self.model._default_manager.filter(actors__slug__in=filters["actor"]).values("pk")
            )
        if filters.get("topic"):
            events = events.filter(
                pk__in=self.model._default_manager.filter(topics__slug__in=filters["topic"]).values("pk")
            )
        if filters.get("arc"):
            events = events.filter(arc__slug=filters["arc"])
        if filters.get("q"):
            events = events.search(filters["q"])
        return events.between(filters.get("from"), filters.get("to"))

    def between(self, start: datetime.date | None, end: datetime.date | None):
        """Events whose date span overlaps [start, end]; either bound may be open."""
        qs = self
        if start:
            qs = qs.filter(latest__gte=start)
        if end:
            qs = qs.filter(earliest__lte=end)
        return qs

    def search(self, text: str):
        """Free text over titles, summaries, quotes and every name of actors and places."""
        text = text.strip()
        if not text:
            return self
        matches = (
            Q(title__icontains=text)
            | Q(summary__icontains=text)
            | Q(citations__quote__icontains=text)
            | Q(actors__name__icontains=text)
            | Q(actors__aliases__icontains=text)
            | Q(places__name__icontains=text)
            | Q(places__aliases__icontains=text)
        )
        # Titles and names in every language, whichever the reader reads in.
        for code, _language in TRANSLATION_LANGUAGES:
            matches |= (
                Q(**{f"title_{code}__icontains": text})
                | Q(**{f"summary_{code}__icontains": text})
                | Q(**{f"actors__name_{code}__icontains": text})
                | Q(**{f"places__name_{code}__icontains": text})
            )
        words = text.split()
        if len(words) == 2:
            # Japanese and Korean put the family name first ('Takaichi Sanae'):
            # a two-word name finds a person in either order, alias or not.
            flipped = f"{words[1]} {words[0]}"
            matches |= Q(actors__name__icontains=flipped) | Q(actors__aliases__icontains=flipped)
        ids = self.model._default_manager.filter(matches).values("pk")
        return self.filter(pk__in=ids)

    def chronological(self):
        return self.order_by(*CHRONOLOGICAL)

    def next_after(self, event):
        """The event that follows `event` in chronological order among these, or None."""
        return self.filter(self._ahead_of(event)).chronological().first()

    def previous_before(self, event):
        """The event that comes just before `event` in chronological order among these, or None."""
        ahead = self._ahead_of(event) | Q(pk=event.pk)
        return self.exclude(ahead).order_by(*(f"-{key}".replace("--", "") for key in CHRONOLOGICAL)).first()

    @staticmethod
    def _ahead_of(event) -> Q:
        # Keyset order on (earliest, latest, -importance, pk): what the list shows after `event`.
        same_day = Q(earliest=event.earliest)
        same_span = same_day & Q(latest=event.latest)
        return (
            Q(earliest__gt=event.earliest)
            | same_day & Q(latest__gt=event.latest)
            | same_span & Q(importance__lt=event.importance)
            | same_span & Q(importance=event.importance, pk__gt=event.pk)
        )

    def with_related(self):
        """Prefetch what every list of events shows, so a page costs a fixed number of queries."""
        return self.select_related("arc").prefetch_related(
            "actors",
            "topics",
            "places",
            # An article's full text is shown on its own page, never in lists.
            models.Prefetch("citations", queryset=Citation.objects.select_related("source").defer("source__text")),
        )


SHORT_TITLE_LENGTH = 40

# Readers are promised that every event rests on quoted passages of its sources.
UNSOURCED_MESSAGE = _(
    "An event is published only when it rests on a quoted passage: add a citation before publishing it."
)


def columns(text: str) -> int:
    """Width in Latin characters: a Chinese character, kana or hangul takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def slug_base(title: str) -> str:
    """An event's slug made from its title, before any number that keeps it unique
    ("China–Japan talks" → "china-japan-talks": a dash between words is a hyphen)."""
    return slugify(re.sub(r"[‐‑‒–—―/]", "-", title))[:100] or "event"


def short_title_from(title: str) -> str:
    """The title cut at a word boundary to fit a chart label, with an ellipsis when cut."""
    title = " ".join(title.split())
    if columns(title) <= SHORT_TITLE_LENGTH:
        return title
    cut = ""
    for char in title:
        if columns(cut + char) > SHORT_TITLE_LENGTH - 1:
            break
        cut += char
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(",;:–-、。 ") + "…"


class LinkedRecords(models.Model):
    """
    Added to every version of an event: what hung on it at that moment, so
    that a revert or an undelete brings back the whole event (timeline/history.py).
    """

    linked = models.JSONField(
        null=True,
        blank=True,
        help_text=_("Citations, relations, actors, places, topics at this version (null on older versions)."),
    )

    class Meta:
        abstract = True


# Kept by name so that a change to what hangs on an event (a citation, a
# relation) records a version of the event itself (timeline/history.py).
EVENT_HISTORY = HistoricalRecords(
    m2m_fields=["actors", "places", "topics"], excluded_fields=["updated_at"], bases=[LinkedRecords]
)


class Event(Translatable, models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        PART_OF_MONTH = "part_of_month", _("Part of a month (early, mid, late)")
        MONTH = "month", _("Month")
        SEASON = "season", _("Season")
        YEAR = "year", _("Year")
        SPAN = "span", _("Span (from one date to another)")

    class Status(models.TextChoices):
        HAPPENED = "happened", _("Happened")
        SCHEDULED = "scheduled", _("Scheduled")
        EXPECTED = "expected", _("Expected or reported as likely")
        CANCELLED = "cancelled", _("Cancelled")

    title = models.CharField(_("title"), validators=[refuse_control_characters], max_length=200)
    title_ja, title_ko = translated_copies(title, _("title"))
    short_title = models.CharField(
        _("short title"),
        validators=[refuse_control_characters],
        max_length=SHORT_TITLE_LENGTH,
        blank=True,
        help_text=_("A few words for the chart's label (e.g. 'Summit in Nara'). Left blank, it is cut from the title."),
    )
    short_title_ja, short_title_ko = translated_copies(short_title, _("short title"))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), validators=[refuse_control_characters], blank=True)
    summary_ja, summary_ko = translated_copies(summary, _("summary"))
    earliest = models.DateField(_("earliest"), help_text=_("First day the event may have happened on."))
    latest = models.DateField(_("latest"), help_text=_("Last day the event may have happened on."))
    precision = models.CharField(_("precision"), max_length=20, choices=Precision.choices, default=Precision.DAY)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.HAPPENED)
    status_as_of = models.DateField(
        _("status as of"),
        help_text=_("Date of the reporting the status rests on: a timeline outlives its articles."),
    )
    actors = models.ManyToManyField(Actor, verbose_name=_("actors"), related_name="events", blank=True)
    places = models.ManyToManyField(Place, verbose_name=_("places"), related_name="events", blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="events", blank=True)
    arc = models.ForeignKey(
        StoryArc,
        verbose_name=_("story arc"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    importance = models.PositiveSmallIntegerField(
        _("importance"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 (minor) to 5 (major): what shows first when zoomed out."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Bumped on every save; a save carrying an older version is refused so
    # that two editors never overwrite each other.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    history = EVENT_HISTORY

    objects = EventQuerySet.as_manager()

    translated_fields = ("title", "short_title", "summary")

    class Meta:
        ordering = ["earliest", "latest", "pk"]
        get_latest_by = "updated_at"
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest__lte=models.F("latest")), name="event_earliest_not_after_latest"
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=1) & Q(importance__lte=5), name="event_importance_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(earliest__gte=EARLIEST_SUPPORTED) & Q(latest__lte=LATEST_SUPPORTED),
                name="event_dates_supported",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "earliest"], name="event_pub_earliest"),
            models.Index(fields=["is_published", "latest"], name="event_pub_latest"),
            models.Index(fields=["is_published", "-importance", "earliest"], name="event_pub_importance"),
            # Partial indexes: SQLite tests a boolean as a bare column, which
            # only an index with the same condition can serve. The list and the
            # API page in (earliest, latest, …) order; the chart picks the most
            # important events of a window.
            models.Index(fields=["earliest", "latest"], condition=Q(is_published=True), name="event_published_dates"),
            models.Index(
                fields=["-importance", "earliest"], condition=Q(is_published=True), name="event_published_importance"
            ),
            # Caches and HTTP validators ask when anything last changed.
            models.Index(fields=["updated_at"], name="event_updated_at"),
        ]

    def __str__(self):
        return f"{self.translated('title')} ({self.date_label})"

    def get_absolute_url(self):
        return reverse("event_detail", args=[self.slug])

    # Whether clean() looks for the event's citations in the database; a form
    # that edits them beside the event (the admin's inline) checks them itself.
    citations_checked_on_clean = True

    def clean(self):
        errors = date_errors(self.earliest, self.latest)
        if self.is_published and self.citations_checked_on_clean and not self.has_citations():
            errors["is_published"] = UNSOURCED_MESSAGE
        if errors:
            raise ValidationError(errors)

    def has_citations(self) -> bool:
        return self.pk is not None and Citation.objects.filter(event_id=self.pk).exists()

    class StaleEdit(Exception):
        """Someone else saved the event after this copy of it was read."""

    def save(self, *args, **kwargs):  # noqa: DJ012
        if not self.short_title.strip():
            self.short_title = short_title_from(self.title)
        for code, _language in TRANSLATION_LANGUAGES:
            title = getattr(self, f"title_{code}")
            if title.strip() and not getattr(self, f"short_title_{code}").strip():
                setattr(self, f"short_title_{code}", short_title_from(title))
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        if self.pk and not self._state.adding:
            self.version = (self.version or 0) + 1
        super().save(*args, **kwargs)

    def follow_title_with_slug(self):
        """
        Until first published, an event's address follows its title: a draft
        accepted as "Takaichi, 64, called" and retitled keeps no trace of the
        first words. Once published, links to it exist and it stays; a slug an
        editor chose (not made from the title) is never changed. Called where
        editors retitle events (the admin's form), not by imports, which name
        events by their slugs.
        """
        if self._state.adding or self.pk is None or self.published_at is not None:
            return
        before = Event.objects.filter(pk=self.pk).values_list("title", "slug").first()
        if before is None or before[0] == self.title or self.slug != before[1]:
            return
        base = slug_base(before[0])
        if self.slug == base or re.fullmatch(rf"{re.escape(base)}-\d+", self.slug):
            self.slug = self.free_slug(self.title)

    def follow_title_with_short_title(self):
        """
        A short title that was only cut from the title (the editor left it
        blank) follows the title when it is renamed, published or not: a
        chart label is no address anyone links to. One the editor wrote stays.
        Called where editors retitle events (the admin's form).
        """
        if self._state.adding or self.pk is None:
            return
        before = Event.objects.filter(pk=self.pk).values_list("title", "short_title").first()
        if before is None or before[0] == self.title:
            return
        if self.short_title == before[1] == short_title_from(before[0]):
            self.short_title = short_title_from(self.title)

    def free_slug(self, title: str) -> str:
        """The slug of `title`, numbered when another event has it."""
        base = slug_base(title)
        slug, n = base, 2
        while Event.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def save_if_version(self, expected: int, **kwargs):
        """
        Save only if the row still carries `expected`, the version this copy
        was read at. The no-op UPDATE both checks the version and locks the
        row until the transaction ends, so two concurrent saves cannot both
        pass (PostgreSQL re-checks the WHERE after the lock; SQLite
        serialises writers).
        """
        with transaction.atomic():
            if not Event.objects.filter(pk=self.pk, version=expected).update(version=expected):
                raise Event.StaleEdit(f"Event {self.pk} changed since version {expected}.")
            self.version = expected
            self.save(**kwargs)

    @property
    def date_label(self) -> str:
        return date_label(self.earliest, self.latest, self.precision, current_language())

    @property
    def is_future_facing(self) -> bool:
        """Scheduled or expected: drawn differently from what has happened."""
        return self.status in (self.Status.SCHEDULED, self.Status.EXPECTED)

    def unconfirmed_since(self, today: datetime.date) -> datetime.date | None:
        """
        For a scheduled or expected event whose date has passed with no newer
        report: the date of the last report ("not confirmed since 14 Jan").
        """
        if self.is_future_facing and self.latest < today:
            return self.status_as_of
        return None

    @property
    def unconfirmed_since_today(self) -> datetime.date | None:
        return self.unconfirmed_since(timezone.localdate())

    @classmethod
    def status_for(cls, earliest: datetime.date, reported_on: datetime.date) -> str:
        """The status a date implies on its own: what lies after the report is scheduled."""
        return cls.Status.SCHEDULED if earliest > reported_on else cls.Status.HAPPENED


class Citation(models.Model):
    """An exact passage of a source that an event rests on."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(
        _("quote"), validators=[refuse_control_characters], help_text=_("Copied verbatim from the source text.")
    )
    start = models.PositiveIntegerField(_("start"), help_text=_("Offset of the quote in the source text."))
    end = models.PositiveIntegerField(_("end"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["source__published_on", "start", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=models.F("end")), name="citation_start_before_end"),
            models.UniqueConstraint(
                fields=["event", "source", "start", "end"], name="citation_unique_passage_per_event"
            ),
        ]

    def __str__(self):
        return f"{self.source}: “{self.quote[:60]}”"

    def locate(self):
        """Fill start/end from the quote when they are missing or stale."""
        text = self.source.text
        if self.start is not None and self.end is not None and text[self.start : self.end] == self.quote:
            return
        position = text.find(self.quote) if self.quote else -1
        if position >= 0:
            self.start, self.end = position, position + len(self.quote)

    def clean(self):
        if not self.quote or not self.source_id:
            return
        self.locate()
        if self.source.text[self.start or 0 : self.end or 0] != self.quote:
            raise ValidationError({"quote": gettext("This passage does not appear verbatim in the source text.")})

    def save(self, *args, **kwargs):  # noqa: DJ012
        self.locate()
        super().save(*args, **kwargs)


class EventRelation(models.Model):
    class Kind(models.TextChoices):
        LED_TO = "led_to", _("led to")
        IN_RESPONSE_TO = "in_response_to", _("in response to")
        PART_OF = "part_of", _("part of")
        FOLLOWS_UP = "follows_up", _("follows up")

    from_event = models.ForeignKey(
        Event, verbose_name=_("from event"), on_delete=models.CASCADE, related_name="relations_out"
    )
    to_event = models.ForeignKey(
        Event, verbose_name=_("to event"), on_delete=models.CASCADE, related_name="relations_in"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(_("note"), validators=[refuse_control_characters], blank=True)
    citation = models.ForeignKey(
        Citation,
        verbose_name=_("citation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relations",
        help_text=_("A passage that states the link, where a source does."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["from_event__earliest", "pk"]
        verbose_name = _("event relation")
        verbose_name_plural = _("event relations")
        constraints = [
            models.CheckConstraint(condition=~Q(from_event=models.F("to_event")), name="relation_not_to_itself"),
            models.UniqueConstraint(fields=["from_event", "to_event", "kind"], name="relation_unique_per_kind"),
        ]

    def __str__(self):
        return f"{self.from_event.title} {self.get_kind_display()} {self.to_event.title}"

    def clean(self):
        if self.from_event_id and self.from_event_id == self.to_event_id:
            raise ValidationError(gettext("An event cannot be related to itself."))


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=Proposal.Status.PENDING)


class Proposal(models.Model):
    """
    A dated event the extractor found in a sentence of a source, waiting for
    an editor to accept it (as a new unpublished event or a citation on an
    existing one), correct it, or reject it. A sentence may carry several
    ("He took office in June 2025, and Takaichi in October"): each has its
    own date expression, and all quote the same sentence.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    class Flag(models.TextChoices):
        TENSE_MISMATCH = "tense_mismatch", _("The sentence's tense disagrees with the resolved date")

    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="proposals")
    quote = models.TextField(
        _("quote"), validators=[refuse_control_characters], help_text=_("The sentence, verbatim from the source.")
    )
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    date_text = models.CharField(_("date as written"), max_length=200, help_text=_("The date expression as written."))
    date_start = models.PositiveIntegerField(
        _("date's offset"), null=True, blank=True, help_text=_("Offset of the date expression in the source text.")
    )
    timex = models.CharField(_("TIMEX3 value"), max_length=40)
    earliest = models.DateField(_("earliest"))
    latest = models.DateField(_("latest"))
    precision = models.CharField(_("precision"), max_length=20, choices=Event.Precision.choices)
    event_status = models.CharField(
        _("suggested status"),
        max_length=20,
        choices=Event.Status.choices,
        default=Event.Status.HAPPENED,
        help_text=_("What the sentence's tense and modal words say: 'will' is scheduled, 'may' expected."),
    )
    flags = models.JSONField(
        _("flags"), default=list, blank=True, help_text=_("Warnings for the editor, e.g. tense_mismatch.")
    )
    suggested_actors = models.ManyToManyField(Actor, verbose_name=_("suggested actors"), blank=True, related_name="+")
    status = models.CharField(_("review status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The event this proposal became or was added to."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["source", "start", "pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.CheckConstraint(
                condition=Q(earliest__lte=models.F("latest")), name="proposal_earliest_not_after_latest"
            ),
            models.UniqueConstraint(fields=["source", "start", "end", "date_start"], name="proposal_unique_mention"),
        ]

    def __str__(self):
        return f"{self.date_text}: {self.quote[:80]}"

    @property
    def date_label(self) -> str:
        return date_label(self.earliest, self.latest, self.precision, current_language())

    def date_in_quote(self) -> int | None:
        """Where the date expression stands in the quote, None when it does
        not stand there as written: a sentence may say "Sunday" twice."""
        if self.date_start is None or self.start is None:
            return None
        at = self.date_start - self.start
        return at if self.quote[at : at + len(self.date_text)] == self.date_text else None

    def clean(self):
        errors = date_errors(self.earliest, self.latest)
        if errors:
            raise ValidationError(errors)


class DataVersion(models.Model):
    """
    How many committed changes readers could see, in the order they were
    committed: one row, moved by timeline.data_version after each commit.
    Cached answers and HTTP validators are keyed on it.
    """

    number = models.BigIntegerField(_("number"), default=0)
    changed_at = models.DateTimeField(
        _("changed at"), help_text=_("When the last change readers could see was committed.")
    )

    class Meta:
        get_latest_by = "number"
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="data_version_single_row")]

    def __str__(self):
        return f"version {self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
