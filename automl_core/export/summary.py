"""Plain-language facts about a model from its out-of-fold predictions (for the report).

Out-of-fold predictions come from models that never saw the row, so the facts describe how the
model does on new data: how many of 100 cases it gets right, which two classes it confuses most,
how far off a regression typically is, and which input column drives it most.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ClassificationFacts:
    """Accuracy, the confusion matrix and the most frequent confusion."""

    n_rows: int
    right_per_100: int
    matrix: np.ndarray  # rows: true class, columns: predicted class
    confused_true: str | None  # the true class of the most frequent mistake
    confused_predicted: str | None
    confused_count: int


@dataclass(frozen=True)
class RegressionFacts:
    """How far off predictions typically are."""

    n_rows: int
    median_absolute_error: float
    mean_absolute_error: float
    within_10_percent: int  # of 100 predictions, how many are within 10% of the actual value


def classification_facts(y: np.ndarray, proba: np.ndarray,
                         classes: Sequence[str]) -> ClassificationFacts:
    """Facts from class indices ``y`` and a probability matrix (rows without NaN only)."""
    keep = np.isfinite(proba).all(axis=1)
    truth = np.asarray(y)[keep].astype(int)
    predicted = np.argmax(proba[keep], axis=1)
    n = len(classes)
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (truth, predicted), 1)
    right = int(round(100 * np.trace(matrix) / max(matrix.sum(), 1)))
    mistakes = matrix.copy()
    np.fill_diagonal(mistakes, 0)
    if mistakes.max() > 0:
        i, j = np.unravel_index(int(np.argmax(mistakes)), mistakes.shape)
        return ClassificationFacts(int(matrix.sum()), right, matrix, str(classes[int(i)]),
                                   str(classes[int(j)]), int(mistakes[i, j]))
    return ClassificationFacts(int(matrix.sum()), right, matrix, None, None, 0)


def regression_facts(y: np.ndarray, predicted: np.ndarray) -> RegressionFacts:
    """Facts from actual values ``y`` and predictions (rows without NaN only)."""
    keep = np.isfinite(predicted)
    actual, guess = np.asarray(y, dtype=float)[keep], np.asarray(predicted, dtype=float)[keep]
    errors = np.abs(actual - guess)
    scale = np.maximum(np.abs(actual), 1e-12)
    within = int(round(100 * float(np.mean(errors <= 0.1 * scale)))) if len(errors) else 0
    return RegressionFacts(len(errors), float(np.median(errors)) if len(errors) else np.nan,
                           float(np.mean(errors)) if len(errors) else np.nan, within)


def importance_by_column(encoded_names: Sequence[str], importances: Sequence[float],
                         columns: Sequence[str]) -> list[tuple[str, float]]:
    """Importances of encoded features summed per input column, largest first.

    An encoded name is its column's name, optionally followed by ``.part`` or ``=value``
    (see ``TabularPreprocessor.get_feature_names_out``); the longest matching column wins.
    """
    by_length = sorted((str(c) for c in columns), key=len, reverse=True)
    totals: dict[str, float] = {}
    for name, value in zip(encoded_names, importances, strict=True):
        if not np.isfinite(value):
            continue
        source = next((c for c in by_length if name == c or name.startswith((f"{c}.", f"{c}="))),
                      str(name))
        totals[source] = totals.get(source, 0.0) + float(value)
    return sorted(totals.items(), key=lambda item: -item[1])
