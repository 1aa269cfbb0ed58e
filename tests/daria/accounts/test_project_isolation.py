"""Another project's objects answer 404 on every route, list routes included."""

import pytest
from rest_framework.test import APIClient

from daria.accounts.services import create_project
from daria.predictions.models import PredictionBatch, TrainedModel
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_things(alice: object) -> dict[str, int]:
    project = create_project(alice, "Alice's secrets")
    dataset = make_dataset(alice, project)
    experiment = ExperimentFactory(dataset=dataset)
    TrialFactory(experiment=experiment, number=0)
    model = TrainedModel.objects.create(
        experiment=experiment, project=project, file="models/none.skops", target="churn",
        task="binary", metric="roc_auc", algorithm="lightgbm", score=0.9,
    )
    batch = PredictionBatch.objects.create(model=model, project=project, name="x.csv",
                                           file="predictions/none.csv", n_rows=1)
    return {"project": project.pk, "dataset": dataset.pk, "experiment": experiment.pk,
            "model": model.pk, "batch": batch.pk}


READ_ROUTES = [
    "/api/v1/projects/{project}/",
    "/api/v1/projects/{project}/datasets/",
    "/api/v1/projects/{project}/experiments/",
    "/api/v1/datasets/{dataset}/",
    "/api/v1/datasets/{dataset}/preview/",
    "/api/v1/experiments/{experiment}/",
    "/api/v1/experiments/{experiment}/trials/",
    "/api/v1/models/{model}/",
    "/api/v1/models/{model}/download/",
    "/api/v1/predictions/{batch}/download/",
]
WRITE_ROUTES = [
    "/api/v1/projects/{project}/datasets/",
    "/api/v1/experiments/{experiment}/cancel/",
    "/api/v1/models/{model}/predict/",
]


@pytest.mark.parametrize("route", READ_ROUTES)
def test_bob_gets_404_reading_alices_objects(route: str, alices_things: dict[str, int],
                                             as_bob: APIClient) -> None:
    assert as_bob.get(route.format(**alices_things)).status_code == 404


@pytest.mark.parametrize("route", WRITE_ROUTES)
def test_bob_gets_404_changing_alices_objects(route: str, alices_things: dict[str, int],
                                              as_bob: APIClient) -> None:
    assert as_bob.post(route.format(**alices_things), {}, format="json").status_code == 404


def test_bobs_lists_do_not_show_alices_project(alices_things: dict[str, int],
                                               as_bob: APIClient) -> None:
    assert as_bob.get("/api/v1/projects/").json() == []


def test_bob_cannot_start_an_experiment_on_alices_dataset(alices_things: dict[str, int],
                                                          as_bob: APIClient) -> None:
    response = as_bob.post("/api/v1/experiments/", {"dataset": alices_things["dataset"],
                           "target": "churn"}, format="json")
    assert response.status_code == 400
    assert "dataset" in response.json()


@pytest.mark.parametrize("route", [r for r in READ_ROUTES if "download" not in r])
def test_alice_herself_can_read_the_same_routes(route: str, alices_things: dict[str, int],
                                                as_alice: APIClient) -> None:
    # Proves the 404s above come from isolation, not from broken routes. (The rows here have
    # no files, so downloads are covered by the prediction tests.)
    assert as_alice.get(route.format(**alices_things)).status_code == 200
