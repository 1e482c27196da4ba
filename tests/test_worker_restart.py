"""A job survives its worker's death: killed mid-fetch, it is run again by the next worker, once."""

import signal
import threading

import pytest
from django.test import override_settings

from newsroom import jobs
from newsroom.models import Job
from tests.local_site import PAGES, Answer, LocalSite
from tests.processes import database_url, start_worker, stop, wait_for
from timeline.models import Source

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_job_killed_with_its_worker_is_finished_by_the_next(tmp_path):
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[site.host]):
        release = threading.Event()
        body = (PAGES / "article.html").read_text().replace("{{ site }}", site.url("")).encode()
        site.routes["/slow"] = Answer(body=body, hold=release)
        job = jobs.submit(Job.Kind.INGEST_URL, "ingest:slow", {"url": site.url("/slow")})
        env = {
            "DATABASE_URL": database_url(),
            "INGEST_ALLOWED_HOSTS": site.host,
            "JOB_HEARTBEAT_SECONDS": "0.3",
            "SCHEDULE_SECONDS": "0.3",
        }
        logs = [tmp_path / "first.log", tmp_path / "second.log"]
        first = start_worker(env, logs[0])
        try:
            assert site.arrived.wait(60), "the first worker never fetched the page"
            stop(first, signal.SIGKILL)  # dies mid-fetch: no chance to record anything
        finally:
            stop(first, signal.SIGKILL)
        job.refresh_from_db()
        assert job.state == Job.State.RUNNING
        release.set()

        second = start_worker(env, logs[1])
        try:
            wait_for(lambda: Job.objects.get(pk=job.pk).state == Job.State.DONE, "the job to be finished", logs=logs)
        finally:
            stop(second)
    job.refresh_from_db()
    assert job.attempts == 2
    assert job.result["sources"] == [Source.objects.get().pk]
    assert Source.objects.get().proposals.exists()
