"""Cross-validated evaluation of one configuration under a deadline.

Encoded folds are cached per input encoding, so a search preprocesses each fold once per encoding
rather than once per trial. Evaluation returns fold scores, timings, out-of-fold predictions
(kept for ensemble selection) and, for boosting, the round count the final refit should use. It
also scores the out-of-fold predictions with every metric of the task, times prediction per 1,000
rows and measures the last fold's fitted pipeline, for the leaderboard.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from automl_core.data.column_types import ColumnKind
from automl_core.data.splits import Fold
from automl_core.data.task import Task
from automl_core.evaluation.fidelity import training_subset
from automl_core.evaluation.footprint import per_thousand_rows, pickled_size
from automl_core.evaluation.metrics import Metric, score_all
from automl_core.pipelines.family import FitContext, Rounds, refit_rounds
from automl_core.pipelines.model import align_proba
from automl_core.pipelines.preprocessing import Encoding, TabularPreprocessor
from automl_core.pipelines.registry import get_family
from automl_core.search.space import Configuration


class TrialTimeout(Exception):  # noqa: N818 - a control-flow signal for the search loop
    """The configuration cannot be evaluated before the deadline."""


@dataclass(frozen=True)
class Evaluation:
    """The outcome of a cross-validated evaluation."""

    score: float
    fold_scores: tuple[float, ...]
    fit_time_s: float
    predict_time_s: float
    oof: np.ndarray  # out-of-fold predictions (probabilities or values), NaN where not predicted
    refit_rounds: int | None = None  # boosting rounds for a refit on all rows (None: not boosting)
    # Every metric of the task on the out-of-fold predictions (the chosen one included).
    metrics: Mapping[str, float] = field(default_factory=dict)
    predict_time_per_1000_s: float | None = None
    model_size_bytes: int | None = None  # the last fold's pickled preprocessor and estimator


class PreparedData:
    """Features, target and folds, with each fold's encoded matrices cached per encoding."""

    def __init__(self, features: pd.DataFrame, y: np.ndarray, kinds: Mapping[str, ColumnKind],
                 folds: Sequence[Fold], task: Task, n_classes: int) -> None:
        self.features = features
        self.y = y
        self.kinds = dict(kinds)
        self.folds = list(folds)
        self.task = task
        self.n_classes = n_classes
        self._cache: dict[tuple[Encoding, int], tuple[np.ndarray, np.ndarray]] = {}
        self._categorical: dict[tuple[Encoding, int], tuple[int, ...]] = {}
        self._preprocessors: dict[tuple[Encoding, int], TabularPreprocessor] = {}

    @property
    def oof_rows(self) -> np.ndarray:
        """Indices of the rows that get an out-of-fold prediction."""
        return np.sort(np.concatenate([valid for _, valid in self.folds]))

    def encoded(self, encoding: Encoding, fold: int) -> tuple[np.ndarray, np.ndarray]:
        """The (train, valid) matrices of ``fold`` under ``encoding``."""
        key = (encoding, fold)
        if key not in self._cache:
            train, valid = self.folds[fold]
            pre = TabularPreprocessor(self.kinds, encoding).fit(self.features.iloc[train])
            self._cache[key] = (pre.transform(self.features.iloc[train]),
                                pre.transform(self.features.iloc[valid]))
            self._categorical[key] = pre.categorical_indices_
            self._preprocessors[key] = pre
        return self._cache[key]

    def preprocessor(self, encoding: Encoding, fold: int) -> TabularPreprocessor:
        """The preprocessor fitted on ``fold``'s training rows under ``encoding``."""
        self.encoded(encoding, fold)
        return self._preprocessors[(encoding, fold)]

    def categorical(self, encoding: Encoding, fold: int) -> tuple[int, ...]:
        """The category-code columns of ``fold``'s matrices under ``encoding``."""
        self.encoded(encoding, fold)
        return self._categorical[(encoding, fold)]

    def empty_oof(self) -> np.ndarray:
        """A NaN array shaped like this problem's predictions."""
        shape = (len(self.y), self.n_classes) if self.task.is_classification else (len(self.y),)
        return np.full(shape, np.nan)


def evaluate(config: Configuration, data: PreparedData, metric: Metric, seed: int,
             n_jobs: int = 1, deadline: float | None = None,
             trial_budget_s: float | None = None) -> Evaluation:
    """Fit and score ``config`` on every fold; raise :class:`TrialTimeout` if it cannot finish.

    ``trial_budget_s`` caps the trial: each fold's boosting or tree growing stops after its share
    (the model is kept, so a slow family yields a smaller but scored model instead of eating the
    whole budget). ``deadline`` is hard: a fold still fitting after it cuts the trial.
    """
    family = get_family(config.algorithm)
    oof = data.empty_oof()
    fold_scores: list[float] = []
    fold_rounds: list[Rounds | None] = []
    fit_time = predict_time = 0.0
    model: Any = None
    for index, (train, valid) in enumerate(data.folds):
        model = None  # free the last fold's model first: two large forests at once doubled the peak
        if deadline is not None and fold_scores:
            per_fold = (fit_time + predict_time) / len(fold_scores)
            if time.monotonic() + per_fold > deadline:
                raise TrialTimeout(f"{len(fold_scores)} of {len(data.folds)} folds done")
        X_train, X_valid = data.encoded(family.encoding, index)  # noqa: N806
        X_train, y_train = training_subset(X_train, data.y[train], config.fidelity,  # noqa: N806
                                           data.task.is_classification, seed, index)
        started = time.monotonic()
        grow_until = _earliest(deadline, None if trial_budget_s is None
                               else started + trial_budget_s / len(data.folds))
        context = FitContext(data.task, data.n_classes, seed, n_jobs, grow_until,
                             data.categorical(family.encoding, index))
        with threadpool_limits(limits=n_jobs):  # OpenMP/BLAS threads never exceed n_jobs
            model = family.fit(family.build(config.hyperparameters, context), X_train, y_train,
                               context)
            fitted = time.monotonic()
            fold_rounds.append(family.fitted_rounds(model, len(y_train)))
            if deadline is not None and fitted > deadline:
                raise TrialTimeout("the deadline passed while fitting")
            if data.task.is_classification:
                oof[valid] = align_proba(model, X_valid, data.n_classes)
            else:
                oof[valid] = model.predict(X_valid)
        predict_time += time.monotonic() - fitted
        fit_time += fitted - started
        fold_scores.append(metric.score(data.y[valid], oof[valid]))
    rows = data.oof_rows
    known = [r for r in fold_rounds if r is not None]
    rounds = refit_rounds(known, len(data.y)) if len(known) == len(fold_rounds) else None
    size = pickled_size((data.preprocessor(family.encoding, len(data.folds) - 1), model))
    return Evaluation(metric.score(data.y[rows], oof[rows]), tuple(fold_scores), fit_time,
                      predict_time, oof, rounds,
                      metrics=score_all(data.task, data.y[rows], oof[rows]),
                      predict_time_per_1000_s=per_thousand_rows(predict_time, len(rows)),
                      model_size_bytes=size)


def _earliest(*times: float | None) -> float | None:
    known = [t for t in times if t is not None]
    return min(known) if known else None
