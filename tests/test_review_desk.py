"""The review desk in the admin: paged, htmx partials, matching, the fuller accept form, undo, ISO dates."""

import datetime

import pytest
from django.urls import reverse

from newsroom.admin.review import PROPOSALS_PER_PAGE, SEARCH_RESULTS
from newsroom.admin.review_forms import ProposalAcceptForm
from newsroom.ingest import ingest_source
from newsroom.titles import propose_title
from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors, make_editor, make_event
from timeline.models import Actor, Event, Proposal, StoryArc, Topic

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(client):
    make_actors()
    client.force_login(make_editor())
    return client


@pytest.fixture
def proposals(editor):
    return list(ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source.proposals.order_by("start", "pk"))


def review_url(source, **query):
    url = reverse("admin:timeline_source_review", args=[source.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def accept_data(p, **overrides):
    data = {
        "proposal": p.pk,
        "action": "accept",
        f"p{p.pk}-title": "Takaichi hosts Lee in Nara",
        f"p{p.pk}-earliest": "2026-01-13",
        f"p{p.pk}-latest": "2026-01-13",
        f"p{p.pk}-precision": "day",
        f"p{p.pk}-status": "happened",
        f"p{p.pk}-quote": p.quote,
    }
    data.update({f"p{p.pk}-{k}": v for k, v in overrides.items()})
    return data


def test_htmx_accept_answers_with_only_that_proposal(editor, proposals):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<section") == 1 and f'id="proposal-{p.pk}"' in html
    assert "Created unpublished event" in html and "<html" not in html
    assert Event.objects.get().title == "Takaichi hosts Lee in Nara"


def test_htmx_accept_with_errors_swaps_the_form_back_with_400(editor, proposals):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p, latest="2026-01-01"), **HTMX)
    assert response.status_code == 400
    assert response.content.decode().count("<section") == 1 and Event.objects.count() == 0


def test_non_iso_date_is_refused_with_a_message_asking_for_iso(editor, proposals):
    p = proposals[0]
    response = editor.post(review_url(p.source), accept_data(p, earliest="01/02/2026"))
    assert response.status_code == 400
    assert "YYYY-MM-DD" in response.content.decode() and Event.objects.count() == 0


def accept_form_html(editor, p):
    response = editor.get(review_url(p.source, form=p.pk), **HTMX)
    assert response.status_code == 200
    return response.content.decode()


def test_review_page_leaves_accept_forms_out_until_opened(editor, proposals):
    p = proposals[0]
    page = editor.get(review_url(p.source)).content.decode()
    assert f'name="p{p.pk}-title"' not in page and f'hx-get="{review_url(p.source)}?form={p.pk}"' in page
    assert f'name="p{p.pk}-title"' in accept_form_html(editor, p)
    # Without JavaScript the drawer's link opens the same form in the page.
    assert f'name="p{p.pk}-title"' in editor.get(review_url(p.source, edit=p.pk)).content.decode()


def test_accept_as_proposed_uses_the_extractors_reading(editor, proposals):
    p = proposals[1]  # "late October"
    response = editor.post(review_url(p.source), {"proposal": p.pk, "action": "accept_as_proposed"}, **HTMX)
    assert "Created unpublished event" in response.content.decode()
    event = Event.objects.get()
    assert (event.earliest, event.latest, event.precision) == (p.earliest, p.latest, p.precision)
    assert event.title == ProposalAcceptForm(proposal=p).initial["title"]
    assert set(event.actors.all()) == set(p.suggested_actors.all())


def test_accept_form_dates_are_iso_text_inputs_with_the_resolved_label(editor, proposals):
    p = proposals[1]  # "late October"
    html = accept_form_html(editor, p)
    assert f'type="text" name="p{p.pk}-earliest" value="{p.earliest:%Y-%m-%d}"' in html
    assert 'placeholder="YYYY-MM-DD"' in html and 'type="date"' not in html
    assert "late Oct 2025" in html


def test_accept_form_title_defaults_to_a_short_title_of_the_event_not_the_sentences_first_words(proposals):
    p = proposals[0]
    title = ProposalAcceptForm(proposal=p).initial["title"]
    assert len(title) <= 40 and not p.quote.startswith(title)
    assert title.startswith("Takaichi welcomed Lee")


