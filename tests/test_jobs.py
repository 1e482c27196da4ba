"""Background jobs: submitted once per key, run by a worker, retried with back-off, recovered, shown on the desk."""

import datetime

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsroom import jobs
from newsroom.models import Feed, Job
from tests.feed_site import serve_feed
from tests.local_site import Answer, LocalSite
from timeline.models import Source, StoryArc

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[site.host]):
        yield site


def fetch_job(url: str) -> Job:
    return jobs.submit(Job.Kind.FETCH_LINK, f"fetch:{url}", {"url": url})


def test_submitting_the_same_work_twice_gives_one_job(site):
    url = site.page("/world/ferry-timetable", "article.html")
    first, second = fetch_job(url), fetch_job(url)
    assert first.pk == second.pk
    assert DBTaskResult.objects.count() == 1


def test_a_worker_runs_a_fetch_and_the_desk_links_to_the_checked_form(site, admin_client):
    url = site.page("/world/ferry-timetable", "article.html")
    job = fetch_job(url)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert (job.state, job.progress) == (Job.State.DONE, 100)
    assert job.result["extracted"]["author"] == "Mira Okonkwo"
    desk = admin_client.get(reverse("admin:newsroom_job_changelist")).content.decode()
    assert f"{reverse('admin:timeline_source_add')}?job={job.pk}" in desk
    assert 'data-polling="off"' in desk
    form = admin_client.get(reverse("admin:timeline_source_add"), {"job": job.pk}).content.decode()
    assert "Mira Okonkwo" in form and "The Lakeside Courier" in form and "2026-01-12" in form
    assert not Source.objects.exists()  # nothing stored before the editor saves


def test_the_desk_polls_while_a_job_is_active(site, admin_client):
    fetch_job(site.page("/world/ferry-timetable", "article.html"))
    desk = admin_client.get(reverse("admin:newsroom_job_changelist")).content.decode()
    assert 'hx-trigger="every 2s"' in desk and 'data-job-state="queued"' in desk
    partial = admin_client.get(reverse("admin:newsroom_job_changelist"), headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith('<div id="jobs"')


def test_a_server_error_is_retried_later_then_fails(site):
    site.routes["/flaky"] = Answer(503, b"busy", "text/plain")
    job = fetch_job(site.url("/flaky"))
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.RETRYING and "answered 503" in job.error
    assert job.run_after > timezone.now() + datetime.timedelta(seconds=20)
    first_wait = job.run_after - job.heartbeat_at
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.run_after - job.heartbeat_at > 3 * first_wait  # each wait four times the last
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.attempts == 3


def test_a_refused_link_fails_at_once_with_its_reason():
    with LocalSite() as site, override_settings(INGEST_ALLOWED_HOSTS=[]):
        job = fetch_job(site.page("/world/ferry-timetable", "article.html"))
        jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.attempts == 1
    assert "loopback address" in job.error


def test_a_job_whose_worker_stopped_is_queued_again(site):
    job = fetch_job(site.page("/world/ferry-timetable", "article.html"))
    jobs.claim(job.pk)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now() - datetime.timedelta(hours=1))
    assert jobs.requeue_stale() == 1
    job.refresh_from_db()
    assert job.state == Job.State.RETRYING
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.attempts == 2


def test_running_a_job_twice_does_the_work_once(site):
    url = site.page("/world/ferry-timetable", "article.html")
    job = jobs.submit(Job.Kind.INGEST_URL, f"ingest:{url}", {"url": url})
    jobs.run(job.pk)
    assert jobs.run(job.pk) is None  # done: a second delivery does nothing
    again = jobs.submit(Job.Kind.INGEST_URL, f"ingest:{url}", {"url": url})
    jobs.run(again.pk)
    again.refresh_from_db()
    assert Source.objects.count() == 1
    assert again.state == Job.State.DONE and again.result["sources"] == [Source.objects.get().pk]


def test_the_schedule_queues_one_poll_of_each_due_feed(site):
    story = StoryArc.objects.create(title="Bridge", slug="bridge")
    feed = Feed.objects.create(url=serve_feed(site), story=story, keywords=["bridge"])
    Feed.objects.create(
        url=site.url("/later.xml"), story=story, next_poll_at=timezone.now() + datetime.timedelta(hours=1)
    )
    jobs.tick()
    jobs.tick()  # a second worker's tick
    poll = Job.objects.get(kind=Job.Kind.POLL_FEED)
    assert poll.feed == feed
    jobs.run(poll.pk)
    poll.refresh_from_db()
    assert poll.state == Job.State.DONE and len(poll.result["sources"]) == 2


