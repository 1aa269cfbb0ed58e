"""Prediction results as an Excel workbook, safe to open (no formula injection)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from daria.lib.csv_export import neutralise_frame

# Control characters an XLSX cell cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _legal(value: object) -> object:
    return _ILLEGAL.sub("", value) if isinstance(value, str) else value


def csv_to_xlsx(csv_path: Path, sheet: str = "predictions") -> bytes:
    """The stored prediction CSV as XLSX bytes: numbers stay numbers, and text a spreadsheet
    would run as a formula keeps the ``'`` the CSV writer gave it (so it stays text)."""
    frame = pd.read_csv(csv_path, encoding="utf-8-sig", keep_default_na=False,
                        na_values=[""], low_memory=False)
    safe = neutralise_frame(frame)
    for name in safe.columns:
        if pd.api.types.is_string_dtype(safe[name]) or pd.api.types.is_object_dtype(safe[name]):
            safe[name] = safe[name].map(_legal, na_action="ignore")
    safe.columns = [_legal(str(name)) for name in safe.columns]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()
