"""
Background jobs: what they do (fetch a link, ingest one, read a long article,
poll a feed, import a long CSV), and how they are run, retried and recovered.

`submit` records a Job and hands its id to django-tasks (the database
backend, so the job and its task commit together); a worker (`manage.py
worker`) claims it and runs its handler, which reports progress. A job that
fails for a reason that may pass (a timeout, a server error, anything
unexpected) waits and is tried again, each wait four times the last; one
refused for good (a private address, a page with no article text) fails at
once with the reason. An article with no date summit can read is no such
refusal: it is stored with no proposals, to be cited by hand. Submitting
is idempotent, one active job per key, and so is running: a job run twice
finds what its first run stored. A running job beats a heartbeat; every
worker's scheduler (`tick`) queues again a job whose worker died mid-way,
and queues the polls of feeds that are due.
"""

import datetime
import logging
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from newsroom.fetch import FetchError
from newsroom.ingest import DuplicateSourceError, IngestError, proposals_for, propose
from newsroom.models import Feed, Job
from timeline.models import Source

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 30
# An article longer than this has its dates read on a worker, not in the request.
LONG_ARTICLE_CHARS = 100_000


class Progress:
    """A handler's progress reports, written at most every half second."""

    def __init__(self, job: Job):
        self.job = job
        self.written = 0.0

    def __call__(self, percent: int, note: str | None = None) -> None:
        percent = max(0, min(100, int(percent)))
        new_note = note is not None and note[:200] != self.job.note
        if not new_note and (percent == self.job.progress or time.monotonic() - self.written < 0.5):
            return
        self.job.progress = percent
        if note is not None:
            self.job.note = note[:200]
        Job.objects.filter(pk=self.job.pk).update(
            progress=self.job.progress, note=self.job.note, heartbeat_at=timezone.now()
        )
        self.written = time.monotonic()


# ------------------------------------------------------------------ submitting


def submit(kind: str, key: str, input: dict, *, user=None, feed: Feed | None = None, max_attempts: int = 3) -> Job:
    """The active job for `key`, or a new one queued for a worker."""
    language = translation.get_language()
    if user is not None and language and language != settings.LANGUAGE_CODE:
        # Its errors and results are then written in the language of the editor who asked.
        input = {**input, "language": language}
    with transaction.atomic():
        existing = Job.objects.active().filter(key=key[:600]).first()
        if existing:
            return existing
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    kind=kind,
                    key=key[:600],
                    input=input,
                    created_by=user if user and user.is_authenticated else None,
                    feed=feed,
                    max_attempts=max_attempts,
                    note="Waiting for a worker",
                )
        except IntegrityError:
            return Job.objects.active().get(key=key[:600])
        enqueue(job)
    return job


def enqueue(job: Job, when: datetime.datetime | None = None) -> None:
    from newsroom.tasks import run_job

    task = run_job if when is None else run_job.using(run_after=when)
    task.enqueue(job.pk)


def tick() -> None:
    """What every worker does every SCHEDULE_SECONDS: queue again the jobs of
    workers that died, and queue a poll of each feed due. Submitting is
    idempotent, so several workers ticking queue each poll once."""
    from newsroom.feeds import due_feeds

    requeue_stale()
    for feed in due_feeds():
        submit(Job.Kind.POLL_FEED, f"poll:{feed.pk}", {"feed": feed.pk}, feed=feed, max_attempts=1)


# ------------------------------------------------------------------ running


def run(job_id: int) -> Job | None:
    """Run a queued job; None when it is not waiting (done, or taken by another worker)."""
    job = claim(job_id)
    if job is None:
        return None
    progress = Progress(job)
    # An editor's job speaks their language (submit() kept it); a feed's poll, the site's.
    with heartbeat(job), translation.override(job.input.get("language") or settings.LANGUAGE_CODE):
        try:
            result = HANDLERS[job.kind](job, progress)
        except (FetchError, IngestError) as error:
            fail_or_retry(job, str(error), retry=getattr(error, "transient", False))
        except Exception as error:
            logger.exception("Job %s failed", job.pk)
            fail_or_retry(job, gettext("Unexpected error: %(error)s") % {"error": repr(error)}, retry=True)
        else:
            finish(job, Job.State.DONE, result=result, progress=100, note="Done")
    return job


def claim(job_id: int) -> Job | None:
    with transaction.atomic():
        job = (
            Job.objects.select_for_update().filter(pk=job_id, state__in=[Job.State.QUEUED, Job.State.RETRYING]).first()
        )
        if job is None:
            return None
        now = timezone.now()
        job.state, job.attempts = Job.State.RUNNING, job.attempts + 1
        job.started_at = job.heartbeat_at = now
        job.note = "Started" if job.attempts == 1 else f"Started again (attempt {job.attempts})"
        job.save()
    return job


def finish(job: Job, state: str, **fields) -> None:
    for name, value in {"state": state, **fields}.items():
        setattr(job, name, value)
    job.finished_at = timezone.now() if state in (Job.State.DONE, Job.State.FAILED) else None
    job.heartbeat_at = timezone.now()
    job.save()


