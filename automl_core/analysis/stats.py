"""Statistics of cross-validation fold scores: summary and a paired test against the best."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

# A trial is "tied with the best" when a paired test cannot tell them apart at this level.
TIE_ALPHA = 0.05


@dataclass(frozen=True)
class FoldSummary:
    """Mean and population standard deviation of a trial's fold scores."""

    mean: float | None
    std: float | None
    n_folds: int


def clean_folds(fold_scores: Sequence[float | None]) -> list[float] | None:
    """The fold scores as floats, or ``None`` when a fold has no finite score."""
    values: list[float] = []
    for score in fold_scores:
        if score is None or not math.isfinite(float(score)):
            return None
        values.append(float(score))
    return values


def summarize_folds(fold_scores: Sequence[float | None]) -> FoldSummary:
    """Mean and spread of the folds; the spread needs two folds and every fold scored."""
    values = clean_folds(fold_scores)
    if not values:
        return FoldSummary(None, None, len(fold_scores))
    spread = float(np.std(values)) if len(values) >= 2 else None
    return FoldSummary(float(np.mean(values)), spread, len(values))


@functools.lru_cache(maxsize=64)
def _critical_t(n_folds: int, alpha: float) -> float:
    """The two-sided critical value of Student's t with ``n_folds - 1`` degrees of freedom."""
    return float(stats.t.ppf(1.0 - alpha / 2.0, n_folds - 1))


def tied_with_best(best_folds: Sequence[float | None], folds: Sequence[float | None],
                   alpha: float = TIE_ALPHA) -> bool | None:
    """Whether ``folds`` cannot be told apart from ``best_folds`` (paired t-test, p >= alpha).

    The folds must be the same splits in the same order (one experiment's folds are). A paired
    t-test is used rather than Wilcoxon's signed-rank test because with 3 to 5 folds the
    signed-rank test can never reach p < 0.05, so it would call every trial tied. ``None`` when
    the test cannot be made: a missing fold score, fewer than two folds or different fold counts.

    p >= alpha is decided as |t| <= the critical t value (the same test as
    ``scipy.stats.ttest_rel``), because a leaderboard page runs it for every row.
    """
    best, other = clean_folds(best_folds), clean_folds(folds)
    if best is None or other is None or len(best) != len(other) or len(best) < 2:
        return None
    differences = [b - o for b, o in zip(best, other, strict=True)]
    n = len(differences)
    mean = sum(differences) / n
    spread = math.sqrt(sum((d - mean) ** 2 for d in differences) / (n - 1))
    if spread <= 1e-12:
        # No variation in the differences: the test is undefined; equal folds are a tie and a
        # constant gap on every fold is a real difference.
        return abs(differences[0]) <= 1e-12
    t_value = mean / (spread / math.sqrt(n))
    return abs(t_value) <= _critical_t(n, alpha)