def test_accept_as_proposed_shows_the_title_it_will_give(editor, proposals):
    p = proposals[0]
    title = ProposalAcceptForm(proposal=p).initial["title"]
    page = editor.get(review_url(p.source)).content.decode()
    assert f'<span class="proposed-title">as “{title}”</span>' in page


def test_accept_sets_short_title_topics_arc_importance_and_slug_from_the_typed_title(editor, proposals):
    p = proposals[0]
    topic = Topic.objects.create(name="Diplomacy", slug="diplomacy")
    arc = StoryArc.objects.create(title="Shuttle diplomacy", slug="shuttle")
    lee = Actor.objects.get(slug="lee")
    response = editor.post(
        review_url(p.source),
        accept_data(
            p,
            title="Lee visits Nara",
            short_title="Nara summit",
            summary="First visit.",
            topics=[topic.pk],
            arc=arc.pk,
            importance=5,
            actors=[lee.pk],
        ),
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.slug, event.short_title, event.summary, event.arc, event.importance) == (
        "lee-visits-nara",
        "Nara summit",
        "First visit.",
        arc,
        5,
    )
    assert list(event.topics.all()) == [topic] and list(event.actors.all()) == [lee]


def test_actor_pickers_are_admin_autocompletes_not_lists_of_every_actor(editor, proposals):
    Actor.objects.create(name="Unrelated Person", short_name="Unrelated", slug="unrelated", kind="person")
    html = accept_form_html(editor, proposals[0])
    assert "admin-autocomplete" in html and "/admin/autocomplete/" in html
    assert "Unrelated Person" not in html


def test_review_page_is_paged(editor, proposals):
    source = proposals[0].source
    for n in range(PROPOSALS_PER_PAGE + 5):
        Proposal.objects.create(
            source=source,
            quote=p_quote(source),
            start=1000 + n,
            end=1001 + n,
            date_text="Tuesday",
            timex="2026-01-13",
            earliest=datetime.date(2026, 1, 13),
            latest=datetime.date(2026, 1, 13),
            precision="day",
        )
    first = editor.get(review_url(source)).content.decode()
    assert first.count('<section class="module proposal') == PROPOSALS_PER_PAGE
    assert "Page 1 of 2" in first
    second = editor.get(review_url(source, page=2)).content.decode()
    assert second.count('<section class="module proposal') == 8


def p_quote(source):
    return source.text.splitlines()[0]


def test_reject_offers_undo_in_place_and_reopen_brings_it_back(editor, proposals):
    p = proposals[1]
    html = editor.post(review_url(p.source), {"proposal": p.pk, "action": "reject"}, **HTMX).content.decode()
    assert "Rejected" in html and 'value="reopen"' in html and "Undo" in html
    p.refresh_from_db()
    assert p.status == "rejected"
    editor.post(review_url(p.source), {"proposal": p.pk, "action": "reopen"}, **HTMX)
    p.refresh_from_db()
    assert p.status == "pending" and p.reviewed_at is None


def test_rejected_tab_lists_rejected_proposals_with_reopen(editor, proposals):
    p = proposals[1]
    editor.post(review_url(p.source), {"proposal": p.pk, "action": "reject"})
    pending = editor.get(review_url(p.source)).content.decode()
    assert f'id="proposal-{p.pk}"' not in pending and "Rejected (1)" in pending
    rejected = editor.get(review_url(p.source, status="rejected")).content.decode()
    assert f'id="proposal-{p.pk}"' in rejected and 'value="Reopen"' in rejected
    editor.post(review_url(p.source, status="rejected"), {"proposal": p.pk, "action": "reopen"})
    p.refresh_from_db()
    assert p.status == "pending"


def test_an_accepted_proposal_cannot_be_reopened(editor, proposals):
    p = proposals[0]
    editor.post(review_url(p.source), accept_data(p))
    html = editor.post(review_url(p.source), {"proposal": p.pk, "action": "reopen"}, **HTMX).content.decode()
    assert "Only rejected proposals can be reopened" in html
    p.refresh_from_db()
    assert p.status == "accepted"


