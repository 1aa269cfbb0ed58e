"""Per-column statistics for the profile: numbers get quantiles and a histogram, others top values.

Everything returned is plain JSON (no NaN, no numpy types), so the web app can store it as is.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, as_text, to_datetime, to_numeric

HISTOGRAM_BINS = 30
TOP_VALUES = 20
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def summarize(series: pd.Series, kind: ColumnKind) -> dict[str, Any]:
    """``{"type": "numeric", min, max, mean, std, quantiles, histogram}``, the datetime range and
    histogram, or ``{"type": "values", top: [[value, count]], other}`` for everything else."""
    if kind is ColumnKind.NUMERIC:
        numbers = to_numeric(series).dropna()
        if len(numbers):
            return _numeric(numbers.to_numpy(dtype=float))
    if kind is ColumnKind.DATETIME:
        dates = to_datetime(series).dropna()
        if len(dates):
            return _datetimes(dates)
    return _top_values(series)


def _number(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _numeric(values: np.ndarray) -> dict[str, Any]:
    counts, edges = np.histogram(values, bins=min(HISTOGRAM_BINS, max(1, len(np.unique(values)))))
    return {
        "type": "numeric",
        "min": _number(values.min()), "max": _number(values.max()),
        "mean": _number(values.mean()), "std": _number(values.std()),
        "quantiles": {str(q): _number(v) for q, v in zip(QUANTILES, np.quantile(values, QUANTILES),
                                                         strict=True)},
        "histogram": {"edges": [_number(e) for e in edges], "counts": counts.tolist()},
    }


def _datetimes(dates: pd.Series) -> dict[str, Any]:
    stamps = dates.astype("int64").to_numpy()
    counts, edges = np.histogram(stamps, bins=HISTOGRAM_BINS)
    as_text = pd.to_datetime(edges.astype("int64"), unit=str(np.datetime_data(dates.dtype)[0]))
    return {
        "type": "datetime",
        "min": str(dates.min()), "max": str(dates.max()),
        "histogram": {"edges": [str(e) for e in as_text], "counts": counts.tolist()},
    }


def _top_values(series: pd.Series) -> dict[str, Any]:
    counts = as_text(series.dropna()).value_counts()
    top = counts.head(TOP_VALUES)
    return {
        "type": "values",
        "top": [[str(value), int(count)] for value, count in top.items()],
        "other": int(counts.iloc[TOP_VALUES:].sum()),
    }
