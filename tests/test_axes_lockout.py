import pytest
from django.conf import settings

from tests.curation_data import PASSWORD, make_editor

pytestmark = pytest.mark.django_db


def log_in(client, password):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password})


def test_correct_password_logs_in(client):
    make_editor()
    assert log_in(client, PASSWORD).status_code == 302


def test_repeated_failed_logins_lock_the_account_out(client):
    make_editor()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "wrong").status_code == 200
    locked = log_in(client, "wrong")
    assert locked.status_code == 429
    # Even the right password is refused while locked out.
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def log_in_through_proxy(client, password, client_address):
    """As the reverse proxy forwards it: every request comes from the proxy's own address."""
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": password},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=client_address,
    )


def test_behind_a_trusted_proxy_one_client_cannot_lock_an_editor_out_for_everyone(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    make_editor()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_through_proxy(client, "wrong", "198.51.100.7")
    assert log_in_through_proxy(client, PASSWORD, "198.51.100.7").status_code == 429
    assert log_in_through_proxy(client, PASSWORD, "203.0.113.9").status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    make_editor()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_through_proxy(client, "wrong", "198.51.100.7")
    # The client writes its own X-Forwarded-For; the proxy appends the address it saw.
    assert log_in_through_proxy(client, PASSWORD, "203.0.113.9, 198.51.100.7").status_code == 429


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    make_editor()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in_through_proxy(client, "wrong", "198.51.100.7")
    assert log_in_through_proxy(client, PASSWORD, "203.0.113.9").status_code == 429
