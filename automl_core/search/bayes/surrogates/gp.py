"""Gaussian-process surrogate: Matern 5/2 with ARD length scales, fitted by marginal likelihood.

Inputs are the encoder's unit-interval columns, with categorical columns one-hot encoded and
inactive conditional parameters imputed at the centre (0.5), so configurations of different
algorithms are told apart by the algorithm's one-hot columns. Targets arrive already warped and
standardised by the searcher, so a zero prior mean and a unit-scale amplitude prior fit them.

Hyperparameters (log length scales, log amplitude, log noise) maximise the log marginal likelihood
plus weak priors, with analytic gradients and L-BFGS-B restarts: one from the prior's centre and
the others drawn from the prior with the caller's generator, so the fit is reproducible. The random
restart matters: on histories made by the GP itself (concentrated near the incumbent) the
likelihood has several modes, and on Levy-10 at 80-100 observations a random start often beat the
prior's centre by 5-12 nats, while dropping it worsened the median final regret (5-10 seeds).
The length-scale prior is the dimension-scaled log-normal of Hvarfner et al. (2024), which keeps
the model from over-fitting in higher dimensions. The noise variance has no prior, only bounds
(1e-6 to 1 on standardised targets): on deterministic objectives a Gamma(1.1, 30) prior (GPyTorch's)
made the GP treat the last few thousandths of improvement as noise and stall on Hartmann-3 in 7 of
10 seeds, against 3 of 10 without it; on noisy cross-validated losses the likelihood itself finds
the noise level from a dozen observations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

import numpy as np
from scipy.linalg import LinAlgError, cho_solve, solve_triangular
from scipy.linalg.lapack import dpotrf as _potrf
from scipy.linalg.lapack import dpotrs as _potrs
from scipy.linalg.lapack import dtrtri as _trtri
from scipy.optimize import minimize
from scipy.spatial.distance import squareform

from automl_core.search.bayes.surrogates.kernels import (
    SQRT5,
    matern52,
    matern52_radial_factor,
    scaled_distances,
    stable_cholesky,
)

MIN_NOISE = 1e-6
LOG_BOUNDS_LENGTHSCALE = (math.log(1e-2), math.log(1e2))
LOG_BOUNDS_AMPLITUDE = (math.log(1e-2), math.log(1e2))
LOG_BOUNDS_NOISE = (math.log(MIN_NOISE), math.log(1.0))
LENGTHSCALE_PRIOR_VAR = 3.0


class GPFeatures:
    """Maps encoded rows to GP inputs: numeric columns as they are, categorical ones one-hot."""

    def __init__(self, n_choices: np.ndarray) -> None:
        self.n_choices = np.asarray(n_choices)
        numeric = np.flatnonzero(self.n_choices == 0)
        categorical = np.flatnonzero(self.n_choices > 0)
        self.numeric_columns = numeric
        self.categorical_columns = categorical
        offsets = len(numeric) + np.concatenate([[0], np.cumsum(self.n_choices[categorical])])
        self._offsets = offsets[:-1]
        self.n_features = int(offsets[-1])

    def transform(self, X: np.ndarray) -> np.ndarray:
        """GP inputs for encoded rows ``X`` (``NaN`` numeric -> 0.5, ``NaN`` categorical -> 0)."""
        Z = np.zeros((len(X), self.n_features))
        Z[:, : len(self.numeric_columns)] = np.nan_to_num(X[:, self.numeric_columns], nan=0.5)
        rows = np.arange(len(X))
        for offset, j in zip(self._offsets, self.categorical_columns, strict=True):
            values = X[:, j]
            known = ~np.isnan(values)
            Z[rows[known], offset + values[known].astype(int)] = 1.0
        return Z


@dataclass(frozen=True)
class GPHyperparameters:
    """Fitted kernel hyperparameters."""

    lengthscales: np.ndarray
    amplitude: float
    noise: float


class GaussianProcess:
    """A :class:`Surrogate` fitting :class:`GPPosterior` objects."""

    def __init__(self, n_choices: np.ndarray, n_restarts: int = 2, max_iter: int = 100) -> None:
        self.features = GPFeatures(n_choices)
        self.n_restarts = n_restarts
        self.max_iter = max_iter

    def fit(self, X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> GPPosterior:
        """Fit hyperparameters to ``(X, y)`` and return the posterior."""
        Z = self.features.transform(X)
        hyper = self.fit_hyperparameters(Z, np.asarray(y, dtype=float), rng)
        return GPPosterior(self.features, Z, np.asarray(y, dtype=float), hyper)

    def fit_hyperparameters(self, Z: np.ndarray, y: np.ndarray,
                            rng: np.random.Generator) -> GPHyperparameters:
        """MAP hyperparameters for GP inputs ``Z`` (already transformed) and targets ``y``."""
        return fit_hyperparameters(Z, y, rng, self.n_restarts, self.max_iter)


class GPPosterior:
    """The GP conditioned on data: predictions, their input gradients, and fantasies."""

    def __init__(self, features: GPFeatures, Z: np.ndarray, y: np.ndarray,
                 hyper: GPHyperparameters) -> None:
        self.features = features
        self.Z = Z
        self.y = y
        self.hyper = hyper
        K = _kernel(Z, Z, hyper) + hyper.noise * np.eye(len(Z))
        self._L = stable_cholesky(K)
        self._alpha = cho_solve((self._L, True), y, check_finite=False)

    @property
    def incumbent_value(self) -> float:
        """The lowest target the posterior was conditioned on."""
        return float(np.min(self.y))

    def predict(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Latent mean and standard deviation at encoded rows ``X``."""
        mean, var = self._predict_features(self.features.transform(X))
        return mean, np.sqrt(var)

    def predict_with_gradient(
        self, X: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Mean, std and their gradients w.r.t. the encoder's numeric columns, shape (n, k)."""
        Zs = self.features.transform(X)
        h = self.hyper
        r = scaled_distances(Zs, self.Z, h.lengthscales)
        Ks = h.amplitude * matern52(r)
        mean = Ks @ self._alpha
        solved = cho_solve((self._L, True), Ks.T, check_finite=False)
        var = np.maximum(h.amplitude - np.sum(Ks.T * solved, axis=0), 1e-12)
        n_num = len(self.features.numeric_columns)
        diff = (Zs[:, None, :n_num] - self.Z[None, :, :n_num]) / h.lengthscales[:n_num] ** 2
        dK = -(h.amplitude * matern52_radial_factor(r))[:, :, None] * diff  # (t, n, k)
        dmean = np.einsum("tnk,n->tk", dK, self._alpha)
        dvar = -2.0 * np.einsum("tnk,nt->tk", dK, solved)
        std = np.sqrt(var)
        return mean, std, dmean, dvar / (2.0 * std[:, None])

    def with_pending(self, X_pending: np.ndarray) -> GPPosterior:
        """Kriging believer: condition on the posterior mean at the pending rows."""
        if len(X_pending) == 0:
            return self
        Zp = self.features.transform(X_pending)
        mean, _ = self._predict_features(Zp)
        return GPPosterior(self.features, np.vstack([self.Z, Zp]),
                           np.concatenate([self.y, mean]), self.hyper)

    def _predict_features(self, Zs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        Ks = _kernel(Zs, self.Z, self.hyper)
        mean = Ks @ self._alpha
        v = solve_triangular(self._L, Ks.T, lower=True, check_finite=False)
        var = np.maximum(self.hyper.amplitude - np.sum(v * v, axis=0), 1e-12)
        return mean, var


def prior_hyperparameters(n_features: int) -> GPHyperparameters:
    """The prior's mode: for a GP with too few observations to fit anything."""
    return GPHyperparameters(np.full(n_features, math.exp(_lengthscale_prior_mode(n_features))),
                             1.0, 1e-3)


def _lengthscale_prior_mean(n_features: int) -> float:
    return math.sqrt(2.0) + 0.5 * math.log(max(n_features, 1))


def _lengthscale_prior_mode(n_features: int) -> float:
    """The log-normal length-scale prior's mode, in log space."""
    return _lengthscale_prior_mean(n_features) - LENGTHSCALE_PRIOR_VAR


def fit_hyperparameters(Z: np.ndarray, y: np.ndarray, rng: np.random.Generator,
                        n_restarts: int, max_iter: int) -> GPHyperparameters:
    """MAP estimate of the hyperparameters by L-BFGS-B from ``n_restarts`` starting points."""
    p = Z.shape[1]
    prior_mean = _lengthscale_prior_mean(p)
    bounds = [LOG_BOUNDS_LENGTHSCALE] * p + [LOG_BOUNDS_AMPLITUDE, LOG_BOUNDS_NOISE]
    lo, hi = np.array(bounds).T
    sq_diffs = pair_squared_differences(Z)
    prior_mode = _lengthscale_prior_mode(p)
    starts = [np.concatenate([np.full(p, prior_mode), [0.0, math.log(1e-3)]])]
    for _ in range(n_restarts - 1):
        starts.append(np.concatenate([
            rng.normal(prior_mode, math.sqrt(LENGTHSCALE_PRIOR_VAR), p), rng.normal(0.0, 1.0, 1),
            [rng.uniform(math.log(1e-5), math.log(1e-1))],
        ]))
    best_theta, best_value = starts[0], math.inf
    for start in starts:
        result = minimize(_neg_log_posterior, np.clip(start, lo, hi),
                          args=(sq_diffs, y, prior_mean), jac=True, method="L-BFGS-B",
                          bounds=bounds, options={"maxiter": max_iter})
        if result.fun < best_value:
            best_theta, best_value = result.x, float(result.fun)
    return GPHyperparameters(np.exp(best_theta[:p]), float(np.exp(best_theta[p])),
                             float(np.exp(best_theta[p + 1])))


def pair_squared_differences(Z: np.ndarray) -> np.ndarray:
    """Per-dimension squared differences of the row pairs ``i < j``, shape (n(n-1)/2, p).

    The pairs are in the condensed order of ``scipy.spatial.distance.squareform``.
    """
    first, second = np.triu_indices(len(Z), 1)
    return cast(np.ndarray, (Z[first] - Z[second]) ** 2)


def _neg_log_posterior(theta: np.ndarray, sq_diffs: np.ndarray, y: np.ndarray,
                       prior_mean: float) -> tuple[float, np.ndarray]:
    """Negative log marginal likelihood plus priors, and its gradient in log-parameter space.

    ``sq_diffs`` comes from :func:`pair_squared_differences`, so distances and length-scale
    gradients are each one matrix-vector product over half the pairs (the diagonal has ``r = 0``).
    This runs about a hundred times per proposal, so it calls LAPACK directly: ``potrf`` for the
    Cholesky factor, ``potrs`` for ``K^-1 y``, and ``K^-1`` as ``L^-T L^-1`` from the triangular
    inverse (a third of the work of solving against the identity).
    """
    n, p = len(y), sq_diffs.shape[1]
    amplitude, noise = math.exp(theta[p]), math.exp(theta[p + 1])
    inv_sq = np.exp(-2.0 * theta[:p])
    r = np.sqrt(sq_diffs @ inv_sq)
    decay = np.exp(-SQRT5 * r)
    linear = (1.0 + SQRT5 * r) * decay
    m = linear + (5.0 / 3.0) * r * r * decay  # matern52(r), sharing the exponential
    K = squareform(amplitude * m, checks=False)
    K.flat[:: n + 1] = amplitude + noise  # matern52(0) = 1
    L, info = _potrf(K, lower=1, clean=1)
    if info != 0:
        try:
            L = stable_cholesky(K)
        except LinAlgError:
            return 1e10, np.zeros_like(theta)
    alpha, _ = _potrs(L, y, lower=1)
    L_inv, _ = _trtri(L, lower=1)
    K_inv = L_inv.T @ L_inv
    W = np.outer(alpha, alpha)
    W -= K_inv
    value = 0.5 * y @ alpha + np.sum(np.log(np.diag(L))) + 0.5 * n * math.log(2 * math.pi)
    grad = np.empty_like(theta)
    # Sums over all (i, j) are twice the sums over i < j plus the diagonal, where r = 0.
    w = squareform(W, checks=False)
    trace_W = float(np.trace(W))
    grad[:p] = (-amplitude * (5.0 / 3.0)) * ((w * linear) @ sq_diffs) * inv_sq
    grad[p] = -0.5 * amplitude * (2.0 * (w @ m) + trace_W)
    grad[p + 1] = -0.5 * trace_W * noise
    # Priors: log-normal length scales and amplitude; the noise is left to the likelihood. The
    # length-scale density is taken on the length scale itself (hence the extra ``+ log l``
    # term), as BoTorch does: its mode is exp(mean - var), about 0.35-0.65 for 3-10 dimensions.
    sigma2 = LENGTHSCALE_PRIOR_VAR
    value += 0.5 * np.sum((theta[:p] - prior_mean) ** 2) / sigma2 + np.sum(theta[:p])
    value += 0.5 * theta[p] ** 2
    grad[:p] += (theta[:p] - prior_mean) / sigma2 + 1.0
    grad[p] += theta[p]
    return float(value), grad


def _kernel(A: np.ndarray, B: np.ndarray, hyper: GPHyperparameters) -> np.ndarray:
    return hyper.amplitude * matern52(scaled_distances(A, B, hyper.lengthscales))
