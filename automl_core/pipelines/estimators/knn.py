"""k-nearest neighbours (on scaled, one-hot encoded inputs)."""

from __future__ import annotations

from typing import Any

from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

from automl_core.data.task import Task
from automl_core.pipelines.family import Family, FitContext, Params
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import CategoricalParam, IntParam, JsonScalar, Param


def space(task: Task) -> tuple[Param, ...]:
    """Neighbour count, weighting and the Minkowski power."""
    return (IntParam("n_neighbors", 1, 100, log=True),
            CategoricalParam("weights", ("uniform", "distance")),
            CategoricalParam("p", (1, 2)))


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """A moderately smoothed neighbourhood."""
    return [{"n_neighbors": 15, "weights": "distance", "p": 2}]


def build(params: Params, context: FitContext) -> Any:
    """A kNN classifier or regressor."""
    options: dict[str, Any] = dict(params, n_jobs=context.n_jobs)
    if context.task.is_classification:
        return KNeighborsClassifier(**options)
    return KNeighborsRegressor(**options)


# Prediction cost grows with rows x rows; past this size kNN costs more than it ever wins.
FAMILY = Family("knn", Encoding.LINEAR, space, build, portfolio=portfolio, max_rows=30_000)
