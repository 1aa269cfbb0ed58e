"""Signing in with a session (browser) or a token (scripts)."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_me_is_forbidden_when_signed_out() -> None:
    response = APIClient().get("/api/v1/auth/me/")
    assert response.status_code == 403


def test_a_browser_signs_in_with_the_csrf_cookie_and_sees_itself(alice: object) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    csrf = browser.get("/api/v1/auth/csrf/")
    token = csrf.cookies["csrftoken"].value

    response = browser.post("/api/v1/auth/login/", {"username": "alice",
                            "password": "alice-pass-1234"}, format="json",
                            HTTP_X_CSRFTOKEN=token)

    assert response.status_code == 200
    me = browser.get("/api/v1/auth/me/").json()
    assert me == {"id": alice.pk, "username": "alice", "is_staff": False}


def test_login_without_the_csrf_token_is_refused(alice: object) -> None:
    browser = APIClient(enforce_csrf_checks=True)
    response = browser.post("/api/v1/auth/login/", {"username": "alice",
                            "password": "alice-pass-1234"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_wrong_password_is_refused_with_a_clear_message(alice: object) -> None:
    response = APIClient().post("/api/v1/auth/login/", {"username": "alice",
                                "password": "wrong"}, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "bad_credentials"


def test_logout_ends_the_session(alice: object) -> None:
    browser = APIClient()
    browser.post("/api/v1/auth/login/", {"username": "alice", "password": "alice-pass-1234"},
                 format="json")
    assert browser.post("/api/v1/auth/logout/").status_code == 204
    assert browser.get("/api/v1/auth/me/").status_code == 403


def test_a_script_gets_a_token_and_uses_it(alice: object) -> None:
    token = APIClient().post("/api/v1/auth/token/", {"username": "alice",
                             "password": "alice-pass-1234"}, format="json").json()["token"]

    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert script.get("/api/v1/auth/me/").json()["username"] == "alice"
