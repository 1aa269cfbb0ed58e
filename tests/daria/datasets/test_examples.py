"""The bundled example dataset: one click gives a beginner a profiled dataset to train on."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.datasets.examples import EXAMPLE_FILE
from daria.datasets.models import Dataset
from tests.conftest import DATASETS, client_for, stored_files

pytestmark = pytest.mark.django_db

URL = "/api/v1/example-dataset/"


def test_without_a_project_it_creates_one_with_the_profiled_example(
    as_alice: APIClient, alice: object
) -> None:
    response = as_alice.post(URL, {}, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "ready" and body["name"] == "credit_g.csv"
    assert body["n_rows"] == 1000 and body["n_columns"] == 21
    assert body["suggested_target"] == "class"
    projects = as_alice.get("/api/v1/projects/").json()
    assert [(p["id"], p["role"]) for p in projects] == [(body["project"], "owner")]
    [stored] = stored_files("datasets")
    assert stored.read_bytes() == EXAMPLE_FILE.read_bytes()


def test_the_new_project_is_named_in_the_callers_language(as_alice: APIClient) -> None:
    response = as_alice.post(URL, {}, format="json", HTTP_ACCEPT_LANGUAGE="ko")

    assert response.status_code == 201
    [project] = as_alice.get("/api/v1/projects/").json()
    assert project["name"] == "예제: 신용 위험"


def test_into_a_chosen_project_it_adds_a_dataset_and_no_project(
    as_alice: APIClient, alice: object
) -> None:
    project = create_project(alice, "Mine")

    response = as_alice.post(URL, {"project": project.pk}, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["project"] == project.pk
    assert Dataset.objects.filter(project=project).count() == 1
    assert len(as_alice.get("/api/v1/projects/").json()) == 1


def test_the_example_is_the_public_credit_dataset_unchanged() -> None:
    assert EXAMPLE_FILE.read_bytes() == (DATASETS / "credit_g.csv").read_bytes()
    readme = (EXAMPLE_FILE.parent / "README.md").read_text()
    assert "CC BY 4.0" in readme and "Sungwon-Han/FeatLLM" in readme


def test_a_viewer_may_not_add_the_example(alice: object, charlie: object) -> None:
    project = create_project(alice, "Read only for charlie")
    add_member(project, charlie, Role.VIEWER)

    response = client_for(charlie).post(URL, {"project": project.pk}, format="json")

    assert response.status_code == 403
    assert not Dataset.objects.exists()


def test_another_users_project_answers_404(as_bob: APIClient, alice: object) -> None:
    project = create_project(alice, "Alice's")

    response = as_bob.post(URL, {"project": project.pk}, format="json")

    assert response.status_code == 404
    assert not Dataset.objects.exists()


def test_a_bad_project_value_is_a_field_error(as_alice: APIClient) -> None:
    response = as_alice.post(URL, {"project": "first"}, format="json")

    assert response.status_code == 400
    assert "project" in response.json()


def test_signed_out_callers_are_refused() -> None:
    response = APIClient().post(URL, {}, format="json")

    assert response.status_code in (401, 403)
    assert not Dataset.objects.exists()
