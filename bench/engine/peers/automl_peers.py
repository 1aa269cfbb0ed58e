"""FLAML and AutoGluon, each given the raw training frame and the whole time budget."""

from __future__ import annotations

import tempfile

import numpy as np

from bench.engine.peers.common import Problem

FLAML_METRICS = {"binary": "roc_auc", "multiclass": "log_loss", "regression": "rmse"}
AUTOGLUON_METRICS = {"binary": "roc_auc", "multiclass": "log_loss",
                     "regression": "root_mean_squared_error"}


def flaml(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    """``flaml.AutoML().fit(time_budget=...)`` with the benchmark's metric."""
    from flaml import AutoML

    automl = AutoML()
    automl.fit(X_train=problem.X, y_train=problem.y, time_budget=problem.budget_s,
               task="regression" if problem.task == "regression" else "classification",
               metric=FLAML_METRICS[problem.task], seed=problem.seed, n_jobs=problem.n_jobs,
               verbose=0)
    if problem.task == "regression":
        return None, automl.predict(problem.test)
    return list(automl.classes_), automl.predict_proba(problem.test)


def autogluon(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    """``TabularPredictor(...).fit(time_limit=...)`` with default presets, in a temp path."""
    from autogluon.tabular import TabularPredictor

    with tempfile.TemporaryDirectory(prefix="ag-bench-") as path:
        predictor = TabularPredictor(label=problem.target, problem_type=problem.task,
                                     eval_metric=AUTOGLUON_METRICS[problem.task], path=path,
                                     verbosity=0)
        predictor.fit(problem.train, time_limit=problem.budget_s,
                      num_cpus=problem.n_jobs)
        if problem.task == "regression":
            return None, predictor.predict(problem.test).to_numpy()
        proba = predictor.predict_proba(problem.test, as_multiclass=True)
        return list(proba.columns), proba.to_numpy()
