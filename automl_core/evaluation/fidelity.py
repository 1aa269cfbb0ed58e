"""Low-fidelity evaluation: train on a seeded share of a fold's training rows.

Multi-fidelity searchers (Hyperband, BOHB) first evaluate many configurations cheaply and only
the promising ones on all rows. A trial at fidelity ``f`` fits each fold on a share ``f`` of that
fold's training rows (stratified by class for classification) and is scored on the whole
validation fold, so its score estimates the same quantity as a full trial, only more noisily.

The rows come from one seeded permutation per fold, so the rows of a lower fidelity are a subset
of the rows of every higher one: a promoted configuration sees more of the same data.
"""

from __future__ import annotations

import math

import numpy as np

MIN_ROWS = 20  # a low-fidelity fit never has fewer rows than this (when the fold has them)
MIN_PER_CLASS = 2  # nor fewer rows of a class than this (when the fold has them)


def fidelity_rows(y_train: np.ndarray, fidelity: float, classification: bool, seed: int,
                  fold: int) -> np.ndarray:
    """Sorted positions in ``y_train`` of the rows a trial at ``fidelity`` trains on.

    All positions at full fidelity; otherwise ``ceil(fidelity * n)`` of them, at least
    :data:`MIN_ROWS`, drawn class by class for classification so every class keeps its share
    (and at least :data:`MIN_PER_CLASS` rows).
    """
    if not 0.0 < fidelity <= 1.0:
        raise ValueError(f"fidelity must be in (0, 1], got {fidelity!r}")
    n = len(y_train)
    share = max(fidelity, min(1.0, MIN_ROWS / max(n, 1)))
    if share >= 1.0:
        return np.arange(n)
    order = np.random.default_rng([seed, fold]).permutation(n)
    if not classification:
        return np.sort(order[:math.ceil(share * n)])
    labels = y_train[order]
    kept: list[np.ndarray] = []
    for label in np.unique(labels):
        members = order[labels == label]
        count = max(math.ceil(share * len(members)), min(len(members), MIN_PER_CLASS))
        kept.append(members[:count])
    return np.sort(np.concatenate(kept))


def training_subset(X_train: np.ndarray, y_train: np.ndarray, fidelity: float,  # noqa: N803
                    classification: bool, seed: int,
                    fold: int) -> tuple[np.ndarray, np.ndarray]:
    """The fold's training matrix and target cut to ``fidelity`` (unchanged, not copied, at 1)."""
    if fidelity >= 1.0:
        return X_train, y_train
    rows = fidelity_rows(y_train, fidelity, classification, seed, fold)
    return X_train[rows], y_train[rows]
