"""Finished experiments for the export tests, searched and refit by the real engine in-process.

A few configurations of the portfolio are cross-validated exactly as a worker does it
(``evaluate_configuration`` on the experiment's prepared problem, single thread, no time cap),
stored as trials with their out-of-fold predictions, then the ensemble is built and saved as
the finalizing task does.
"""

from __future__ import annotations

import io
import math
import time

import numpy as np
import pandas as pd
import pytest

from automl_core.distributed import build_model, evaluate_configuration
from automl_core.pipelines.registry import portfolio
from daria.accounts.services import create_project
from daria.experiments.adapters import encode_predictions
from daria.experiments.models import Experiment, Trial, TrialPredictions
from daria.experiments.problems import load_problem
from daria.predictions.services import save_trained_model
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

N_CONFIGS = 3


def multiclass_csv(n_rows: int = 150, seed: int = 0) -> bytes:
    """Three seeded classes that depend on two numbers and a category."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1, n_rows)
    z = rng.normal(0, 1, n_rows)
    colour = rng.choice(["red", "green"], n_rows)
    kind = np.where(x + (colour == "red") > 0.8, "alpha", np.where(z > 0, "beta", "gamma"))
    return _csv(pd.DataFrame({"x": x.round(3), "z": z.round(3), "colour": colour,
                              "kind": kind}))


def regression_csv(n_rows: int = 150, seed: int = 0) -> bytes:
    """A seeded noisy linear target."""
    rng = np.random.default_rng(seed)
    size = rng.uniform(20, 200, n_rows)
    rooms = rng.integers(1, 6, n_rows)
    price = (3 * size + 20 * rooms + rng.normal(0, 10, n_rows)).round(2)
    return _csv(pd.DataFrame({"size": size.round(1), "rooms": rooms, "price": price}))


def _csv(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()


PROBLEMS = {
    "binary": (churn_csv, "churn", "binary", "roc_auc", True),
    "multiclass": (multiclass_csv, "kind", "multiclass", "log_loss", False),
    "regression": (regression_csv, "price", "regression", "rmse", False),
}


def finished_experiment(user: object, task: str, content: bytes | None = None,
                        name: str = "data.csv", target: str | None = None) -> Experiment:
    """A succeeded experiment of ``task`` with a few real trials and a saved model."""
    make, default_target, task_name, metric, greater = PROBLEMS[task]
    dataset = make_dataset(user, create_project(user, f"Exports {task}"),
                           content if content is not None else make(), name)
    experiment = ExperimentFactory(dataset=dataset, target=target or default_target,
                                   task=task_name, metric=metric, greater_is_better=greater,
                                   status=Experiment.Status.SUCCEEDED)
    load_problem.cache_clear()  # ids are reused between tests
    problem = load_problem(experiment.pk)
    outcomes = [evaluate_configuration(problem, number, config, math.inf)
                for number, config in enumerate(portfolio(problem.space, problem.task)[:N_CONFIGS])]
    for outcome in outcomes:
        record = outcome.record
        trial = Trial.objects.create(
            experiment=experiment, number=record.number, state=str(record.state),
            algorithm=record.algorithm, params=dict(record.params), score=record.score,
            fold_scores=list(record.fold_scores), fit_time_s=record.fit_time_s,
            predict_time_s=record.predict_time_s, refit_rounds=record.refit_rounds)
        if outcome.oof is not None:
            TrialPredictions.objects.create(trial=trial, data=encode_predictions(outcome.oof))
    automl = build_model(problem, [o.record for o in outcomes],
                         {o.record.number: o.oof for o in outcomes if o.oof is not None},
                         time.monotonic() + 600)
    save_trained_model(experiment, automl)
    return experiment


@pytest.fixture
def binary_experiment(alice: object) -> Experiment:
    """alice's finished binary experiment on the churn table."""
    return finished_experiment(alice, "binary")
