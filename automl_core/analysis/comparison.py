"""Comparing a few trials or final models side by side: parameters, metrics, folds, predictions.

The first selection is the reference: metric deltas are measured from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, SupportsFloat

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
    rows: list[dict[str, Any]] = [
        {"name": "algorithm", "values": [s.algorithm for s in selections]}]
    rows += [{"name": name, "values": [_shown(s.params.get(name)) for s in selections]}
             for name in names]
    for row in rows:
        row["differs"] = len(set(row["values"])) > 1
    return rows


def metric_rows(selections: Sequence[Selection]) -> list[dict[str, object]]:
    """Per metric any selection has: values, deltas from the first selection (None where either
    is missing) and whether each value is better than the first's in the metric's direction."""
    rows: list[dict[str, object]] = []
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


@dataclass(frozen=True)
class MulticlassPredictions:
    """One selection's multiclass out-of-fold predictions: class indices and probabilities."""

    label: str
    y_true: np.ndarray  # class index per row
    proba: np.ndarray  # one column per class, NaN rows where not predicted
    classes: Sequence[str]  # the class names, in column order


def _macro_roc(y_true: np.ndarray, proba: np.ndarray, grid: np.ndarray
               ) -> tuple[np.ndarray, dict[int, float]]:
    """The one-vs-rest ROC curves averaged on ``grid`` (false positive rates) and each class's
    AUC; classes absent from ``y_true`` (or present in every row) have no curve."""
    from sklearn.metrics import roc_auc_score, roc_curve

    tprs, aucs = [], {}
    for k in range(proba.shape[1]):
        positive = y_true == k
        if positive.all() or not positive.any():
            continue
        fpr, tpr, _ = roc_curve(positive, proba[:, k])
        tprs.append(np.interp(grid, fpr, tpr))
        aucs[k] = float(roc_auc_score(positive, proba[:, k]))
    mean = np.mean(tprs, axis=0) if tprs else np.full(len(grid), np.nan)
    return mean, aucs


def multiclass_roc_chart(selections: Sequence[MulticlassPredictions],
                         text: ChartText = ENGLISH) -> ChartPayload:
    """Macro-averaged one-vs-rest ROC curves of multiclass out-of-fold predictions, one per
    selection (colour and dash differ). Each class's curve against the rest is interpolated on
    a common false-positive-rate grid and the true-positive rates averaged; its area is the
    mean of the per-class AUCs. The table gives that macro AUC and every class's own AUC.
    Rows without a prediction (NaN) are left out."""
    import plotly.graph_objects as go

    grid = np.linspace(0.0, 1.0, MAX_ROC_POINTS)
    figure = go.Figure(go.Scatter(x=[0, 1], y=[0, 1], mode="lines", name=literal(text.chance),
                                  line={"color": palette.REFERENCE, "dash": "dot"}))
    names = list(dict.fromkeys(name for s in selections for name in s.classes))
    rows = []
    for index, selection in enumerate(selections):
        kept = np.isfinite(selection.proba).all(axis=1)
        mean_tpr, aucs = _macro_roc(selection.y_true[kept], selection.proba[kept], grid)
        macro = float(np.mean(list(aucs.values()))) if aucs else None
        shown = "–" if macro is None else f"{macro:.3f}"
        figure.add_trace(go.Scatter(
            x=[0.0, *grid], y=[0.0, *mean_tpr], mode="lines",
            name=literal(f"{selection.label} ({shown})"),
            line={"color": palette.color(index), "dash": palette.dash(index), "width": 2},
        ))
        by_name = {selection.classes[k]: auc for k, auc in aucs.items()}
        rows.append([selection.label, macro, *[by_name.get(name) for name in names]])
    figure.update_layout(**base_layout(text.false_positive_rate, text.true_positive_rate))
    columns = [text.selection, text.macro_auc,
               *[text.class_auc % {"label": name} for name in names]]
    return chart(figure, columns, rows)


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


def _float(value: SupportsFloat | None) -> float | None:
    return None if value is None else float(value)
