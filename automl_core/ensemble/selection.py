"""Greedy ensemble selection with replacement (Caruana et al. 2004) over out-of-fold predictions.

The first step picks the best single model, and the returned ensemble is the best one seen over
all steps, so it never scores worse than its best member on the data it was selected on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from automl_core.diagnostics.oof import ensemble_oof
from automl_core.evaluation.metrics import Metric


@dataclass(frozen=True)
class EnsembleSelection:
    """Members (by key) with integer weights, and the ensemble's score on the selection data."""

    weights: dict[int, int]
    score: float


def select_ensemble(predictions: Mapping[int, np.ndarray], y: np.ndarray, metric: Metric,
                    max_steps: int = 30, patience: int = 5) -> EnsembleSelection:
    """Pick members greedily, with replacement, to optimise ``metric`` on ``y``."""
    if not predictions:
        raise ValueError("ensemble selection needs at least one candidate")
    keys = list(predictions)
    total = np.zeros_like(predictions[keys[0]], dtype=float)
    chosen: Counter[int] = Counter()
    best_weights: dict[int, int] = {}
    best_loss = np.inf
    stale = 0
    for step in range(1, max_steps + 1):
        losses = [metric.loss(metric.score(y, (total + predictions[k]) / step)) for k in keys]
        pick = keys[int(np.argmin(losses))]
        chosen[pick] += 1
        total = total + predictions[pick]
        if min(losses) < best_loss - 1e-12:
            best_loss, best_weights, stale = min(losses), dict(chosen), 0
        else:
            stale += 1
        if stale >= patience:
            break
    score = -best_loss if metric.greater_is_better else best_loss
    return EnsembleSelection(best_weights, float(score))


def blend_or_first(weights: Mapping[int, int], predictions: Mapping[int, np.ndarray],
                   rows: np.ndarray, y: np.ndarray, metric: Metric) -> dict[int, int]:
    """``weights``, or the first member alone when the weighted blend scores worse than it.

    ``predictions`` are the members' full-length out-of-fold predictions, scored against ``y``
    on ``rows`` (as in :func:`~automl_core.diagnostics.oof.ensemble_oof`). A selection never
    scores worse than its best member, but only while every member stays in. Members left out
    afterwards (no time left to refit them, or no memory) can leave a blend worse than its
    first member alone; the first is the one always kept.
    """
    first = next(iter(weights))
    blend = ensemble_oof(predictions, weights, rows)
    alone = predictions[first][rows]
    if metric.loss(metric.score(y[rows], blend)) > metric.loss(metric.score(y[rows], alone)):
        return {first: weights[first]}
    return dict(weights)
