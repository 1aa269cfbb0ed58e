"""Comparing a few trials or final models side by side: parameters, metrics, folds, predictions.

The first selection is the reference: metric deltas are measured from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from automl_core.analysis import palette
from automl_core.analysis.payload import ENGLISH, ChartPayload, ChartText, base_layout, chart
from automl_core.analysis.stats import summarize_folds
from automl_core.data.charts import literal
from automl_core.evaluation.metrics import METRICS, MetricName

# Points kept per ROC curve: enough to draw it, few enough to send.
MAX_ROC_POINTS = 200


@dataclass(frozen=True)
class Selection:
    """One compared trial or final model."""

    label: str
    algorithm: str
    params: Mapping[str, object] = field(default_factory=dict)
    metrics: Mapping[str, float] = field(default_factory=dict)
    fold_scores: Sequence[float | None] = ()


def _shown(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value)


def parameter_rows(selections: Sequence[Selection]) -> list[dict[str, object]]:
    """Per parameter (algorithm first): each selection's value as text (None when it has no
    such parameter) and whether the values differ."""
    names = sorted({name for s in selections for name in s.params})
    rows = [{"name": "algorithm", "values": [s.algorithm for s in selections]}]
    rows += [{"name": name, "values": [_shown(s.params.get(name)) for s in selections]}
             for name in names]
    for row in rows:
        row["differs"] = len(set(row["values"])) > 1
    return rows


def metric_rows(selections: Sequence[Selection]) -> list[dict[str, object]]:
    """Per metric any selection has: values, deltas from the first selection (None where either
    is missing) and whether each value is better than the first's in the metric's direction."""
    rows = []
    for name in MetricName:
        values = [s.metrics.get(name.value) for s in selections]
        if all(v is None for v in values):
            continue
        first = values[0]
        higher = METRICS[name].greater_is_better
        deltas = [None if v is None or first is None else v - first for v in values]
        better = [None if d is None else (d > 0 if higher else d < 0) for d in deltas]
        rows.append({"name": name.value, "greater_is_better": higher, "values": values,
                     "deltas": deltas, "better": better})
    return rows


def fold_spreads(selections: Sequence[Selection]) -> list[float | None]:
    """The standard deviation of each selection's fold scores (None without folds)."""
    return [summarize_folds(s.fold_scores).std for s in selections]


def fold_chart(selections: Sequence[Selection], text: ChartText = ENGLISH) -> ChartPayload:
    """Each selection's fold scores as a line over the folds (colour, marker and dash differ)."""
    import plotly.graph_objects as go

    figure = go.Figure()
    rows = []
    for index, selection in enumerate(selections):
        folds = list(selection.fold_scores)
        figure.add_trace(go.Scatter(
            x=list(range(1, len(folds) + 1)), y=folds, mode="lines+markers",
            name=literal(selection.label),
            line={"color": palette.color(index), "dash": palette.dash(index)},
            marker={"symbol": palette.marker(index), "size": 9},
        ))
        rows += [[selection.label, fold, score] for fold, score in enumerate(folds, start=1)]
    figure.update_layout(**base_layout(text.fold, text.score))
    figure.update_xaxes(dtick=1)
    return chart(figure, [text.selection, text.fold, text.score], rows)


def _thin(values: np.ndarray, keep: int) -> np.ndarray:
    if len(values) <= keep:
        return np.arange(len(values))
    return np.unique(np.linspace(0, len(values) - 1, keep).astype(int))


def roc_chart(curves: Sequence[tuple[str, np.ndarray, np.ndarray]],
              text: ChartText = ENGLISH) -> ChartPayload:
    """ROC curves of binary out-of-fold predictions: ``(label, y_true 0/1, P(class 1))`` each;
    rows without a prediction (NaN) are left out of that curve."""
    import plotly.graph_objects as go
    from sklearn.metrics import roc_auc_score, roc_curve

    figure = go.Figure(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name=literal(text.chance),
                                  line={"color": palette.REFERENCE, "dash": "dot"}))
    rows = []
    for index, (label, y_true, scores) in enumerate(curves):
        kept = np.isfinite(scores)
        fpr, tpr, _ = roc_curve(y_true[kept], scores[kept])
        points = _thin(fpr, MAX_ROC_POINTS)
        auc = float(roc_auc_score(y_true[kept], scores[kept]))
        figure.add_trace(go.Scatter(
            x=fpr[points], y=tpr[points], mode="lines", name=literal(f"{label} ({auc:.3f})"),
            line={"color": palette.color(index), "dash": palette.dash(index), "width": 2},
        ))
        rows.append([label, auc])
    figure.update_layout(**base_layout(text.false_positive_rate, text.true_positive_rate))
    return chart(figure, [text.selection, text.auc], rows)


def residual_chart(series: Sequence[tuple[str, np.ndarray, np.ndarray]],
                   text: ChartText = ENGLISH) -> ChartPayload:
    """Residuals (actual − predicted) of regression out-of-fold predictions as one box each,
    named on the axis; the table gives their quartiles."""
    import plotly.graph_objects as go

    figure = go.Figure()
    rows = []
    for index, (label, y_true, predicted) in enumerate(series):
        kept = np.isfinite(predicted)
        residuals = y_true[kept] - predicted[kept]
        figure.add_trace(go.Box(y=residuals, name=literal(label), boxpoints=False,
                                marker={"color": palette.color(index)}))
        q1, median, q3 = np.percentile(residuals, [25, 50, 75]) if len(residuals) else (None,) * 3
        rows.append([label, _float(q1), _float(median), _float(q3)])
    figure.update_layout(**base_layout(text.selection, text.residual, showlegend=False))
    return chart(figure, [text.selection, text.q1, text.median, text.q3], rows)


def _float(value: object) -> float | None:
    return None if value is None else float(value)
