"""One Gaussian process per algorithm family: the GP's answer to conditional (CASH) spaces.

A single GP over the whole encoded space has to share its length scales, amplitude and noise
between families whose objectives have nothing in common, sees the inactive parameters of the
other families as constant inputs, and lets observations of one family shape the posterior of
another through the algorithm's one-hot columns. Worse, one output warping fitted on the pooled
losses is dominated by the family with the widest spread: on the benchmark's conditional problem
Branin's tail (losses up to 300) squeezed every loss below 4 into a few hundredths of a target
unit, so the family holding the optimum looked flat and was never explored.

Here the kernel is block-diagonal by family: configurations of different algorithms are
uncorrelated, and each family's GP sees only that family's columns, fits its own hyperparameters
by marginal likelihood and models its own targets after a further monotone warp of its own
(:class:`OutputWarp` fitted on that family's targets), so each family is modelled at its own
resolution. Predictions are reported in a common frame in which the incumbent keeps its value:
a family's prediction ``m, s`` (in its own units) becomes ``incumbent + m - w(incumbent), s``,
with ``w`` that family's warp. So ``(incumbent - mean) / std`` is exactly the family's own
z-score of beating the incumbent (probability of improvement is unchanged by the warps), and
expected improvement is measured in units of each family's spread. A family with fewer than
``MIN_FIT`` observations keeps the prior's hyperparameters and the common targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np

from automl_core.search.bayes.surrogates.gp import (
    GaussianProcess,
    GPPosterior,
    prior_hyperparameters,
)
from automl_core.search.bayes.warping import OutputWarp

MIN_FIT = 3


class PerFamilyGP:
    """A :class:`Surrogate` fitting one :class:`GPPosterior` per algorithm family.

    ``family`` is the encoder's per-column family index (``-1`` for the algorithm column) and
    ``n_choices`` its per-column category counts.
    """

    def __init__(self, family: np.ndarray, n_choices: np.ndarray, n_restarts: int = 2,
                 max_iter: int = 100) -> None:
        self.family = np.asarray(family)
        self.n_choices = np.asarray(n_choices)
        self.n_families = int(self.family.max()) + 1
        self.columns = [np.flatnonzero(self.family == f) for f in range(self.n_families)]
        self.models = [GaussianProcess(self.n_choices[cols], n_restarts, max_iter)
                       for cols in self.columns]

    def fit(self, X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> PerFamilyPosterior:
        """Fit each family's GP on that family's rows (in family order, so draws are stable)."""
        y = np.asarray(y, dtype=float)
        incumbent = float(np.min(y))
        rows = family_of(X)
        parts = [self._fit_family(model, X[rows == f][:, cols], y[rows == f], incumbent, rng)
                 for f, (cols, model) in enumerate(zip(self.columns, self.models, strict=True))]
        return PerFamilyPosterior(self, parts, incumbent)

    @staticmethod
    def _fit_family(model: GaussianProcess, X: np.ndarray, y: np.ndarray, incumbent: float,
                    rng: np.random.Generator) -> FamilyModel:
        """One family's GP on its own columns ``X`` and its own warp of its targets ``y``."""
        Z = model.features.transform(X)
        if len(y) < MIN_FIT:
            return FamilyModel(GPPosterior(model.features, Z, y, prior_hyperparameters(Z.shape[1])),
                               0.0, None)
        warp = OutputWarp(y)
        targets = warp.transform(y)
        shift = float(warp.transform(np.array([incumbent]))[0]) - incumbent
        hyper = model.fit_hyperparameters(Z, targets, rng)
        return FamilyModel(GPPosterior(model.features, Z, targets, hyper), shift, warp)


@dataclass(frozen=True)
class FamilyModel:
    """One family's GP, in that family's units, and ``w(incumbent) - incumbent`` for it.

    Subtracting ``shift`` from the family's predictions moves them to the common frame; ``warp``
    maps the searcher's targets to the family's units (``None``: the family uses them as they are).
    """

    posterior: GPPosterior
    shift: float
    warp: OutputWarp | None


class PerFamilyPosterior:
    """Per-family GP posteriors behind the :class:`Posterior` interface."""

    def __init__(self, surrogate: PerFamilyGP, parts: list[FamilyModel],
                 incumbent_value: float) -> None:
        self._surrogate = surrogate
        self.parts = parts
        self._incumbent = incumbent_value
        numeric = np.flatnonzero(surrogate.n_choices == 0)
        # Where each family's numeric columns sit among the encoder's numeric columns.
        self._numeric_positions = [np.flatnonzero(np.isin(numeric, cols))
                                   for cols in surrogate.columns]

    @property
    def incumbent_value(self) -> float:
        """The lowest target, fantasies of pending rows included, in the common frame."""
        return self._incumbent

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation at encoded rows ``X``, each row by its family's GP."""
        mean, std = np.empty(len(X)), np.empty(len(X))
        rows = family_of(X)
        for f, part in enumerate(self.parts):
            mine = rows == f
            if mine.any():
                m, s = part.posterior.predict(X[mine][:, self._surrogate.columns[f]])
                mean[mine], std[mine] = m - part.shift, s
        return mean, std

    def predict_targets(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation in the searcher's target units (for explanations).

        Each family's prediction is mapped back through the inverse of that family's warp.
        """
        mean, std = np.empty(len(X)), np.empty(len(X))
        rows = family_of(X)
        for f, part in enumerate(self.parts):
            mine = rows == f
            if not mine.any():
                continue
            m, s = part.posterior.predict(X[mine][:, self._surrogate.columns[f]])
            if part.warp is None:
                mean[mine], std[mine] = m, s
            else:
                mean[mine], std[mine] = part.warp.inverse(m), part.warp.inverse_std(m, s)
        return mean, std

    def predict_with_gradient(
        self, X: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Mean, std and their gradients w.r.t. the encoder's numeric columns, shape (n, k).

        A row's gradient is zero in the columns of the other families (they are inactive).
        """
        n, k = len(X), int(np.sum(self._surrogate.n_choices == 0))
        mean, std = np.empty(n), np.empty(n)
        dmean, dstd = np.zeros((n, k)), np.zeros((n, k))
        rows = family_of(X)
        for f, part in enumerate(self.parts):
            mine = np.flatnonzero(rows == f)
            if len(mine) == 0:
                continue
            m, s, dm, ds = part.posterior.predict_with_gradient(
                X[mine][:, self._surrogate.columns[f]])
            mean[mine], std[mine] = m - part.shift, s
            positions = self._numeric_positions[f]
            dmean[np.ix_(mine, positions)] = dm
            dstd[np.ix_(mine, positions)] = ds
        return mean, std, dmean, dstd

    def with_pending(self, X_pending: np.ndarray) -> PerFamilyPosterior:
        """Kriging believer within each family: pending rows join their family at its mean."""
        if len(X_pending) == 0:
            return self
        rows = family_of(X_pending)
        parts, believed_values = [], [self._incumbent]
        for f, part in enumerate(self.parts):
            pending = X_pending[rows == f][:, self._surrogate.columns[f]]
            believed = part.posterior.with_pending(pending)
            believed_values.extend(believed.y[len(part.posterior.y):] - part.shift)
            parts.append(FamilyModel(believed, part.shift, part.warp))
        return PerFamilyPosterior(self._surrogate, parts, float(min(believed_values)))


def family_of(X: np.ndarray) -> np.ndarray:
    """The algorithm family index of each encoded row."""
    return cast(np.ndarray, np.rint(X[:, 0]).astype(int))
