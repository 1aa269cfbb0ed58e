"""Column kinds, inferred from the values so that they work on pandas 3 ``str`` columns."""

from __future__ import annotations

import re
import warnings
from enum import StrEnum

import numpy as np
import pandas as pd

NUMERIC_SHARE = 0.8  # a text column whose values are mostly numbers is a numeric column
DATETIME_SHARE = 0.9
ID_UNIQUE_SHARE = 0.95
TEXT_MEAN_LENGTH = 30
_ID_NAME = re.compile(r"(^|[_\s.-])(id|uuid|guid|key|code|no|number)$|^id[_\s.-]|^index$",
                      re.IGNORECASE)
_BOOLEAN_PAIRS = [{"true", "false"}, {"yes", "no"}, {"y", "n"}, {"t", "f"}, {"0", "1"}]
_DATE_HINT = re.compile(r"\d{1,4}[-/.년:]\s?\d{1,2}")
_SAMPLE = 2000


class ColumnKind(StrEnum):
    """What a column holds, which decides how it is preprocessed."""

    NUMERIC = "numeric"
    CATEGORICAL = "categorical"
    BOOLEAN = "boolean"
    DATETIME = "datetime"
    TEXT = "text"
    ID = "id"
    CONSTANT = "constant"


def infer_kind(series: pd.Series, distinct: int | None = None) -> ColumnKind:
    """Infer the kind of one column from its dtype and values.

    ``distinct`` is the column's count of distinct non-missing values when the caller has it
    already (counting is the costly part on large columns).
    """
    if distinct is None:
        distinct = int(series.nunique(dropna=True))
    if distinct <= 1:
        return ColumnKind.CONSTANT
    if pd.api.types.is_bool_dtype(series) or _is_boolean_text(series, distinct):
        return ColumnKind.BOOLEAN
    if pd.api.types.is_datetime64_any_dtype(series):
        return ColumnKind.DATETIME
    if pd.api.types.is_numeric_dtype(series):
        if _is_id_like_number(series, distinct):
            return ColumnKind.ID
        return ColumnKind.NUMERIC
    text = as_text(series.dropna())
    if numeric_share(text) >= NUMERIC_SHARE:
        return ColumnKind.NUMERIC
    if _datetime_share(text) >= DATETIME_SHARE:
        return ColumnKind.DATETIME
    # Converting other values to text can merge some (1 and "1"), so count again only then.
    converted = not isinstance(series.dtype, pd.StringDtype)  # as_text left str columns alone
    unique_share = (text.nunique() if converted else distinct) / len(text)
    if unique_share >= ID_UNIQUE_SHARE and len(text) >= 20:
        # Codes and hashes have no spaces; free text (names, user agents, comments) does.
        has_spaces = text.str.contains(" ", regex=False).mean() > 0.5
        return ColumnKind.TEXT if has_spaces else ColumnKind.ID
    if text.str.len().mean() >= TEXT_MEAN_LENGTH * 2 and unique_share > 0.5:
        return ColumnKind.TEXT
    return ColumnKind.CATEGORICAL


def infer_kinds(frame: pd.DataFrame) -> dict[str, ColumnKind]:
    """Infer the kind of every column."""
    return {str(name): infer_kind(frame[name]) for name in frame.columns}


def to_numeric(series: pd.Series) -> pd.Series:
    """Numbers as float64; text that is not a number (``#DIV/0!``) and +-inf become NaN."""
    numbers = pd.to_numeric(series, errors="coerce") if not pd.api.types.is_numeric_dtype(
        series) else series
    numbers = numbers.astype("float64")
    return numbers.where(np.isfinite(numbers))


def to_datetime(series: pd.Series) -> pd.Series:
    """Dates parsed from text in mixed formats; unparseable values become NaT.

    Values with different UTC offsets, or with and without one, are compared in UTC (a value
    without an offset is taken as UTC): pandas refuses to mix them in one column otherwise.
    """
    if pd.api.types.is_datetime64_any_dtype(series):
        return series
    text = as_text(series)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _parsed_dates(text, utc=False)
        except (ValueError, TypeError):  # offsets mixed within one parser or across the two
            return _parsed_dates(text, utc=True)


def _parsed_dates(text: pd.Series, utc: bool) -> pd.Series:
    # ISO dates parse vectorised; only the rest needs the slow per-value "mixed" parser.
    parsed = pd.to_datetime(text, errors="coerce", format="ISO8601", utc=utc)
    failed = parsed.isna() & text.notna()
    if failed.any():
        parsed[failed] = pd.to_datetime(text[failed], errors="coerce", format="mixed", utc=utc)
    return parsed


def as_text(series: pd.Series) -> pd.Series:
    """The values as ``str``; a column that is ``str`` already is not converted again (slow)."""
    return series if isinstance(series.dtype, pd.StringDtype) else series.astype("str")


def first_present(series: pd.Series, count: int) -> pd.Series:
    """The first ``count`` non-missing values, as ``series.dropna().head(count)`` gives them,
    without copying the whole column first."""
    size = count
    while True:
        head = series.iloc[:size].dropna()
        if len(head) >= count or size >= len(series):
            return head.head(count)
        size *= 4


def numeric_share(text: pd.Series) -> float:
    """The share of (non-missing) text values that parse as numbers, inf included."""
    sample = text.head(_SAMPLE)
    if sample.empty:
        return 0.0
    return float(pd.to_numeric(sample, errors="coerce").notna().mean())


def _datetime_share(text: pd.Series) -> float:
    sample = text.head(_SAMPLE)
    if sample.empty or sample.str.match(_DATE_HINT).mean() < DATETIME_SHARE:
        return 0.0
    return float(to_datetime(sample).notna().mean())


def _is_boolean_text(series: pd.Series, distinct: int) -> bool:
    if distinct != 2:
        return False
    lowered = {str(v).strip().lower() for v in series.dropna().unique()}
    lowered = {v[:-2] if v.endswith(".0") else v for v in lowered}
    return any(lowered == pair for pair in _BOOLEAN_PAIRS)


def _is_id_like_number(series: pd.Series, distinct: int) -> bool:
    if not pd.api.types.is_integer_dtype(series):
        return False
    name, values = series.name, series.dropna()
    if len(values) < 20:
        return False
    if distinct < ID_UNIQUE_SHARE * len(values):
        return False
    if _ID_NAME.search(str(name)):
        return True
    steps = np.diff(values.to_numpy())
    # All unique and evenly spaced: a row counter or a sequence, not a measurement.
    return bool(len(steps) and (steps == steps[0]).all())
