"""Per-column statistics for the profile: numbers get quantiles and a histogram, others top values.

Everything returned is plain JSON (no NaN, no numpy types), so the web app can store it as is.
"""

from __future__ import annotations

import math
from typing import Any, cast

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, to_datetime, to_numeric
from automl_core.data.counting import distinct_sorted, value_counts

HISTOGRAM_BINS = 30
TOP_VALUES = 20
QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def summarize(series: pd.Series, kind: ColumnKind, counts: pd.Series | None = None,
              ordered: np.ndarray | None = None) -> dict[str, Any]:
    """``{"type": "numeric", min, max, mean, std, quantiles, histogram}``, the datetime range and
    histogram, or ``{"type": "values", top: [[value, count]], other}`` for everything else.

    ``counts`` and ``ordered`` are the column's :func:`~automl_core.data.counting.value_counts`
    and :func:`~automl_core.data.counting.sorted_numbers` when the caller has them already.
    """
    if kind is ColumnKind.NUMERIC:
        values = _finite_numbers(series)
        if len(values):
            if ordered is None:
                ordered = np.sort(values)
            else:  # the same values, sorted: +-inf (at the ends) are not numbers here
                ordered = ordered.astype(float, copy=False)
                ordered = ordered[np.isfinite(ordered)]
            return _numeric(values, ordered)
    if kind is ColumnKind.DATETIME:
        dates = to_datetime(series).dropna()
        if len(dates):
            return _datetimes(dates)
    return _top_values(value_counts(series) if counts is None else counts)


def _finite_numbers(series: pd.Series) -> np.ndarray:
    """The column's numbers as float64 in row order, without missing values and +-inf."""
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iuf":
        values = series.to_numpy(dtype=float)  # no copy of a float column
        return cast(np.ndarray, values[np.isfinite(values)])
    return to_numeric(series).dropna().to_numpy(dtype=float)


def _number(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _numeric(values: np.ndarray, ordered: np.ndarray) -> dict[str, Any]:
    """``ordered`` is ``values`` sorted: it gives the distinct count and makes the quantiles'
    selection cheap (they depend only on the order statistics, so they are the same)."""
    bins = min(HISTOGRAM_BINS, distinct_sorted(ordered))
    counts, edges = np.histogram(values, bins=bins)
    return {
        "type": "numeric",
        "min": _number(values.min()), "max": _number(values.max()),
        "mean": _number(values.mean()), "std": _number(values.std()),
        "quantiles": {str(q): _number(v) for q, v in zip(QUANTILES, np.quantile(ordered, QUANTILES),
                                                         strict=True)},
        "histogram": {"edges": [_number(e) for e in edges], "counts": counts.tolist()},
    }


def _datetimes(dates: pd.Series) -> dict[str, Any]:
    stamps = dates.astype("int64").to_numpy()
    counts, edges = np.histogram(stamps, bins=HISTOGRAM_BINS)
    # Time-zone-aware dates (ISO texts with an offset) count from the epoch in UTC: the edges
    # are read back in UTC and shown in the column's own zone.
    zone = dates.dt.tz
    as_text = pd.to_datetime(edges.astype("int64"), unit=dates.dt.unit, utc=zone is not None)
    if zone is not None:
        as_text = as_text.tz_convert(zone)
    return {
        "type": "datetime",
        "min": str(dates.min()), "max": str(dates.max()),
        "histogram": {"edges": [str(e) for e in as_text], "counts": counts.tolist()},
    }


def _top_values(counts: pd.Series) -> dict[str, Any]:
    top = counts.head(TOP_VALUES)
    return {
        "type": "values",
        "top": [[str(value), int(count)] for value, count in top.items()],
        "other": int(counts.iloc[TOP_VALUES:].sum()),
    }
