"""Any passage citable: the editor selects (or types) it, the server finds it in the article; offsets never typed."""

import datetime

import pytest
from django.urls import reverse

from newsroom.passages import AmbiguousPassage, PassageError, find_passage
from tests.curation_data import make_editor
from timeline.models import Citation, Event, Proposal, Source

pytestmark = pytest.mark.django_db

TEXT = (
    "The two leaders met in the old capital.\n"
    "Talks went on late.  The two leaders met again\nthe next morning.\n"
    "A joint statement was issued on 14 January 2026 after the meeting."
)


@pytest.fixture
def source():
    return Source.objects.create(text=TEXT, published_on=datetime.date(2026, 1, 15), outlet="Wire")


@pytest.fixture
def editor(client):
    client.force_login(make_editor())
    return client


def review(source):
    return reverse("admin:timeline_source_review", args=[source.pk])


def test_a_passage_is_found_verbatim_or_across_changed_spacing():
    start, end = find_passage(TEXT, "Talks went on late.")
    assert TEXT[start:end] == "Talks went on late."
    start, end = find_passage(TEXT, "met again the next morning")
    assert TEXT[start:end] == "met again\nthe next morning"


def test_a_passage_found_twice_is_the_one_nearest_the_selection_or_a_question():
    with pytest.raises(AmbiguousPassage) as asked:
        find_passage(TEXT, "The two leaders met")
    assert [o.start for o in asked.value.occurrences] == [0, TEXT.index("The two leaders met again")]
    second = TEXT.index("The two leaders met again")
    assert find_passage(TEXT, "The two leaders met", near=second - 3)[0] == second
    assert find_passage(TEXT, "The two leaders met", near=2)[0] == 0


@pytest.mark.parametrize("passage", ["", "   ", "Not in the article at all.", "x" * 3000])
def test_a_passage_not_in_the_article_is_refused(passage):
    with pytest.raises(PassageError):
        find_passage(TEXT, passage)


def test_citing_a_selected_passage_makes_a_proposal_with_the_servers_offsets(editor, source):
    second = TEXT.index("The two leaders met again")
    response = editor.post(
        review(source),
        {"action": "cite", "passage": "The two leaders met again the next morning.", "near": second, "start": 0},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    proposal = Proposal.objects.get()
    assert (proposal.start, proposal.end) == (second, second + len("The two leaders met again\nthe next morning."))
    assert proposal.quote == TEXT[proposal.start : proposal.end]
    # Dated by its own words: "the next morning", read alone, is the morning after the article's day.
    assert proposal.flags == ["cited_by_hand"] and proposal.earliest == source.published_on + datetime.timedelta(days=1)
    assert f'id="proposal-{proposal.pk}"' in response.content.decode()


def test_a_cited_passage_with_a_date_is_dated_by_it(editor, source):
    editor.post(review(source), {"action": "cite", "passage": "A joint statement was issued on 14 January 2026"})
    proposal = Proposal.objects.get()
    assert proposal.earliest == proposal.latest == datetime.date(2026, 1, 14) and proposal.date_text


def test_an_ambiguous_passage_without_a_selection_asks_which(editor, source):
    response = editor.post(review(source), {"action": "cite", "passage": "The two leaders met"})
    html = response.content.decode()
    assert response.status_code == 200 and "appears 2 times" in html
    assert html.count(">Cite this one</button>") == 2 and not Proposal.objects.exists()


def test_a_passage_not_in_the_article_is_answered_400(editor, source):
    response = editor.post(review(source), {"action": "cite", "passage": "Invented words"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "not in the article" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_cited_passage_becomes_an_event_with_its_citation(editor, source):
    editor.post(review(source), {"action": "cite", "passage": "Talks went on late."})
    proposal = Proposal.objects.get()
    editor.post(review(source), {"proposal": proposal.pk, "action": "accept_as_proposed"})
    citation = Citation.objects.get()
    assert citation.quote == "Talks went on late." and TEXT[citation.start : citation.end] == citation.quote
    assert Event.objects.get().citations.count() == 1


def test_citing_the_same_passage_twice_gives_the_same_proposal(editor, source):
    for _ in range(2):
        editor.post(review(source), {"action": "cite", "passage": "Talks went on late."})
    assert Proposal.objects.count() == 1


def test_the_review_page_shows_the_article_to_select_from(editor, source):
    html = editor.get(review(source)).content.decode()
    assert 'id="article-text"' in html and "Talks went on late." in html and 'id="cite-form"' in html


def event_form(event, source, quote):
    from tests.test_publication import change_data

    return change_data(
        event,
        **{
            "citations-TOTAL_FORMS": 1,
            "citations-0-source": source.pk,
            "citations-0-quote": quote,
            "citations-0-event": event.pk,
        },
    )


def test_on_the_events_page_a_passage_is_cited_by_its_words_alone(editor, source):
    from tests.curation_data import make_event

    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = editor.post(url, event_form(event, source, "met again the next morning"))
    assert response.status_code == 302
    citation = event.citations.get()
    assert citation.quote == "met again\nthe next morning" and TEXT[citation.start : citation.end] == citation.quote


def test_on_the_events_page_a_passage_found_twice_asks_for_more_words(editor, source):
    from tests.curation_data import make_event

    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = editor.post(url, event_form(event, source, "The two leaders met"))
    assert response.status_code == 200 and "Quote a few more words" in response.content.decode()
    assert not event.citations.exists()


def test_on_the_events_page_a_selected_passage_found_twice_is_the_occurrence_selected(editor, source):
    from tests.curation_data import make_event

    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    second = TEXT.index("The two leaders met", 1)
    data = {**event_form(event, source, "The two leaders met"), "citations-0-near": second}
    assert editor.post(url, data).status_code == 302
    citation = event.citations.get()
    assert (citation.start, citation.end) == (second, second + len("The two leaders met"))


def test_the_events_page_offers_each_citation_its_article_to_select_in(editor, source):
    from tests.curation_data import make_event

    event = make_event()
    html = editor.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert 'class="cite-from-article"' in html and 'name="citations-__prefix__-near"' in html
    assert "admin_review/event-cite.js" in html
    text = reverse("admin:timeline_event_source_text")
    response = editor.get(text, {"source": source.pk})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == TEXT
    assert editor.get(text, {"source": "1 OR 1=1"}).status_code == 400
    assert editor.get(text, {"source": source.pk + 1000}).status_code == 404


def test_the_article_to_cite_from_is_only_for_those_who_may_cite(client, source):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from tests.curation_data import PASSWORD

    reader = get_user_model().objects.create_user("reader", "reader@example.org", PASSWORD, is_staff=True)
    reader.user_permissions.set(Permission.objects.filter(codename__in=["view_event", "view_source"]))
    client.force_login(reader)
    assert client.get(reverse("admin:timeline_event_source_text"), {"source": source.pk}).status_code == 403