def fail_or_retry(job: Job, error: str, *, retry: bool) -> None:
    if retry and job.attempts < job.max_attempts:
        wait = datetime.timedelta(seconds=RETRY_BASE_SECONDS * 4 ** (job.attempts - 1))
        when = timezone.now() + wait
        finish(job, Job.State.RETRYING, error=error, run_after=when, note=f"Trying again at {when:%H:%M:%S}")
        enqueue(job, when)
    else:
        finish(job, Job.State.FAILED, error=error, note="Failed")


@contextmanager
def heartbeat(job: Job):
    """While the handler runs, a thread tells the database the job is alive.
    Not inside an open transaction (tests, the immediate backend): another
    connection could not see the job's row there."""
    if connection.in_atomic_block:
        yield
        return
    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.JOB_HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(heartbeat_at=timezone.now())
                except DatabaseError:
                    # A busy or briefly unreachable database: the next beat tries again.
                    logger.warning("Job %s could not beat", job.pk, exc_info=True)
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"job-{job.pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def requeue_stale() -> int:
    """Queue again the running jobs whose worker stopped beating (it died or was killed)."""
    silent = timezone.now() - datetime.timedelta(seconds=3 * settings.JOB_HEARTBEAT_SECONDS)
    count = 0
    for pk in Job.objects.filter(state=Job.State.RUNNING, heartbeat_at__lt=silent).values_list("pk", flat=True):
        with transaction.atomic():
            stale = Job.objects.select_for_update().filter(pk=pk, state=Job.State.RUNNING, heartbeat_at__lt=silent)
            job = stale.first()
            if job is None:
                continue
            message = "Its worker stopped while it ran."
            if job.attempts >= job.max_attempts:
                finish(job, Job.State.FAILED, error=message, note="Failed")
            else:
                finish(job, Job.State.RETRYING, error=message, note="Queued again: its worker stopped")
                enqueue(job)
            count += 1
    return count


# ------------------------------------------------------------------ handlers


def fetch_link(job: Job, progress: Progress) -> dict:
    """Fetch and read a pasted link for the editor to check; stores nothing."""
    from newsroom.links import already_stored, read_link

    progress(10, "Fetching the page")
    extracted = read_link(job.input["url"])
    progress(80, "Looking for the same article")
    duplicate = already_stored(extracted, job.input["url"])
    result: dict = {"extracted": extracted.as_json()}
    if duplicate:
        result["duplicate"] = {"id": duplicate.source.pk, "url": duplicate.source.url, "reason": duplicate.reason}
    return result


def ingest_url(job: Job, progress: Progress) -> dict:
    from newsroom.links import ingest_link

    progress(10, "Fetching the page")
    try:
        _, ingested = ingest_link(
            job.input["url"],
            published=job.input.get("published"),
            overrides=job.input.get("overrides"),
            progress=lambda percent: progress(20 + percent * 3 // 4, "Reading the dates"),
        )
    except DuplicateSourceError as error:
        # Run again after its first run stored it: the same source is the result.
        return {"sources": [error.duplicate.source.pk], "duplicate": True}
    return {"sources": [ingested.source.pk], "proposals": len(ingested.proposals)}


def propose_source(job: Job, progress: Progress) -> dict:
    """Read a long article's dates on a worker rather than in the request."""
    source = Source.objects.get(pk=job.input["source"])
    if not source.proposals.exists():
        length = max(len(source.text), 1)
        # Read outside the transaction, which then only writes (see ingest_source).
        proposals = proposals_for(source, progress=lambda done: progress(done * 100 // length, "Reading the dates"))
        with transaction.atomic():
            Source.objects.select_for_update().filter(pk=source.pk).first()
            if not source.proposals.exists():  # another run stored them meanwhile
                propose(source, proposals=proposals)
    return {"sources": [source.pk], "proposals": source.proposals.count()}


def poll_feed(job: Job, progress: Progress) -> dict:
    from newsroom.feeds import poll_feed as poll

    feed = Feed.objects.get(pk=job.input["feed"])
    progress(5, "Fetching the feed")
    polled = poll(feed, progress=lambda percent: progress(percent, "Taking new items"))
    return {
        "sources": polled.sources,
        "linked": polled.linked,
        "new_items": polled.new_items,
        "errors": polled.errors,
        "not_modified": polled.not_modified,
    }


def import_csv(job: Job, progress: Progress) -> dict:
    """A CSV of events too long to check in a request (newsroom.admin.bulk)."""
    from django.contrib.auth import get_user_model

    from newsroom.admin.bulk import import_on_worker

    progress(10, f"Importing {job.input.get('rows', '')} rows")
    user = get_user_model().objects.filter(pk=job.input.get("user")).first()
    return import_on_worker(job.input["csv"], user=user)


HANDLERS: dict[str, Callable[[Job, Progress], dict]] = {
    Job.Kind.FETCH_LINK: fetch_link,
    Job.Kind.INGEST_URL: ingest_url,
    Job.Kind.PROPOSE: propose_source,
    Job.Kind.POLL_FEED: poll_feed,
    Job.Kind.IMPORT_CSV: import_csv,
}
