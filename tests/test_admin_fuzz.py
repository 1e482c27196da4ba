"""
The admin under hostile input, as a superuser: every change form, action,
autocomplete, history and review URL gets the same payloads, and none
answers 5xx (a 400 or a form error instead).
"""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.forms.models import model_to_dict
from django.test import RequestFactory
from django.urls import reverse

from newsroom.ingest import ingest_source
from tests.curation_data import PUBLISHED, SUMMIT_TEXT

from .hostile import HOSTILE, make_hostile_world

pytestmark = pytest.mark.django_db

# What a fuzzer sends where ids, dates and numbers are expected, beside the hostile text.
PAYLOADS = [
    "\x00",
    "nul\x00inside",
    "abc",
    "1e309",
    "-1",
    "99999999999999999999999",
    "2026-02-30",
    "%00",
    "",
    HOSTILE[0],
    HOSTILE[12],
]
# Each field of each form on its own, the others valid: the payloads that broke it before.
FIELD_PAYLOADS = ["\x00", "abc", "99999999999999999999999", HOSTILE[0]]


@pytest.fixture
def superuser(client):
    user = get_user_model().objects.create_superuser("fuzz", "fuzz@example.com", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def world(superuser):
    world = make_hostile_world()
    world["review_source"] = ingest_source(SUMMIT_TEXT, PUBLISHED, outlet="Kyodo").source
    return world


def admins():
    return [(model, model_admin) for model, model_admin in admin.site._registry.items()]


def some_object(model):
    return model._default_manager.order_by("pk").first()


def assert_no_5xx(client, method, url, data=None):
    response = getattr(client, method)(url, data or {})
    assert response.status_code < 500, (method, url, data)
    return response


def form_data(model_admin, obj, superuser) -> dict:
    """The change form's own values, as a browser would post them back."""
    request = RequestFactory().get("/")
    request.user = superuser
    form = model_admin.get_form(request, obj)
    data = {}
    for name, value in model_to_dict(obj, fields=list(form.base_fields)).items():
        if isinstance(value, list):
            value = [getattr(item, "pk", item) for item in value]
        data[name] = "" if value is None else value
    if "seen_version" in form.base_fields:
        data["seen_version"] = obj.version
    return data


def test_every_change_form_survives_hostile_values(client, world, superuser):
    for model, model_admin in admins():
        obj = some_object(model)
        if obj is None or not model_admin.has_change_permission(_request(superuser), obj):
            continue
        info = model._meta.app_label, model._meta.model_name
        url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
        valid = form_data(model_admin, obj, superuser)
        for payload in PAYLOADS:
            assert_no_5xx(client, "post", url, {name: payload for name in valid})
        for payload in FIELD_PAYLOADS:
            for name in valid:
                obj.refresh_from_db()
                assert_no_5xx(client, "post", url, {**form_data(model_admin, obj, superuser), name: payload})
        if model_admin.has_add_permission(_request(superuser)):
            add = reverse("admin:{}_{}_add".format(*info))
            for payload in PAYLOADS:
                assert_no_5xx(client, "post", add, {name: payload for name in valid})


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_every_list_search_and_action_survives_hostile_values(client, world):
    for model, model_admin in admins():
        info = model._meta.app_label, model._meta.model_name
        url = reverse("admin:{}_{}_changelist".format(*info))
        actions = [name for name, *_ in model_admin.get_actions(_request(get_user_model().objects.get()))]
        for payload in PAYLOADS:
            assert_no_5xx(client, "get", url, {"q": payload, "o": payload, "p": payload, "e": payload})
            for action in actions:
                assert_no_5xx(client, "post", url, {"action": action, "_selected_action": [payload], "index": payload})
                assert_no_5xx(client, "post", url, {"action": action, "select_across": payload, "index": "0"})


def test_every_autocomplete_survives_hostile_values(client, world):
    url = reverse("admin:autocomplete")
    fields = [
        ("event", "actors"),
        ("event", "arc"),
        ("citation", "source"),
        ("citation", "event"),
        ("eventrelation", "from_event"),
    ]
    for payload in PAYLOADS:
        for model_name, field_name in fields:
            params = {"app_label": "timeline", "model_name": model_name, "field_name": field_name}
            assert_no_5xx(client, "get", url, {**params, "term": payload})
            assert_no_5xx(client, "get", url, {**params, "term": "a", "page": payload})
            assert_no_5xx(client, "get", url, {"app_label": payload, "model_name": payload, "term": payload})


def test_every_history_url_survives_hostile_values(client, world, superuser):
    for model, model_admin in admins():
        obj = some_object(model)
        if obj is None or not hasattr(model, "history"):
            continue
        info = model._meta.app_label, model._meta.model_name
        history = reverse("admin:{}_{}_history".format(*info), args=[obj.pk])
        assert_no_5xx(client, "get", history)
        version = reverse("admin:{}_{}_simple_history".format(*info), args=[obj.pk, 987654])
        for payload in ["abc", "1e309", "-1", "99999999999999999999999", "%00", "nul%00"]:
            for bad in (version.replace("987654", payload), history.replace(f"/{obj.pk}/", f"/{payload}/")):
                assert_no_5xx(client, "get", bad)
                assert_no_5xx(client, "post", bad, form_data(model_admin, obj, superuser))
        for payload in PAYLOADS:
            assert_no_5xx(client, "get", history, {"page": payload})


def test_the_review_desk_survives_hostile_values(client, world):
    source = world["review_source"]
    review = reverse("admin:timeline_source_review", args=[source.pk])
    search = reverse("admin:timeline_source_review_search", args=[source.pk])
    proposal = source.proposals.first()
    for payload in PAYLOADS:
        assert_no_5xx(client, "get", review, {"status": payload, "page": payload, "edit": payload})
        assert_no_5xx(client, "get", review, {"form": payload})
        assert_no_5xx(client, "get", search, {"proposal": proposal.pk, "q": payload})
        assert_no_5xx(client, "get", search, {"proposal": payload, "q": "summit"})
        for action in ["accept", "accept_as_proposed", "into", "reject", "reopen", payload]:
            assert_no_5xx(client, "post", review, {"proposal": payload, "action": action})
            fields = ["title", "earliest", "latest", "actors", "arc", "topics", "quote", "event", "importance"]
            data = {"proposal": proposal.pk, "action": action}
            data.update({f"p{proposal.pk}-{name}": payload for name in fields})
            data.update({f"i{proposal.pk}-{name}": payload for name in fields})
            assert_no_5xx(client, "post", review, data)
        assert_no_5xx(client, "post", review, {"action": "cite", "passage": payload, "near": payload})
        assert_no_5xx(client, "post", review, {"action": "reject_selected", "selected": [payload]})
    label = reverse("admin:timeline_event_date_label")
    for payload in PAYLOADS:
        assert_no_5xx(client, "get", label, {"earliest": payload, "latest": payload, "precision": payload})
