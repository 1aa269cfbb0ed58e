"""Partial dependence: the model's average prediction as one feature is set to each value.

Computed on a row sample (at most ``MAX_ROWS`` rows): every sampled row gets the same value of
the feature, the final model predicts, and the mean is plotted. Numeric features use up to
``GRID`` quantiles (5% to 95%, so a few extreme values do not stretch the axis); categorical and
boolean features their most frequent values. Classification shows the probability of the
positive class (binary) or of each class (multiclass, up to six).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, to_numeric
from automl_core.diagnostics.payload import (
    FIXED_NAME,
    Payload,
    floats,
    layout,
    literal,
    number,
    payload,
)
from automl_core.diagnostics.payload import style as series_style

MAX_ROWS = 300
GRID = 20
TOP_VALUES = 10
MAX_CLASSES = 6
SUPPORTED = (ColumnKind.NUMERIC, ColumnKind.CATEGORICAL, ColumnKind.BOOLEAN)


def supports(model: Any, feature: str) -> bool:
    """Whether partial dependence is drawn for ``feature`` (numbers, categories, booleans)."""
    return model.kinds_.get(feature) in SUPPORTED


def _grid(column: pd.Series, numeric: bool) -> list[Any]:
    if numeric:
        values = to_numeric(column).dropna().to_numpy(dtype=float)
        if not len(values):
            return []
        return sorted(set(np.quantile(values, np.linspace(0.05, 0.95, GRID)).tolist()))
    counts = column.dropna().astype(str).value_counts()
    return [str(v) for v in counts.index[:TOP_VALUES]]


def partial_dependence(model: Any, features: pd.DataFrame, feature: str,
                       seed: int = 0) -> Payload:
    """The partial dependence of the final model on ``feature`` over a row sample."""
    names = [str(f) for f in model.feature_names]
    frame = features.reindex(columns=names)
    if len(frame) > MAX_ROWS:
        frame = frame.sample(n=MAX_ROWS, random_state=seed)
    numeric = model.kinds_.get(feature) == ColumnKind.NUMERIC
    grid = _grid(features[feature], numeric)
    classes = [str(c) for c in model.classes_ or ()]
    outputs = []
    for value in grid:
        changed = frame.copy()
        changed[feature] = pd.Series([value] * len(frame), index=frame.index, dtype=object)
        outputs.append(model.model_.predict_raw(changed).mean(axis=0))
    means = np.asarray(outputs, dtype=float)
    if classes:
        shown = [1] if len(classes) == 2 else list(range(min(len(classes), MAX_CLASSES)))
        series: list[tuple[str, np.ndarray | list[float]]] = [
            (f"P({literal(classes[i])})", means[:, i] if len(means) else []) for i in shown]
        y_title = "mean predicted probability"
    else:
        series = [("prediction", means)]
        y_title = "mean prediction"
    x = grid if numeric else [literal(v) for v in grid]
    traces = [{"type": "scatter", "mode": "lines+markers", "name": name, "x": x,
               "y": floats(values), **series_style(i)}
              | ({} if classes else {"meta": FIXED_NAME})
              for i, (name, values) in enumerate(series)]
    chart_layout = layout(literal(feature), y_title,
                          xaxis={"type": "linear" if numeric else "category"},
                          showlegend=len(series) > 1)
    columns = [feature, *(name for name, _ in series)]
    rows = [[number(v) if numeric else str(v), *(number(values[i]) for _, values in series)]
            for i, v in enumerate(grid)]
    return payload(traces, chart_layout, columns, rows)
