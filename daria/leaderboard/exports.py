"""The leaderboard as a spreadsheet: CSV (UTF-8 with a BOM, for Excel in Korean) or XLSX.

Both are neutralised against formula injection (daria.lib.csv_export) and have translated
column headers.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from automl_core.evaluation.metrics import MetricName
from daria.leaderboard.chart_text import label
from daria.lib.csv_export import neutralise_frame

# Control characters an XLSX cell cannot hold (openpyxl refuses them).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Column headers (English, translated on export) before and after the metric columns.
_LEADING_COLUMNS = ("Kind", "Trial", "State", "Algorithm")
_TRAILING_COLUMNS = ("Fold mean", "Fold spread (std)", "Fit time (s)",
                     "Prediction time per 1,000 rows (s)", "Model size (bytes)",
                     "Tied with the best", "Hyperparameters")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _metric_names(rows: list[dict[str, Any]], chosen: str) -> list[str]:
    """The chosen metric first, then every other metric some row has, in a fixed order."""
    present = {name for row in rows for name in row["metrics"]}
    return [chosen] + [m.value for m in MetricName if m.value in present and m.value != chosen]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return label("yes") if value else label("no")


def _row_cells(row: dict[str, Any], metrics: list[str]) -> list[Any]:
    kind = label("final model") if row["kind"] == "ensemble" else label("trial")
    return [
        kind, row["number"], row["state"], row["algorithm"],
        *[row["metrics"].get(name) for name in metrics],
        row["fold_mean"], row["fold_std"], row["fit_time_s"], row["predict_time_per_1000_s"],
        row["model_size_bytes"], _yes_no(row["tied_with_best"]),
        json.dumps(row["params"], ensure_ascii=False, sort_keys=True),
    ]


def leaderboard_frame(rows: Iterable[dict[str, Any]], chosen_metric: str) -> pd.DataFrame:
    """The rows as a table with translated headers; parameters as JSON text."""
    rows = list(rows)
    metrics = _metric_names(rows, chosen_metric)
    head = [label(name) for name in _LEADING_COLUMNS]
    columns = [*head, *metrics, *[label(name) for name in _TRAILING_COLUMNS]]
    frame = pd.DataFrame([_row_cells(row, metrics) for row in rows], columns=columns)
    frame[head[1]] = frame[head[1]].astype("Int64")  # trial numbers, empty for the final model
    return neutralise_frame(frame)


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes, UTF-8 with a byte-order mark."""
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "leaderboard") -> bytes:
    """XLSX bytes of one sheet; control characters a cell cannot hold are dropped."""
    legal = frame.map(lambda v: _ILLEGAL.sub("", v) if isinstance(v, str) else v)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        legal.to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()
