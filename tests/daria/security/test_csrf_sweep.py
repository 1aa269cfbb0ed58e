"""With a browser session, every unsafe request without the CSRF token is refused (403), on
every route the resolver knows, admin included; signing in and first-run setup too, so that
another site cannot sign a browser into an account of its choosing."""

from __future__ import annotations

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import NoReverseMatch, reverse
from rest_framework.test import APIClient

from tests.daria.security.routes import UNSAFE_METHODS, Route, all_routes

pytestmark = pytest.mark.django_db

# Sample values for the URL keyword arguments: CSRF is checked before any object is looked up.
SAMPLE_KWARGS: dict[str, object] = {
    "pk": 1, "member_id": 1, "name": "plan", "path": "projects", "uidb64": "MQ",
    "token": "set-password", "object_id": "1", "app_label": "auth", "content_type_id": 1,
    "url": "missing", "id": 1, "chart": "metrics", "number": 0,
}

# It reads no session (no authentication classes) and signs nobody in: it answers a token in
# its body, which another site's page cannot read.
NO_SESSION_ROUTES = {"auth-token"}


def _url(route: Route) -> str:
    try:
        return reverse(route.name, kwargs={k: SAMPLE_KWARGS[k] for k in route.kwargs})
    except (KeyError, NoReverseMatch) as error:
        pytest.fail(f"add a sample value for the route {route.name} ({route.pattern}): {error}")


def _refused_for_csrf(response: object) -> bool:
    """403 from DRF's session check ("CSRF Failed") or Django's middleware (its error page)."""
    return response.status_code == 403 and b"CSRF" in response.content


def _send(client: APIClient, method: str, url: str, **headers: str) -> object:
    """The request as JSON, or as a multipart form to a view that reads only forms (415)."""
    response = client.generic(method, url, "{}", content_type="application/json",
                              headers=headers)
    if response.status_code == 415:
        body = encode_multipart(BOUNDARY, {"name": "x"})
        response = client.generic(method, url, body, content_type=MULTIPART_CONTENT,
                                  headers=headers)
    return response


@pytest.fixture
def browser(alice: object) -> APIClient:
    """Alice's browser: a real session cookie, and CSRF checked as in production."""
    client = APIClient(enforce_csrf_checks=True)
    assert client.login(username="alice", password="alice-pass-1234")
    alice.is_staff = alice.is_superuser = True  # so admin pages get past their own sign-in
    alice.save()
    return client


def test_every_unsafe_request_without_the_token_is_refused(browser: APIClient) -> None:
    token = browser.get("/api/v1/auth/csrf/").json()["csrf_token"]
    accepted: dict[str, dict[str, int]] = {}
    for route in all_routes():
        if route.name in NO_SESSION_ROUTES:
            continue
        url = _url(route)
        for method in UNSAFE_METHODS:
            response = _send(browser, method, url)
            # A page rendered as HTML may hide the reason: then the token must make the
            # difference.
            refused = _refused_for_csrf(response) or (
                response.status_code == 403
                and _send(browser, method, url, **{"X-CSRFToken": token}).status_code != 403)
            if not refused:
                accepted.setdefault(url, {})[method] = response.status_code

    assert not accepted


@pytest.mark.parametrize("url", ["/api/v1/auth/login/", "/api/v1/setup/", "/admin/login/"])
def test_signing_in_without_the_token_is_refused_even_when_signed_out(
    url: str, alice: object
) -> None:
    client = APIClient(enforce_csrf_checks=True)
    body = {"username": "alice", "password": "alice-pass-1234", "password_confirm": "x"}

    response = client.post(url, body, format="json")

    assert _refused_for_csrf(response), response.status_code
    assert "sessionid" not in response.cookies


def test_the_same_requests_pass_with_the_token(browser: APIClient) -> None:
    # Proves the refusals above are the CSRF check, not a broken route or a missing object.
    token = browser.get("/api/v1/auth/csrf/").json()["csrf_token"]

    created = browser.post("/api/v1/projects/", {"name": "With token"}, format="json",
                           HTTP_X_CSRFTOKEN=token)
    logged_out = browser.post("/api/v1/auth/logout/", HTTP_X_CSRFTOKEN=token)

    assert created.status_code == 201
    assert logged_out.status_code == 204


def test_signing_in_passes_with_the_token(alice: object) -> None:
    client = APIClient(enforce_csrf_checks=True)
    token = client.get("/api/v1/auth/csrf/").json()["csrf_token"]

    response = client.post("/api/v1/auth/login/",
                           {"username": "alice", "password": "alice-pass-1234"},
                           format="json", HTTP_X_CSRFTOKEN=token)

    assert response.status_code == 200 and "sessionid" in response.cookies


def test_the_token_route_starts_no_session(browser: APIClient, alice: object) -> None:
    response = browser.post("/api/v1/auth/token/",
                            {"username": "alice", "password": "alice-pass-1234"}, format="json")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies
