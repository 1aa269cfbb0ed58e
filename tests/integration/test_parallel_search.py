"""Two real worker processes share one experiment, one Celery task per trial."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rest_framework.test import APIClient

from daria.experiments.models import Experiment, Trial
from tests.conftest import DATASETS
from tests.processes import daria_env, run_celery_worker

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 20
WAIT_S = BUDGET_S + 120


def _upload(client: APIClient) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    project = client.post("/api/v1/projects/", {"name": "Parallel"}, format="json").json()
    content = (DATASETS / "credit_g.csv").read_bytes()
    return client.post(f"/api/v1/projects/{project['id']}/datasets/",
                       {"file": SimpleUploadedFile("credit_g.csv", content)},
                       format="multipart").json()


def _wait_until_finished(experiment_id: int) -> Experiment:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        experiment = Experiment.objects.get(pk=experiment_id)
        if experiment.is_finished:
            return experiment
        time.sleep(1)
    pytest.fail(f"experiment {experiment_id} did not finish within {WAIT_S} s")


def test_two_workers_finish_one_experiment_with_every_trial_counted_once(
    alice: object, as_alice: APIClient, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    env = daria_env(data_dir, private_queue)
    with (run_celery_worker(env, tmp_path / "worker-a.log"),
          run_celery_worker(env, tmp_path / "worker-b.log")):
        dataset = _upload(as_alice)
        started = as_alice.post("/api/v1/experiments/", {
            "dataset": dataset["id"], "target": "class", "time_budget_s": BUDGET_S,
        }, format="json")
        assert started.status_code == 201, started.json()
        experiment = _wait_until_finished(started.json()["id"])

    assert experiment.status == "succeeded", experiment.error
    trials = list(Trial.objects.filter(experiment=experiment).order_by("number"))
    assert [t.number for t in trials] == list(range(len(trials)))
    assert not [t for t in trials if t.is_pending]
    configurations = [(t.algorithm, repr(sorted(t.params.items()))) for t in trials]
    assert len(set(configurations)) == len(configurations)
    # Both workers evaluated trials, and at some moment two trials ran at once.
    for log in ("worker-a.log", "worker-b.log"):
        assert "daria.experiments.run_trial" in (tmp_path / log).read_text()
    spans = [(t.started_at, t.finished_at) for t in trials if t.started_at]
    assert any(a_start < b_end and b_start < a_end
               for i, (a_start, a_end) in enumerate(spans)
               for (b_start, b_end) in spans[i + 1:])
    listed = as_alice.get(f"/api/v1/experiments/{experiment.pk}/").json()
    assert listed["n_trials"] == len(trials) and listed["model"] is not None
