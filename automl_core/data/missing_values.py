"""Missing values in disguise: placeholder texts ('?', '-', 'unknown') and sentinel numbers.

Common spellings of "missing" ('NA', 'N/A', 'null', '') are read as missing already; these are
the ones that are not, and that a model would otherwise learn from as if they were real values.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.exceptions import DataWarning

PLACEHOLDERS = frozenset({
    "?", "??", "-", "--", "---", ".", "unknown", "unk", "none", "missing", "not available",
    "n.a.", "na", "n/a", "nan", "null", "nil", "#n/a", "undefined", "tbd", "미상", "없음", "모름",
    "해당없음", "알수없음",
})
SENTINELS = (-1.0, -9.0, -99.0, -999.0, -9999.0, 99.0, 999.0, 9999.0, 99999.0)
MIN_SHARE = 0.005  # a placeholder on one row in 200 or more is worth telling
_TEXT_KINDS = {ColumnKind.CATEGORICAL, ColumnKind.TEXT, ColumnKind.BOOLEAN, ColumnKind.NUMERIC}


def column_placeholders(series: pd.Series, kind: ColumnKind | None,
                        counts: pd.Series | None = None,
                        ordered: np.ndarray | None = None) -> list[str]:
    """The placeholders one column holds, as they are written in the file.

    ``counts`` and ``ordered`` are the column's :func:`~automl_core.data.counting.value_counts`
    and :func:`~automl_core.data.counting.sorted_numbers` when the caller has them already.
    """
    if pd.api.types.is_string_dtype(series) and kind in _TEXT_KINDS:
        return _text_placeholders(series, counts)
    return _sentinels(series, ordered) if kind is ColumnKind.NUMERIC else []


def placeholder_warning(found: Mapping[str, list[str]]) -> DataWarning | None:
    """One ``placeholder_missing`` warning listing, per column, its :func:`column_placeholders`.

    ``params["values"]`` maps each column to its placeholders, as they are written in the file,
    so that re-reading with ``missing_values`` set to them makes those cells missing.
    """
    found = {name: values for name, values in found.items() if values}
    if not found:
        return None
    detail = "; ".join(f"{name}: {', '.join(repr(v) for v in values)}"
                       for name, values in found.items())
    return DataWarning(
        "placeholder_missing", f"Some values look like a stand-in for 'missing' ({detail}). "
        "A model would treat them as real values; read them as missing instead.",
        tuple(found), {"values": found,
                       "tokens": sorted({v for values in found.values() for v in values})})


def _text_placeholders(series: pd.Series, counts: pd.Series | None) -> list[str]:
    counts = series.dropna().value_counts() if counts is None else counts
    if counts.empty:
        return []
    keys = counts.index.astype(str)
    hits = counts[keys.str.strip().str.lower().isin(PLACEHOLDERS)]
    threshold = max(1, MIN_SHARE * len(series))
    return [str(value) for value, count in hits.items() if count >= threshold]


def _sentinels(series: pd.Series, ordered: np.ndarray | None) -> list[str]:
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return []
    if ordered is None:
        ordered = np.sort(series.dropna().to_numpy(dtype=float))
    if len(ordered) < 20:
        return []
    # A sentinel stands apart from the real values: below all of them, or far above. So only
    # the column's minimum (for a negative sentinel) or maximum (positive) can be one.
    found = []
    for sentinel in SENTINELS:
        if sentinel != (ordered[0] if sentinel < 0 else ordered[-1]):
            continue
        values = ordered.astype(float, copy=False)
        hits = values == sentinel
        share = hits.mean()
        rest = values[~hits]
        if share < MIN_SHARE * 2 or share > 0.5 or not len(rest):
            continue
        apart = rest.min() > sentinel if sentinel < 0 else rest.max() < sentinel / 2
        if apart:
            found.append(_as_written(sentinel, series))
    return found


def _as_written(value: float, series: pd.Series) -> str:
    whole = pd.api.types.is_integer_dtype(series) or float(value).is_integer()
    return str(int(value)) if whole else str(np.float64(value))
