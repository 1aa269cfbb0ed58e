"""Metrics with a direction. Classification predictions are always a probability matrix.

``score`` values are in each metric's natural direction: ``greater_is_better`` says which way is
better (higher ROC AUC, lower RMSE). Searchers minimise :meth:`Metric.loss` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

import numpy as np
from sklearn import metrics as skm

from automl_core.data.task import Task
from automl_core.exceptions import ConfigError

ScoreFn = Callable[[np.ndarray, np.ndarray], float]
_EPS = 1e-15


class MetricName(StrEnum):
    """Metric names accepted by the facade, the CLI and the web app."""

    ROC_AUC = "roc_auc"
    LOG_LOSS = "log_loss"
    ACCURACY = "accuracy"
    BALANCED_ACCURACY = "balanced_accuracy"
    F1 = "f1"
    RMSE = "rmse"
    MAE = "mae"
    R2 = "r2"


@dataclass(frozen=True)
class Metric:
    """A named score function and its direction."""

    name: MetricName
    greater_is_better: bool
    tasks: frozenset[Task]
    fn: ScoreFn

    def score(self, y_true: np.ndarray, y_pred: np.ndarray) -> float:
        """Score predictions (probabilities for classification, values for regression)."""
        return float(self.fn(np.asarray(y_true), np.asarray(y_pred)))

    def loss(self, score: float) -> float:
        """The score as "lower is better"."""
        return -score if self.greater_is_better else score


def _labels(proba: np.ndarray) -> np.ndarray:
    return cast(np.ndarray, np.argmax(proba, axis=1))


def _roc_auc(y: np.ndarray, proba: np.ndarray) -> float:
    if proba.shape[1] == 2:
        return float(skm.roc_auc_score(y, proba[:, 1]))
    normalized = proba / proba.sum(axis=1, keepdims=True)
    return float(skm.roc_auc_score(y, normalized, multi_class="ovr",
                                   labels=np.arange(proba.shape[1])))


def _log_loss(y: np.ndarray, proba: np.ndarray) -> float:
    clipped = np.clip(proba, _EPS, 1.0)
    clipped = clipped / clipped.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(clipped[np.arange(len(y)), y.astype(int)])))


def _f1(y: np.ndarray, proba: np.ndarray) -> float:
    average = "binary" if proba.shape[1] == 2 else "macro"
    return float(skm.f1_score(y, _labels(proba), average=average, zero_division=0))


_CLASSIFICATION = frozenset({Task.BINARY, Task.MULTICLASS})
_REGRESSION = frozenset({Task.REGRESSION})

METRICS: dict[MetricName, Metric] = {
    MetricName.ROC_AUC: Metric(MetricName.ROC_AUC, True, _CLASSIFICATION, _roc_auc),
    MetricName.LOG_LOSS: Metric(MetricName.LOG_LOSS, False, _CLASSIFICATION, _log_loss),
    MetricName.ACCURACY: Metric(MetricName.ACCURACY, True, _CLASSIFICATION,
                                lambda y, p: skm.accuracy_score(y, _labels(p))),
    MetricName.BALANCED_ACCURACY: Metric(MetricName.BALANCED_ACCURACY, True, _CLASSIFICATION,
                                         lambda y, p: skm.balanced_accuracy_score(y, _labels(p))),
    MetricName.F1: Metric(MetricName.F1, True, _CLASSIFICATION, _f1),
    MetricName.RMSE: Metric(MetricName.RMSE, False, _REGRESSION,
                            lambda y, p: skm.root_mean_squared_error(y, p)),
    MetricName.MAE: Metric(MetricName.MAE, False, _REGRESSION, skm.mean_absolute_error),
    MetricName.R2: Metric(MetricName.R2, True, _REGRESSION, skm.r2_score),
}

DEFAULT_METRIC: dict[Task, MetricName] = {
    Task.BINARY: MetricName.ROC_AUC,
    Task.MULTICLASS: MetricName.LOG_LOSS,
    Task.REGRESSION: MetricName.RMSE,
}


def metrics_for(task: Task) -> list[Metric]:
    """Every metric that applies to ``task``, in :class:`MetricName` order."""
    return [METRICS[name] for name in MetricName if task in METRICS[name].tasks]


def score_all(task: Task, y_true: np.ndarray, y_pred: np.ndarray) -> dict[str, float]:
    """Every metric of ``task`` on the same predictions, by name.

    A metric that is undefined on these rows (ROC AUC when a class never occurs, R² of a
    constant target) is left out rather than reported as NaN, so each value shown is a number.
    """
    scores = {}
    for metric in metrics_for(task):
        try:
            value = metric.score(y_true, y_pred)
        except ValueError:  # scikit-learn's "only one class present" and the like
            continue
        if np.isfinite(value):
            scores[metric.name.value] = value
    return scores


def get_metric(name: MetricName | str | None, task: Task) -> Metric:
    """The metric called ``name`` (the task's default when ``None``), checked against the task."""
    if name is None:
        return METRICS[DEFAULT_METRIC[task]]
    try:
        metric = METRICS[MetricName(name)]
    except ValueError:
        known = ", ".join(m.value for m in MetricName)
        raise ConfigError("unknown_metric", f"Unknown metric '{name}'; choose one of: {known}.",
                          {"metric": str(name)}) from None
    if task not in metric.tasks:
        raise ConfigError("metric_task_mismatch", f"The metric '{name}' does not apply to "
                          f"{task} problems.", {"metric": str(name), "task": str(task)})
    return metric
