"""What each role may do in a project: owners everything, editors all but members, viewers only
read, and non-members nothing (404, so that they learn nothing of the project).

Every case runs twice, through each real way of signing in: a browser session and an API token
in the ``Authorization`` header (a token acts with exactly its owner's roles)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.response import Response
from rest_framework.test import APIClient

from daria.accounts.models import Role
from daria.accounts.services import add_member
from daria.accounts.tokens import create_token
from tests.daria.factories import ExperimentFactory, churn_csv
from tests.daria.security.world import World

pytestmark = pytest.mark.django_db

Action = Callable[[APIClient, World], Response]


def _read_dataset(client: APIClient, w: World) -> Response:
    return client.get(f"/api/v1/datasets/{w.dataset.pk}/")


def _upload(client: APIClient, w: World) -> Response:
    upload = SimpleUploadedFile("more.csv", churn_csv(n_rows=40), content_type="text/csv")
    return client.post(f"/api/v1/projects/{w.project.pk}/datasets/", {"file": upload},
                       format="multipart")


def _start_experiment(client: APIClient, w: World) -> Response:
    return client.post("/api/v1/experiments/", {"dataset": w.dataset.pk, "target": "churn"},
                       format="json")


def _cancel(client: APIClient, w: World) -> Response:
    queued = ExperimentFactory(dataset=w.dataset)
    return client.post(f"/api/v1/experiments/{queued.pk}/cancel/")


def _predict(client: APIClient, w: World) -> Response:
    rows = [{"age": 30, "plan": "basic", "usage": 80.0}]
    return client.post(f"/api/v1/models/{w.model.pk}/predict/", {"rows": rows}, format="json")


def _download_model(client: APIClient, w: World) -> Response:
    return client.get(f"/api/v1/models/{w.model.pk}/download/")


def _download_predictions(client: APIClient, w: World) -> Response:
    return client.get(f"/api/v1/predictions/{w.batch.pk}/download/")


def _list_members(client: APIClient, w: World) -> Response:
    return client.get(f"/api/v1/projects/{w.project.pk}/members/")


def _invite_member(client: APIClient, w: World) -> Response:
    get_user_model().objects.create_user("erin")
    return client.post(f"/api/v1/projects/{w.project.pk}/members/",
                       {"user": "erin", "role": "viewer"}, format="json")


def _change_a_role(client: APIClient, w: World) -> Response:
    return client.patch(f"/api/v1/projects/{w.project.pk}/members/{w.membership.pk}/",
                        {"role": "editor"}, format="json")


def _remove_a_member(client: APIClient, w: World) -> Response:
    return client.delete(f"/api/v1/projects/{w.project.pk}/members/{w.membership.pk}/")


ROLES = ("owner", "editor", "viewer", "non-member")

# Action -> expected status for owner, editor, viewer, non-member. Starting an experiment names
# the dataset in the body, so an outsider's request fails validation (400: no such dataset).
MATRIX: dict[str, tuple[Action, tuple[int, int, int, int]]] = {
    "read a dataset": (_read_dataset, (200, 200, 200, 404)),
    "upload a dataset": (_upload, (201, 201, 403, 404)),
    "start an experiment": (_start_experiment, (201, 201, 403, 400)),
    "cancel an experiment": (_cancel, (200, 200, 403, 404)),
    "predict": (_predict, (200, 200, 403, 404)),
    "download the model": (_download_model, (200, 200, 200, 404)),
    "download predictions": (_download_predictions, (200, 200, 200, 404)),
    "list the members": (_list_members, (200, 403, 403, 404)),
    "invite a member": (_invite_member, (201, 403, 403, 404)),
    "change a member's role": (_change_a_role, (200, 403, 403, 404)),
    "remove a member": (_remove_a_member, (204, 403, 403, 404)),
}

SIGN_INS = ("session", "token")

CASES = [pytest.param(action, role, sign_in, expected[i],
                      id=f"{role}-may-{action.replace(' ', '-')}-by-{sign_in}")
         for action, (_, expected) in MATRIX.items() for i, role in enumerate(ROLES)
         for sign_in in SIGN_INS]


def _signed_in(user: object, sign_in: str) -> APIClient:
    """A client that authenticates as ``user`` the real way: a session cookie or a token."""
    client = APIClient()
    if sign_in == "session":
        client.force_login(user)
    else:
        _token, secret = create_token(user, name="role matrix")
        client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


@pytest.fixture
def client_of(world: World, alice: object, charlie: object, bob: object
              ) -> Callable[[str, str], APIClient]:
    """An API client for a role in alice's world (charlie is its viewer already)."""
    editor = get_user_model().objects.create_user("dave")
    add_member(world.project, editor, Role.EDITOR)
    users = {"owner": alice, "editor": editor, "viewer": charlie, "non-member": bob}
    return lambda role, sign_in: _signed_in(users[role], sign_in)


@pytest.mark.parametrize(("action", "role", "sign_in", "expected"), CASES)
def test_a_role_gets_the_expected_answer_for_an_action(
    action: str, role: str, sign_in: str, expected: int, world: World,
    client_of: Callable[[str, str], APIClient],
) -> None:
    do, _ = MATRIX[action]

    response = do(client_of(role, sign_in), world)

    assert response.status_code == expected, getattr(response, "data", response)
