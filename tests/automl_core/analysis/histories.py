"""Trial histories for the analysis tests: seeded, with a score that depends on one parameter."""

from __future__ import annotations

import numpy as np

from automl_core.search.trial import TrialRecord


def make_trials(n: int, seed: int = 0) -> list[TrialRecord]:
    """``n`` finished trials of two algorithms; lightgbm's score follows ``learning_rate``."""
    rng = np.random.default_rng(seed)
    trials = []
    for number in range(n):
        if number % 3 == 2:
            depth = int(rng.integers(2, 12))
            trials.append(TrialRecord(number, "complete", "random_forest",
                                      {"max_depth": depth, "criterion": "gini"},
                                      score=0.7 + depth / 100, fold_scores=(0.7,) * 3,
                                      fit_time_s=2.0))
            continue
        rate = float(rng.uniform(0.01, 0.3))
        leaves = int(rng.integers(8, 64))
        score = 0.9 - abs(rate - 0.1) + rng.normal(0, 0.002)
        trials.append(TrialRecord(number, "complete", "lightgbm",
                                  {"learning_rate": rate, "num_leaves": leaves,
                                   "boosting": str(rng.choice(["gbdt", "dart"]))},
                                  score=score, fold_scores=(score - 0.01, score, score + 0.01),
                                  fit_time_s=1.0))
    trials.append(TrialRecord(n, "failed", "lightgbm", {"learning_rate": 0.1}, error="boom"))
    return trials
