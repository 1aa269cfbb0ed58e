"""Values a spreadsheet wrote as text: numbers with symbols, mixed types, inf and NaN spellings.

"₩1,234", "$5.00", "12%" and "1.234,5 €" are numbers to a person but text to a parser; a column
of them is read as categories and loses its order. ``parse_number_text`` converts such a column
(the user asks for it with the read option ``parse_numbers``); the warnings here find the columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from automl_core.data.column_types import (
    NUMERIC_SHARE,
    ColumnKind,
    as_text,
    first_present,
    numeric_share,
)
from automl_core.exceptions import DataError, DataWarning

NUMBER_TEXT_SHARE = 0.9  # this share of a column's values must convert for it to be numbers
MIXED_SHARE = 0.1  # a type with at least this share of the values counts towards "mixed"
_SAMPLE = 5000
_SYMBOLS = re.compile(r"[₩$€£¥%\s\u00a0]|원|KRW|USD|EUR", re.IGNORECASE)
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*(,\d+)$|^[+-]?\d{1,3}(\.\d{3}){2,}$")
_HAS_DECORATION = re.compile(r"[₩$€£¥%,]|원|KRW|USD|EUR", re.IGNORECASE)
_INF_NAN = re.compile(r"^[+-]?(inf|infinity|nan)$", re.IGNORECASE)
_BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no"})
_DATE = re.compile(r"^\d{1,4}[-/.년]\s?\d{1,2}([-/.월]\s?\d{1,4}일?)?$|^(19|20)\d{6}$")


def number_text_to_float(text: pd.Series) -> pd.Series:
    """Each value as a number, with currency symbols, thousands separators and ``%`` dropped.

    ``"₩1,234"`` -> 1234, ``"12%"`` -> 12 (the number as written), ``"1.234,5 €"`` -> 1234.5.
    Values that are not such a number become NaN.
    """
    stripped = as_text(text).str.replace(_SYMBOLS, "", regex=True)
    negative = stripped.str.match(r"^\(.*\)$")  # accountants write -5 as (5)
    stripped = stripped.where(~negative, "-" + stripped.str.slice(1, -1))
    comma = stripped.str.match(_COMMA_THOUSANDS)
    dot = stripped.str.match(_DOT_THOUSANDS) & ~comma
    plain = stripped.where(~comma, stripped.str.replace(",", "", regex=False))
    plain = plain.where(~dot, stripped.str.replace(".", "", regex=False)
                        .str.replace(",", ".", regex=False))
    valid = plain.str.match(_PLAIN).fillna(False).astype(bool)
    return pd.to_numeric(plain.where(valid), errors="coerce").astype("float64")


def parse_number_text(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """``frame`` with ``columns`` converted by :func:`number_text_to_float` (read option).

    Raises :class:`DataError` ``unknown_column`` when a column is not in the frame. A cell that
    is not a number becomes missing.
    """
    unknown = [name for name in columns if name not in frame.columns]
    if unknown:
        raise DataError("unknown_column", f"Column(s) not in the data: {', '.join(unknown)}.",
                        {"columns": unknown})
    frame = frame.copy()
    for name in columns:
        if pd.api.types.is_string_dtype(frame[name]) or frame[name].dtype == object:
            frame[name] = number_text_to_float(frame[name])
    return frame


def text_value_warnings(frame: pd.DataFrame,
                        kinds: Mapping[str, ColumnKind]) -> list[DataWarning]:
    """``numbers_as_text``, ``mixed_types`` and ``inf_nan_text`` warnings for ``frame``."""
    numbers, mixed = [], {}
    inf_nan: dict[str, list[str]] = {}
    for name in frame.columns:
        series = frame[name]
        if pd.api.types.is_float_dtype(series) and np.isinf(series.to_numpy()).any():
            # Parsed as floats already: the spelling is lost, so no text to read as missing.
            inf_nan[str(name)] = []
            continue
        if not pd.api.types.is_string_dtype(series):
            continue
        values = as_text(first_present(series, _SAMPLE))
        if values.empty:
            continue
        if tokens := _inf_nan_tokens(values):
            inf_nan[str(name)] = tokens
        if kinds.get(str(name)) is ColumnKind.NUMERIC or numeric_share(values) >= NUMERIC_SHARE:
            continue
        if _is_number_text(values):
            numbers.append(str(name))
        elif shares := _mixed_shares(values):
            mixed[str(name)] = shares
    found = []
    if numbers:
        found.append(DataWarning(
            "numbers_as_text", f"These columns hold numbers written with symbols or separators "
            f"(such as '₩1,234' or '12%'), so they were read as text: {', '.join(numbers)}. "
            "As text they lose their order and size; read them as numbers.", tuple(numbers)))
    if mixed:
        detail = "; ".join(f"{name}: " + ", ".join(f"{kind} {share}%" for kind, share
                                                      in shares.items())
                           for name, shares in mixed.items())
        found.append(DataWarning(
            "mixed_types", f"These columns mix different kinds of values ({detail}). They are "
            "read as categories, so numbers in them lose their order; check how the column was "
            "filled, or exclude it.", tuple(mixed), {"shares": mixed}))
    if inf_nan:
        found.append(DataWarning(
            "inf_nan_text", "These columns hold infinite or not-a-number values ("
            + "; ".join(f"{n}: {', '.join(repr(t) for t in v) or 'inf'}"
                        for n, v in inf_nan.items())
            + "), usually from a division by zero. They cannot be used as numbers; read them as "
            "missing.", tuple(inf_nan),
            {"values": inf_nan, "tokens": sorted({t for v in inf_nan.values() for t in v})}))
    return found


def _is_number_text(values: pd.Series) -> bool:
    decorated = values.str.contains(_HAS_DECORATION).mean()
    return bool(decorated > 0 and number_text_to_float(values).notna().mean()
                >= NUMBER_TEXT_SHARE)


def _inf_nan_tokens(values: pd.Series) -> list[str]:
    """Spellings of infinity and NaN, and numbers too large for a float (``1e309``)."""
    stripped = values.str.strip()
    spelled = stripped.str.match(_INF_NAN)
    overflow = np.isinf(pd.to_numeric(stripped.where(~spelled), errors="coerce"))
    hits = stripped[spelled | overflow]
    return sorted(hits.unique().tolist())


def _mixed_shares(values: pd.Series) -> dict[str, float]:
    """Percent of values per type when two or more types each hold ``MIXED_SHARE``."""
    stripped = values.str.strip()
    date = stripped.str.match(_DATE)  # before numbers: 20240307 is a date
    number = pd.to_numeric(stripped, errors="coerce").notna() & ~date
    boolean = stripped.str.lower().isin(_BOOLEAN_WORDS)
    types = {"numbers": number, "true/false": boolean, "dates": date,
             "text": ~(number | boolean | date)}
    shares = {kind: round(100 * float(mask.mean()), 1) for kind, mask in types.items()}
    present = {kind: share for kind, share in shares.items() if share >= 100 * MIXED_SHARE}
    if len(present) < 2 or "numbers" not in present and "dates" not in present:
        return {}  # text with a few words is categorical, not mixed
    return present
