"""Random-forest surrogate in the style of SMAC: the spread across trees is the uncertainty.

Each tree is grown on a bootstrap sample with 5/6 of the features considered at each split and
fully grown leaves (SMAC's defaults). Split thresholds are drawn at random between the observed
values (extremely randomized trees), which, like SMAC's random split points, smooths the forest's
mean between observations; with best-split trees the mean is a staircase and the search stalls.
The prediction is the mean over trees and the standard deviation is their spread.
Categorical columns stay as choice indices (trees split them fine) and inactive conditional
parameters are imputed at -1, outside the unit interval, so a tree can separate "inactive" from
every real value with one split.
Pending configurations are handled with a constant liar: they are added with the worst observed
target, which pushes the acquisition away from them.
"""

from __future__ import annotations

import numpy as np
from sklearn.ensemble import ExtraTreesRegressor

INACTIVE_VALUE = -1.0
MIN_STD = 1e-6


class RandomForest:
    """A :class:`Surrogate` fitting :class:`ForestPosterior` objects."""

    def __init__(self, n_trees: int = 10, min_samples_leaf: int = 1,
                 max_features: float = 5 / 6) -> None:
        self.n_trees = n_trees
        self.min_samples_leaf = min_samples_leaf
        self.max_features = max_features

    def fit(self, X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> ForestPosterior:
        """Grow the forest on ``(X, y)``."""
        return ForestPosterior(self, X, np.asarray(y, dtype=float), int(rng.integers(2**31 - 1)))

    def grow(self, X: np.ndarray, y: np.ndarray, seed: int) -> ExtraTreesRegressor:
        """A fitted scikit-learn forest with this surrogate's settings."""
        forest = ExtraTreesRegressor(
            n_estimators=self.n_trees, min_samples_split=2,
            min_samples_leaf=self.min_samples_leaf, max_features=self.max_features,
            bootstrap=True, random_state=seed, n_jobs=1,
        )
        return forest.fit(_impute(X), y)


class ForestPosterior:
    """A fitted forest: mean and spread over trees."""

    def __init__(self, surrogate: RandomForest, X: np.ndarray, y: np.ndarray, seed: int) -> None:
        self._surrogate = surrogate
        self._X, self._y, self._seed = X, y, seed
        self._forest = surrogate.grow(X, y, seed)

    @property
    def incumbent_value(self) -> float:
        """The lowest target the forest was grown on."""
        return float(np.min(self._y))

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation over trees at encoded rows ``X``."""
        X32 = np.ascontiguousarray(_impute(X), dtype=np.float32)
        # Calling the trees directly skips the forest's per-call joblib set-up, which dominates
        # the cost when the maximizer scores many small batches.
        per_tree = np.stack([tree.predict(X32, check_input=False)
                             for tree in self._forest.estimators_])
        return per_tree.mean(axis=0), np.maximum(per_tree.std(axis=0), MIN_STD)

    def with_pending(self, X_pending: np.ndarray) -> ForestPosterior:
        """Constant liar: regrow with the pending rows at the worst observed target."""
        if len(X_pending) == 0:
            return self
        lies = np.full(len(X_pending), np.max(self._y))
        return ForestPosterior(self._surrogate, np.vstack([self._X, X_pending]),
                               np.concatenate([self._y, lies]), self._seed)


def _impute(X: np.ndarray) -> np.ndarray:
    return np.where(np.isnan(X), INACTIVE_VALUE, X)