def test_matching_events_are_shown_with_reasons_and_one_click_cites_there(editor, proposals):
    existing = make_event(title="Takaichi welcomes Lee in Nara")
    existing.actors.set(Actor.objects.all())
    p = proposals[0]
    page = editor.get(review_url(p.source)).content.decode()
    # Fetched as the proposal scrolls into view, so the page does not wait on ranking.
    assert "Takaichi welcomes Lee in Nara" not in page and f"?matches={p.pk}" in page
    html = editor.get(review_url(p.source, matches=p.pk), **HTMX).content.decode()
    assert "Probably already on the timeline" in html and "Takaichi welcomes Lee in Nara" in html
    # Without JavaScript, the proposal's own link shows them in the page.
    assert "Takaichi welcomes Lee in Nara" in editor.get(review_url(p.source, edit=p.pk)).content.decode()
    assert "same dates" in html and "shared actors" in html
    response = editor.post(
        review_url(p.source),
        {"proposal": p.pk, "action": "into", f"i{p.pk}-event": existing.pk, f"i{p.pk}-quote": p.quote},
        **HTMX,
    )
    assert "Added the quote to" in response.content.decode()
    assert existing.citations.get().quote == p.quote


def test_attach_form_has_no_select_of_all_events(editor, proposals):
    far = datetime.date(2020, 6, 1)  # far from every proposal's dates, so none is suggested either
    for n in range(30):
        make_event(title=f"Filler event {n}", slug=f"filler-{n}", earliest=far, latest=far)
    html = editor.get(review_url(proposals[0].source)).content.decode()
    assert "Filler event" not in html
    assert 'hx-trigger="input changed delay:200ms, search"' in html


def search(editor, proposal, text):
    url = reverse("admin:timeline_source_review_search", args=[proposal.source_id])
    return editor.get(url, {"proposal": proposal.pk, f"i{proposal.pk}-q": text})


def test_event_search_finds_by_title_alias_and_date_and_returns_at_most_ten(editor, proposals):
    p = proposals[0]
    summit = make_event(title="Summit in Nara")
    summit.actors.set([Actor.objects.get(slug="takaichi")])
    assert "Summit in Nara" in search(editor, p, "nara").content.decode()
    assert "Summit in Nara" in search(editor, p, "Takaichi Sanae").content.decode()
    assert "Summit in Nara" in search(editor, p, "2026-01").content.decode()
    assert "Summit in Nara" not in search(editor, p, "2025-12-01").content.decode()
    for n in range(SEARCH_RESULTS + 5):
        make_event(title=f"Talks round {n}", slug=f"talks-{n}")
    html = search(editor, p, "talks").content.decode()
    assert html.count(f'name="i{p.pk}-event"') == SEARCH_RESULTS
    assert "No event matches" in search(editor, p, "zzzz").content.decode()


def test_event_admin_dates_are_iso_text_and_refuse_other_formats(editor):
    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    html = editor.get(url).content.decode()
    assert 'name="earliest" value="2026-01-13"' in html and 'placeholder="YYYY-MM-DD"' in html
    data = {
        "title": event.title,
        "short_title": "",
        "slug": event.slug,
        "summary": "",
        "earliest": "01/13/2026",
        "latest": "2026-01-13",
        "precision": "day",
        "status": "happened",
        "status_as_of": "2026-01-15",
        "importance": 3,
        "seen_version": event.version,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
    }
    response = editor.post(url, data)
    assert response.status_code == 200 and "YYYY-MM-DD" in response.content.decode()
    event.refresh_from_db()
    assert event.earliest == datetime.date(2026, 1, 13)


