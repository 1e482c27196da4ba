import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsroom.admin.forms import SourceAdminForm
from newsroom.ingest import MAX_TEXT_BYTES, ingest_source
from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors, make_editor, make_event
from timeline.models import Citation, Event, Proposal, Source

pytestmark = pytest.mark.django_db

ADD = "/admin/timeline/source/add/"


@pytest.fixture
def editor(client):
    make_actors()
    client.force_login(make_editor())
    return client


def source_form(**overrides):
    data = {
        "outlet": "Kyodo",
        "title": "Summit day",
        "published_on": "2026-01-15",
        "language": "en",
        "text": SUMMIT_TEXT,
    }
    data.update(overrides)
    return data


def review_url(source):
    return reverse("admin:timeline_source_review", args=[source.pk])


def test_add_source_by_paste_redirects_to_review_of_its_proposals(editor):
    response = editor.post(ADD, source_form())
    source = Source.objects.get()
    assert response.status_code == 302 and response["Location"] == review_url(source)
    page = editor.get(review_url(source)).content.decode()
    assert source.proposals.count() == 3
    assert "<mark>Tuesday</mark>" in page and "13 Jan 2026" in page and "2026-SP" in page
    assert "Sanae Takaichi, Lee Jae-myung" in page or "Lee Jae-myung, Sanae Takaichi" in page


def test_add_source_by_upload(editor):
    upload = SimpleUploadedFile("a.txt", SUMMIT_TEXT.encode("utf-8"), "text/plain")
    response = editor.post(ADD, source_form(text="", upload=upload))
    assert response.status_code == 302
    assert Source.objects.get().text == SUMMIT_TEXT


def test_add_source_by_upload_turns_control_characters_into_line_breaks(editor):
    pasted_from_word = SUMMIT_TEXT.replace("\n", "\x0c", 1)
    upload = SimpleUploadedFile("a.txt", pasted_from_word.encode("utf-8"), "text/plain")
    assert editor.post(ADD, source_form(text="", upload=upload)).status_code == 302
    assert Source.objects.get().text == SUMMIT_TEXT


class UnreadableUpload(SimpleUploadedFile):
    def read(self, *args):
        raise AssertionError("The upload was read before its size was checked.")


def test_an_oversized_upload_is_refused_by_its_size_before_it_is_read():
    upload = UnreadableUpload("big.txt", b"a", "text/plain")
    upload.size = MAX_TEXT_BYTES + 1
    form = SourceAdminForm(data=source_form(text=""), files={"upload": upload})
    assert not form.is_valid()
    assert "the limit is 2 MB" in form.errors["upload"][0]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"text": ""}, "The article text is empty."),
        ({"text": "", "upload": ("a.txt", b"")}, "The submitted file is empty."),
        ({"text": "", "upload": ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00")}, "a binary file"),
        ({"text": "", "upload": ("big.txt", b"a" * (10 * 1024 * 1024))}, "is 10.0 MB; the limit is 2 MB"),
        ({"published_on": "next week"}, "Enter the date as YYYY-MM-DD"),
        ({"published_on": (datetime.date.today() + datetime.timedelta(days=3)).isoformat()}, "in the future"),
    ],
)
def test_add_source_bad_input_shows_error_and_saves_nothing(editor, overrides, message):
    if "upload" in overrides:
        name, content = overrides["upload"]
        overrides["upload"] = SimpleUploadedFile(name, content, "text/plain")
    response = editor.post(ADD, source_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Source.objects.count() == Proposal.objects.count() == 0


@pytest.fixture
def proposals(editor):
    return list(ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source.proposals.all())


def accept_data(p, **overrides):
    data = {
        "proposal": p.pk,
        "action": "accept",
        f"p{p.pk}-title": "Takaichi hosts Lee in Nara",
        f"p{p.pk}-earliest": "2026-01-13",
        f"p{p.pk}-latest": "2026-01-13",
        f"p{p.pk}-precision": "day",
        f"p{p.pk}-status": "happened",
        f"p{p.pk}-actors": [a.pk for a in p.suggested_actors.all()],
        f"p{p.pk}-quote": p.quote,
    }
    data.update({f"p{p.pk}-{k}": v for k, v in overrides.items()})
    return data


def test_accept_creates_unpublished_event_hidden_until_published(editor, proposals, django_capture_on_commit_callbacks):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p))
    assert response.status_code == 302
    event = Event.objects.get()
    assert not event.is_published and event.citations.get().quote == p.quote
    assert "Takaichi hosts Lee" not in editor.get("/").content.decode()
    assert "Takaichi hosts Lee" not in editor.get("/api/events.json").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # readers see it once it commits
        editor.post("/admin/timeline/event/", {"action": "publish", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.is_published
    assert "Takaichi hosts Lee" in editor.get("/").content.decode()


def test_accept_with_edits_uses_the_edited_values(editor, proposals):
    p = proposals[2]
    editor.post(
        review_url(p.source),
        accept_data(
            p,
            title="Return visit",
            earliest="2026-04-01",
            latest="2026-04-30",
            precision="month",
            status="expected",
            actors=[],
        ),
    )
    event = Event.objects.get()
    assert (event.title, event.earliest, event.precision, event.status) == (
        "Return visit",
        datetime.date(2026, 4, 1),
        "month",
        "expected",
    )
    assert event.actors.count() == 0


def test_edited_quote_not_in_source_is_refused(editor, proposals):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p, quote="Takaichi snubbed Lee."))
    assert response.status_code == 400
    assert "does not appear verbatim" in response.content.decode()
    assert Event.objects.count() == Citation.objects.count() == 0
    p.refresh_from_db()
    assert p.status == "pending"


