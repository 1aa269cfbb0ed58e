"""A search with a chosen searcher, restricted algorithms and a hand-written starting
configuration runs to the end on a real Celery worker, and every trial keeps to the choice."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from automl_core.search.registry import available_searchers
from daria.experiments.models import Experiment, Trial
from tests.conftest import DATASETS
from tests.processes import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 20
ALGORITHMS = ["linear", "knn"]
START = {"algorithm": "knn", "params": {"n_neighbors": 9, "weights": "distance", "p": 1}}
# Evolution when it is registered, else grid, else the engine's default.
SEARCHER = next((name for name in ("evolution", "grid")
                 if name in [k.value for k in available_searchers()]), "random")


def test_a_search_keeps_to_its_searcher_and_algorithms_on_a_real_worker(
    alice: object, worker: object, as_alice: APIClient
) -> None:
    project = as_alice.post("/api/v1/projects/", {"name": "Options"}, format="json").json()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/", {
        "file": SimpleUploadedFile("credit_g.csv", (DATASETS / "credit_g.csv").read_bytes()),
    }, format="multipart").json()

    started = as_alice.post("/api/v1/experiments/", {
        "dataset": dataset["id"], "target": "class", "time_budget_s": BUDGET_S,
        "searcher": SEARCHER, "algorithms": ALGORITHMS, "validation_folds": 3,
        "initial_configurations": [START],
    }, format="json")
    assert started.status_code == 201, started.json()

    experiment = wait_for(lambda: Experiment.objects.filter(
        pk=started.json()["id"], status__in=Experiment.FINISHED).first(),
        "the end of the search", timeout_s=BUDGET_S + 120)

    assert experiment.status == "succeeded", experiment.error
    assert experiment.searcher == SEARCHER
    trials = list(Trial.objects.filter(experiment=experiment).order_by("number"))
    assert (trials[0].algorithm, trials[0].params) == (START["algorithm"], START["params"])
    assert {t.algorithm for t in trials} <= set(ALGORITHMS)
    assert len(trials) > 4  # beyond the start and the portfolio: the searcher's own proposals
    complete = [t for t in trials if t.state == "complete"]
    assert complete and all(len(t.fold_scores) == 3 for t in complete)
