"""Seeded validation splits: stratified k-fold for classification, k-fold or holdout otherwise."""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

from automl_core.data.task import Task

Fold = tuple[np.ndarray, np.ndarray]
HOLDOUT_ROWS = 200_000
LARGE_ROWS = 20_000


def default_n_folds(n_rows: int) -> int:
    """Fewer folds on larger data, where each fit costs more and the estimate is stable."""
    if n_rows >= HOLDOUT_ROWS:
        return 1
    return 3 if n_rows >= LARGE_ROWS else 5


def make_folds(y: np.ndarray, task: Task, n_folds: int, seed: int) -> list[Fold]:
    """``n_folds`` (train, validation) index pairs; ``n_folds == 1`` means a 80/20 holdout."""
    index = np.arange(len(y))
    stratify = y if task.is_classification else None
    if n_folds == 1:
        train, valid = train_test_split(index, test_size=0.2, random_state=seed, stratify=stratify)
        return [(np.sort(train), np.sort(valid))]
    splitter = (StratifiedKFold(n_folds, shuffle=True, random_state=seed)
                if task.is_classification else KFold(n_folds, shuffle=True, random_state=seed))
    return [(train, valid) for train, valid in splitter.split(index, stratify)]
