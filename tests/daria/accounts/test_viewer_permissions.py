"""Viewers can read a project but not upload, run or predict."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from tests.conftest import client_for
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(alice: object, charlie: object) -> dict[str, object]:
    project = create_project(alice, "Shared")
    add_member(project, charlie, Role.VIEWER)
    dataset = make_dataset(alice, project)
    return {"project": project, "dataset": dataset,
            "experiment": ExperimentFactory(dataset=dataset), "as_charlie": client_for(charlie)}


def test_a_viewer_can_read_the_project_and_its_datasets(setup: dict[str, object]) -> None:
    client: APIClient = setup["as_charlie"]
    assert client.get(f"/api/v1/projects/{setup['project'].pk}/").json()["role"] == "viewer"
    assert client.get(f"/api/v1/datasets/{setup['dataset'].pk}/").status_code == 200


def test_a_viewer_cannot_upload(setup: dict[str, object]) -> None:
    client: APIClient = setup["as_charlie"]
    upload = SimpleUploadedFile("more.csv", churn_csv(), content_type="text/csv")
    response = client.post(f"/api/v1/projects/{setup['project'].pk}/datasets/",
                           {"file": upload}, format="multipart")
    assert response.status_code == 403


def test_a_viewer_cannot_start_an_experiment(setup: dict[str, object]) -> None:
    client: APIClient = setup["as_charlie"]
    response = client.post("/api/v1/experiments/", {"dataset": setup["dataset"].pk,
                           "target": "churn"}, format="json")
    assert response.status_code == 403


def test_a_viewer_cannot_cancel_an_experiment(setup: dict[str, object]) -> None:
    client: APIClient = setup["as_charlie"]
    response = client.post(f"/api/v1/experiments/{setup['experiment'].pk}/cancel/")
    assert response.status_code == 403

