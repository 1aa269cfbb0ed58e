"""scikit-learn's histogram gradient boosting, with its built-in early stopping.

The final refit turns early stopping off and boosts the rounds found in cross-validation on every
row (see :func:`~automl_core.pipelines.family.refit_rounds`).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from threadpoolctl import threadpool_limits

from automl_core.data.task import Task
from automl_core.pipelines.family import Family, FitContext, Params, Rounds
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import CategoricalParam, FloatParam, IntParam, JsonScalar, Param

MAX_ITER = 1000
CHUNK = 50
VALIDATION_FRACTION = 0.1


def space(task: Task) -> tuple[Param, ...]:
    """Learning rate, leaves, leaf size, L2 and feature share (rounds by early stopping)."""
    params: tuple[Param, ...] = (
        FloatParam("learning_rate", 0.01, 0.3, log=True),
        IntParam("max_leaf_nodes", 4, 128, log=True),
        IntParam("min_samples_leaf", 2, 100, log=True),
        FloatParam("l2_regularization", 1e-4, 10.0, log=True),
        FloatParam("max_features", 0.3, 1.0),
    )
    if task.is_classification:
        params += (CategoricalParam("class_weight", ("none", "balanced")),)
    return params


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """scikit-learn's defaults."""
    config: dict[str, JsonScalar] = {"learning_rate": 0.1, "max_leaf_nodes": 31,
                                     "min_samples_leaf": 20, "l2_regularization": 1e-4,
                                     "max_features": 1.0}
    if task.is_classification:
        config["class_weight"] = "none"
    return [config]


def build(params: Params, context: FitContext) -> Any:
    """A classifier or regressor with early stopping on a 10% validation split."""
    options: dict[str, Any] = dict(params)
    if "class_weight" in options:
        options["class_weight"] = None if options["class_weight"] == "none" else "balanced"
    # Category codes split as categories: the codes are ranked by frequency, so ordered splits
    # on them would cut arbitrary groups (e.g. "low, vhigh | med, high").
    options.update(max_iter=MAX_ITER, early_stopping=True,
                   validation_fraction=VALIDATION_FRACTION,
                   n_iter_no_change=30, random_state=context.seed, warm_start=True,
                   categorical_features=list(context.categorical) or None)
    if context.task.is_classification:
        return HistGradientBoostingClassifier(**options)
    return HistGradientBoostingRegressor(**options)


def fit(estimator: Any, X: np.ndarray, y: np.ndarray, context: FitContext) -> Any:  # noqa: N803
    """Boost ``CHUNK`` rounds at a time (warm start) until early stopping or the deadline.

    With ``context.rounds`` set, early stopping is off and that many rounds are boosted on every
    row (the deadline still applies).
    """
    rounds, limit = 0, MAX_ITER
    if context.rounds is not None:
        estimator.set_params(early_stopping=False)
        limit = context.rounds
    # HGB has no n_jobs: its OpenMP threads are capped here, or they oversubscribe the cores.
    with threadpool_limits(limits=context.n_jobs, user_api="openmp"):
        while rounds < limit:
            rounds = min(rounds + CHUNK, limit)
            estimator.set_params(max_iter=rounds)
            estimator.fit(X, y)
            if estimator.n_iter_ < rounds or context.time_left() <= 0:
                break  # early stopping ended the boosting, or time is up
    return estimator


def fitted_rounds(estimator: Any, n_rows: int) -> Rounds | None:
    """The rounds boosted (as scored) and the rows left after the validation split."""
    return Rounds(int(estimator.n_iter_), n_rows - math.ceil(VALIDATION_FRACTION * n_rows))


FAMILY = Family("hist_gradient_boosting", Encoding.TREES, space, build, fit, portfolio,
                fitted_rounds=fitted_rounds)
