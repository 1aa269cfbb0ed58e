"""Extremely randomised trees."""

from __future__ import annotations

from typing import Any

from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

from automl_core.data.task import Task
from automl_core.pipelines.estimators.forests import (
    fit_in_chunks,
    fitted_forest_bytes,
    forest_bytes,
    forest_options,
    forest_space,
)
from automl_core.pipelines.family import Family, FitContext, Params
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import JsonScalar, Param


def space(task: Task) -> tuple[Param, ...]:
    """Trees, feature share, leaf size, bootstrap (and criterion, class weight)."""
    return forest_space(task.is_classification)


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """Geurts et al.'s defaults with a slightly larger leaf, which generalises better."""
    config: dict[str, JsonScalar] = {"n_estimators": 300, "min_samples_leaf": 2,
                                     "bootstrap": False}
    if task.is_classification:
        config.update(max_features=0.5, criterion="gini", class_weight="none")
    else:
        config.update(max_features=1.0)
    return [config]


def build(params: Params, context: FitContext) -> Any:
    """An extra-trees classifier or regressor."""
    options = forest_options(dict(params), context)
    if context.task.is_classification:
        return ExtraTreesClassifier(**options)
    return ExtraTreesRegressor(**options)


FAMILY = Family("extra_trees", Encoding.TREES, space, build, fit_in_chunks, portfolio,
                max_rows=200_000, model_bytes=forest_bytes,
                fitted_bytes=fitted_forest_bytes)
