"""Encode configurations of a :class:`CashSpace` as numeric vectors, and back.

Column 0 holds the algorithm's index; then every hyperparameter of every family gets one column.
Numeric parameters live on the unit interval (on the log scale when the parameter is log-scaled),
categorical ones hold the index of their choice, and inactive parameters are ``NaN``: those of
the families that were not chosen, and those of the chosen family whose :class:`Condition` does
not hold (``units_3`` when ``n_layers`` is 1). Both kinds are treated alike: surrogates decide how
to treat ``NaN``: the GP imputes a constant, the random forest a value outside the unit interval,
TPE a uniform density.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import cast

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
        self._conditions = tuple(self._condition_columns())

    @property
    def has_conditions(self) -> bool:
        """Whether any parameter is conditional within its family."""
        return bool(self._conditions)

    @property
    def n_columns(self) -> int:
        """The length of an encoded vector."""
        return len(self.columns)

    def _condition_columns(self) -> list[tuple[int, int, np.ndarray]]:
        """``(child column, parent column, encoded parent values that activate the child)``.

        Ordered by child column; a parent always precedes its child (the space checks it), so
        one pass in this order settles nested conditions.
        """
        found = []
        for j, column in enumerate(self.columns):
            if column.param is None or column.param.condition is None:
                continue
            condition = column.param.condition
            parent_column = self._index[(column.family, condition.parent)]
            parent = self.columns[parent_column].param
            assert parent is not None
            allowed = np.array([_to_unit(parent, v) for v in condition.values])
            found.append((j, parent_column, allowed))
        return found

    def encode(self, config: Configuration) -> np.ndarray:
        """The vector of one configuration (inactive columns are ``NaN``)."""
        family = self.algorithms.index(config.algorithm)
        vector = np.full(self.n_columns, np.nan)
        vector[0] = family
        for param in self.space.params_of(config.algorithm):
            if param.name in config.params:
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
        columns = {param.name: self._index[(family, param.name)]
                   for param in self.space.params_of(algorithm)}
        params = {
            param.name: _from_unit(param, snapped[columns[param.name]])
            for param in self.space.params_of(algorithm)
            if not np.isnan(snapped[columns[param.name]])
        }
        return Configuration(algorithm, params)

    def active(self, X: np.ndarray) -> np.ndarray:
        """Boolean mask: which columns of each row are active.

        A column is active when it belongs to the row's algorithm and, if its parameter has a
        condition, the parent column is active and holds one of the condition's values.
        """
        families = np.clip(np.rint(X[:, :1]), 0, len(self.algorithms) - 1)
        mask: np.ndarray = self.family[None, :] == families
        mask[:, 0] = True
        for child, parent, allowed in self._conditions:
            holds = np.isclose(X[:, parent][:, None], allowed[None, :], rtol=0.0, atol=1e-9)
            mask[:, child] &= mask[:, parent] & holds.any(axis=1)
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
        return self.snap(self.uniform_values(U))

    def uniform_values(self, U: np.ndarray) -> np.ndarray:
        """Like :meth:`from_uniform`, but every column keeps a value (nothing is made inactive).

        For samplers that change a row's algorithm or a condition's parent afterwards: the
        columns that become active then hold a uniformly drawn value, not a placeholder.
        """
        X = np.array(U, dtype=float, copy=True)
        cat = self.is_categorical
        X[:, cat] = np.minimum(np.floor(X[:, cat] * self.n_choices[cat]), self.n_choices[cat] - 1)
        for j in np.flatnonzero(self.is_int):
            param = self.columns[j].param
            assert isinstance(param, IntParam)
            X[:, j] = _int_unit_from_uniform(param, X[:, j])
        return X

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
        return cast(np.ndarray, (np.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo)))
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
