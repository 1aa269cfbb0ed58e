"""Acquisition functions on a surrogate's predicted mean and standard deviation (minimisation).

Every acquisition is "higher is better" and also returns its derivatives with respect to the mean
and the standard deviation, so the maximizer can chain them with a GP's input gradients.

* :class:`LogExpectedImprovement` - ``log EI`` computed stably far into the tail (Ament et al.,
  "Unexpected Improvements to Expected Improvement", NeurIPS 2023): plain EI underflows to exactly
  0 once ``z < -38``, leaving the maximizer a flat landscape; ``log EI`` stays informative.
* :class:`LogProbabilityOfImprovement` - ``log P(f < incumbent - xi)``.
* :class:`LowerConfidenceBound` - ``-(mean - sqrt(beta_t) std)`` with the GP-UCB schedule of
  Srinivas et al. (2010), ``beta_t = 2 log(d t^2 pi^2 / (6 delta))``, scaled by 0.2 as Kandasamy et
  al. (2015) recommend because the theoretical value explores far too much in practice.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol, cast

import numpy as np
from scipy.special import erfcx, log_ndtr

_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)
_HALF_LOG_PI_OVER_2 = 0.5 * math.log(math.pi / 2.0)
_TAIL = -1.0 / math.sqrt(np.finfo(float).eps)


class AcquisitionKind(StrEnum):
    """Acquisition functions available to the model-based searchers."""

    EI = "ei"
    PI = "pi"
    UCB = "ucb"


class Acquisition(Protocol):
    """Scores predictions; higher means more worth evaluating."""

    def __call__(self, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        """The acquisition value of each prediction."""
        ...

    def gradient(self, mean: np.ndarray, std: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Derivatives of the value with respect to ``mean`` and ``std``."""
        ...


def log_h(z: np.ndarray) -> np.ndarray:
    """``log(phi(z) + z Phi(z))``, accurate for every ``z`` (EI = ``std * h(z)``)."""
    z = np.asarray(z, dtype=float)
    out: np.ndarray = np.empty_like(z)
    upper = z > -1.0
    zu = z[upper]
    out[upper] = np.log(np.exp(-0.5 * zu * zu - _LOG_SQRT_2PI) + zu * np.exp(log_ndtr(zu)))
    middle = (~upper) & (z > _TAIL)
    zm = z[middle]
    inner = np.log(erfcx(-zm / math.sqrt(2.0)) * np.abs(zm)) + _HALF_LOG_PI_OVER_2
    out[middle] = -0.5 * zm * zm - _LOG_SQRT_2PI + _log1mexp(inner)
    tail = z <= _TAIL
    zt = z[tail]
    out[tail] = -0.5 * zt * zt - _LOG_SQRT_2PI - 2.0 * np.log(np.abs(zt))
    return out


def _log1mexp(x: np.ndarray) -> np.ndarray:
    """``log(1 - exp(x))`` for ``x < 0``, accurate near 0 and far below it."""
    return cast(np.ndarray,
                np.where(x > -math.log(2.0), np.log(-np.expm1(x)), np.log1p(-np.exp(x))))


class LogExpectedImprovement:
    """``log E[max(incumbent - f, 0)]``."""

    def __init__(self, incumbent: float) -> None:
        self.incumbent = incumbent

    def __call__(self, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        """``log EI`` of each prediction."""
        return cast(np.ndarray, log_h((self.incumbent - mean) / std) + np.log(std))

    def gradient(self, mean: np.ndarray, std: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``d log EI / d mean`` and ``d log EI / d std``."""
        z = (self.incumbent - mean) / std
        dz = np.exp(log_ndtr(z) - log_h(z))  # d log h / dz = Phi(z) / h(z)
        return -dz / std, 1.0 / std - dz * z / std


class LogProbabilityOfImprovement:
    """``log P(f < incumbent - xi)``; ``xi`` (in target units) keeps it from pure exploitation."""

    def __init__(self, incumbent: float, xi: float = 0.01) -> None:
        self.incumbent = incumbent
        self.xi = xi

    def __call__(self, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        """``log PI`` of each prediction."""
        return cast(np.ndarray, log_ndtr((self.incumbent - self.xi - mean) / std))

    def gradient(self, mean: np.ndarray, std: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``d log PI / d mean`` and ``d log PI / d std``."""
        z = (self.incumbent - self.xi - mean) / std
        ratio = np.exp(-0.5 * z * z - _LOG_SQRT_2PI - log_ndtr(z))  # phi(z) / Phi(z)
        return -ratio / std, -ratio * z / std


class LowerConfidenceBound:
    """``-(mean - sqrt(beta) std)``: optimism in the face of uncertainty."""

    def __init__(self, beta: float) -> None:
        self.beta = beta

    def __call__(self, mean: np.ndarray, std: np.ndarray) -> np.ndarray:
        """The negated lower confidence bound of each prediction."""
        return -(mean - math.sqrt(self.beta) * std)

    def gradient(self, mean: np.ndarray, std: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``-1`` and ``sqrt(beta)``."""
        return -np.ones_like(mean), np.full_like(std, math.sqrt(self.beta))


def ucb_beta(n_observations: int, dimension: int, delta: float = 0.1,
             scale: float = 0.2) -> float:
    """The GP-UCB exploration weight after ``n_observations`` (see the module docstring)."""
    t = max(n_observations, 1)
    return scale * 2.0 * math.log(max(dimension, 1) * t * t * math.pi**2 / (6.0 * delta))


def make_acquisition(kind: AcquisitionKind, incumbent: float, n_observations: int,
                     dimension: int) -> Acquisition:
    """Build the acquisition ``kind`` for the current state of the search."""
    factories: dict[AcquisitionKind, Callable[[], Acquisition]] = {
        AcquisitionKind.EI: lambda: LogExpectedImprovement(incumbent),
        AcquisitionKind.PI: lambda: LogProbabilityOfImprovement(incumbent),
        AcquisitionKind.UCB: lambda: LowerConfidenceBound(ucb_beta(n_observations, dimension)),
    }
    return factories[AcquisitionKind(kind)]()
