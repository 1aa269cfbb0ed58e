"""Manual search on its own (searcher ``manual``): only the configurations the user wrote run,
then the search ends with a model built from them; without one it is refused."""

from __future__ import annotations

import pytest

from daria.accounts.services import create_project
from daria.experiments import scheduling
from daria.experiments.models import Experiment
from daria.predictions.models import TrainedModel
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import make_dataset

pytestmark = pytest.mark.django_db

LINEAR = {"algorithm": "linear", "params": {"C": 0.37, "class_weight": "balanced"}}
KNN = {"algorithm": "knn", "params": {"n_neighbors": 7, "weights": "distance", "p": 1}}
OTHER_KNN = {"algorithm": "knn", "params": {"n_neighbors": 3, "weights": "uniform", "p": 2}}


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Manual search"))


def _create(client: object, capture: object, dataset: object, **options: object) -> object:
    """POST a manual search without sending its run (the test starts it itself)."""
    body = {"dataset": dataset.pk, "target": "churn", "time_budget_s": 600,
            "searcher": "manual", **options}
    with capture(execute=False):
        return client.post("/api/v1/experiments/", body, format="json")


def _configurations(experiment_id: int) -> list[dict]:
    trials = Experiment.objects.get(pk=experiment_id).trials.order_by("number")
    return [{"algorithm": t.algorithm, "params": t.params} for t in trials]


def test_a_manual_search_runs_only_its_configurations_then_builds_the_model(
    as_alice: object, dataset: object, queue: InProcessQueue,
    django_capture_on_commit_callbacks: object,
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset, parallelism=2,
                       initial_configurations=[KNN, LINEAR, OTHER_KNN])
    assert response.status_code == 201, response.json()
    experiment_id = response.json()["id"]

    with queue.capture(execute=True):
        scheduling.start_search(experiment_id)
    queue.drain()

    experiment = Experiment.objects.get(pk=experiment_id)
    assert experiment.status == Experiment.Status.SUCCEEDED, experiment.error
    assert _configurations(experiment_id) == [KNN, LINEAR, OTHER_KNN]  # no portfolio, no search
    assert TrainedModel.objects.filter(experiment=experiment).exists()


def test_a_configuration_queued_while_a_manual_search_runs_runs_too(
    as_alice: object, dataset: object, queue: InProcessQueue,
    django_capture_on_commit_callbacks: object,
) -> None:
    experiment_id = _create(as_alice, django_capture_on_commit_callbacks, dataset, parallelism=1,
                            initial_configurations=[KNN, LINEAR]).json()["id"]
    with queue.capture(execute=True):
        scheduling.start_search(experiment_id)

    with queue.capture(execute=True):
        response = as_alice.post(f"/api/v1/experiments/{experiment_id}/trials/", OTHER_KNN,
                                 format="json")
    assert response.status_code == 201, response.json()
    queue.drain()

    assert Experiment.objects.get(pk=experiment_id).status == Experiment.Status.SUCCEEDED
    ran = _configurations(experiment_id)
    assert len(ran) == 3 and all(c in ran for c in (KNN, LINEAR, OTHER_KNN))


def test_a_manual_search_without_a_configuration_is_refused(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset)
    assert response.status_code == 400
    assert "starting configuration" in response.json()["initial_configurations"][0]
    assert not Experiment.objects.exists()


def test_manual_search_is_offered_with_a_description(as_alice: object) -> None:
    body = as_alice.get("/api/v1/search-space/", {"task": "binary"}).json()
    manual = next(s for s in body["searchers"] if s["name"] == "manual")
    assert "starting configurations you write" in manual["description"]
