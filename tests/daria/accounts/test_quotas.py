"""Quotas: a user's queued plus running experiments, and a project's stored bytes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.accounts.models import ProjectQuota, UserQuota
from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from daria.experiments.models import Experiment
from tests.conftest import stored_files
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> Dataset:
    return make_dataset(alice, create_project(alice, "Quota"))


def _start(client: APIClient, dataset: Dataset) -> object:
    return client.post("/api/v1/experiments/", {"dataset": dataset.pk, "target": "churn"},
                       format="json")


def test_a_third_concurrent_experiment_is_refused_with_a_clear_message(
    alice: object, as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 2
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.QUEUED)
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)

    response = _start(as_alice, dataset)

    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "too_many_experiments" and "2" in body["detail"]
    assert Experiment.objects.count() == 2


def test_a_paused_experiment_still_counts(alice: object, as_alice: APIClient,
                                          dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.PAUSED)
    assert _start(as_alice, dataset).status_code == 429


def test_finished_experiments_do_not_count(alice: object, as_alice: APIClient,
                                           dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    for status in (Experiment.Status.SUCCEEDED, Experiment.Status.FAILED,
                   Experiment.Status.CANCELLED):
        ExperimentFactory(dataset=dataset, created_by=alice, status=status)
    assert _start(as_alice, dataset).status_code == 201


def test_other_users_experiments_do_not_count(bob: object, as_alice: APIClient,
                                              dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=bob, status=Experiment.Status.RUNNING)
    assert _start(as_alice, dataset).status_code == 201


def test_an_administrator_can_raise_one_users_limit(alice: object, as_alice: APIClient,
                                                    dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)
    assert _start(as_alice, dataset).status_code == 429
    UserQuota.objects.create(user=alice, max_concurrent_experiments=2)
    assert _start(as_alice, dataset).status_code == 201


def _upload(client: APIClient, project_id: int) -> object:
    upload = SimpleUploadedFile("more.csv", churn_csv(), content_type="text/csv")
    return client.post(f"/api/v1/projects/{project_id}/datasets/", {"file": upload},
                       format="multipart")


def test_an_upload_past_the_projects_storage_quota_is_refused_and_not_stored(
    as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_PROJECT_STORAGE_BYTES = dataset.size_bytes + 100
    before = stored_files("datasets")

    response = _upload(as_alice, dataset.project_id)

    assert response.status_code == 400
    assert response.json()["code"] == "storage_quota_exceeded"
    assert stored_files("datasets") == before
    assert Dataset.objects.count() == 1


def test_a_project_quota_overrides_the_default_and_zero_means_unlimited(
    as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_PROJECT_STORAGE_BYTES = 1
    assert _upload(as_alice, dataset.project_id).status_code == 400
    ProjectQuota.objects.create(project_id=dataset.project_id, max_storage_bytes=0)
    assert _upload(as_alice, dataset.project_id).status_code == 201
