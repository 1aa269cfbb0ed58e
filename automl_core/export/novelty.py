"""A simple, documented check for prediction rows that look unlike the training data.

What it detects, per row: a numeric value far outside the range seen in training (below the
training minimum or above the maximum by more than ``MARGIN`` of the training span), and a
category value that training never had. What it does not detect: unusual *combinations* of
ordinary values, shifts of a whole distribution inside the training range, text, dates or
columns the model does not use. A flagged row still gets a prediction; the flag says to trust
it less.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, to_numeric

MARGIN = 0.1  # share of the training span a value may lie beyond min/max before it is flagged
MAX_CATEGORIES = 1000  # categorical columns with more distinct values are not checked
_CHECKED_AS_CATEGORY = {ColumnKind.CATEGORICAL, ColumnKind.BOOLEAN}


@dataclass(frozen=True)
class TrainingReference:
    """The ranges and category lists of the training columns (JSON-serialisable)."""

    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    categories: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly form."""
        return {"ranges": {k: list(v) for k, v in self.ranges.items()},
                "categories": self.categories}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TrainingReference:
        """The reference :meth:`to_dict` wrote."""
        return cls({k: (float(v[0]), float(v[1])) for k, v in data.get("ranges", {}).items()},
                   {k: list(v) for k, v in data.get("categories", {}).items()})


def fit_reference(frame: pd.DataFrame, kinds: Mapping[str, ColumnKind | str]) -> TrainingReference:
    """Learn numeric ranges and category lists from the training ``frame`` (features only)."""
    ranges: dict[str, tuple[float, float]] = {}
    categories: dict[str, list[str]] = {}
    for name in frame.columns:
        kind = ColumnKind(kinds.get(str(name), ColumnKind.CATEGORICAL))
        if kind == ColumnKind.NUMERIC:
            values = to_numeric(frame[name]).dropna()
            if len(values):
                ranges[str(name)] = (float(values.min()), float(values.max()))
        elif kind in _CHECKED_AS_CATEGORY:
            seen = frame[name].dropna().astype("str").unique()
            if len(seen) <= MAX_CATEGORIES:
                categories[str(name)] = sorted(str(v) for v in seen)
    return TrainingReference(ranges, categories)


def unusual_columns(frame: pd.DataFrame, reference: TrainingReference) -> list[list[str]]:
    """For each row of ``frame``, the columns whose value is unlike training (empty: usual).

    Missing values, and text that is not a number in a numeric column, are never unusual:
    the model treats both as missing, as it did in training.
    """
    # One boolean array per checked column, stacked once: inserting columns into a DataFrame one
    # by one cost more than the check itself for a few rows.
    names: list[str] = []
    flags: list[np.ndarray] = []
    for name, (low, high) in reference.ranges.items():
        if name in frame.columns:
            span = high - low if high > low else max(abs(high), 1.0)
            values = to_numeric(frame[name]).to_numpy(dtype=float)  # NaN compares False
            names.append(name)
            flags.append((values < low - MARGIN * span) | (values > high + MARGIN * span))
    for name, known in reference.categories.items():
        if name in frame.columns:
            names.append(name)
            flags.append(_new_categories(frame[name], frozenset(known)))
    if not flags:
        return [[] for _ in range(len(frame))]
    matrix = np.column_stack(flags)
    columns = np.asarray(names, dtype=object)
    return [list(columns[row]) for row in matrix]


def _new_categories(column: pd.Series, known: frozenset[str]) -> np.ndarray:
    """Whether each value is present and, as text, not among ``known``.

    Looked up in a set: ``Series.isin`` on Arrow-backed text converts every known value to an
    Arrow scalar on each call, which made this check cost more than the model for a few rows.
    """
    text = column.astype("str").to_numpy(dtype=object)
    present = column.notna().to_numpy(dtype=bool)
    new = np.fromiter((value not in known for value in text), dtype=bool, count=len(text))
    return cast(np.ndarray, present & new)
