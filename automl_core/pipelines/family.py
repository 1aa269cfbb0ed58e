"""What every estimator family module declares: its search space, how to build and fit it."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
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
    # Boosting rounds found in cross-validation: when set, boosting families fit exactly this
    # many rounds on every row instead of early-stopping on an inner split (the final refit).
    rounds: int | None = None

    def time_left(self) -> float:
        """Seconds until the deadline (infinite without one)."""
        return np.inf if self.deadline is None else self.deadline - time.monotonic()


@dataclass(frozen=True)
class Rounds:
    """The boosting rounds a fitted model predicts with, and how many rows it learnt them on."""

    count: int
    rows: int


def no_rounds(estimator: Any, n_rows: int) -> Rounds | None:
    """For families without boosting rounds (forests, linear models, neighbours)."""
    return None


def refit_rounds(per_fold: Sequence[Rounds], n_rows: int) -> int:
    """The rounds for a refit on ``n_rows``: the folds' mean, scaled by the root of the growth.

    More rows support more rounds before overfitting; growing them linearly with the rows was
    about as good as the square root on ``adult`` (both beat the unscaled mean), and the square
    root keeps the refit's extra time small.
    """
    count = sum(r.count for r in per_fold) / len(per_fold)
    seen = sum(r.rows for r in per_fold) / len(per_fold)
    return max(1, round(count * math.sqrt(max(n_rows / max(seen, 1.0), 1.0))))


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
    # The early-stopped rounds of a fitted model (given its training rows), for the refit.
    fitted_rounds: Callable[[Any, int], Rounds | None] = no_rounds
    # A fitted model's memory in bytes: an upper bound before fitting, from (params, rows,
    # classes), and the actual size of a fitted one, from (estimator, classes). None for families
    # whose models stay small next to the data (all but the forests).
    model_bytes: Callable[[Params, int, int], int] | None = None
    fitted_bytes: Callable[[Any, int], int] | None = None