def test_latest_before_earliest_is_refused(editor, proposals):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p, latest="2026-01-01"))
    assert response.status_code == 400 and Event.objects.count() == 0


def test_add_to_existing_event(editor, proposals):
    existing = make_event()
    p = proposals[0]
    response = editor.post(
        review_url(p.source),
        {"proposal": p.pk, "action": "into", f"i{p.pk}-event": existing.pk, f"i{p.pk}-quote": p.quote},
    )
    assert response.status_code == 302
    assert Event.objects.count() == 1 and existing.citations.get().quote == p.quote
    p.refresh_from_db()
    assert p.status == "accepted" and p.event == existing


def test_reject(editor, proposals):
    p = proposals[1]
    editor.post(review_url(p.source), {"proposal": p.pk, "action": "reject"})
    p.refresh_from_db()
    assert p.status == "rejected" and Event.objects.count() == 0
    # A second decision on the same proposal is refused, not applied.
    response = editor.post(review_url(p.source), accept_data(p), follow=True)
    assert "already rejected" in response.content.decode() and Event.objects.count() == 0


def test_review_needs_staff(client, proposals):
    client.logout()
    response = client.get(review_url(proposals[0].source))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_event_admin_pages_render(editor):
    event = make_event()
    for url in [
        "/admin/timeline/event/?is_published__exact=0&precision__exact=day",
        f"/admin/timeline/event/{event.pk}/change/",
        "/admin/timeline/event/add/",
        "/admin/timeline/source/",
        "/admin/timeline/citation/",
        "/admin/timeline/actor/",
        "/admin/timeline/topic/",
        "/admin/timeline/proposal/",
        "/admin/timeline/event/deleted/",
        "/admin/timeline/event/?q=Nara",
    ]:
        assert editor.get(url).status_code == 200, url


def test_unpublish_action(editor):
    event = make_event(is_published=True)
    editor.post("/admin/timeline/event/", {"action": "unpublish", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert not event.is_published


@pytest.mark.parametrize(
    "upload",
    [
        ("article.pdf", b"%PDF-1.4\nThe summit in Nara took place on 13 January 2026.\n%%EOF"),
        ("article.docx", b"PK\x03\x04The summit in Nara took place on 13 January 2026."),
    ],
)
def test_a_document_that_is_not_plain_text_is_refused_even_when_it_reads_as_text(editor, upload):
    response = editor.post(ADD, source_form(text="", upload=SimpleUploadedFile(*upload)))
    assert response.status_code == 200 and "not plain text" in response.content.decode()
    assert not Source.objects.exists()


def test_a_pasted_pdf_is_refused():
    from newsroom.ingest import IngestError, check_text

    with pytest.raises(IngestError, match="a PDF"):
        check_text("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj")


def test_an_article_with_no_dates_is_stored_for_citing_by_hand(editor):
    response = editor.post(ADD, source_form(text="The leaders talked about trade."), follow=True)
    source = Source.objects.get()
    assert response.redirect_chain[-1][0] == review_url(source)
    assert "no dated events were found" in response.content.decode()
    assert not source.proposals.exists()


def test_adding_an_article_reads_its_dates_once(editor, monkeypatch):
    import newsroom.ingest

    calls = []
    read = newsroom.ingest.mentions_in
    monkeypatch.setattr(
        newsroom.ingest, "mentions_in", lambda *args, **kwargs: calls.append(1) or read(*args, **kwargs)
    )
    editor.post(ADD, source_form())
    assert Source.objects.count() == 1 and len(calls) == 1


def test_the_admin_is_named_summit_not_django(client):
    response = client.get("/admin/login/")
    assert 'id="site-name"><a href="/admin/">summit</a>' in response.content.decode()
