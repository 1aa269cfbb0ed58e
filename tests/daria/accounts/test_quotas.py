"""Quotas: a user's experiments holding a slot (beyond them, a waiting line), and a
project's stored bytes."""

import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from rest_framework.test import APIClient

from daria.accounts.models import ProjectQuota, UserQuota
from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from daria.experiments.models import Experiment
from daria.experiments.services import create_experiment
from tests.conftest import stored_files
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> Dataset:
    return make_dataset(alice, create_project(alice, "Quota"))


def _start(client: APIClient, dataset: Dataset) -> object:
    return client.post("/api/v1/experiments/", {"dataset": dataset.pk, "target": "churn"},
                       format="json")


def test_a_third_concurrent_experiment_waits_with_its_place_in_line(
    alice: object, as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 2
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.QUEUED)
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)

    third, fourth = _start(as_alice, dataset), _start(as_alice, dataset)

    assert third.status_code == fourth.status_code == 201
    assert (third.json()["status"], third.json()["queue_position"]) == ("waiting", 1)
    assert (fourth.json()["status"], fourth.json()["queue_position"]) == ("waiting", 2)


def test_a_full_waiting_line_is_refused_with_a_clear_message(
    alice: object, as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    settings.DARIA_MAX_WAITING_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)
    assert _start(as_alice, dataset).json()["status"] == "waiting"

    response = _start(as_alice, dataset)

    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "too_many_experiments" and "1" in body["detail"]
    assert Experiment.objects.count() == 2


def test_the_oldest_waiting_experiment_starts_when_a_slot_frees(
    alice: object, as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    running = ExperimentFactory(dataset=dataset, created_by=alice,
                                status=Experiment.Status.QUEUED)
    first, second = (_start(as_alice, dataset).json() for _ in range(2))

    assert as_alice.post(f"/api/v1/experiments/{running.pk}/cancel/").json()["status"] == \
        "cancelled"

    statuses = {e["id"]: (e["status"], e["queue_position"]) for e in (
        as_alice.get(f"/api/v1/experiments/{pk}/").json() for pk in (first["id"], second["id"]))}
    assert statuses == {first["id"]: ("queued", None), second["id"]: ("waiting", 1)}


def test_a_waiting_experiment_can_be_cancelled_and_leaves_the_line(
    alice: object, as_alice: APIClient, dataset: Dataset, settings: object
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)
    first, second = (_start(as_alice, dataset).json() for _ in range(2))

    assert as_alice.post(f"/api/v1/experiments/{first['id']}/cancel/").json()["status"] == \
        "cancelled"
    assert as_alice.get(f"/api/v1/experiments/{second['id']}/").json()["queue_position"] == 1


def test_a_paused_experiment_still_holds_its_slot(alice: object, as_alice: APIClient,
                                                  dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.PAUSED)
    assert _start(as_alice, dataset).json()["status"] == "waiting"


def test_finished_experiments_do_not_count(alice: object, as_alice: APIClient,
                                           dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    for status in (Experiment.Status.SUCCEEDED, Experiment.Status.FAILED,
                   Experiment.Status.CANCELLED):
        ExperimentFactory(dataset=dataset, created_by=alice, status=status)
    assert _start(as_alice, dataset).json()["status"] == "queued"


def test_other_users_experiments_do_not_count(bob: object, as_alice: APIClient,
                                              dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=bob, status=Experiment.Status.RUNNING)
    assert _start(as_alice, dataset).json()["status"] == "queued"


def test_an_administrator_can_raise_one_users_limit(alice: object, as_alice: APIClient,
                                                    dataset: Dataset, settings: object) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    ExperimentFactory(dataset=dataset, created_by=alice, status=Experiment.Status.RUNNING)
    assert _start(as_alice, dataset).json()["status"] == "waiting"
    UserQuota.objects.create(user=alice, max_concurrent_experiments=3)
    assert _start(as_alice, dataset).json()["status"] == "queued"


@pytest.mark.django_db(transaction=True)
def test_concurrent_starts_never_both_take_the_last_slot(
    alice: object, dataset: Dataset, settings: object
) -> None:
    """Two starts at the same moment, in two database sessions: the user-row lock serializes
    them, so exactly one is queued and the other waits."""
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    barrier = threading.Barrier(2)
    statuses: list[str] = []

    def start() -> None:
        try:
            barrier.wait()
            statuses.append(create_experiment(alice, dataset, "churn").status)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == ["queued", "waiting"]


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