def test_adding_an_article_already_stored_warns_and_links_to_it_instead_of_copying(editor, proposals):
    first = proposals[0].source
    data = {"outlet": "Kyodo", "title": "Again", "published_on": "2026-01-15", "language": "en", "text": SUMMIT_TEXT}
    response = editor.post(reverse("admin:timeline_source_add"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"already source #{first.pk}" in html
    assert f'<a href="{reverse("admin:timeline_source_review", args=[first.pk])}">' in html
    assert type(first).objects.count() == 1


def test_garbage_proposal_ids_are_a_404_not_a_500(editor, proposals):
    source = proposals[0].source
    assert editor.post(review_url(source), {"proposal": "x'1", "action": "reject"}).status_code == 404
    assert editor.get(review_url(source, form="abc"), **HTMX).status_code == 404
    assert search(editor, type(proposals[0])(pk=0, source=source), "nara").status_code == 404
    other = ingest_source(SUMMIT_TEXT.replace("Nara", "Kyoto"), PUBLISHED, allow_duplicate=True).source
    assert editor.get(review_url(other, matches=proposals[0].pk), **HTMX).status_code == 404


def date_labels(client, **query):
    response = client.get(reverse("admin:timeline_event_date_label"), query)
    assert response.status_code == 200
    return response.json()


def test_date_label_of_a_range_says_what_readers_will_see(editor):
    labels = date_labels(editor, earliest="2025-10-21", latest="2025-10-31", precision="part_of_month")
    assert labels["earliest"] == {"text": "Tue 21 Oct 2025", "error": False}
    assert labels["latest"] == {"text": "Fri 31 Oct 2025 · readers see “late Oct 2025”", "error": False}
    labels = date_labels(editor, earliest="2026-01-13", latest="2026-01-13", precision="day")
    assert labels["latest"]["text"].endswith("readers see “13 Jan 2026”")


@pytest.mark.parametrize(
    "query, field, message",
    [
        ({"earliest": "01/02/2026", "latest": "2026-01-02"}, "earliest", "Enter the date as YYYY-MM-DD"),
        ({"earliest": "2026-01-02", "latest": "2026-02-30"}, "latest", "There is no such day as 2026-02-30."),
        ({"earliest": "2026-01-14", "latest": "2026-01-13"}, "latest", "cannot be before the earliest"),
        ({"earliest": "0400-01-01"}, "earliest", "summit supports dates from the year"),
        ({"earliest": "next week"}, "earliest", "Enter the date as YYYY-MM-DD"),
    ],
)
def test_date_label_of_a_wrong_date_says_what_is_wrong(editor, query, field, message):
    label = date_labels(editor, **query)[field]
    assert label["error"] and message in label["text"]


def test_date_label_is_for_staff_only(client):
    response = client.get(reverse("admin:timeline_event_date_label"), {"earliest": "2026-01-13"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_every_admin_date_field_draws_its_label_and_loads_the_script_that_redraws_it(editor, proposals):
    event = make_event(
        earliest=datetime.date(2025, 10, 21), latest=datetime.date(2025, 10, 31), precision="part_of_month"
    )
    html = editor.get(reverse("admin:timeline_event_change", args=[event.pk])).content.decode()
    assert '<output class="date-label" for="id_earliest" aria-live="polite">Tue 21 Oct 2025</output>' in html
    assert "readers see “late Oct 2025”" in html
    assert "Thu 15 Jan 2026" in html  # status_as_of, a lone date
    assert "admin_review/date-labels.js" in html
    source = proposals[0].source
    html = editor.get(reverse("admin:timeline_source_change", args=[source.pk])).content.decode()
    assert 'placeholder="YYYY-MM-DD"' in html and "date-labels.js" in html
    assert "admin_review/date-labels.js" in editor.get(review_url(source)).content.decode()


def test_event_search_by_title_is_served_by_the_trigram_index_on_postgresql(editor):
    from django.db import connection, transaction

    from newsroom.admin.review import search_events, title_match

    make_event(title="Takaichi hosts Lee in Nara", slug="nara", short_title="Nara summit")
    assert [event.slug for event in search_events("HOSTS lee")] == ["nara"]
    assert [event.slug for event in search_events("ara summ")] == ["nara"]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # A test table is small enough for a scan to win: ask what the indexes can do.
                cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Event.objects.filter(title_match("hosts")).explain()
    if connection.vendor == "postgresql":
        assert "timeline_event_title_trgm" in plan and "timeline_event_short_title_trgm" in plan
    else:
        assert "timeline_event" in plan  # SQLite has no trigram index: a scan, which is fine at its scale


def test_the_date_is_marked_where_it_stands_not_where_its_letters_first_appear(editor):
    # "Mayor" holds the letters of "May" before the month itself
    source = ingest_source("Mayor Kim said the port fair will open in May.", PUBLISHED, outlet="Kyodo").source
    [proposal] = source.proposals.all()
    assert proposal.date_in_quote() == proposal.quote.rindex("May")
    page = editor.get(review_url(source)).content.decode()
    assert "open in <mark>May</mark>." in page


def test_a_title_is_made_from_the_clause_where_the_date_stands():
    quote = "Mori canceled a concert in Sora on Sunday; Kim canceled a show in Kobe on Friday and in Nara on Sunday."
    assert propose_title(quote, "Sunday", [], date_at=quote.rindex("Sunday")).startswith("Kim canceled")
    assert propose_title(quote, "Sunday", [], date_at=quote.index("Sunday")).startswith("Mori canceled")
