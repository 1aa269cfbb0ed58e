"""Cancelling a search on a real Celery worker while a long trial runs: the trial stops within
seconds, the experiment is cancelled within ten, and the finished trials become its model."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.experiments.models import Experiment, Trial
from daria.predictions.models import TrainedModel
from tests.conftest import DATASETS
from tests.processes import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# A configuration that takes many seconds on credit_g with one thread: 500 unpruned trees on
# every feature, five folds.
SLOW = {"algorithm": "random_forest", "params": {
    "n_estimators": 500, "max_features": 1.0, "min_samples_leaf": 1, "bootstrap": False,
    "criterion": "entropy", "class_weight": "none"}}
CANCELLED_WITHIN_S = 10




def test_a_cancel_stops_the_running_trial_and_keeps_the_finished_ones_as_a_model(
    alice: object, worker: object, as_alice: APIClient
) -> None:
    project = as_alice.post("/api/v1/projects/", {"name": "Stop"}, format="json").json()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/", {
        "file": SimpleUploadedFile("credit_g.csv", (DATASETS / "credit_g.csv").read_bytes()),
    }, format="multipart").json()
    experiment_id = as_alice.post("/api/v1/experiments/", {
        "dataset": dataset["id"], "target": "class", "time_budget_s": 300,
    }, format="json").json()["id"]
    trials = Trial.objects.filter(experiment_id=experiment_id)
    wait_for(lambda: trials.filter(state="complete").exists(), "a finished trial")

    queued = as_alice.post(f"/api/v1/experiments/{experiment_id}/trials/", SLOW, format="json")
    assert queued.status_code == 201, queued.json()
    slow = queued.json()["number"]
    wait_for(lambda: trials.filter(number=slow, state="running").exists(), "the slow trial")
    time.sleep(1)  # well into its folds
    asked = time.monotonic()
    assert as_alice.post(f"/api/v1/experiments/{experiment_id}/cancel/").status_code == 200
    experiment = wait_for(lambda: Experiment.objects.filter(
        pk=experiment_id, status__in=Experiment.FINISHED).first(), "the end", 60)

    assert experiment.status == "cancelled", experiment.error
    assert time.monotonic() - asked < CANCELLED_WITHIN_S
    assert trials.get(number=slow).state == "cancelled"
    assert not trials.filter(state__in=Trial.PENDING).exists()
    best = trials.filter(state="complete").order_by("-score").first()
    assert TrainedModel.objects.get(experiment=experiment).score == pytest.approx(best.score)
