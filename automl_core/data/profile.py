"""A plain-language profile of a frame: column kinds, missing and unique counts, warnings."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, infer_kind
from automl_core.data.counting import distinct_sorted, sorted_numbers, value_counts
from automl_core.data.missing_values import column_placeholders, placeholder_warning
from automl_core.data.naming import near_duplicate_warning
from automl_core.data.summaries import summarize
from automl_core.data.text_values import text_value_warnings
from automl_core.exceptions import DataWarning

HIGH_CARDINALITY = 50
HASH_SLICE_ROWS = 100_000  # rows hashed at a time when counting duplicates
PARALLEL_PROFILE_CELLS = 1_000_000  # from this many cells, columns are profiled in threads
_TARGET_NAME = re.compile(
    r"^(target|label|class|y|outcome|churn|survived|default|income|price|fare|quality|"
    r"response|result|is_.+|해지여부|타겟|정답|레이블)$", re.IGNORECASE)
_LEARNABLE = {ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.BOOLEAN}


@dataclass(frozen=True)
class ColumnProfile:
    """What one column holds."""

    name: str
    kind: ColumnKind
    missing: int
    unique: int
    dtype: str = ""
    inferred_kind: ColumnKind | None = None  # before the user's override; None: same as kind
    stats: dict[str, Any] = field(default_factory=dict)  # see summaries.summarize


@dataclass(frozen=True)
class FrameProfile:
    """What a whole frame holds, with a suggested target and warnings."""

    n_rows: int
    columns: list[ColumnProfile]
    suggested_target: str | None
    warnings: list[DataWarning] = field(default_factory=list)
    duplicated_rows: int = 0
    memory_bytes: int = 0

    def kinds(self) -> dict[str, ColumnKind]:
        """Column name to kind."""
        return {c.name: c.kind for c in self.columns}


def profile_frame(
    frame: pd.DataFrame, overrides: Mapping[str, ColumnKind | str] | None = None,
    *, with_stats: bool = False,
) -> FrameProfile:
    """Profile every column; ``overrides`` replaces inferred kinds (the user's corrections).

    ``with_stats`` adds each column's statistics and chart data (``ColumnProfile.stats``).
    """
    corrected = {str(k): ColumnKind(v) for k, v in (overrides or {}).items()}
    work = [(frame[name], corrected.get(str(name))) for name in frame.columns]
    threads = _profile_threads(frame)
    if threads == 1:
        profiled = [_profile_column(series, kind, with_stats) for series, kind in work]
    else:
        # Sorting and counting run in NumPy and Arrow without the GIL: columns profile in
        # parallel, one thread per core, text columns (counted by hashing, the slowest) first so
        # that the last one to finish is a quick one.
        with ThreadPoolExecutor(max_workers=threads) as pool:
            pending = {position: pool.submit(_profile_column, series, kind, with_stats)
                       for position, (series, kind) in sorted(
                           enumerate(work), key=lambda item: not _is_text(item[1][0]))}
            profiled = [pending[position].result() for position in range(len(work))]
    columns = [column for column, _ in profiled]
    placeholders = {column.name: found for column, found in profiled}
    duplicated = 0 if _has_distinct_rows(columns, len(frame)) else count_duplicated_rows(frame)
    return FrameProfile(len(frame), columns, suggest_target(columns),
                        _warnings(frame, columns, duplicated, placeholders), duplicated,
                        int(frame.memory_usage(deep=True).sum()))


def _is_text(series: pd.Series) -> bool:
    return isinstance(series.dtype, pd.StringDtype) or series.dtype == object


def _profile_threads(frame: pd.DataFrame) -> int:
    """Threads for the per-column profile: one per core for a large frame, else one."""
    if frame.size < PARALLEL_PROFILE_CELLS:
        return 1
    return max(1, min(os.cpu_count() or 1, len(frame.columns)))


def _profile_column(series: pd.Series, override: ColumnKind | None,
                    with_stats: bool) -> tuple[ColumnProfile, list[str]]:
    """One column's profile and the placeholder values (``"?"``, ``-999``...) it holds."""
    # Each column is counted once (see automl_core.data.counting) for all that follows.
    counts = value_counts(series) if isinstance(series.dtype, pd.StringDtype) else None
    ordered = sorted_numbers(series)
    distinct = _distinct(series, counts, ordered)
    inferred = infer_kind(series, distinct)
    kind = override or inferred
    column = ColumnProfile(
        name=str(series.name), kind=kind, missing=int(series.isna().sum()), unique=distinct,
        dtype=str(series.dtype), inferred_kind=inferred,
        stats=summarize(series, kind, counts, ordered) if with_stats else {})
    return column, column_placeholders(series, kind, counts, ordered)


def _distinct(series: pd.Series, counts: pd.Series | None, ordered: np.ndarray | None) -> int:
    """``series.nunique()``, from what was counted already when there is something."""
    if counts is not None:
        return len(counts)
    return distinct_sorted(ordered) if ordered is not None else int(series.nunique(dropna=True))


def _has_distinct_rows(columns: list[ColumnProfile], rows: int) -> bool:
    """Whether one column alone tells every row apart (an ID column): then no row repeats.

    Its values are all different, and at most one of them is missing (two missing cells could
    be equal to ``DataFrame.duplicated``).
    """
    return any(c.missing <= 1 and c.unique + c.missing == rows for c in columns)


def count_duplicated_rows(frame: pd.DataFrame) -> int:
    """How many rows repeat an earlier row exactly.

    Rows are hashed first (cheaper than comparing every column); only rows whose hash occurs
    more than once are compared value by value, so a hash collision never counts as a duplicate.
    Equal rows hash alike wherever they are, so the rows are hashed ``HASH_SLICE_ROWS`` at a
    time: hashing a 1,000,000 x 20 frame at once peaked at +229 MB, in slices at +58 MB.
    """
    if not len(frame.columns) or frame.empty:
        return 0
    hashable = _mixed_objects_as_codes(frame)
    hashes = np.concatenate([
        pd.util.hash_pandas_object(hashable.iloc[start:start + HASH_SLICE_ROWS], index=False)
        .to_numpy() for start in range(0, len(frame), HASH_SLICE_ROWS)])
    candidates = frame[pd.Series(hashes).duplicated(keep=False).to_numpy()]
    return int(candidates.duplicated().sum())


def _mixed_objects_as_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each object column holding more than text replaced by its value codes.

    Such a column's hash depends on which of several equal values (``1``, ``1.0``, ``True``) a
    slice meets first, so equal rows in different slices could hash apart; codes taken over the
    whole column cannot. Text columns (the usual case) are left as they are.
    """
    mixed = [position for position, (_, column) in enumerate(frame.items())
             if column.dtype == object
             and pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty")]
    if not mixed:
        return frame
    coded = frame.copy(deep=False)
    for position in mixed:
        coded.isetitem(position, pd.factorize(frame.iloc[:, position])[0])
    return coded


def suggest_target(columns: list[ColumnProfile]) -> str | None:
    """A target-looking column by name, else the last learnable column."""
    learnable = [c for c in columns if c.kind in _LEARNABLE]
    for column in learnable:
        if _TARGET_NAME.match(column.name.strip()):
            return column.name
    return learnable[-1].name if learnable else None


def _warnings(frame: pd.DataFrame, columns: list[ColumnProfile], duplicated: int,
              placeholders: dict[str, list[str]]) -> list[DataWarning]:
    found: list[DataWarning] = []
    by_kind = {kind: tuple(c.name for c in columns if c.kind is kind) for kind in ColumnKind}
    if by_kind[ColumnKind.ID]:
        found.append(DataWarning(
            "id_columns", f"These columns look like IDs (very high cardinality: a different value "
            f"on almost every row) and "
            f"will not be used as features: {', '.join(by_kind[ColumnKind.ID])}.",
            by_kind[ColumnKind.ID]))
    if by_kind[ColumnKind.CONSTANT]:
        found.append(DataWarning(
            "constant_columns", f"These columns are constant (one value or empty) and will not "
            f"be used: {', '.join(by_kind[ColumnKind.CONSTANT])}.", by_kind[ColumnKind.CONSTANT]))
    high = tuple(c.name for c in columns
                 if c.kind in (ColumnKind.CATEGORICAL, ColumnKind.TEXT)
                 and c.unique > HIGH_CARDINALITY and c.unique > 0.5 * max(len(frame), 1))
    if high:
        found.append(DataWarning(
            "high_cardinality", f"These columns have very high cardinality (almost every row a "
            f"different value); they are frequency-encoded, not one-hot: {', '.join(high)}.", high))
    if duplicated:
        found.append(DataWarning("duplicated_rows", f"{duplicated} rows are exact duplicates of "
                                 "an earlier row.", params={"rows": duplicated}))
    disguised = tuple(c.name for c in columns if c.kind is ColumnKind.NUMERIC
                      and pd.api.types.is_string_dtype(frame[c.name]))
    if disguised:
        found.append(DataWarning(
            "disguised_missing", f"These columns are mostly numbers but contain text such as "
            f"'#DIV/0!' or 'inf'; those cells are treated as missing: {', '.join(disguised)}.",
            disguised))
    kinds = {c.name: c.kind for c in columns}
    placeholder = placeholder_warning(placeholders)
    near = near_duplicate_warning(c.name for c in columns)
    return found + [w for w in (placeholder, near) if w] + text_value_warnings(frame, kinds)
