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
