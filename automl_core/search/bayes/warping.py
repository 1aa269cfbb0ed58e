"""Output warping: make losses look Gaussian before a surrogate sees them.

Losses of optimisation problems are usually skewed (a few terrible configurations, many decent
ones, the interesting ones bunched near the minimum). A Yeo-Johnson power transform fitted by
maximum likelihood, then standardisation, fixes most of that; HEBO (Cowen-Rivers et al., 2022)
showed the gain for GP-based search. The transform is monotone, so the best configuration stays
the best, and it is invertible, so predictions can be reported in loss units.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
from scipy.optimize import fminbound

LAMBDA_BOUNDS = (-1.0, 2.0)
# With lambda < 0 (or > 2) the transform is bounded; a prediction past the bound has no finite
# preimage, so the inverse saturates at a huge finite loss instead of overflowing.
_MIN_BASE = 1e-12
_LAMBDA_TOLERANCE = 1.48e-8  # scipy's Brent tolerance, as ``stats.yeojohnson_normmax`` uses
_TINY_VARIANCE = float(np.finfo(float).smallest_normal)


class OutputWarp:
    """Standardise, Yeo-Johnson, standardise again; fitted on one vector of losses."""

    def __init__(self, y: np.ndarray) -> None:
        y = np.asarray(y, dtype=float)
        self._loc, self._scale = _location_scale(y)
        centred = (y - self._loc) / self._scale
        self._lambda = 1.0
        if len(y) >= 3 and np.ptp(centred) > 0:
            self._lambda = yeojohnson_lambda(centred)
        warped = _yeojohnson(centred, self._lambda)
        self._loc2, self._scale2 = _location_scale(warped)

    def transform(self, y: np.ndarray) -> np.ndarray:
        """Losses -> warped, standardised targets."""
        centred = (np.asarray(y, dtype=float) - self._loc) / self._scale
        return (_yeojohnson(centred, self._lambda) - self._loc2) / self._scale2

    def inverse(self, t: np.ndarray) -> np.ndarray:
        """Warped targets -> losses."""
        centred = _yeojohnson_inverse(np.asarray(t, dtype=float) * self._scale2 + self._loc2,
                                      self._lambda)
        return centred * self._scale + self._loc

    def inverse_std(self, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        """A standard deviation in loss units: half the width of the mapped ``mean +- std``."""
        return cast(np.ndarray, 0.5 * np.abs(self.inverse(mean + std) - self.inverse(mean - std)))


def yeojohnson_lambda(x: np.ndarray) -> float:
    """The maximum-likelihood Yeo-Johnson ``lambda`` of ``x`` within ``LAMBDA_BOUNDS``.

    The same profile likelihood as ``scipy.stats.yeojohnson_llf``, maximised directly over the
    bounds; written out because scipy's version spends most of a GP proposal's warping time in
    argument handling (it is called a few dozen times per fit).
    """
    x = np.asarray(x, dtype=float)
    jacobian = float(np.sum(np.sign(x) * np.log1p(np.abs(x))))
    half_n = 0.5 * len(x)

    def negative_log_likelihood(lam: float) -> float:
        variance = float(np.var(_yeojohnson(x, lam)))
        if variance < _TINY_VARIANCE:
            return math.inf
        return half_n * math.log(variance) - (lam - 1.0) * jacobian

    return float(fminbound(negative_log_likelihood, *LAMBDA_BOUNDS, xtol=_LAMBDA_TOLERANCE))


def _yeojohnson(x: np.ndarray, lam: float) -> np.ndarray:
    """The Yeo-Johnson transform, as ``scipy.stats.yeojohnson(x, lmbda=lam)``."""
    x = np.asarray(x, dtype=float)
    pos = x >= 0
    log1p_abs = np.log1p(np.abs(x))
    eps = np.finfo(float).eps
    out = np.empty_like(x)
    if abs(lam) < eps:
        out[pos] = log1p_abs[pos]
    else:
        out[pos] = np.expm1(lam * log1p_abs[pos]) / lam
    if abs(lam - 2.0) > eps:
        out[~pos] = -np.expm1((2.0 - lam) * log1p_abs[~pos]) / (2.0 - lam)
    else:
        out[~pos] = -log1p_abs[~pos]
    return out


def _location_scale(y: np.ndarray) -> tuple[float, float]:
    scale = float(np.std(y)) if len(y) > 1 else 1.0
    return float(np.mean(y)) if len(y) else 0.0, scale if scale > 0 else 1.0


def _yeojohnson_inverse(x: np.ndarray, lam: float) -> np.ndarray:
    out = np.empty_like(x)
    pos = x >= 0
    if abs(lam) < 1e-12:
        out[pos] = np.expm1(x[pos])
    else:
        out[pos] = np.power(np.maximum(x[pos] * lam + 1.0, _MIN_BASE), 1.0 / lam) - 1.0
    if abs(lam - 2.0) < 1e-12:
        out[~pos] = -np.expm1(-x[~pos])
    else:
        base = np.maximum(1.0 - (2.0 - lam) * x[~pos], _MIN_BASE)
        out[~pos] = 1.0 - np.power(base, 1.0 / (2.0 - lam))
    return out
