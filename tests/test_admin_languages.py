"""
The admin in the editor's language (issue 22): every model, field, help text,
choice, column, action and filter of summit's own apps has a Japanese and a
Korean label, and the pages editors work in (an event's change page, the
review desk, the lists) show no English label in ja or ko. Content (titles,
quotes) is data and may be English; labels may not.
"""

import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.admin.utils import label_for_field
from django.urls import reverse
from django.utils import translation

from newsroom.admin.review_forms import IntoEventForm, ProposalAcceptForm
from newsroom.ingest import ingest_source
from tests.curation_data import PUBLISHED, SUMMIT_TEXT, make_actors, make_editor, make_event
from timeline.models import Actor, Event, Proposal

LANGUAGES = ("ja", "ko")
OUR_APPS = ("timeline", "newsroom")
# Written the same in every language: names of standards and HTTP headers.
SAME_BY_NATURE = {"ID", "URL", "GUID", "ETag", "Last-Modified"}
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


def our_model_admins():
    return [
        (model, model_admin) for model, model_admin in admin.site._registry.items() if model._meta.app_label in OUR_APPS
    ]


def labels_of(model, model_admin) -> dict[str, object]:
    """Every label of a model the admin shows, by where it comes from, as lazy strings or callables."""
    opts = model._meta
    labels: dict[str, object] = {
        f"{opts.label} verbose_name": opts.verbose_name,
        f"{opts.label} verbose_name_plural": opts.verbose_name_plural,
        f"app {opts.app_label}": lambda: opts.app_config.verbose_name,
    }
    for field in opts.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations: named by the other side
        labels[f"{opts.label}.{field.name}"] = field.verbose_name
        if getattr(field, "help_text", ""):
            labels[f"{opts.label}.{field.name} help_text"] = field.help_text
        for value, label in getattr(field, "flatchoices", None) or []:
            labels[f"{opts.label}.{field.name} choice {value}"] = label
    for name in model_admin.list_display:
        labels[f"{opts.label} column {name}"] = lambda name=name: label_for_field(name, model, model_admin)
    for name in model_admin.actions or []:
        action = getattr(model_admin, name)
        labels[f"{opts.label} action {name}"] = action.short_description
    return labels


def form_labels() -> dict[str, object]:
    """The review desk's own forms (not model forms): their labels, help texts and messages."""
    labels: dict[str, object] = {}
    for form in (ProposalAcceptForm, IntoEventForm):
        for name, field in form.base_fields.items():
            labels[f"{form.__name__}.{name}"] = field.label
            if field.help_text:
                labels[f"{form.__name__}.{name} help_text"] = field.help_text
            for code, message in field.error_messages.items():
                labels[f"{form.__name__}.{name} error {code}"] = message
    return labels


def read(label) -> str:
    return str(label() if callable(label) else label)


def untranslated(labels: dict[str, object], language: str) -> list[str]:
    with translation.override("en"):
        english = {where: read(label) for where, label in labels.items()}
    with translation.override(language):
        translated = {where: read(label) for where, label in labels.items()}
    return [
        f"{where}: {english[where]!r}"
        for where in labels
        if english[where] == translated[where] and english[where].strip() not in SAME_BY_NATURE
    ]


