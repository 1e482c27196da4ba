"""Fuzzed query strings never reach a 500: every error is a clear 4xx."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .hostile import HOSTILE, public_routes, query_parameters

FUZZ_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
values = st.one_of(
    st.text(max_size=80),
    st.sampled_from(HOSTILE + ["2026-02-30", "9999-99", "0", "-1", "1e309", "Jan 2026", "", "%00", "\x00"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
query = st.dictionaries(st.sampled_from(query_parameters()), st.lists(values, min_size=1, max_size=3), max_size=5)


def fuzzable_paths() -> list[str]:
    from django.urls import reverse

    paths = [reverse(name) for name, pattern, converters in public_routes() if not converters]
    wanted = [p for p in paths if p in ("/", "/embed/", "/oembed") or p.startswith("/api/")]
    return sorted(set(wanted))


@pytest.mark.parametrize("path", fuzzable_paths())
def test_fuzzed_query_strings_get_a_clear_answer(path, db, client):
    @FUZZ_SETTINGS
    @given(params=query)
    def check(params):
        data = {key: [v.replace("\x00", "") for v in vals] for key, vals in params.items()}
        response = client.get(path, data)
        assert response.status_code < 500, (path, params)
        if 400 <= response.status_code < 500:
            body = response.content.decode()
            if "json" in response.get("Content-Type", ""):
                assert json.loads(body).get("error"), body[:200]
            else:
                assert body.strip(), "an empty 4xx tells nobody anything"

    check()


def test_fuzz_covers_the_page_and_the_api():
    paths = fuzzable_paths()
    assert "/" in paths and "/api/events.json" in paths


def test_openapi_schema_holds_under_schemathesis(seed):
    import schemathesis
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from summit.wsgi import application

    # As Django's test client does: a finished request must not close the
    # connection that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
        for operation in schema.get_all_operations():
            check_operation(operation.ok())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def check_operation(operation):
    from schemathesis.checks import not_a_server_error

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def check(case):
        # The schema was loaded from the WSGI app, so calls go to it in-process.
        case.call_and_validate(checks=[not_a_server_error], headers={"Host": "testserver"})

    check()


NUL_URLS = [
    "/?event=%00",
    "/?q=%00",
    "/?actor=%00",
    "/?from=2025%00",
    "/embed/?event=a%00b",
    "/api/events.json?cursor=%00",
    "/api/window.json?from=2025-01-01&to=2026-01-01%00",
    "/api/events.csv?topic=%00",
    "/oembed?url=http://testserver/events/%00/&format=json",
    "/feed/?x%00=1",
    "/events/takeshima-day-2026/?q=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_in_any_public_parameter_answers_400(client, seed, url):
    response = client.get(url)
    assert response.status_code == 400
