"""Fold summaries and the paired test that marks trials tied with the best."""

import math

import numpy as np
import pytest
from scipy import stats

from automl_core.analysis.stats import summarize_folds, tied_with_best


def test_summary_is_the_mean_and_population_spread() -> None:
    summary = summarize_folds([0.8, 0.9, 1.0])
    assert summary.mean == pytest.approx(0.9)
    assert summary.std == pytest.approx(math.sqrt(((0.1) ** 2 * 2) / 3))
    assert summary.n_folds == 3


@pytest.mark.parametrize("folds", [[], [0.5, None], [0.5, float("nan")]])
def test_a_missing_fold_gives_no_summary(folds: list) -> None:
    summary = summarize_folds(folds)
    assert summary.mean is None and summary.std is None


def test_one_fold_has_a_mean_but_no_spread() -> None:
    summary = summarize_folds([0.7])
    assert summary.mean == 0.7 and summary.std is None


def test_noisy_small_differences_are_a_tie() -> None:
    best = [0.90, 0.85, 0.92, 0.88, 0.91]
    other = [0.89, 0.86, 0.90, 0.89, 0.90]
    assert tied_with_best(best, other) is True


def test_a_clear_gap_on_every_fold_is_not_a_tie() -> None:
    best = [0.90, 0.85, 0.92, 0.88, 0.91]
    other = [0.80, 0.74, 0.83, 0.77, 0.80]
    assert tied_with_best(best, other) is False


def test_identical_folds_are_a_tie_and_a_constant_gap_is_not() -> None:
    folds = [0.9, 0.8, 0.85]
    assert tied_with_best(folds, folds) is True
    assert tied_with_best(folds, [f - 0.05 for f in folds]) is False


@pytest.mark.parametrize("other", [[0.9, 0.8], [0.9, None, 0.8], [0.9]])
def test_no_test_without_comparable_folds(other: list) -> None:
    assert tied_with_best([0.9, 0.8, 0.85], other) is None


def test_the_tie_rule_is_scipys_paired_t_test() -> None:
    rng = np.random.default_rng(0)
    for _ in range(300):
        n = int(rng.integers(2, 11))
        best = rng.normal(0.8, 0.05, n)
        other = best - rng.normal(rng.uniform(-0.02, 0.05), rng.uniform(0.001, 0.05), n)
        expected = stats.ttest_rel(best, other).pvalue >= 0.05
        assert tied_with_best(best.tolist(), other.tolist()) is bool(expected)
