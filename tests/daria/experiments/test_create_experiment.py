"""Starting an experiment: validated by the engine before anything is stored or queued."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daria.accounts.services import create_project
from daria.datasets.services import ingest_dataset
from daria.experiments.models import Experiment
from tests.conftest import BAD_INPUTS
from tests.daria.factories import make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Churn"))


def _start(client: object, **body: object) -> object:
    return client.post("/api/v1/experiments/", body, format="json")


def test_a_new_experiment_is_queued_with_the_inferred_task_and_default_metric(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _start(as_alice, dataset=dataset.pk, target="churn", time_budget_s=30)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "queued" and body["task"] == "binary"
    assert body["metric"] == "roc_auc" and body["greater_is_better"] is True
    assert "binary" in body["task_reason"]
    assert body["n_trials"] == 0 and body["best"] is None and body["model"] is None
    assert len(callbacks) == 1  # the run is enqueued only once the row is committed


def test_an_explicit_metric_must_suit_the_task(as_alice: object, dataset: object) -> None:
    response = _start(as_alice, dataset=dataset.pk, target="churn", metric="rmse")
    assert response.status_code == 400
    assert response.json()["code"] == "metric_task_mismatch"
    assert not Experiment.objects.exists()


def test_the_target_must_be_a_column_of_the_dataset(as_alice: object, dataset: object) -> None:
    response = _start(as_alice, dataset=dataset.pk, target="salary")
    assert response.status_code == 400
    assert "target" in response.json()


@pytest.mark.parametrize("budget", [5, 86401])
def test_the_time_budget_must_be_in_range(as_alice: object, dataset: object,
                                          budget: int) -> None:
    response = _start(as_alice, dataset=dataset.pk, target="churn", time_budget_s=budget)
    assert response.status_code == 400
    assert "time_budget_s" in response.json()


@pytest.mark.parametrize(("name", "hint"), [
    ("target_single_class.csv", "one class"),
    ("target_all_missing.csv", "missing"),
    ("single_column.csv", "feature"),
])
def test_a_target_that_cannot_be_learned_is_refused_before_anything_is_queued(
    name: str, hint: str, alice: object, as_alice: object
) -> None:
    project = create_project(alice, "Targets")
    upload = SimpleUploadedFile(name, (BAD_INPUTS / name).read_bytes())
    dataset = ingest_dataset(alice, project.pk, upload)
    target = dataset.columns.last().name  # each of these files has its target last

    response = _start(as_alice, dataset=dataset.pk, target=target)

    assert response.status_code == 400, response.json()
    assert hint in response.json()["detail"].lower()
    assert not Experiment.objects.exists()

