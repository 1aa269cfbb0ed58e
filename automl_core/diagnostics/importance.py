"""Permutation importance of the final model: how much the score drops when a feature is shuffled.

Which data: a random sample of the training rows (at most ``MAX_ROWS``, fewer for wide tables so
the cost stays bounded), scored with the final model that was refit on all rows. The model has
seen these rows, so the importance says how much this model *relies* on each feature, not how
much the feature helps on new data (that would need a refit per fold, which is what the
learning curve pays for). Shuffling a column keeps its distribution and breaks its link with the
target; each feature is shuffled ``REPEATS`` times and the mean and spread are shown.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from automl_core.diagnostics.contributions import importance_bars
from automl_core.diagnostics.payload import Payload
from automl_core.evaluation.metrics import get_metric

MAX_ROWS = 1000
CELL_BUDGET = 200_000  # rows x features shuffled per repeat
REPEATS = 3


def sample_rows(n_rows: int, n_features: int, seed: int) -> np.ndarray:
    """Indices of the rows to use: at most MAX_ROWS and at most CELL_BUDGET / features."""
    limit = max(100, min(MAX_ROWS, CELL_BUDGET // max(n_features, 1)))
    if n_rows <= limit:
        return np.arange(n_rows)
    return np.sort(np.random.default_rng(seed).choice(n_rows, size=limit, replace=False))


def permutation_scores(model: Any, features: pd.DataFrame, y: np.ndarray,
                       seed: int = 0) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(feature names, mean score loss when shuffled, standard deviation over repeats).

    ``model`` is a fitted AutoML, ``features``/``y`` the rows to score (``y`` as the engine
    encodes it: class indices or values). Positive values: the score gets worse without the
    feature; around zero: the model does not use it.
    """
    names = [str(f) for f in model.feature_names]
    frame = features.reindex(columns=names).reset_index(drop=True)
    metric = get_metric(model.metric, model.task)
    ensemble = model.model_

    def loss(data: pd.DataFrame) -> float:
        return metric.loss(metric.score(y, ensemble.predict_raw(data)))

    base = loss(frame)
    rng = np.random.default_rng(seed)
    drops = np.zeros((len(names), REPEATS))
    for j, name in enumerate(names):
        original = frame[name]
        for r in range(REPEATS):
            frame[name] = original.to_numpy()[rng.permutation(len(frame))]
            drops[j, r] = loss(frame) - base
        frame[name] = original
    return names, drops.mean(axis=1), drops.std(axis=1)


def permutation_importance(model: Any, features: pd.DataFrame, y: np.ndarray,
                           seed: int = 0) -> Payload:
    """Permutation importance as horizontal bars with the spread over repeats as error bars."""
    names, means, spread = permutation_scores(model, features, y, seed)
    return importance_bars(names, means, f"score loss when shuffled ({model.metric})", spread)