def test_the_admin_shows_every_app_and_model_of_ours():
    assert {model._meta.model_name for model, _ in our_model_admins()} >= {
        "event",
        "source",
        "proposal",
        "actor",
        "place",
        "topic",
        "storyarc",
        "citation",
        "eventrelation",
        "feed",
        "job",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_model_field_choice_column_and_action_label_is_translated(language):
    labels = {}
    for model, model_admin in our_model_admins():
        labels.update(labels_of(model, model_admin))
        for inline in model_admin.inlines:
            labels.update(labels_of(inline.model, admin.ModelAdmin(inline.model, admin.site)))
    labels.update(form_labels())
    left = untranslated(labels, language)
    assert not left, f"{language}: still English (wrap in gettext_lazy, `make messages`, translate):\n" + "\n".join(
        left
    )


# --- the pages --------------------------------------------------------------------------------


class LabelTexts(HTMLParser):
    """
    The text of what labels a page: form labels, column and fieldset headings,
    help texts, buttons, tabs and messages; not data (titles, quotes, names),
    which may be English until someone translates it.
    """

    LABELS = {"label", "th", "h1", "h2", "summary", "button", "caption", "legend", "nav"}
    HELP = re.compile(r"\b(help|messagelist|errornote|errorlist|outcome|paginator|object-tools|submit-row)\b")
    # Inside these, text is content or code, not a label.
    DATA = {"blockquote", "code", "kbd", "mark", "script", "style", "textarea", "select", "option", "a", "b"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "submit":
            self.texts.append(attrs.get("value") or "")
        if tag in ("input", "br", "img", "meta", "link", "hr"):
            return
        labelling = tag in self.LABELS or bool(self.HELP.search(attrs.get("class") or ""))
        self.stack.append((tag, labelling))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, labelling = self.stack.pop()
            if labelling and not any(is_label for _, is_label in self.stack):
                self.flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        in_label = any(labelling for _, labelling in self.stack)
        in_data = any(tag in self.DATA for tag, _ in self.stack)
        if in_label and not in_data:
            self.current.append(data)

    def flush(self):
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.texts.append(text)


def english_labels(html: str) -> list[str]:
    """Label texts of the page with Latin words in them and no Japanese or Korean at all."""
    parser = LabelTexts()
    parser.feed(html)
    words = re.compile(r"[A-Za-z]{2,}")
    return [
        text
        for text in parser.texts
        if words.search(text) and not CJK.search(text) and text.strip(" :") not in SAME_BY_NATURE
    ]


@pytest.fixture
def editor(client, db):
    make_actors()
    client.force_login(make_editor())
    return client


@pytest.fixture
def source(editor):
    return ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source


def page(client, url: str, language: str) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    return html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_change_page_has_no_english_label(editor, source, language):
    proposal = source.proposals.first()
    editor.post(
        reverse("admin:timeline_source_review", args=[source.pk]),
        {"proposal": proposal.pk, "action": "accept_as_proposed"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    event = Event.objects.get()
    html = page(editor, reverse("admin:timeline_event_change", args=[event.pk]), language)
    assert not english_labels(html), english_labels(html)
    html = page(editor, reverse("admin:timeline_event_history", args=[event.pk]), language)
    assert not english_labels(html), english_labels(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_review_desk_has_no_english_label(editor, source, language):
    proposal = source.proposals.first()
    url = reverse("admin:timeline_source_review", args=[source.pk])
    html = page(editor, f"{url}?edit={proposal.pk}", language)
    assert not english_labels(html), english_labels(html)
    # The accept form, as the drawer fetches it, and the likely events.
    for query in (f"form={proposal.pk}", f"matches={proposal.pk}"):
        fragment = editor.get(f"{url}?{query}", HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE=language)
        assert not english_labels(fragment.content.decode()), (query, english_labels(fragment.content.decode()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_review_decision_answers_in_the_editors_language(editor, source, language):
    proposal = source.proposals.first()
    url = reverse("admin:timeline_source_review", args=[source.pk])
    response = editor.post(
        url, {"proposal": proposal.pk, "action": "reject"}, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE=language
    )
    assert not english_labels(response.content.decode()), english_labels(response.content.decode())
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.REJECTED


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name", ["event", "source", "proposal", "actor", "place", "topic", "storyarc", "citation", "feed", "job"]
)
def test_the_lists_and_add_forms_have_no_english_label(editor, source, language, name):
    page(editor, reverse("admin:index"), language)
    app = "newsroom" if name in ("feed", "job") else "timeline"
    html = page(editor, reverse(f"admin:{app}_{name}_changelist"), language)
    assert not english_labels(html), english_labels(html)
    if name not in ("proposal", "job"):
        html = page(editor, reverse(f"admin:{app}_{name}_add"), language)
        assert not english_labels(html), english_labels(html)


@pytest.mark.parametrize(
    "language, day, seen",
    [
        ("ja", "2025年10月21日（火）", "読者には「2025年10月下旬」と表示"),
        ("ko", "2025년 10월 21일 (화)", "독자에게는 ‘2025년 10월 하순’(으)로 표시"),
    ],
)
def test_the_date_labels_beside_typed_dates_are_in_the_editors_language(editor, language, day, seen):
    url = reverse("admin:timeline_event_date_label")
    query = {"earliest": "2025-10-21", "latest": "2025-10-31", "precision": "part_of_month"}
    labels = editor.get(url, query, HTTP_ACCEPT_LANGUAGE=language).json()
    assert labels["earliest"] == {"text": day, "error": False}
    assert labels["latest"]["text"].endswith(seen)
    wrong = editor.get(url, {"earliest": "2026-02-30"}, HTTP_ACCEPT_LANGUAGE=language).json()["earliest"]
    assert wrong["error"] and "2026-02-30" in wrong["text"] and CJK.search(wrong["text"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_upload_status_words_are_in_the_editors_language(editor, language):
    html = page(editor, reverse("admin:timeline_source_add"), language)
    status = re.search(r'<span id="upload-status"[^>]*>', html)[0]
    words = dict(re.findall(r'data-(sending|sent|reading|failed)="([^"]*)"', status))
    assert set(words) == {"sending", "sent", "reading", "failed"}
    assert all(CJK.search(text) for text in words.values()), words


@pytest.mark.parametrize(
    "language, same_dates, shared_actors",
    [("ja", "日付が同じ（2026年1月13日）", "共通の当事者："), ("ko", "날짜가 같음 (2026년 1월 13일)", "공통 당사자:")],
)
def test_why_an_event_may_already_be_on_the_timeline_is_said_in_the_editors_language(
    editor, source, language, same_dates, shared_actors
):
    existing = make_event(title="Takaichi welcomes Lee in Nara")
    existing.actors.set(Actor.objects.all())
    proposal = source.proposals.order_by("start", "pk").first()
    url = reverse("admin:timeline_source_review", args=[source.pk])
    html = editor.get(
        f"{url}?matches={proposal.pk}", HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert "Takaichi welcomes Lee in Nara" in html
    assert same_dates in html and shared_actors in html
    assert "same dates" not in html and "shared actors" not in html


def notes_a_worker_writes() -> set[str]:
    """Every plain note newsroom/jobs.py gives a job: note=…, progress(…, "…") and job.note = …."""
    import ast
    from pathlib import Path

    import newsroom.jobs

    tree = ast.parse(Path(newsroom.jobs.__file__).read_text())
    found: set[str] = set()

    def strings(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)
        elif isinstance(node, ast.IfExp):
            strings(node.body)
            strings(node.orelse)

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name == "progress" and len(node.args) == 2:
                strings(node.args[1])
            for keyword in node.keywords:
                if keyword.arg == "note":
                    strings(keyword.value)
        elif isinstance(node, ast.Assign) and any(getattr(target, "attr", "") == "note" for target in node.targets):
            strings(node.value)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_jobs_desk_reads_every_workers_note_in_the_editors_language(language):
    from newsroom.admin.jobs import shown_note

    notes = notes_a_worker_writes()
    assert {"Fetching the page", "Done", "Started"} <= notes
    with translation.override(language):
        left = [note for note in notes if shown_note(note) == note]
        numbered = [
            shown_note(note) for note in ("Started again (attempt 2)", "Trying again at 12:30:05", "Importing 400 rows")
        ]
    assert not left, left
    assert all(CJK.search(note) for note in numbered) and "12:30:05" in numbered[1] and "400" in numbered[2]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "url_name",
    [
        "admin:axes_accessattempt_changelist",
        "admin:axes_accessfailurelog_changelist",
        "admin:axes_accesslog_changelist",
        "admin:django_tasks_database_dbtaskresult_changelist",
    ],
)
def test_other_apps_lists_in_the_admin_have_no_english_label(editor, language, url_name):
    # django-axes and django-tasks ship no Japanese or Korean: summit's catalogues carry their words.
    html = page(editor, reverse(url_name), language)
    assert not english_labels(html), english_labels(html)


@pytest.mark.parametrize("language, tasks", [("ja", "バックグラウンドタスク"), ("ko", "백그라운드 태스크")])
def test_the_admin_index_names_every_app_in_the_editors_language(editor, language, tasks):
    html = page(editor, reverse("admin:index"), language)
    assert tasks in html and "Tasks Database Backend" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_event_the_matcher_names_has_words_in_the_editors_language(language):
    from newsroom.kind_words import KIND_WORDS, kind_words
    from newsroom.matching_cjk import KINDS

    codes = {kind.name for kind in KINDS}
    assert codes <= KIND_WORDS.keys(), f"add words for {codes - KIND_WORDS.keys()} to newsroom/kind_words.py"
    with translation.override(language):
        named = dict(zip(sorted(codes), kind_words(codes), strict=True))
    assert all(CJK.search(words) for words in named.values()), named


@pytest.mark.parametrize("language, refused", [("ja", "公開インターネット"), ("ko", "공개 인터넷")])
def test_a_job_an_editor_asked_for_reports_in_their_language(editor, language, refused):
    from django.test import override_settings

    from newsroom import jobs
    from newsroom.models import Job

    # A link into the local network is refused without a connection being tried.
    with override_settings(INGEST_ALLOWED_HOSTS=[]):
        editor.post(
            reverse("admin:timeline_source_add"),
            {"_fetch": "1", "link": "http://127.0.0.1:9/world/ferry"},
            HTTP_ACCEPT_LANGUAGE=language,
        )
        job = Job.objects.get()
        assert job.input["language"] == language
        jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and refused in job.error
    # The desk reads it, and its notes, in the editor's language; a job asked for in English stays English.
    html = page(editor, reverse("admin:newsroom_job_change", args=[job.pk]), language)
    assert refused in html and not english_labels(html)


TRANSLATED = [("ja", "奈良で首脳会談", "森花"), ("ko", "나라 정상회담", "모리 하나")]


@pytest.mark.parametrize("language, title, name", TRANSLATED)
def test_the_admin_names_records_by_their_translation_in_the_editors_language(editor, language, title, name):
    event = make_event(title="Summit in Nara", **{f"title_{language}": title})
    mori = Actor.objects.create(name="Hana Mori", slug="hana-mori", kind="person", **{f"name_{language}": name})
    html = page(editor, reverse("admin:timeline_event_change", args=[event.pk]), language)
    assert title in html.split("<title>")[1].split("</title>")[0]
    with translation.override(language):
        assert str(event).startswith(title) and str(mori) == name
    with translation.override("en"):
        assert str(event).startswith("Summit in Nara") and str(mori) == "Hana Mori"
