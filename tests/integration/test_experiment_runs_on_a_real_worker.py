"""The whole journey through the API, with the search run by a real Celery worker."""

from __future__ import annotations

import csv
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.conftest import DATASETS

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 15
WAIT_S = BUDGET_S + 120  # worker start-up, refit and a slow shared machine


def _wait_for_the_end(client: APIClient, experiment_id: int) -> tuple[dict, list[dict]]:
    """Poll like the browser does: the experiment, and new trials with the ?after cursor."""
    trials: list[dict] = []
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        after = trials[-1]["number"] if trials else -1
        trials += client.get(f"/api/v1/experiments/{experiment_id}/trials/?after={after}").json()
        experiment = client.get(f"/api/v1/experiments/{experiment_id}/").json()
        if experiment["status"] in ("succeeded", "failed", "cancelled"):
            after = trials[-1]["number"] if trials else -1
            trials += client.get(
                f"/api/v1/experiments/{experiment_id}/trials/?after={after}").json()
            return experiment, trials
        time.sleep(1)
    pytest.fail(f"experiment {experiment_id} did not finish within {WAIT_S} s")


def test_an_experiment_runs_to_success_and_its_model_predicts(alice: object, worker: object,
                                                              as_alice: APIClient) -> None:
    project = as_alice.post("/api/v1/projects/", {"name": "Credit"}, format="json").json()
    content = (DATASETS / "credit_g.csv").read_bytes()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/",
                            {"file": SimpleUploadedFile("credit_g.csv", content)},
                            format="multipart").json()

    started = as_alice.post("/api/v1/experiments/", {
        "dataset": dataset["id"], "target": "class", "time_budget_s": BUDGET_S,
    }, format="json")
    assert started.status_code == 201, started.json()
    experiment, trials = _wait_for_the_end(as_alice, started.json()["id"])

    assert experiment["status"] == "succeeded", experiment
    assert [t["number"] for t in trials] == sorted({t["number"] for t in trials})
    scored = [t for t in trials if t["score"] is not None]
    assert scored and experiment["n_trials"] == len(trials)
    assert experiment["best"]["score"] == max(t["score"] for t in scored)
    assert experiment["model"] is not None
    everything = as_alice.get(f"/api/v1/experiments/{experiment['id']}/trials/").json()
    newer = as_alice.get(f"/api/v1/experiments/{experiment['id']}/trials/?after=0").json()
    assert newer == everything[1:]

    model = as_alice.get(f"/api/v1/models/{experiment['model']}/").json()
    assert model["classes"] == ["no", "yes"]
    batch = as_alice.post(f"/api/v1/models/{model['id']}/predict/",
                          {"file": SimpleUploadedFile("new.csv", content)}, format="multipart")
    assert batch.status_code == 201, batch.json()
    download = as_alice.get(batch.json()["download_url"])
    rows = list(csv.reader(io.StringIO(
        b"".join(download.streaming_content).decode("utf-8-sig"))))
    added = ["prediction", "probability_no", "probability_yes", "unlike_training",
             "unlike_training_columns"]
    assert len(rows) == 1001 and rows[0][-5:] == added
    assert {row[-5] for row in rows[1:]} <= {"no", "yes"}
