"""
The desk's own records: feeds followed, the items seen in them, and the
background jobs (fetching a link, reading a long article, polling a feed)
with their state, progress, result and error, so any app server shows what
any worker is doing.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from timeline.models import Source, StoryArc
from timeline.text import web_url_validator


class Feed(models.Model):
    """An outlet's RSS or Atom feed, polled on a schedule for one story."""

    url = models.URLField(_("feed address"), max_length=500, unique=True, validators=[web_url_validator])
    story = models.ForeignKey(StoryArc, verbose_name=_("story"), on_delete=models.PROTECT, related_name="feeds")
    keywords = models.JSONField(
        _("keywords"),
        default=list,
        blank=True,
        help_text=_("An item is taken when its title or summary contains any of these (any case); none: every item."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True, help_text=_("As the feed calls itself."))
    interval_minutes = models.PositiveIntegerField(
        _("interval (minutes)"), default=30, help_text=_("Minutes between polls while it works.")
    )
    active = models.BooleanField(_("active"), default=True)
    # Conditional GET: what the server said last time.
    etag = models.CharField(_("ETag"), max_length=300, blank=True)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True)
    next_poll_at = models.DateTimeField(_("next poll at"), null=True, blank=True, help_text=_("Empty: due now."))
    last_polled_at = models.DateTimeField(_("last polled at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    failures = models.PositiveIntegerField(
        _("failures"), default=0, help_text=_("Failed polls in a row; each doubles the wait.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # Back-off stops doubling here: a broken feed is still tried once a day.
    MAX_BACKOFF = datetime.timedelta(hours=24)

    class Meta:
        ordering = ["url"]
        get_latest_by = "created_at"
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")

    def __str__(self):
        return self.title or self.url

    def matches(self, *texts: str) -> bool:
        if not self.keywords:
            return True
        haystack = " ".join(texts).casefold()
        return any(keyword.casefold() in haystack for keyword in self.keywords)

    def wait(self) -> datetime.timedelta:
        base = datetime.timedelta(minutes=self.interval_minutes)
        return min(base * 2 ** min(self.failures, 16), max(base, self.MAX_BACKOFF)) if self.failures else base

    def record_success(self, etag: str = "", last_modified: str = "") -> None:
        now = timezone.now()
        self.etag, self.last_modified = etag[:300], last_modified[:100]
        self.failures, self.last_error = 0, ""
        self.last_polled_at, self.next_poll_at = now, now + self.wait()
        self.save()

    def record_failure(self, error: str) -> None:
        now = timezone.now()
        self.failures += 1
        self.last_error = error
        self.last_polled_at, self.next_poll_at = now, now + self.wait()
        self.save()


class FeedItem(models.Model):
    """An item seen in a feed, taken or not, so the next poll skips it."""

    feed = models.ForeignKey(Feed, verbose_name=_("feed"), on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(_("GUID"), max_length=500)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    matched = models.BooleanField(_("matched"), default=False)
    # Several feeds' items may be one article: each points at the one source.
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.SET_NULL, null=True, blank=True, related_name="feed_items"
    )
    error = models.TextField(_("error"), blank=True)
    seen_at = models.DateTimeField(_("seen at"), auto_now_add=True)

    class Meta:
        ordering = ["-seen_at", "-id"]
        get_latest_by = "seen_at"
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        constraints = [models.UniqueConstraint(fields=["feed", "guid"], name="feeditem_once_per_feed")]

    def __str__(self):
        return self.title or self.url or self.guid


class JobQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=Job.ACTIVE)


class Job(models.Model):
    """
    Work done by a worker, one row per piece of work. `key` makes submitting
    idempotent (one active job per key), and the work itself is: a job run
    twice finds what the first run stored.
    """

    class Kind(models.TextChoices):
        FETCH_LINK = "fetch_link", _("Fetch a link")
        INGEST_URL = "ingest_url", _("Ingest a link")
        PROPOSE = "propose", _("Read a long article")
        POLL_FEED = "poll_feed", _("Poll a feed")
        IMPORT_CSV = "import_csv", _("Import events (CSV)")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        RETRYING = "retrying", _("Waiting to retry")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    ACTIVE = (State.QUEUED, State.RUNNING, State.RETRYING)

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=600, help_text=_("One active job per key."))
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0, help_text=_("Per cent done."))
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("What it is doing now."))
    input = models.JSONField(_("input"), default=dict)
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("most attempts"), default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True
    )
    feed = models.ForeignKey(
        Feed, verbose_name=_("feed"), on_delete=models.SET_NULL, null=True, blank=True, related_name="jobs"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    run_after = models.DateTimeField(_("run after"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(state__in=["queued", "running", "retrying"]),
                name="job_one_active_per_key",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="job_progress_percent"),
        ]
        indexes = [models.Index(fields=["state", "heartbeat_at"], name="job_state_heartbeat")]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self):
        return reverse("admin:newsroom_job_change", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE

    @property
    def subject(self) -> str:
        """What the job works on, in a few words."""
        if self.feed_id:
            return str(self.feed)
        if self.kind == self.Kind.IMPORT_CSV:
            return gettext("%(rows)s rows") % {"rows": self.input.get("rows", "?")}
        return str(self.input.get("url") or self.input.get("title") or "")
