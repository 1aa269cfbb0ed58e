"""Writing CSV files that spreadsheets open safely (no formula injection).

Text cells starting with = + - @ TAB or CR are prefixed with ``'`` (OWASP's advice), so Excel and
LibreOffice show them as text instead of evaluating them. Real numbers stay numbers: numeric
columns are left alone, and so is text that is just a plain number such as ``-5``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def neutralise_cell(value: Any) -> Any:
    """The cell, with a leading ``'`` when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(
        value
    ):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text columns are neutralised; column names are too."""
    safe = frame.copy()
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_string_dtype(column) or pd.api.types.is_object_dtype(column):
            safe[name] = column.map(neutralise_cell, na_action="ignore")
    safe.columns = [neutralise_cell(str(name)) for name in safe.columns]
    return safe


def write_safe_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` as UTF-8 with a BOM (what Korean Excel expects), neutralised."""
    neutralise_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