def test_pasting_a_link_in_the_add_form_queues_a_fetch(site, admin_client):
    url = site.page("/world/ferry-timetable", "article.html")
    response = admin_client.post(reverse("admin:timeline_source_add"), {"link": url, "_fetch": "Fetch"})
    job = Job.objects.get(kind=Job.Kind.FETCH_LINK)
    assert response.status_code == 302 and response.url == reverse("admin:newsroom_job_change", args=[job.pk])
    assert job.input == {"url": url}


def test_pasting_something_that_is_not_a_link_says_so(admin_client):
    response = admin_client.post(
        reverse("admin:timeline_source_add"), {"link": "not a link", "_fetch": "Fetch"}, follow=True
    )
    assert "Paste the article" in response.content.decode()
    assert not Job.objects.exists()


def test_a_long_article_is_read_on_a_worker(admin_client, monkeypatch):
    monkeypatch.setattr(jobs, "LONG_ARTICLE_CHARS", 50)
    text = "The harbour reopened on 3 January 2026. " * 5
    response = admin_client.post(
        reverse("admin:timeline_source_add"), {"text": text, "published_on": "2026-01-05", "language": "en"}
    )
    job = Job.objects.get(kind=Job.Kind.PROPOSE)
    assert response.url == reverse("admin:newsroom_job_change", args=[job.pk])
    source = Source.objects.get()
    assert not source.proposals.exists()
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.DONE and source.proposals.exists()


def test_several_links_are_ingested_by_workers(site, admin_client):
    first = site.page("/world/ferry-timetable", "article.html")
    serve_feed(site)
    second = site.url("/region/bridge-toll")
    links = f"{first}\n\n{second}\n{first}\n"
    response = admin_client.post(reverse("admin:timeline_source_add"), {"links": links, "_ingest_all": "Ingest all"})
    assert response.url == reverse("admin:newsroom_job_changelist")
    queued = Job.objects.filter(kind=Job.Kind.INGEST_URL)
    assert queued.count() == 2
    for job in queued:
        jobs.run(job.pk)
    assert sorted(Source.objects.values_list("outlet", flat=True)) == ["Riverside Ledger", "The Lakeside Courier"]
    desk = admin_client.get(reverse("admin:newsroom_job_changelist")).content.decode()
    assert desk.count("Review source #") == 2


def test_a_batch_with_a_bad_link_queues_nothing(admin_client):
    links = "https://news.example/a\nnot a link"
    response = admin_client.post(
        reverse("admin:timeline_source_add"), {"links": links, "_ingest_all": "Ingest all"}, follow=True
    )
    assert "Paste the articles" in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.parametrize(
    "language, paragraph",
    [
        ("ja", "港の新しい桟橋は３月１２日に開通した。市長は式典で挨拶し、来月には臨時便を増やす予定だと述べた。\n"),
        ("ko", "항구의 새 부두가 지난 12일 개통했다. 시장은 기념식에서 다음 달 임시편을 늘릴 예정이라고 밝혔다.\n"),
    ],
)
def test_a_long_japanese_or_korean_article_is_read_on_a_worker(admin_client, language, paragraph):
    text = paragraph * (jobs.LONG_ARTICLE_CHARS // len(paragraph) + 1)
    admin_client.post(
        reverse("admin:timeline_source_add"), {"text": text, "published_on": "2026-03-20", "language": language}
    )
    job = Job.objects.get(kind=Job.Kind.PROPOSE)
    jobs.run(job.pk)
    job.refresh_from_db()
    source = Source.objects.get()
    assert job.state == Job.State.DONE, job.error
    assert source.language == language and source.proposals.exists()
    assert source.proposals.filter(earliest=datetime.date(2026, 3, 12)).exists()


# "en" is the add form's default: the text's own language is read.
@pytest.mark.parametrize("language", ["ja", "ko", "en"])
def test_a_long_article_without_dates_is_stored_and_its_job_done(admin_client, language):
    paragraph = {"ko": "항구는 조용했다. 시장은 인사했다.\n"}.get(
        language, "港の桟橋は静かだった。市長は式典で挨拶した。\n"
    )
    text = paragraph * (jobs.LONG_ARTICLE_CHARS // len(paragraph) + 1)
    admin_client.post(
        reverse("admin:timeline_source_add"), {"text": text, "published_on": "2026-03-20", "language": language}
    )
    job = Job.objects.get(kind=Job.Kind.PROPOSE)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.result["proposals"] == 0
    assert Source.objects.get().text == text.strip()
