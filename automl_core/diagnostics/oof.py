"""The final model's out-of-fold predictions: the ensemble weights applied to its members'.

Every trial's cross-validation predicts each row from a model that never saw it. The final
ensemble averages its members with integer weights (see ``automl_core.ensemble``), so applying
the same weights to the members' out-of-fold predictions gives out-of-fold predictions of the
ensemble: an honest estimate of how the model does on new rows, which every chart built from
:class:`OutOfFold` shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from automl_core.data.task import Task


@dataclass(frozen=True)
class OutOfFold:
    """True targets and out-of-fold predictions of the rows that got one.

    ``y`` holds class indices (into ``classes``) for classification and values for regression;
    ``predictions`` a probability matrix (rows x classes) or predicted values.
    """

    task: Task
    y: np.ndarray
    predictions: np.ndarray
    classes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.y) != len(self.predictions):
            raise ValueError("y and predictions must have the same number of rows")
        if self.task.is_classification and self.predictions.shape[1] != len(self.classes):
            raise ValueError("a probability matrix needs one column per class")


def ensemble_oof(predictions: Mapping[int, np.ndarray], weights: Mapping[int, float],
                 rows: np.ndarray) -> np.ndarray:
    """The weighted mean of the members' out-of-fold predictions on ``rows``.

    ``predictions`` maps a trial number to its full-length out-of-fold array (NaN where a row
    was not predicted), ``weights`` a member's trial number to its ensemble weight. Raises
    KeyError naming a member whose predictions are missing.
    """
    missing = [n for n in weights if n not in predictions]
    if missing:
        raise KeyError(f"out-of-fold predictions missing for trial(s) {missing}")
    total = float(sum(weights.values()))
    blend = sum(float(w) * np.asarray(predictions[n], dtype=float)[rows]
                for n, w in weights.items())
    return np.asarray(blend, dtype=float) / total


def oof_rows(predictions: np.ndarray) -> np.ndarray:
    """Indices of the rows that have an out-of-fold prediction (all when every fold predicted)."""
    values = np.asarray(predictions, dtype=float)
    finite = np.isfinite(values) if values.ndim == 1 else np.isfinite(values).all(axis=1)
    return np.flatnonzero(finite)


def class_names(classes: Sequence[object]) -> tuple[str, ...]:
    """Class labels as the text the charts show."""
    return tuple(str(c) for c in classes)
