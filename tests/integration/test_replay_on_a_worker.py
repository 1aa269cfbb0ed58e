"""A finished search replayed on a real Celery worker reproduces every trial's score."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.conftest import BAD_INPUTS

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 12
WAIT_S = 300  # worker start-up, the replay's trials one by one and a slow shared machine


def _wait_for_the_end(client: APIClient, experiment_id: int) -> dict:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        experiment = client.get(f"/api/v1/experiments/{experiment_id}/").json()
        if experiment["status"] in ("succeeded", "failed", "cancelled"):
            return experiment
        time.sleep(1)
    pytest.fail(f"experiment {experiment_id} did not finish within {WAIT_S} s")


def test_a_replay_reproduces_every_trial_of_the_original_within_1e_6(
        alice: object, worker: object, as_alice: APIClient) -> None:
    project = as_alice.post("/api/v1/projects/", {"name": "Replay"}, format="json").json()
    content = (BAD_INPUTS / "train_reference.csv").read_bytes()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/",
                            {"file": SimpleUploadedFile("train_reference.csv", content)},
                            format="multipart").json()
    started = as_alice.post("/api/v1/experiments/", {
        "dataset": dataset["id"], "target": "churn", "time_budget_s": BUDGET_S,
        "algorithms": ["linear", "lightgbm"], "validation_folds": 3,
    }, format="json")
    assert started.status_code == 201, started.json()
    original = _wait_for_the_end(as_alice, started.json()["id"])
    assert original["status"] == "succeeded", original
    trials = as_alice.get(f"/api/v1/experiments/{original['id']}/trials/").json()
    completed = [t for t in trials if t["state"] == "complete"]
    assert len(completed) >= 2

    answer = as_alice.post(f"/api/v1/experiments/{original['id']}/replay/")
    assert answer.status_code == 201, answer.json()
    replay = _wait_for_the_end(as_alice, answer.json()["id"])

    assert replay["status"] == "succeeded", replay
    assert replay["replay_of"] == original["id"] and replay["parallelism"] == 1
    comparison = as_alice.get(f"/api/v1/experiments/{replay['id']}/replay-comparison/").json()
    assert comparison["finished"] and comparison["total"] == len(completed)
    assert [(t["number"], t["algorithm"]) for t in comparison["trials"]] == [
        (t["number"], t["algorithm"]) for t in completed]
    for row, trial in zip(comparison["trials"], completed, strict=True):
        assert row["original_score"] == trial["score"]
        assert row["replayed_score"] == pytest.approx(trial["score"], abs=1e-6), row
        assert row["verdict"] == "reproduced", row
    assert comparison["all_reproduced"] is True
    replayed = as_alice.get(f"/api/v1/experiments/{replay['id']}/trials/").json()
    assert [t["params"] for t in replayed] == [t["params"] for t in completed]
