"""Production settings pass Django's deployment checklist, warnings included."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from tests.conftest import REPO

PRODUCTION_ENV = {
    "DEBUG": "0",
    "DARIA_SECURE_COOKIES": "1",
    "ALLOWED_HOSTS": "daria.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://daria.example.org",
}


def _check_deploy(**env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "SECRET_KEY": secrets.token_urlsafe(50), **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO, env=full_env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_production_settings() -> None:
    result = _check_deploy(**PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_fails_when_served_without_tls() -> None:
    # Proves the check above can fail: without the HTTPS switch the checklist complains.
    result = _check_deploy(**{**PRODUCTION_ENV, "DARIA_SECURE_COOKIES": "0"})
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


@pytest.mark.django_db
def test_responses_carry_the_security_headers(client: object) -> None:
    response = client.get("/api/v1/setup/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_hsts_is_sent_over_https_when_configured(monkeypatch: object) -> None:
    monkeypatch.setattr(settings, "SECURE_HSTS_SECONDS", 31536000)
    # SecurityMiddleware reads its settings when it is built: build a fresh handler.
    from django.test import Client

    response = Client().get("/api/v1/setup/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
