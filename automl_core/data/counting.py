"""Counting a column's values once, for the profile's kinds, statistics and checks alike.

Counting is the costly part of profiling a large table. A ``str`` column's value counts give its
distinct count, its top values and its placeholders; a number column's sorted values give its
distinct count and its quantiles. Each is computed once per column and handed on.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from automl_core.data.column_types import as_text


def value_counts(series: pd.Series) -> pd.Series:
    """How often each non-missing value occurs, most frequent first, counted as text.

    ``str``, integer and boolean values are counted as they are: their text is one-to-one with
    them (``5`` -> ``"5"``, ``True`` -> ``"True"``) and the order is the same, so only the values
    shown need turning into text, not the whole column.
    """
    present = series.dropna() if series.hasnans else series
    as_is = isinstance(series.dtype, pd.StringDtype) or pd.api.types.is_bool_dtype(series) or \
        pd.api.types.is_integer_dtype(series)
    return (present if as_is else as_text(present)).value_counts()


def sorted_numbers(series: pd.Series) -> np.ndarray | None:
    """The non-missing values of a NumPy integer or float column, sorted; None for other dtypes.

    Sorting is faster than hashing for numbers, and the sorted values give the quantiles too.
    """
    if series.dtype.kind not in "iuf" or not isinstance(series.dtype, np.dtype):
        return None
    ordered = np.sort(series.to_numpy())
    # NaN sorts last, and searchsorted finds where it starts: the missing values are cut off.
    return ordered[:np.searchsorted(ordered, np.nan)] if series.dtype.kind == "f" else ordered


def distinct_sorted(ordered: np.ndarray) -> int:
    """How many different values a sorted array holds (as ``np.unique`` and ``nunique`` count:
    ``0.0`` and ``-0.0`` are one value)."""
    return int(len(ordered) and 1 + np.count_nonzero(ordered[1:] != ordered[:-1]))
