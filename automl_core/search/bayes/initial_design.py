"""Space-filling initial designs, evaluated before any surrogate is trusted.

Points are drawn in the unit cube of the encoded space and mapped through
:meth:`SpaceEncoder.from_uniform`. The algorithm column is stratified rather than sampled: design
point ``i`` uses family ``i mod K``, so every family gets its share of the design even when the
design is small (a random draw can easily leave the best family with one or two points).
Designs depend on the seed only, never on results, so a rebuilt searcher replays the same design.
"""

from __future__ import annotations

import math
from enum import StrEnum

import numpy as np
from scipy.stats import qmc

from automl_core.search.bayes.encoding import SpaceEncoder


class DesignKind(StrEnum):
    """Initial designs."""

    SOBOL = "sobol"
    LHS = "lhs"


def initial_design(encoder: SpaceEncoder, n: int, seed: int,
                   kind: DesignKind = DesignKind.SOBOL) -> np.ndarray:
    """``n`` distinct snapped vectors of a scrambled Sobol or Latin-hypercube design."""
    if n <= 0:
        return np.empty((0, encoder.n_columns))
    d = encoder.n_columns
    if DesignKind(kind) is DesignKind.SOBOL:
        # Sobol points keep their balance only in powers of two; draw one and use its prefix.
        U = qmc.Sobol(d, scramble=True, seed=seed).random_base2(math.ceil(math.log2(max(n, 2))))
    else:
        U = qmc.LatinHypercube(d, seed=seed).random(n)
    n_families = len(encoder.algorithms)
    U[:, 0] = (np.arange(len(U)) % n_families + 0.5) / n_families
    X = encoder.from_uniform(U)
    _, first = np.unique(encoder.keys(X), return_index=True)
    return X[np.sort(first)][:n]


def default_initial_size(encoder: SpaceEncoder) -> int:
    """How many design points to evaluate before modelling: 2 per dimension, from 5 up to 10."""
    return int(min(max(5, 2 * (encoder.n_columns - 1)), 10))
