"""LightGBM gradient boosting, with early stopping on an inner validation split and a deadline.

In cross-validation each fold early-stops on an inner 10% split; the final refit then fits the
rounds found there (scaled up, see :func:`~automl_core.pipelines.family.refit_rounds`) on every
row, so no row is held back from the model that is kept.
"""

from __future__ import annotations

import math
import time
from typing import Any, cast

import lightgbm as lgb
import numpy as np
from sklearn.model_selection import train_test_split

from automl_core.data.task import Task
from automl_core.pipelines.family import Family, FitContext, Params, Rounds
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import CategoricalParam, FloatParam, IntParam, JsonScalar, Param

MAX_ROUNDS = 3000
EARLY_STOPPING_ROUNDS = 50
VALID_SHARE = 0.1
MIN_ROWS_FOR_EARLY_STOPPING = 200
SMALL_DATA_ROUNDS = 200  # below MIN_ROWS_FOR_EARLY_STOPPING: a fixed count, no inner split


def space(task: Task) -> tuple[Param, ...]:
    """Learning rate, tree shape, sampling and regularisation (rounds set by early stopping)."""
    params: tuple[Param, ...] = (
        FloatParam("learning_rate", 0.01, 0.3, log=True),
        IntParam("num_leaves", 4, 256, log=True),
        IntParam("min_child_samples", 2, 100, log=True),
        FloatParam("colsample_bytree", 0.3, 1.0),
        FloatParam("subsample", 0.5, 1.0),
        FloatParam("reg_lambda", 1e-3, 10.0, log=True),
        FloatParam("reg_alpha", 1e-3, 10.0, log=True),
    )
    if task.is_classification:
        params += (CategoricalParam("class_weight", ("none", "balanced")),)
    return params


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """LightGBM's defaults, then well-known robust variants (slower rate, more regularisation)."""
    base: list[dict[str, JsonScalar]] = [
        {"learning_rate": 0.1, "num_leaves": 31, "min_child_samples": 20,
         "colsample_bytree": 1.0, "subsample": 1.0, "reg_lambda": 1e-3, "reg_alpha": 1e-3},
        {"learning_rate": 0.03, "num_leaves": 31, "min_child_samples": 20,
         "colsample_bytree": 0.7, "subsample": 0.8, "reg_lambda": 1.0, "reg_alpha": 1e-3},
        {"learning_rate": 0.05, "num_leaves": 15, "min_child_samples": 30,
         "colsample_bytree": 0.5, "subsample": 0.9, "reg_lambda": 3.0, "reg_alpha": 0.1},
        {"learning_rate": 0.02, "num_leaves": 128, "min_child_samples": 10,
         "colsample_bytree": 0.6, "subsample": 0.7, "reg_lambda": 0.1, "reg_alpha": 1e-3},
    ]
    if task.is_classification:
        for config in base:
            config["class_weight"] = "none"
    return base


def build(params: Params, context: FitContext) -> lgb.LGBMModel:
    """An LGBM classifier or regressor with bagging enabled when ``subsample < 1``."""
    options: dict[str, Any] = dict(params)
    weight = options.pop("class_weight", "none")
    options.update(
        n_estimators=MAX_ROUNDS, subsample_freq=1 if options.get("subsample", 1.0) < 1 else 0,
        random_state=context.seed, n_jobs=context.n_jobs, verbose=-1,
    )
    if context.task.is_classification:
        return lgb.LGBMClassifier(class_weight=None if weight == "none" else weight, **options)
    return lgb.LGBMRegressor(**options)


def fit(estimator: lgb.LGBMModel, X: np.ndarray, y: np.ndarray,  # noqa: N803
        context: FitContext) -> lgb.LGBMModel:
    """Fit with early stopping on an inner split (or ``context.rounds`` rounds on every row);
    stop cleanly at the deadline."""
    callbacks: list[Any] = [_deadline_callback(context.deadline)]
    if context.rounds is not None or len(y) < MIN_ROWS_FOR_EARLY_STOPPING:
        estimator.set_params(n_estimators=context.rounds or SMALL_DATA_ROUNDS)
        return estimator.fit(X, y, callbacks=callbacks)
    stratify = y if context.task.is_classification else None
    try:
        X_fit, X_valid, y_fit, y_valid = train_test_split(  # noqa: N806
            X, y, test_size=VALID_SHARE, random_state=context.seed, stratify=stratify)
    except ValueError:  # a class too small to stratify: split without stratification
        X_fit, X_valid, y_fit, y_valid = train_test_split(  # noqa: N806
            X, y, test_size=VALID_SHARE, random_state=context.seed)
    callbacks.append(lgb.early_stopping(EARLY_STOPPING_ROUNDS, verbose=False))
    return estimator.fit(X_fit, y_fit, eval_X=(X_valid,), eval_y=(y_valid,), callbacks=callbacks)


def fitted_rounds(estimator: lgb.LGBMModel, n_rows: int) -> Rounds | None:
    """The early-stopped round count and the rows it was learnt on (None on small data)."""
    if n_rows < MIN_ROWS_FOR_EARLY_STOPPING:
        return None  # fixed rounds, which the refit repeats anyway
    count = estimator.best_iteration_ or estimator.booster_.current_iteration()
    return Rounds(int(count), n_rows - math.ceil(VALID_SHARE * n_rows))


def _deadline_callback(deadline: float | None) -> Any:
    def stop_at_deadline(env: lgb.callback.CallbackEnv) -> None:
        if deadline is not None and env.iteration > 0 and time.monotonic() > deadline:
            # After an iteration (when this runs) LightGBM always passes a list.
            results = cast(list[lgb.EvalResult], env.evaluation_result_list)
            raise lgb.callback.EarlyStopException(env.iteration - 1, results)

    stop_at_deadline.order = 40  # type: ignore[attr-defined] # after LightGBM's own callbacks
    return stop_at_deadline


FAMILY = Family("lightgbm", Encoding.TREES, space, build, fit, portfolio,
                fitted_rounds=fitted_rounds)
