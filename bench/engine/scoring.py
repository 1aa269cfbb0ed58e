"""Scoring predictions on the test split, and the summary statistics across frameworks.

Every framework writes the same prediction file as Daria's CLI: one probability column per class,
named by the label as a string, then ``prediction`` (regression: ``prediction`` only).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.metrics import log_loss, roc_auc_score, root_mean_squared_error

PROBA_FLOOR = 1e-15
GREATER_IS_BETTER = {"roc_auc": True, "log_loss": False, "rmse": False}


def score_predictions(metric: str, y_true: pd.Series, predictions: pd.DataFrame) -> float:
    """The test score of one prediction file, in the metric's natural direction."""
    if metric == "rmse":
        return float(root_mean_squared_error(y_true.to_numpy(float),
                                             predictions["prediction"].to_numpy(float)))
    labels = sorted(y_true.astype(str).unique())
    proba = _class_probabilities(predictions, labels)
    truth = y_true.astype(str).to_numpy()
    if metric == "roc_auc":
        positive = labels[-1]
        return float(roc_auc_score(truth == positive, proba[:, -1]))
    return float(log_loss(truth, proba, labels=labels))


def _class_probabilities(predictions: pd.DataFrame, labels: list[str]) -> np.ndarray:
    """Columns of ``labels`` in order (0 for a class never predicted), renormalised."""
    columns = {str(c): c for c in predictions.columns}
    proba = np.column_stack([
        predictions[columns[label]].to_numpy(float) if label in columns
        else np.zeros(len(predictions)) for label in labels])
    proba = np.clip(proba, PROBA_FLOOR, 1.0)
    return proba / proba.sum(axis=1, keepdims=True)


def normalized_scores(scores: dict[str, float | None], metric: str,
                      baseline: str = "lgbm_default") -> dict[str, float | None]:
    """(score - baseline) / (best - baseline), oriented so higher is better (1 = the best).

    ``None`` for a framework without a score, and for everyone when the baseline itself is the
    best (the scale would divide by zero).
    """
    base = scores.get(baseline)
    valid = {k: v for k, v in scores.items() if v is not None and math.isfinite(v)}
    if base is None or not valid:
        return dict.fromkeys(scores)
    best = max(valid.values()) if GREATER_IS_BETTER[metric] else min(valid.values())
    if best == base:
        return {k: (0.0 if v == base else None) for k, v in scores.items()}
    return {k: (None if k not in valid else (valid[k] - base) / (best - base)) for k in scores}


def ranks(scores: dict[str, float | None], metric: str) -> dict[str, float]:
    """Rank 1 = best; ties share the mean rank; a framework without a score ranks last."""
    sign = -1.0 if GREATER_IS_BETTER[metric] else 1.0
    keyed = {k: (sign * v if v is not None and math.isfinite(v) else math.inf)
             for k, v in scores.items()}
    ordered = sorted(keyed.values())
    result = {}
    for name, value in keyed.items():
        positions = [i + 1 for i, v in enumerate(ordered) if v == value]
        result[name] = sum(positions) / len(positions)
    return result
