"""Sign-in and upload throttling, counted on the shared Redis cache."""

import time

import pytest
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from daria.accounts.services import create_project
from tests.conftest import client_for
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db


def _login(password: str, username: str = "alice", address: str = "10.0.0.1",
           language: str = "en") -> object:
    return APIClient().post("/api/v1/auth/login/", {"username": username, "password": password},
                            format="json", REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)


def _fail(times: int, **kwargs: str) -> list[int]:
    return [_login("wrong", **kwargs).status_code for _ in range(times)]


def test_the_cache_is_the_shared_redis() -> None:
    cache = caches["default"]
    assert cache.__class__.__name__ == "RedisCache"
    cache.set("probe", 1)
    assert cache.get("probe") == 1


def test_five_failures_then_even_the_right_password_is_refused(alice: object) -> None:
    assert _fail(5) == [403] * 5

    response = _login("alice-pass-1234")

    assert response.status_code == 429
    assert response.json()["code"] == "login_throttled"
    assert "15 minutes" in response.json()["detail"]


def test_the_refusal_is_translated(alice: object) -> None:
    _fail(5)
    detail = _login("wrong", language="ko").json()["detail"]
    assert "로그인" in detail


def test_four_failures_do_not_lock_the_user_out(alice: object) -> None:
    _fail(4)
    assert _login("alice-pass-1234").status_code == 200


def test_other_users_and_addresses_are_not_locked_out(alice: object, bob: object) -> None:
    _fail(5)

    assert _login("bob-pass-1234", username="bob").status_code == 200
    assert _login("alice-pass-1234", address="10.0.0.2").status_code == 200
    assert _login("alice-pass-1234").status_code == 429


def test_a_success_clears_only_its_own_failures(alice: object, bob: object) -> None:
    _fail(4)
    _fail(4, username="bob")

    assert _login("bob-pass-1234", username="bob").status_code == 200
    assert _fail(2) == [403, 429]
    assert _fail(4, username="bob") == [403] * 4


def test_the_token_exchange_is_throttled_too(alice: object) -> None:
    _fail(5)
    response = APIClient().post("/api/v1/auth/token/", {"username": "alice",
                                "password": "alice-pass-1234"}, format="json",
                                REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429


def test_the_window_ends(alice: object, settings: object) -> None:
    settings.DARIA_LOGIN_FAILURE_WINDOW_S = 3
    _fail(5)
    assert _login("alice-pass-1234").status_code == 429

    time.sleep(3.5)
    assert _login("alice-pass-1234").status_code == 200


def _upload(client: APIClient, project_id: int) -> int:
    upload = SimpleUploadedFile("churn.csv", churn_csv(n_rows=20))
    return client.post(f"/api/v1/projects/{project_id}/datasets/", {"file": upload},
                       format="multipart").status_code


def test_uploads_beyond_the_rate_answer_429(alice: object, bob: object,
                                            settings: object) -> None:
    settings.DARIA_UPLOAD_RATE = "2/hour"
    alice_client, bob_client = client_for(alice), client_for(bob)
    project = create_project(alice, "Uploads")

    assert [_upload(alice_client, project.pk) for _ in range(3)] == [201, 201, 429]
    assert alice_client.get(f"/api/v1/projects/{project.pk}/datasets/").status_code == 200
    assert _upload(bob_client, create_project(bob, "Bob's").pk) == 201


def test_the_admin_sign_in_form_is_throttled_too(admin_user: object) -> None:
    browser = Client(REMOTE_ADDR="10.0.0.9")

    def sign_in(password: str) -> object:
        return browser.post("/admin/login/?next=/admin/", {"username": "admin",
                            "password": password}, REMOTE_ADDR="10.0.0.9")

    assert [sign_in("wrong").status_code for _ in range(5)] == [200] * 5  # the form again
    assert sign_in("password").status_code == 200  # still refused: the form again
    assert Client().post("/admin/login/?next=/admin/", {"username": "admin",
                         "password": "password"}, REMOTE_ADDR="10.0.0.8").status_code == 302
