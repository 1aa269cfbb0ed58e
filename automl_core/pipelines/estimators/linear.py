"""Linear models: logistic regression for classification, ridge for regression."""

from __future__ import annotations

from typing import Any

from sklearn.linear_model import LogisticRegression, Ridge

from automl_core.data.task import Task
from automl_core.pipelines.family import Family, FitContext, Params
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import CategoricalParam, FloatParam, JsonScalar, Param


def space(task: Task) -> tuple[Param, ...]:
    """Inverse regularisation strength ``C`` (logistic) or ``alpha`` (ridge)."""
    if task.is_classification:
        return (FloatParam("C", 1e-3, 100.0, log=True),
                CategoricalParam("class_weight", ("none", "balanced")))
    return (FloatParam("alpha", 1e-3, 1000.0, log=True),)


def portfolio(task: Task) -> list[dict[str, JsonScalar]]:
    """The library defaults."""
    if task.is_classification:
        return [{"C": 1.0, "class_weight": "none"}]
    return [{"alpha": 1.0}]


def build(params: Params, context: FitContext) -> Any:
    """A logistic regression (L2, lbfgs) or a ridge regression."""
    if context.task.is_classification:
        weight = params.get("class_weight", "none")
        return LogisticRegression(C=float(params["C"]),  # type: ignore[arg-type]
                                  class_weight=None if weight == "none" else "balanced",
                                  max_iter=500)
    return Ridge(alpha=float(params["alpha"]))  # type: ignore[arg-type]


FAMILY = Family("linear", Encoding.LINEAR, space, build, portfolio=portfolio)
