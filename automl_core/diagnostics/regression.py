"""Regression diagnostics from out-of-fold predictions.

Scatter plots show at most ``MAX_POINTS`` rows (an evenly spaced sample after sorting by the
prediction, so the whole range stays visible); the table lists the same rows.
"""

from __future__ import annotations

from typing import cast

import numpy as np

from automl_core.diagnostics.oof import OutOfFold
from automl_core.diagnostics.payload import (
    FIXED_NAME,
    PALETTE,
    Payload,
    floats,
    layout,
    number,
    payload,
    reference_line,
)

MAX_POINTS = 1000
HISTOGRAM_BINS = 30


def _need_regression(oof: OutOfFold) -> None:
    if oof.task.is_classification:
        raise ValueError("this chart needs a regression model")


def _sample(oof: OutOfFold) -> np.ndarray:
    order: np.ndarray = np.argsort(oof.predictions, kind="stable")
    if len(order) <= MAX_POINTS:
        return order
    evenly = np.unique(np.linspace(0, len(order) - 1, MAX_POINTS).round().astype(int))
    return cast(np.ndarray, order[evenly])


def _points(x: np.ndarray, y: np.ndarray, name: str) -> dict[str, object]:
    return {"type": "scattergl" if len(x) > 500 else "scatter", "mode": "markers", "name": name,
            "meta": FIXED_NAME,
            "x": floats(x), "y": floats(y),
            "marker": {"color": PALETTE[0], "symbol": "circle-open", "size": 6, "opacity": 0.7}}


def predicted_vs_actual(oof: OutOfFold) -> Payload:
    """Each row's out-of-fold prediction against its actual value; the diagonal is perfect."""
    _need_regression(oof)
    rows_shown = _sample(oof)
    actual, predicted = oof.y[rows_shown], oof.predictions[rows_shown]
    low = float(min(np.min(oof.y), np.min(oof.predictions)))
    high = float(max(np.max(oof.y), np.max(oof.predictions)))
    traces = [_points(actual, predicted, "rows"),
              reference_line([low, high], [low, high], "prediction = actual")]
    rows = [[number(a), number(p)] for a, p in zip(actual, predicted, strict=True)]
    return payload(traces, layout("actual value", "predicted value"),
                   ["actual", "predicted"], rows)


def residuals_vs_predicted(oof: OutOfFold) -> Payload:
    """Residuals (actual minus predicted) against the prediction; a pattern means bias."""
    _need_regression(oof)
    rows_shown = _sample(oof)
    predicted = oof.predictions[rows_shown]
    residuals = oof.y[rows_shown] - predicted
    low, high = float(np.min(oof.predictions)), float(np.max(oof.predictions))
    traces = [_points(predicted, residuals, "rows"),
              reference_line([low, high], [0, 0], "no error")]
    rows = [[number(p), number(r)] for p, r in zip(predicted, residuals, strict=True)]
    return payload(traces, layout("predicted value", "residual (actual - predicted)"),
                   ["predicted", "residual"], rows)


def residual_histogram(oof: OutOfFold) -> Payload:
    """How many rows have each size of residual (actual minus predicted), over every row."""
    _need_regression(oof)
    residuals = oof.y - oof.predictions
    counts, edges = np.histogram(residuals, bins=HISTOGRAM_BINS)
    centers = (edges[:-1] + edges[1:]) / 2
    trace = {"type": "bar", "x": floats(centers), "y": counts.tolist(), "name": "rows",
             "meta": FIXED_NAME,
             "marker": {"color": PALETTE[0], "line": {"color": "#08306b", "width": 1}},
             "customdata": [[float(a), float(b)] for a, b in zip(edges[:-1], edges[1:],
                                                                  strict=True)],
             "hovertemplate": "%{customdata[0]:.3g} to %{customdata[1]:.3g}: %{y} rows"
                              "<extra></extra>"}
    rows = [[number(a), number(b), str(int(c))]
            for a, b, c in zip(edges[:-1], edges[1:], counts, strict=True)]
    chart_layout = layout("residual (actual - predicted)", "rows", bargap=0.05,
                          showlegend=False)
    return payload([trace], chart_layout, ["from", "to", "rows"], rows)
