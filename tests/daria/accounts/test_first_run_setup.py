"""The first-run page creates the first administrator, once."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_a_fresh_install_needs_setup() -> None:
    assert APIClient().get("/api/v1/setup/").json() == {"needs_setup": True}


def test_setup_creates_a_signed_in_superuser() -> None:
    browser = APIClient()
    response = browser.post("/api/v1/setup/", {"username": "admin",
                            "password": "a-long-admin-pass-9"}, format="json")

    assert response.status_code == 201
    assert get_user_model().objects.get(username="admin").is_superuser
    assert browser.get("/api/v1/auth/me/").json()["is_staff"] is True
    assert browser.get("/api/v1/setup/").json() == {"needs_setup": False}


def test_setup_is_refused_once_a_user_exists(alice: object) -> None:
    response = APIClient().post("/api/v1/setup/", {"username": "mallory",
                                "password": "a-long-admin-pass-9"}, format="json")
    assert response.status_code == 409
    assert not get_user_model().objects.filter(username="mallory").exists()


def test_setup_rejects_a_weak_password() -> None:
    response = APIClient().post("/api/v1/setup/", {"username": "admin", "password": "123"},
                                format="json")
    assert response.status_code == 400
    assert "password" in response.json()
