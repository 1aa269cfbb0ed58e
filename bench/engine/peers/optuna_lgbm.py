"""A careful hand-written search: Optuna TPE over LightGBM, 5-fold CV, then a refit.

Each trial is ``lgb.cv`` with early stopping; LightGBM's defaults are the first trial. A trial
still running at the search deadline is cut (pruned). The search stops early enough to refit the
best configuration on all rows, with the mean best iteration of its folds as the round count.
"""

from __future__ import annotations

import time
from typing import Any

import lightgbm as lgb
import numpy as np
import optuna
import pandas as pd

from bench.engine.peers.common import Problem, lightgbm_features

N_FOLDS = 5
MAX_ROUNDS = 3000
EARLY_STOPPING = 50
REFIT_SHARE = 0.15  # of the budget, kept for the final refit and prediction
OBJECTIVES = {"binary": ("binary", "auc", True), "multiclass": ("multiclass", "multi_logloss",
                                                               False),
              "regression": ("regression", "rmse", False)}
DEFAULTS = {"learning_rate": 0.1, "num_leaves": 31, "min_child_samples": 20,
            "feature_fraction": 1.0, "bagging_fraction": 1.0, "lambda_l1": 1e-8,
            "lambda_l2": 1e-8}


def optuna_lgbm(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    """Search, refit on all rows, predict the test features."""
    started = time.monotonic()
    X, X_test = lightgbm_features(problem.X, problem.test)  # noqa: N806
    objective, metric, maximize = OBJECTIVES[problem.task]
    classes, y = _encode_target(problem)
    base = {"objective": objective, "metric": metric, "verbosity": -1, "seed": problem.seed,
            "num_threads": problem.n_jobs, "bagging_freq": 1}
    if classes is not None and len(classes) > 2:
        base["num_class"] = len(classes)
    deadline = started + problem.budget_s * (1 - REFIT_SHARE)
    dataset = lgb.Dataset(X, y, free_raw_data=False)
    rounds: dict[int, int] = {}

    def trial_score(trial: optuna.Trial) -> float:
        params = {**base, **_suggest(trial)}
        result = lgb.cv(params, dataset, num_boost_round=MAX_ROUNDS, nfold=N_FOLDS,
                        stratified=problem.task != "regression", seed=problem.seed,
                        callbacks=[lgb.early_stopping(EARLY_STOPPING, verbose=False),
                                   _deadline(deadline)])
        curve = result[f"valid {metric}-mean"]
        rounds[trial.number] = len(curve)
        return float(curve[-1])

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize" if maximize else "minimize",
                                sampler=optuna.samplers.TPESampler(seed=problem.seed))
    study.enqueue_trial(DEFAULTS)
    study.optimize(trial_score, timeout=max(deadline - time.monotonic(), 0.0))
    complete = [t for t in study.trials if t.state is optuna.trial.TrialState.COMPLETE]
    if complete:
        best = study.best_trial
        params, n_rounds = {**base, **best.params}, rounds[best.number]
    else:  # not even the defaults finished in time: LightGBM's default 100 rounds
        params, n_rounds = {**base, **DEFAULTS}, 100
    model = lgb.train(params, dataset, num_boost_round=n_rounds)
    raw = model.predict(X_test)
    if problem.task == "binary":
        raw = np.column_stack([1 - raw, raw])
    return classes, raw


def _suggest(trial: optuna.Trial) -> dict[str, Any]:
    return {
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "num_leaves": trial.suggest_int("num_leaves", 4, 256, log=True),
        "min_child_samples": trial.suggest_int("min_child_samples", 2, 100, log=True),
        "feature_fraction": trial.suggest_float("feature_fraction", 0.4, 1.0),
        "bagging_fraction": trial.suggest_float("bagging_fraction", 0.5, 1.0),
        "lambda_l1": trial.suggest_float("lambda_l1", 1e-8, 10.0, log=True),
        "lambda_l2": trial.suggest_float("lambda_l2", 1e-8, 10.0, log=True),
    }


def _encode_target(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    if problem.task == "regression":
        return None, problem.y.to_numpy(float)
    codes, classes = pd.factorize(problem.y, sort=True)
    return list(classes), codes


def _deadline(deadline: float) -> Any:
    """A LightGBM callback that prunes the Optuna trial once the search deadline passes."""
    def cut(env: lgb.callback.CallbackEnv) -> None:
        if time.monotonic() > deadline:
            raise optuna.TrialPruned("cut at the search deadline")

    return cut
