"""The small interface every regression surrogate implements.

A surrogate is fitted on encoded configurations (rows of :class:`SpaceEncoder` vectors, with
``NaN`` for inactive parameters) and losses already warped by the searcher. Fitting returns a
:class:`Posterior`; a posterior predicts a mean and a standard deviation for new rows and knows
how to account for pending configurations, so the searcher never proposes the same point twice
while earlier proposals are still running.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np


class Posterior(Protocol):
    """A fitted surrogate."""

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Mean and standard deviation (both shape ``(n,)``) of the warped loss at rows ``X``."""
        ...

    def with_pending(self, X_pending: np.ndarray) -> Posterior:
        """A posterior that treats ``X_pending`` as evaluated (kriging believer / constant liar)."""
        ...

    @property
    def incumbent_value(self) -> float:
        """The best (lowest) training target, fantasies of pending rows included."""
        ...


class Surrogate(Protocol):
    """Something that fits a :class:`Posterior` to encoded rows and warped losses."""

    def fit(self, X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> Posterior:
        """Fit to rows ``X`` (shape ``(n, d)``) and targets ``y`` (shape ``(n,)``)."""
        ...
