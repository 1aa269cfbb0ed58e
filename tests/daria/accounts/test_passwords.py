"""Passwords: hashed with Argon2, checked by the validators, changed by their owner."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from daria.audit.models import Action, AuditEvent

pytestmark = pytest.mark.django_db


def _signed_in(username: str, password: str) -> APIClient:
    browser = APIClient()
    response = browser.post("/api/v1/auth/login/", {"username": username, "password": password},
                            format="json")
    assert response.status_code == 200, response.content
    return browser


@pytest.mark.argon2
def test_new_passwords_are_hashed_with_argon2(alice: object) -> None:
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$")


@pytest.mark.argon2
def test_an_old_pbkdf2_hash_still_signs_in_and_is_upgraded_to_argon2(alice: object) -> None:
    from django.contrib.auth.hashers import make_password

    get_user_model().objects.filter(pk=alice.pk).update(
        password=make_password("alice-pass-1234", hasher="pbkdf2_sha256")
    )
    _signed_in("alice", "alice-pass-1234")
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$")


def test_a_user_changes_their_password_and_stays_signed_in(alice: object) -> None:
    browser = _signed_in("alice", "alice-pass-1234")

    response = browser.post("/api/v1/auth/password/", {"old_password": "alice-pass-1234",
                            "new_password": "quiet-harbour-lantern-7"}, format="json")

    assert response.status_code == 204, response.content
    assert browser.get("/api/v1/auth/me/").status_code == 200
    alice.refresh_from_db()
    assert alice.check_password("quiet-harbour-lantern-7")
    assert AuditEvent.objects.filter(actor=alice, action=Action.PASSWORD_CHANGE).exists()


def test_changing_the_password_needs_the_current_one(alice: object) -> None:
    browser = _signed_in("alice", "alice-pass-1234")
    response = browser.post("/api/v1/auth/password/", {"old_password": "guess",
                            "new_password": "quiet-harbour-lantern-7"}, format="json")
    assert response.status_code == 400
    assert "old_password" in response.json()
    alice.refresh_from_db()
    assert alice.check_password("alice-pass-1234")


@pytest.mark.parametrize("weak", ["short1", "12345678901", "password123", "aliceee1"])
def test_a_weak_new_password_is_refused_with_the_validators_reason(alice: object,
                                                                    weak: str) -> None:
    browser = _signed_in("alice", "alice-pass-1234")
    response = browser.post("/api/v1/auth/password/", {"old_password": "alice-pass-1234",
                            "new_password": weak}, format="json")
    assert response.status_code == 400
    assert response.json()["new_password"]


def test_other_sessions_end_when_the_password_changes(alice: object) -> None:
    laptop = _signed_in("alice", "alice-pass-1234")
    phone = _signed_in("alice", "alice-pass-1234")
    laptop.post("/api/v1/auth/password/", {"old_password": "alice-pass-1234",
                "new_password": "quiet-harbour-lantern-7"}, format="json")
    assert phone.get("/api/v1/auth/me/").status_code == 403


def test_changing_a_password_needs_a_signed_in_user() -> None:
    response = APIClient().post("/api/v1/auth/password/", {"old_password": "x",
                                "new_password": "quiet-harbour-lantern-7"}, format="json")
    assert response.status_code == 403
