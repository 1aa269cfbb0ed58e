"""Encode configurations of a :class:`CashSpace` as numeric vectors, and back.

Column 0 holds the algorithm's index; then every hyperparameter of every family gets one column.
Numeric parameters live on the unit interval (on the log scale when the parameter is log-scaled),
categorical ones hold the index of their choice, and parameters of the families that were not
chosen are ``NaN`` (inactive). Surrogates decide how to treat ``NaN``: the GP imputes a constant,
the random forest a value outside the unit interval, TPE a uniform density.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
    JsonScalar,
    Param,
)


@dataclass(frozen=True)
class Column:
    """One encoded column: the algorithm choice (``param is None``) or one hyperparameter."""

    family: int
    param: Param | None


class SpaceEncoder:
    """Vectorised encoding, decoding, sampling and rounding of a CASH space."""

    def __init__(self, space: CashSpace) -> None:
        self.space = space
        self.algorithms = space.algorithms
        columns = [Column(-1, None)]
        for family, algorithm in enumerate(self.algorithms):
            columns.extend(Column(family, p) for p in space.params_of(algorithm))
        self.columns = tuple(columns)
        self.family = np.array([c.family for c in columns])
        self.n_choices = np.array([_n_choices(c, len(self.algorithms)) for c in columns])
        self.is_categorical = self.n_choices > 0
        self.is_int = np.array([isinstance(c.param, IntParam) for c in columns])
        self._index = {(c.family, c.param.name): j for j, c in enumerate(columns) if c.param}

    @property
    def n_columns(self) -> int:
        """The length of an encoded vector."""
        return len(self.columns)

    def encode(self, config: Configuration) -> np.ndarray:
        """The vector of one configuration (inactive columns are ``NaN``)."""
        family = self.algorithms.index(config.algorithm)
        vector = np.full(self.n_columns, np.nan)
        vector[0] = family
        for param in self.space.params_of(config.algorithm):
            j = self._index[(family, param.name)]
            vector[j] = _to_unit(param, config.params[param.name])
        return vector

    def encode_many(self, configs: list[Configuration]) -> np.ndarray:
        """A matrix with one encoded configuration per row."""
        if not configs:
            return np.empty((0, self.n_columns))
        return np.vstack([self.encode(c) for c in configs])

    def decode(self, vector: np.ndarray) -> Configuration:
        """The configuration a (snapped or raw) vector stands for."""
        snapped = self.snap(vector[None, :])[0]
        family = int(snapped[0])
        algorithm = self.algorithms[family]
        params = {
            param.name: _from_unit(param, snapped[self._index[(family, param.name)]])
            for param in self.space.params_of(algorithm)
        }
        return Configuration(algorithm, params)

    def active(self, X: np.ndarray) -> np.ndarray:
        """Boolean mask: which columns of each row belong to the row's algorithm."""
        families = np.clip(np.rint(X[:, :1]), 0, len(self.algorithms) - 1)
        mask = self.family[None, :] == families
        mask[:, 0] = True
        return mask

    def snap(self, X: np.ndarray) -> np.ndarray:
        """Round to valid values: categorical indices, integers, unit bounds, ``NaN`` if inactive.

        Snapped vectors decode and re-encode to themselves, so two snapped rows are equal exactly
        when they stand for the same configuration.
        """
        X = np.array(X, dtype=float, copy=True)
        cat = self.is_categorical
        X[:, cat] = np.clip(np.rint(np.nan_to_num(X[:, cat])), 0, self.n_choices[cat] - 1)
        num = ~cat
        X[:, num] = np.clip(np.nan_to_num(X[:, num], nan=0.5), 0.0, 1.0)
        for j in np.flatnonzero(self.is_int):
            param = self.columns[j].param
            assert isinstance(param, IntParam)
            X[:, j] = _int_unit_round(param, X[:, j])
        X[~self.active(X)] = np.nan
        return X

    def from_uniform(self, U: np.ndarray) -> np.ndarray:
        """Map points of the unit cube (e.g. Sobol) to snapped vectors, each value equally likely.

        Integers get equal-width bins on their (log) scale so the end points are not halved, and
        categories get equal bins, exactly as uniform sampling of the space would.
        """
        X = np.array(U, dtype=float, copy=True)
        cat = self.is_categorical
        X[:, cat] = np.minimum(np.floor(X[:, cat] * self.n_choices[cat]), self.n_choices[cat] - 1)
        for j in np.flatnonzero(self.is_int):
            param = self.columns[j].param
            assert isinstance(param, IntParam)
            X[:, j] = _int_unit_from_uniform(param, X[:, j])
        return self.snap(X)

    def sample(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """``n`` snapped vectors drawn uniformly from the space."""
        return self.from_uniform(rng.random((n, self.n_columns)))

    def keys(self, X: np.ndarray) -> list[bytes]:
        """Hashable identities of snapped rows (equal keys mean the same configuration)."""
        filled = np.where(np.isnan(X), -1.0, np.round(X, 12))
        return [row.tobytes() for row in np.ascontiguousarray(filled)]


def _n_choices(column: Column, n_algorithms: int) -> int:
    """How many values a categorical column takes; 0 for a numeric column."""
    if column.param is None:
        return n_algorithms
    return len(column.param.choices) if isinstance(column.param, CategoricalParam) else 0


def _to_unit(param: Param, value: JsonScalar) -> float:
    if isinstance(param, CategoricalParam):
        return float(param.index(value))
    assert isinstance(value, int | float)
    lo, hi, v = float(param.low), float(param.high), float(value)
    if param.log:
        lo, hi, v = math.log(lo), math.log(hi), math.log(v)
    return 0.5 if hi == lo else (v - lo) / (hi - lo)


def _from_unit(param: Param, u: float) -> JsonScalar:
    if isinstance(param, CategoricalParam):
        return param.choices[int(u)]
    value = _unit_to_value(param, np.array([u]))[0]
    if isinstance(param, IntParam):
        return int(min(max(round(value), param.low), param.high))
    return float(min(max(value, param.low), param.high))


def _unit_to_value(param: FloatParam | IntParam, u: np.ndarray) -> np.ndarray:
    lo, hi = float(param.low), float(param.high)
    if param.log:
        return np.exp(math.log(lo) + u * (math.log(hi) - math.log(lo)))
    return lo + u * (hi - lo)


def _value_to_unit(param: FloatParam | IntParam, v: np.ndarray) -> np.ndarray:
    lo, hi = float(param.low), float(param.high)
    if hi == lo:
        return np.full_like(v, 0.5)
    if param.log:
        return (np.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo))
    return (v - lo) / (hi - lo)


def _int_unit_round(param: IntParam, u: np.ndarray) -> np.ndarray:
    values = np.clip(np.rint(_unit_to_value(param, u)), param.low, param.high)
    return _value_to_unit(param, values)


def _int_unit_from_uniform(param: IntParam, u: np.ndarray) -> np.ndarray:
    if param.log:
        lo, hi = math.log(param.low - 0.5 + 1e-9), math.log(param.high + 0.5)
        values = np.rint(np.exp(lo + u * (hi - lo)))
    else:
        values = np.floor(param.low + u * (param.high - param.low + 1))
    return _value_to_unit(param, np.clip(values, param.low, param.high))
