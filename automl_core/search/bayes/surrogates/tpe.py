"""Tree-structured Parzen estimator: densities of good and bad configurations, and their ratio.

Observations are split at the ``gamma`` quantile of the loss into good (``l``) and bad (``g``)
groups; pending configurations join the bad group (a constant liar, as Optuna does), so the ratio
steers away from them. Each group is a multivariate Parzen mixture: one component per observation
(a product of per-column kernels, so parameter interactions are kept - "multivariate TPE") plus a
uniform prior component. Maximising ``log l(x) - log g(x)`` over samples drawn from ``l`` is the
TPE acquisition; it is equivalent to expected improvement under TPE's model (Bergstra et al., 2011).

Conditional columns (other families, or unmet conditions within the family, alike): when a
candidate's parameter is inactive, the column is skipped (the density
is over the candidate's active parameters only); when the candidate's parameter is active but the
component's is not (another algorithm), the column gets the uniform density. Every factor is thus
a proper density over the candidate's own active parameters, for the good and bad group alike.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
from scipy.special import log_ndtr, logsumexp

from automl_core.search.bayes.encoding import SpaceEncoder

PRIOR_WEIGHT = 1.0
BANDWIDTH_MAGNITUDE = 0.2


def default_n_good(n: int) -> int:
    """How many observations count as good: 10%, at least 1, at most 25 (Optuna's default)."""
    return int(min(max(math.ceil(0.1 * n), 1), 25))


class ParzenEstimator:
    """A mixture of per-observation product kernels plus a uniform prior component."""

    def __init__(self, encoder: SpaceEncoder, centres: np.ndarray) -> None:
        self.encoder = encoder
        self.centres = centres
        n_numeric = int(np.sum(encoder.n_choices == 0))
        n = max(len(centres), 1)
        sigma = BANDWIDTH_MAGNITUDE * n ** (-1.0 / (n_numeric + 4))
        self.sigma = max(sigma, 1.0 / min(100, n + 1))
        weights = np.ones(len(centres) + 1)
        weights[-1] = PRIOR_WEIGHT
        self.log_weights = np.log(weights / weights.sum())

    def log_density(self, X: np.ndarray) -> np.ndarray:
        """Log density of each encoded row under the mixture."""
        n_comp = len(self.centres)
        logk = np.zeros((len(X), n_comp + 1))
        active_x = self.encoder.active(X)
        for j in range(self.encoder.n_columns):
            k = self.encoder.n_choices[j]
            x = X[:, j][:, None]
            c = self.centres[:, j][None, :]
            uniform = -math.log(k) if k > 0 else 0.0
            if k > 0:
                kernel = np.where(x == c, math.log(2.0 / (k + 1)), math.log(1.0 / (k + 1)))
            else:
                kernel = self._log_truncated_normal(x, c)
            kernel = np.where(np.isnan(c), uniform, kernel)
            per_comp = np.hstack([kernel, np.full((len(X), 1), uniform)])
            logk += np.where(active_x[:, j][:, None], per_comp, 0.0)
        return logsumexp(logk + self.log_weights[None, :], axis=1)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` snapped rows drawn from the mixture."""
        probs = np.exp(self.log_weights)
        comp = rng.choice(len(probs), size=n, p=probs / probs.sum())
        U = rng.random((n, self.encoder.n_columns))
        X = self.encoder.from_uniform(U)  # the prior component, and the fallback per column
        from_data = comp < len(self.centres)
        centres = self.centres[comp[from_data]]
        X[from_data, 0] = self._sample_categorical(centres[:, 0], 0, rng)
        # Every column starts from its uniform draw; the row's family is then taken from the
        # centre's kernel, and the columns the centre also has are drawn around the centre.
        # The final snap makes the columns of other families and unmet conditions inactive.
        fresh = self.encoder.uniform_values(U[from_data])
        fresh[:, 0] = X[from_data, 0]
        in_family = self.encoder.family[None, :] == fresh[:, :1]
        for j in range(1, self.encoder.n_columns):
            known = ~np.isnan(centres[:, j]) & in_family[:, j]
            if self.encoder.n_choices[j] > 0:
                fresh[known, j] = self._sample_categorical(centres[known, j], j, rng)
            else:
                fresh[known, j] = self._sample_truncated_normal(centres[known, j], rng)
        X[from_data] = fresh
        return self.encoder.snap(X)

    def _log_truncated_normal(self, x: np.ndarray, mu: np.ndarray) -> np.ndarray:
        s = self.sigma
        log_norm = np.log(np.maximum(np.exp(log_ndtr((1 - mu) / s)) - np.exp(log_ndtr(-mu / s)),
                                     1e-300))
        log_density: np.ndarray = (-0.5 * ((x - mu) / s) ** 2
                                   - math.log(s * math.sqrt(2 * math.pi)) - log_norm)
        return log_density

    def _sample_truncated_normal(self, mu: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        out = mu + self.sigma * rng.standard_normal(len(mu))
        for _ in range(20):  # rejection sampling; the tails outside [0, 1] are small
            outside = (out < 0) | (out > 1)
            if not outside.any():
                break
            out[outside] = mu[outside] + self.sigma * rng.standard_normal(int(outside.sum()))
        return cast(np.ndarray, np.clip(out, 0.0, 1.0))

    def _sample_categorical(self, centre: np.ndarray, j: int,
                            rng: np.random.Generator) -> np.ndarray:
        k = int(self.encoder.n_choices[j])
        # Keeping the centre with probability 1/(k+1), else drawing uniformly, gives the centre
        # the kernel's 2/(k+1) and every other choice 1/(k+1).
        keep = rng.random(len(centre)) < 1.0 / (k + 1)
        return np.where(keep, centre, rng.integers(0, k, len(centre)))


class TreeParzen:
    """Fits the good/bad pair of Parzen estimators."""

    def __init__(self, encoder: SpaceEncoder) -> None:
        self.encoder = encoder

    def fit(self, X: np.ndarray, y: np.ndarray, X_pending: np.ndarray) -> ParzenRatio:
        """Split ``(X, y)`` at the gamma quantile; pending rows go to the bad group."""
        order = np.argsort(y, kind="stable")
        n_good = default_n_good(len(y))
        good = X[order[:n_good]]
        bad = np.vstack([X[order[n_good:]], X_pending])
        return ParzenRatio(ParzenEstimator(self.encoder, good),
                           ParzenEstimator(self.encoder, bad))


class ParzenRatio:
    """``log l(x) - log g(x)``, the TPE acquisition, and samples from ``l``."""

    def __init__(self, good: ParzenEstimator, bad: ParzenEstimator) -> None:
        self.good = good
        self.bad = bad

    def __call__(self, X: np.ndarray) -> np.ndarray:
        """The log density ratio at each row (higher is more promising)."""
        return cast(np.ndarray, self.good.log_density(X) - self.bad.log_density(X))

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Candidates drawn from the good density."""
        return self.good.sample(n, rng)
