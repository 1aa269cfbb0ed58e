"""Preprocessing per column kind, as one scikit-learn transformer from a DataFrame to floats.

Numbers: text that is not a number and +-inf become missing, then median imputation with a
missing indicator (and standard scaling for models that need it). Booleans: 0/1. Datetimes:
calendar parts. Categories: one-hot (linear/kNN) or ordinal codes (trees) up to
``max_onehot`` values, frequency encoding above. ID-like and constant columns are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, cast

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from automl_core.data.column_types import ColumnKind, to_datetime, to_numeric

MISSING = "__missing__"
DATE_PARTS = ("year", "month", "day", "day_of_week", "hour")
_DROPPED = {ColumnKind.ID, ColumnKind.CONSTANT}


class Encoding(StrEnum):
    """How a model family wants its inputs."""

    TREES = "trees"  # ordinal codes, no scaling
    LINEAR = "linear"  # one-hot and standard scaling


class TabularPreprocessor(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Turn a DataFrame with mixed column kinds into a finite float matrix."""

    def __init__(self, kinds: Mapping[str, ColumnKind] | None = None,
                 encoding: Encoding = Encoding.TREES, max_onehot: int = 20) -> None:
        self.kinds = kinds
        self.encoding = encoding
        self.max_onehot = max_onehot

    def fit(self, X: pd.DataFrame, y: Any = None) -> TabularPreprocessor:  # noqa: N803
        """Learn medians, category lists and frequencies from the training rows."""
        kinds = dict(self.kinds or {})
        self.numeric_: list[str] = []
        self.boolean_: dict[str, str] = {}
        self.datetime_: list[str] = []
        self.categories_: dict[str, list[str]] = {}
        self.frequencies_: dict[str, dict[str, float]] = {}
        for name in X.columns:
            kind = kinds.get(str(name), ColumnKind.CATEGORICAL)
            if kind in _DROPPED:
                continue
            if kind == ColumnKind.NUMERIC:
                self.numeric_.append(name)
            elif kind == ColumnKind.BOOLEAN:
                values = sorted(X[name].dropna().astype(str).unique())
                self.boolean_[name] = values[-1] if values else ""
            elif kind == ColumnKind.DATETIME:
                self.datetime_.append(name)
            else:
                self._fit_categorical(name, X[name])
        dense = self._dense_block(X)
        self.medians_ = np.nan_to_num(np.nanmedian(dense, axis=0), nan=0.0) if dense.size else \
            np.zeros(dense.shape[1])
        self.indicators_ = np.flatnonzero(np.isnan(dense).any(axis=0))
        filled = np.where(np.isnan(dense), self.medians_, dense)
        self.means_ = filled.mean(axis=0) if len(filled) else np.zeros(filled.shape[1])
        std = filled.std(axis=0) if len(filled) else np.ones(filled.shape[1])
        self.scales_ = np.where(std > 0, std, 1.0)
        self.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
        return self

    def transform(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        """Encode rows; unseen categories become all-zero one-hot rows or code -1."""
        check_is_fitted(self, "medians_")
        dense = self._dense_block(X)
        missing = np.isnan(dense)
        filled = np.where(missing, self.medians_, dense)
        if self.encoding == Encoding.LINEAR:
            filled = (filled - self.means_) / self.scales_
        blocks = [filled, missing[:, self.indicators_].astype(float)]
        blocks.extend(self._categorical_blocks(X))
        return np.hstack(blocks) if blocks else np.empty((len(X), 0))

    @property
    def categorical_indices_(self) -> tuple[int, ...]:
        """Output columns holding category codes (trees encoding only; -1 = unseen)."""
        check_is_fitted(self, "medians_")
        if self.encoding == Encoding.LINEAR:
            return ()
        start = len(self.medians_) + len(self.indicators_)
        return tuple(range(start, start + len(self.categories_)))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Names of the output columns, in order."""
        check_is_fitted(self, "medians_")
        names = list(self.numeric_) + list(self.boolean_)
        names += [f"{c}.{part}" for c in self.datetime_ for part in DATE_PARTS]
        names += [f"{names[i]}.missing" for i in self.indicators_]
        for name, categories in self.categories_.items():
            if self.encoding == Encoding.LINEAR:
                names += [f"{name}={c}" for c in categories]
            else:
                names.append(f"{name}.code")
        names += [f"{name}.frequency" for name in self.frequencies_]
        return np.asarray(names, dtype=object)

    def unseen_categories(self, X: pd.DataFrame) -> dict[str, list[str]]:  # noqa: N803
        """Category values in ``X`` that the training rows never had, per column."""
        check_is_fitted(self, "medians_")
        unseen: dict[str, list[str]] = {}
        for name, categories in self.categories_.items():
            if name in X.columns:
                values = set(_as_text(X[name]).unique()) - set(categories) - {MISSING}
                if values:
                    unseen[name] = sorted(values)[:20]
        return unseen

    def _fit_categorical(self, name: str, column: pd.Series) -> None:
        counts = _as_text(column).value_counts()
        if len(counts) <= self.max_onehot:
            self.categories_[name] = [str(v) for v in counts.index]
        else:
            # The index holds the column's values as text.
            self.frequencies_[name] = cast(dict[str, float], (counts / counts.sum()).to_dict())

    def _dense_block(self, X: pd.DataFrame) -> np.ndarray:  # noqa: N803
        columns = [to_numeric(X[name]).to_numpy() for name in self.numeric_]
        for name, positive in self.boolean_.items():
            text = X[name].astype("str")
            columns.append(np.where(X[name].isna(), np.nan, (text == positive).astype(float)))
        for name in self.datetime_:
            dates = to_datetime(X[name])
            for part in DATE_PARTS:
                columns.append(getattr(dates.dt, part).to_numpy(dtype=float, na_value=np.nan))
        if not columns:
            return np.empty((len(X), 0))
        return np.column_stack(columns).astype(float)

    def _categorical_blocks(self, X: pd.DataFrame) -> list[np.ndarray]:  # noqa: N803
        blocks = []
        for name, categories in self.categories_.items():
            text = _as_text(X[name])
            if self.encoding == Encoding.LINEAR:
                blocks.append((text.to_numpy()[:, None] == np.asarray(categories)[None, :])
                              .astype(float))
            else:
                lookup = {category: float(i) for i, category in enumerate(categories)}
                codes = text.map(lookup).astype(float).fillna(-1.0)  # unseen -> -1
                blocks.append(codes.to_numpy()[:, None])
        for name, frequencies in self.frequencies_.items():
            mapped = _as_text(X[name]).map(frequencies).astype(float).fillna(0.0)
            blocks.append(mapped.to_numpy()[:, None])
        return blocks


def _as_text(column: pd.Series) -> pd.Series:
    return column.astype("str").where(column.notna(), MISSING)
