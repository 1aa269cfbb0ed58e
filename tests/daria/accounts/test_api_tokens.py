"""API tokens: shown once, stored as a digest, expiring, revocable, header-only, and acting with
exactly their owner's roles."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from daria.accounts.models import ApiToken, Role
from daria.accounts.services import add_member, create_project
from daria.accounts.tokens import create_token
from daria.audit.models import Action, AuditEvent
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db


def _refused(client: APIClient) -> bool:
    """The token was refused (403, not 401: session authentication comes first, see settings)."""
    response = client.get("/api/v1/auth/me/")
    return response.status_code == 403 and response.json()["code"] == "bad_token"


def _with_token(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def test_a_new_token_is_shown_once_and_only_its_digest_is_stored(alice: object,
                                                                 as_alice: APIClient) -> None:
    response = as_alice.post("/api/v1/auth/tokens/", {"name": "laptop"}, format="json")

    assert response.status_code == 201
    created = response.json()
    secret = created["token"]
    assert secret.startswith("daria_") and len(secret) > 40
    stored = ApiToken.objects.get(pk=created["id"])
    assert secret not in (stored.digest, stored.token_key) and stored.digest
    listed = as_alice.get("/api/v1/auth/tokens/").json()
    assert [t["name"] for t in listed] == ["laptop"]
    assert "token" not in listed[0] and secret[:12] == listed[0]["token_key"]


def test_a_token_signs_a_script_in_as_its_owner(alice: object) -> None:
    _token, secret = create_token(alice, name="cli")
    assert _with_token(secret).get("/api/v1/auth/me/").json()["username"] == "alice"


def test_the_password_exchange_still_issues_a_working_token(alice: object) -> None:
    response = APIClient().post("/api/v1/auth/token/", {"username": "alice",
                                "password": "alice-pass-1234"}, format="json")
    secret = response.json()["token"]
    assert _with_token(secret).get("/api/v1/auth/me/").status_code == 200
    assert ApiToken.objects.get(user=alice).expiry > timezone.now() + timedelta(days=89)


def test_a_revoked_token_stops_working(alice: object, as_alice: APIClient) -> None:
    token, secret = create_token(alice)
    assert as_alice.delete(f"/api/v1/auth/tokens/{token.pk}/").status_code == 204
    assert _refused(_with_token(secret))
    assert AuditEvent.objects.filter(action=Action.TOKEN_REVOKE, target_id=str(token.pk)).exists()


def test_an_expired_token_stops_working_and_is_not_listed(alice: object,
                                                          as_alice: APIClient) -> None:
    token, secret = create_token(alice, expires_in_days=1)
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert _refused(_with_token(secret))
    assert as_alice.get("/api/v1/auth/tokens/").json() == []


def test_a_token_of_a_deactivated_user_stops_working(alice: object) -> None:
    _token, secret = create_token(alice)
    alice.is_active = False
    alice.save()
    assert _refused(_with_token(secret))


def test_a_token_in_the_query_string_is_ignored(alice: object) -> None:
    _token, secret = create_token(alice)
    assert APIClient().get(f"/api/v1/auth/me/?token={secret}").status_code == 403


def test_a_made_up_token_is_refused(alice: object) -> None:
    assert _refused(_with_token("daria_not-a-real-token"))


def test_bob_can_neither_see_nor_revoke_alices_token(alice: object, as_bob: APIClient) -> None:
    token, secret = create_token(alice)
    assert as_bob.get("/api/v1/auth/tokens/").json() == []
    assert as_bob.delete(f"/api/v1/auth/tokens/{token.pk}/").status_code == 404
    assert _with_token(secret).get("/api/v1/auth/me/").status_code == 200


def test_a_viewers_token_cannot_upload(alice: object, charlie: object) -> None:
    project = create_project(alice, "Shared")
    add_member(project, charlie, Role.VIEWER)
    _token, secret = create_token(charlie)
    upload = SimpleUploadedFile("more.csv", churn_csv(), content_type="text/csv")
    client = _with_token(secret)
    assert client.get(f"/api/v1/projects/{project.pk}/").status_code == 200
    response = client.post(f"/api/v1/projects/{project.pk}/datasets/", {"file": upload},
                           format="multipart")
    assert response.status_code == 403


@pytest.mark.parametrize("days", [0, 366])
def test_a_token_lives_between_one_and_365_days(as_alice: APIClient, days: int) -> None:
    response = as_alice.post("/api/v1/auth/tokens/", {"expires_in_days": days}, format="json")
    assert response.status_code == 400 and "expires_in_days" in response.json()


def test_creating_a_token_is_audited_without_its_secret(alice: object,
                                                        as_alice: APIClient) -> None:
    secret = as_alice.post("/api/v1/auth/tokens/", {"name": "ci"}, format="json").json()["token"]
    event = AuditEvent.objects.get(action=Action.TOKEN_CREATE)
    assert event.actor_username == "alice" and event.details["name"] == "ci"
    assert secret not in str(event.details)
