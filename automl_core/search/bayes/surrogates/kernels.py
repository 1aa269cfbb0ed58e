"""The Matern 5/2 kernel with ARD length scales, its derivatives, and a stable Cholesky.

With ``r`` the length-scaled distance, ``k(r) = s (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)``. Its
derivatives need no division by ``r``, so they stay finite when two points coincide.
"""

from __future__ import annotations

from typing import cast

import numpy as np
from scipy.linalg import LinAlgError, cholesky

SQRT5 = float(np.sqrt(5.0))


def scaled_distances(A: np.ndarray, B: np.ndarray, lengthscales: np.ndarray) -> np.ndarray:
    """Length-scaled Euclidean distances between the rows of ``A`` and ``B``, shape (a, b).

    Computed as ``|a|^2 + |b|^2 - 2 a.b`` with one matrix product, much faster than building the
    (a, b, p) difference tensor; rounding can make it slightly negative, hence the clip.
    """
    As, Bs = A / lengthscales, B / lengthscales
    sq = np.sum(As * As, axis=1)[:, None] + np.sum(Bs * Bs, axis=1)[None, :] - 2.0 * As @ Bs.T
    return cast(np.ndarray, np.sqrt(np.maximum(sq, 0.0)))


def matern52(r: np.ndarray) -> np.ndarray:
    """The unit-amplitude Matern 5/2 correlation at distances ``r``."""
    return cast(np.ndarray, (1.0 + SQRT5 * r + (5.0 / 3.0) * r * r) * np.exp(-SQRT5 * r))


def matern52_radial_factor(r: np.ndarray) -> np.ndarray:
    """``-(dk/dr) / r`` of the unit Matern 5/2: ``5/3 (1 + sqrt5 r) exp(-sqrt5 r)``.

    Derivatives with respect to a length scale or an input coordinate are this factor times a
    coordinate difference, which is why no ``1/r`` appears anywhere.
    """
    return (5.0 / 3.0) * (1.0 + SQRT5 * r) * np.exp(-SQRT5 * r)


def stable_cholesky(K: np.ndarray, max_tries: int = 6) -> np.ndarray:
    """Lower Cholesky factor of ``K``, adding growing diagonal jitter if ``K`` is not quite PD."""
    if len(K) == 0:
        return np.zeros((0, 0))
    jitter = 0.0
    base = 1e-10 * max(float(np.mean(np.diag(K))), 1e-12)
    for _ in range(max_tries):
        try:
            return cholesky(K + jitter * np.eye(len(K)), lower=True, check_finite=False)
        except LinAlgError:
            jitter = base if jitter == 0.0 else jitter * 100.0
    raise LinAlgError(f"kernel matrix is not positive definite even with jitter {jitter:.1e}")
