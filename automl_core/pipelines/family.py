"""What every estimator family module declares: its search space, how to build and fit it."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from automl_core.data.task import Task
from automl_core.pipelines.preprocessing import Encoding
from automl_core.search.space import JsonScalar, Param

Params = Mapping[str, JsonScalar]


@dataclass(frozen=True)
class FitContext:
    """What a family needs to know besides its hyperparameters."""

    task: Task
    n_classes: int
    seed: int
    n_jobs: int = 1
    deadline: float | None = None  # time.monotonic() by which fitting should stop
    categorical: tuple[int, ...] = ()  # input columns holding category codes (trees encoding)

    def time_left(self) -> float:
        """Seconds until the deadline (infinite without one)."""
        return np.inf if self.deadline is None else self.deadline - time.monotonic()


def plain_fit(estimator: Any, X: np.ndarray, y: np.ndarray, context: FitContext) -> Any:  # noqa: N803
    """Fit without deadline support: for families whose fits are short."""
    return estimator.fit(X, y)


@dataclass(frozen=True)
class Family:
    """An estimator family: name, space per task, builder, deadline-aware fit, warm-start points.

    ``portfolio`` holds strong default configurations (from public defaults and experience, not
    tuned on the benchmark datasets) that the search evaluates first.
    """

    name: str
    encoding: Encoding
    space: Callable[[Task], tuple[Param, ...]]
    build: Callable[[Params, FitContext], Any]
    fit: Callable[[Any, np.ndarray, np.ndarray, FitContext], Any] = plain_fit
    portfolio: Callable[[Task], list[dict[str, JsonScalar]]] = field(default=lambda task: [])
    max_rows: int | None = None  # skip the family above this many rows (too slow to be useful)
