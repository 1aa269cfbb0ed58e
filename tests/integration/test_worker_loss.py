"""A worker, or only its pool's process, killed with SIGKILL mid-trial: the reaper (on a real
Celery beat) recovers the trial and a worker finishes the experiment, each trial counted once."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.experiments.models import Experiment, Trial
from tests.conftest import DATASETS
from tests.processes import (
    BIN,
    REPO,
    daria_env,
    pool_children,
    prefork_worker,
    run_celery_worker,
    stop_process,
    wait_for,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 40
WAIT_S = BUDGET_S + 120
# Fast recovery for the test: beat every second, lost after 4 silent seconds.
RECOVERY_ENV = {"DARIA_HEARTBEAT_S": "1", "DARIA_TRIAL_LOST_AFTER_S": "4",
                "DARIA_REAPER_INTERVAL_S": "1"}


@contextmanager
def run_celery_beat(env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A real Celery beat sending the periodic tasks (the reaper) to the test's queue."""
    log_path = tmp_path / "beat.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "celery"), "-A", "daria", "beat", "--loglevel=INFO",
             "--schedule", str(tmp_path / "beat-schedule")],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            yield process
        finally:
            stop_process(process)
            print(log_path.read_text(encoding="utf-8", errors="replace")[-2000:])




def test_a_trial_of_a_killed_worker_is_run_again_and_the_experiment_finishes(
    alice: object, as_alice: APIClient, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    env = {**daria_env(data_dir, private_queue), **RECOVERY_ENV}
    project = as_alice.post("/api/v1/projects/", {"name": "Loss"}, format="json").json()
    content = (DATASETS / "credit_g.csv").read_bytes()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/",
                            {"file": SimpleUploadedFile("credit_g.csv", content)},
                            format="multipart").json()

    with run_celery_beat(env, tmp_path):
        with run_celery_worker(env, tmp_path / "worker-a.log") as doomed:
            started = as_alice.post("/api/v1/experiments/", {
                "dataset": dataset["id"], "target": "class", "time_budget_s": BUDGET_S,
            }, format="json").json()
            # Let a few trials finish first, then kill the worker in the middle of the next one.
            wait_for(lambda: Trial.objects.filter(experiment_id=started["id"],
                                                  state="complete").count() >= 2,
                     "two finished trials", WAIT_S)
            running = wait_for(lambda: Trial.objects.filter(
                experiment_id=started["id"], state="running").first(), "a running trial", WAIT_S)
            os.kill(doomed.pid, signal.SIGKILL)
            doomed.wait()
        with run_celery_worker(env, tmp_path / "worker-b.log"):
            experiment = wait_for(lambda: Experiment.objects.filter(
                pk=started["id"], status__in=Experiment.FINISHED).first(), "the end", WAIT_S)

    assert experiment.status == "succeeded", experiment.error
    recovered = Trial.objects.get(experiment=experiment, number=running.number)
    assert recovered.attempts == 2 and not recovered.is_pending
    assert (recovered.algorithm, recovered.params) == (running.algorithm, running.params)
    trials = list(Trial.objects.filter(experiment=experiment).order_by("number"))
    assert [t.number for t in trials] == list(range(len(trials)))
    assert not [t for t in trials if t.is_pending]
    assert "lost its worker: requeued" in (tmp_path / "worker-b.log").read_text()


# A trial of several seconds on credit_g with one thread, and two quick ones around it.
QUICK = {"algorithm": "knn", "params": {"n_neighbors": 7, "weights": "distance", "p": 1}}
SLOWER = {"algorithm": "random_forest", "params": {
    "n_estimators": 100, "max_features": 1.0, "min_samples_leaf": 1, "bootstrap": False,
    "criterion": "entropy", "class_weight": "none"}}
LINEAR = {"algorithm": "linear", "params": {"C": 0.37, "class_weight": "balanced"}}


def test_a_trial_whose_pool_process_was_killed_is_run_again_and_counted_once(
    alice: object, as_alice: APIClient, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    env = {**daria_env(data_dir, private_queue), **RECOVERY_ENV}
    project = as_alice.post("/api/v1/projects/", {"name": "Child"}, format="json").json()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/", {
        "file": SimpleUploadedFile("credit_g.csv", (DATASETS / "credit_g.csv").read_bytes()),
    }, format="multipart").json()
    log_path = tmp_path / "worker.log"

    with run_celery_beat(env, tmp_path), prefork_worker(env, log_path) as worker:
        created = as_alice.post("/api/v1/experiments/", {
            "dataset": dataset["id"], "target": "class", "time_budget_s": 300,
            "searcher": "manual", "initial_configurations": [QUICK, SLOWER, LINEAR],
        }, format="json")
        assert created.status_code == 201, created.json()
        trials = Trial.objects.filter(experiment_id=created.json()["id"])
        wait_for(lambda: trials.filter(number=1, state="running").exists(), "the slower trial")
        (child,) = pool_children(worker.pid)
        os.kill(child, signal.SIGKILL)  # the worker's main process lives on, with a new child
        experiment = wait_for(lambda: Experiment.objects.filter(
            pk=created.json()["id"], status__in=Experiment.FINISHED).first(), "the end", WAIT_S)

    assert experiment.status == "succeeded", experiment.error
    rows = list(trials.order_by("number"))
    assert [(t.number, t.state) for t in rows] == [(0, "complete"), (1, "complete"),
                                                   (2, "complete")]
    assert rows[1].attempts == 2 and (rows[1].algorithm, rows[1].params) == (
        SLOWER["algorithm"], SLOWER["params"])
    assert "lost its worker: requeued" in log_path.read_text()
