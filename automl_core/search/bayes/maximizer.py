"""Acquisition maximizer: global candidates, local search, and a gradient polish for the GP.

1. Score random and scrambled-Sobol candidates from the whole (conditional) space.
2. Hill-climb from the best candidates and the best evaluated configurations with a one-exchange
   neighbourhood (as SMAC's local search): each neighbour changes one active parameter - a
   Gaussian step for numbers, another value for a category, or another algorithm with fresh
   hyperparameters - and is then snapped, so integers and categories are always valid. A
   conditional parameter that a changed parent activates gets a uniformly drawn value.
3. When the surrogate offers input gradients (the GP), polish the continuous parameters of the
   climbers with L-BFGS-B, then snap again.
The best snapped point that is not excluded (already evaluated or pending) wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize
from scipy.stats import qmc

from automl_core.search.bayes.encoding import SpaceEncoder

Score = Callable[[np.ndarray], np.ndarray]
ScoreWithGradient = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class MaximizerSettings:
    """How hard to search the acquisition (defaults keep a proposal well under 0.1 s)."""

    n_random: int = 256
    n_sobol: int = 256
    n_climbers: int = 8
    n_neighbours: int = 24
    max_steps: int = 20
    step_size: float = 0.1
    polish_iterations: int = 50


def maximize(score: Score, encoder: SpaceEncoder, rng: np.random.Generator,
             incumbents: np.ndarray, excluded: set[bytes],
             gradient: ScoreWithGradient | None = None,
             settings: MaximizerSettings | None = None) -> tuple[np.ndarray, float] | None:
    """The best snapped vector not in ``excluded`` and its score; ``None`` if all are excluded.

    ``incumbents`` are good evaluated vectors to climb from; ``gradient`` maps rows to scores and
    their gradients with respect to the encoder's numeric columns.
    """
    s = settings or MaximizerSettings()
    sobol = qmc.Sobol(encoder.n_columns, scramble=True, seed=rng).random(s.n_sobol)
    candidates = np.vstack([encoder.sample(s.n_random, rng), encoder.from_uniform(sobol),
                            incumbents])
    values = score(candidates)
    order = np.argsort(-values, kind="stable")
    starts = candidates[order[: s.n_climbers]]
    if len(incumbents):
        starts = np.vstack([starts, incumbents[: s.n_climbers]])
    climbed, climbed_values = _local_search(score, encoder, rng, starts, s)
    pool, pool_values = [candidates, climbed], [values, climbed_values]
    if gradient is not None:
        polished = _polish(gradient, encoder, climbed, s.polish_iterations)
        pool.append(polished)
        pool_values.append(score(polished))
    return _best_allowed(encoder, np.vstack(pool), np.concatenate(pool_values), excluded)


def _local_search(score: Score, encoder: SpaceEncoder, rng: np.random.Generator,
                  starts: np.ndarray, s: MaximizerSettings) -> tuple[np.ndarray, np.ndarray]:
    current = starts.copy()
    current_values = score(current)
    for _ in range(s.max_steps):
        neighbours = _neighbours(encoder, rng, current, s.n_neighbours, s.step_size)
        values = score(neighbours).reshape(len(current), s.n_neighbours)
        best = np.argmax(values, axis=1)
        best_values = values[np.arange(len(current)), best]
        improved = best_values > current_values
        if not improved.any():
            break
        chosen = neighbours.reshape(len(current), s.n_neighbours, -1)[np.arange(len(current)), best]
        current[improved] = chosen[improved]
        current_values[improved] = best_values[improved]
    return current, current_values


def _neighbours(encoder: SpaceEncoder, rng: np.random.Generator, points: np.ndarray, k: int,
                step: float) -> np.ndarray:
    """``k`` one-exchange neighbours of each point (rows grouped by point), snapped."""
    X = np.repeat(points, k, axis=0)
    active = encoder.active(X)
    # Pick one active column per neighbour, uniformly.
    weights = active / active.sum(axis=1, keepdims=True)
    column = (weights.cumsum(axis=1) < rng.random((len(X), 1))).sum(axis=1)
    column = np.minimum(column, encoder.n_columns - 1)
    rows = np.arange(len(X))
    numeric = ~encoder.is_categorical[column]
    X[rows[numeric], column[numeric]] += rng.normal(0.0, step, numeric.sum())
    categorical = ~numeric & (column > 0)
    shift = rng.integers(1, np.maximum(encoder.n_choices[column[categorical]], 2))
    X[rows[categorical], column[categorical]] = (
        (X[rows[categorical], column[categorical]] + shift) % encoder.n_choices[column[categorical]]
    )
    switch = rows[column == 0]
    if len(switch) and len(encoder.algorithms) > 1:
        fresh = rng.random((len(switch), encoder.n_columns))
        shift = rng.integers(1, len(encoder.algorithms), len(switch))
        family = (X[switch, 0] + shift) % len(encoder.algorithms)
        fresh[:, 0] = (family + 0.5) / len(encoder.algorithms)
        X[switch] = encoder.from_uniform(fresh)
    if encoder.has_conditions:
        # A changed parent may activate children that were inactive (NaN): give them a uniform
        # draw rather than the centre that snapping would impute.
        X = np.where(np.isnan(X), encoder.uniform_values(rng.random(X.shape)), X)
    return encoder.snap(X)


def _polish(gradient: ScoreWithGradient, encoder: SpaceEncoder, points: np.ndarray,
            max_iter: int) -> np.ndarray:
    """L-BFGS-B on the active float columns of all points at once (the objective is separable)."""
    numeric = np.flatnonzero(encoder.n_choices == 0)
    movable = ~encoder.is_int[numeric]
    free = encoder.active(points)[:, numeric] & movable[None, :]
    if not free.any():
        return points
    X = points.copy()
    start = np.nan_to_num(X[:, numeric], nan=0.5)
    bounds = [(0.0, 1.0) if f else (v, v) for f, v in zip(free.ravel(), start.ravel(), strict=True)]

    def objective(flat: np.ndarray) -> tuple[float, np.ndarray]:
        trial = X.copy()
        trial[:, numeric] = flat.reshape(start.shape)
        values, grads = gradient(trial)
        return -float(values.sum()), -(grads * free).ravel()

    result = minimize(objective, start.ravel(), jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": max_iter})
    X[:, numeric] = result.x.reshape(start.shape)
    return encoder.snap(X)


def _best_allowed(encoder: SpaceEncoder, X: np.ndarray, values: np.ndarray,
                  excluded: set[bytes]) -> tuple[np.ndarray, float] | None:
    keys = encoder.keys(X)
    for i in np.argsort(-values, kind="stable"):
        if keys[i] not in excluded and np.isfinite(values[i]):
            return X[i], float(values[i])
    return None
