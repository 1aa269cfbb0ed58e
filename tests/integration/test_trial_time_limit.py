"""Trials over their time limit on a real prefork worker (the pool that enforces Celery's time
limits): one hangs past its hard limit and is killed, one overruns its limit while it runs; both
end as ``timeout``, once, without a re-run, and the search goes on to a model."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.experiments.models import Experiment, Trial
from daria.predictions.models import TrainedModel
from tests.conftest import DATASETS
from tests.processes import daria_env, pool_children, prefork_worker, wait_for

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

# Every trial's task: hard limit 4 s, soft limit 3 s, the trial stops itself after 2 s (the
# fast trials take well under a second here, the slow ones several).
LIMIT_S = 4
FAST = {"algorithm": "knn", "params": {"n_neighbors": 7, "weights": "distance", "p": 1}}
# Many seconds on credit_g with one thread: 500 unpruned trees on every feature, five folds.
SLOW = {"algorithm": "random_forest", "params": {
    "n_estimators": 500, "max_features": 1.0, "min_samples_leaf": 1, "bootstrap": False,
    "criterion": "entropy", "class_weight": "none"}}
# Another family (a second random forest would be pruned: the first one showed it too slow).
OTHER_SLOW = {**SLOW, "algorithm": "extra_trees"}
LINEAR = {"algorithm": "linear", "params": {"C": 0.37, "class_weight": "balanced"}}
TIMEOUT_REASON = re.compile(r"^stopped after \d+ s: over its time limit$")


def test_trials_over_their_time_limit_end_as_timeout_and_the_search_goes_on(
    alice: object, as_alice: APIClient, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    env = {**daria_env(data_dir, private_queue), "DARIA_TRIAL_TIME_LIMIT_S": str(LIMIT_S)}
    project = as_alice.post("/api/v1/projects/", {"name": "Limits"}, format="json").json()
    dataset = as_alice.post(f"/api/v1/projects/{project['id']}/datasets/", {
        "file": SimpleUploadedFile("credit_g.csv", (DATASETS / "credit_g.csv").read_bytes()),
    }, format="multipart").json()
    log_path = tmp_path / "worker.log"

    with prefork_worker(env, log_path) as worker:
        created = as_alice.post("/api/v1/experiments/", {
            "dataset": dataset["id"], "target": "class", "time_budget_s": 300,
            "searcher": "manual", "initial_configurations": [FAST, SLOW, OTHER_SLOW, LINEAR],
        }, format="json")
        assert created.status_code == 201, created.json()
        trials = Trial.objects.filter(experiment_id=created.json()["id"])
        # Trial 1 hangs: its process is frozen, so only the hard limit can end it.
        wait_for(lambda: trials.filter(number=1, state="running").exists(), "the slow trial")
        (child,) = pool_children(worker.pid)
        os.kill(child, signal.SIGSTOP)
        experiment = wait_for(lambda: Experiment.objects.filter(
            pk=created.json()["id"], status__in=Experiment.FINISHED).first(), "the end", 60)

    assert experiment.status == "succeeded", experiment.error
    assert f"Hard time limit ({LIMIT_S}s) exceeded" in log_path.read_text()
    rows = list(trials.order_by("number"))
    assert [(t.number, t.state) for t in rows] == [
        (0, "complete"), (1, "timeout"), (2, "timeout"), (3, "complete")]
    for timed_out in rows[1:3]:
        assert TIMEOUT_REASON.match(timed_out.error), timed_out.error
        assert timed_out.attempts == 1 and timed_out.score is None  # never re-run as lost
    best = max((t for t in rows if t.state == "complete"), key=lambda t: t.score)
    assert TrainedModel.objects.get(experiment=experiment).score == pytest.approx(best.score)
