"""Classification diagnostics from out-of-fold probabilities.

Curves are one-vs-rest: for binary problems only the positive class (the second label) is
drawn; for multiclass problems each class against all others, up to ``MAX_CLASSES`` classes
(the most frequent ones). Long curves are thinned to at most ``MAX_POINTS`` points.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn import metrics as skm

from automl_core.diagnostics.oof import OutOfFold
from automl_core.diagnostics.payload import (
    FIXED_NAME,
    SEQUENTIAL,
    Payload,
    floats,
    layout,
    literal,
    number,
    payload,
    reference_line,
    style,
)

MAX_CLASSES = 6
MAX_POINTS = 100
CALIBRATION_BINS = 10
THRESHOLDS = tuple(round(t / 100, 2) for t in range(1, 100))


def _need_classification(oof: OutOfFold) -> None:
    if not oof.task.is_classification:
        raise ValueError("this chart needs a classification model")


def _shown_classes(oof: OutOfFold) -> list[int]:
    """Class indices drawn one-vs-rest: the positive class, or the most frequent classes."""
    if len(oof.classes) == 2:
        return [1]
    counts = np.bincount(oof.y.astype(int), minlength=len(oof.classes))
    return sorted(np.argsort(-counts, kind="stable")[:MAX_CLASSES].tolist())


def _thin(*arrays: np.ndarray) -> list[np.ndarray]:
    """Keep at most MAX_POINTS evenly spaced points (always the first and the last)."""
    n = len(arrays[0])
    if n <= MAX_POINTS:
        return list(arrays)
    keep = np.unique(np.linspace(0, n - 1, MAX_POINTS).round().astype(int))
    return [a[keep] for a in arrays]


def confusion_matrix(oof: OutOfFold, normalize: bool = False) -> Payload:
    """Actual classes (rows) against predicted classes (the most likely class), as a heatmap.

    ``normalize`` divides each row by its total: the share of each actual class predicted as
    each class (the diagonal is each class's recall). Cell values are printed on the cells, so
    the chart does not rely on colour alone.
    """
    _need_classification(oof)
    n = len(oof.classes)
    counts = skm.confusion_matrix(oof.y.astype(int), np.argmax(oof.predictions, axis=1),
                                  labels=np.arange(n))
    if normalize:
        totals = counts.sum(axis=1, keepdims=True)
        values = np.divide(counts, totals, out=np.zeros(counts.shape), where=totals > 0)
        text = [[f"{v:.0%}" for v in row] for row in values]
    else:
        values = counts.astype(float)
        text = [[str(int(v)) for v in row] for row in counts]
    labels = [literal(c) for c in oof.classes]
    trace = {"type": "heatmap", "z": values.tolist(), "x": labels, "y": labels, "text": text,
             "texttemplate": "%{text}", "colorscale": SEQUENTIAL, "showscale": False,
             "hovertemplate": "actual %{y}, predicted %{x}: %{text}<extra></extra>"}
    chart_layout = layout("predicted class", "actual class",
                          xaxis={"type": "category", "side": "bottom"},
                          yaxis={"type": "category", "autorange": "reversed"})
    columns = ["actual \\ predicted", *oof.classes]
    rows = [[oof.classes[i], *cells] for i, cells in enumerate(text)]
    return payload([trace], chart_layout, columns, rows)


def roc_curves(oof: OutOfFold) -> Payload:
    """ROC curves (true positive rate against false positive rate), one-vs-rest per class."""
    _need_classification(oof)
    traces: list[dict[str, Any]] = []
    rows: list[list[str | None]] = []
    for series, index in enumerate(_shown_classes(oof)):
        truth = oof.y.astype(int) == index
        if truth.all() or not truth.any():
            continue
        fpr, tpr, thresholds = skm.roc_curve(truth, oof.predictions[:, index])
        auc = skm.roc_auc_score(truth, oof.predictions[:, index])
        fpr, tpr, thresholds = _thin(fpr, tpr, np.minimum(thresholds, 1.0))
        name = f"{literal(oof.classes[index])} (AUC {auc:.3f})"
        traces.append({"type": "scatter", "mode": "lines+markers", "name": name,
                       "x": floats(fpr), "y": floats(tpr), **style(series)})
        rows += [[oof.classes[index], number(t), number(x), number(y)]
                 for t, x, y in zip(thresholds, fpr, tpr, strict=True)]
    traces.append(reference_line([0, 1], [0, 1], "chance"))
    chart_layout = layout("false positive rate", "true positive rate",
                          xaxis={"range": [0, 1]}, yaxis={"range": [0, 1.02]})
    return payload(traces, chart_layout,
                   ["class", "threshold", "false positive rate", "true positive rate"], rows)


def precision_recall_curves(oof: OutOfFold) -> Payload:
    """Precision against recall, one-vs-rest per class; the baseline is the class's share."""
    _need_classification(oof)
    traces: list[dict[str, Any]] = []
    rows: list[list[str | None]] = []
    for series, index in enumerate(_shown_classes(oof)):
        truth = oof.y.astype(int) == index
        if not truth.any():
            continue
        precision, recall, thresholds = skm.precision_recall_curve(
            truth, oof.predictions[:, index])
        average = skm.average_precision_score(truth, oof.predictions[:, index])
        # The curve's last point (recall 0, precision 1) has no threshold.
        precision, recall, thresholds = _thin(precision[:-1], recall[:-1], thresholds)
        name = f"{literal(oof.classes[index])} (AP {average:.3f})"
        traces.append({"type": "scatter", "mode": "lines+markers", "name": name,
                       "x": floats(recall), "y": floats(precision), **style(series)})
        rows += [[oof.classes[index], number(t), number(r), number(p)]
                 for t, r, p in zip(thresholds, recall, precision, strict=True)]
        if len(oof.classes) == 2:
            share = float(truth.mean())
            traces.append(reference_line([0, 1], [share, share], "share of positives"))
    chart_layout = layout("recall", "precision", xaxis={"range": [0, 1]},
                          yaxis={"range": [0, 1.02]})
    return payload(traces, chart_layout, ["class", "threshold", "recall", "precision"], rows)


def calibration(oof: OutOfFold) -> Payload:
    """Reliability diagram: mean predicted probability against the observed share, per bin.

    Rows are grouped into ``CALIBRATION_BINS`` equal-width bins of the predicted probability;
    empty bins are left out. A well calibrated model lies on the diagonal.
    """
    _need_classification(oof)
    edges = np.linspace(0.0, 1.0, CALIBRATION_BINS + 1)
    traces: list[dict[str, Any]] = []
    rows: list[list[str | None]] = []
    for series, index in enumerate(_shown_classes(oof)):
        proba = np.clip(oof.predictions[:, index], 0.0, 1.0)
        truth = (oof.y.astype(int) == index).astype(float)
        bins = np.clip(np.digitize(proba, edges[1:-1]), 0, CALIBRATION_BINS - 1)
        predicted, observed, counts = [], [], []
        for b in range(CALIBRATION_BINS):
            members = bins == b
            if members.any():
                predicted.append(float(proba[members].mean()))
                observed.append(float(truth[members].mean()))
                counts.append(int(members.sum()))
        traces.append({"type": "scatter", "mode": "lines+markers",
                       "name": literal(oof.classes[index]), "x": predicted, "y": observed,
                       "customdata": counts,
                       "hovertemplate": "predicted %{x:.2f}, observed %{y:.2f} "
                                        "(%{customdata} rows)<extra></extra>",
                       **style(series)})
        rows += [[oof.classes[index], number(p), number(o), str(c)]
                 for p, o, c in zip(predicted, observed, counts, strict=True)]
    traces.append(reference_line([0, 1], [0, 1], "perfect calibration"))
    chart_layout = layout("mean predicted probability", "observed share",
                          xaxis={"range": [0, 1]}, yaxis={"range": [0, 1.02]})
    return payload(traces, chart_layout,
                   ["class", "mean predicted probability", "observed share", "rows"], rows)


def threshold_table(oof: OutOfFold) -> Payload:
    """Binary only: precision, recall, F1, accuracy and predicted-positive share per threshold.

    A row is predicted positive (the second class) when its probability is at least the
    threshold; thresholds run from 0.01 to 0.99. Where no row is predicted positive, precision
    is 1 (as at the end of scikit-learn's precision-recall curve). The GUI's threshold picker
    reads the table.
    """
    _need_classification(oof)
    if len(oof.classes) != 2:
        raise ValueError("the threshold table needs a binary model")
    proba = oof.predictions[:, 1]
    truth = oof.y.astype(int) == 1
    stats: dict[str, list[float]] = {k: [] for k in
                                     ("precision", "recall", "f1", "accuracy", "share")}
    for threshold in THRESHOLDS:
        predicted = proba >= threshold
        true_pos = float(np.sum(predicted & truth))
        precision = true_pos / predicted.sum() if predicted.any() else 1.0
        recall = true_pos / truth.sum() if truth.any() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        stats["precision"].append(precision)
        stats["recall"].append(recall)
        stats["f1"].append(f1)
        stats["accuracy"].append(float(np.mean(predicted == truth)))
        stats["share"].append(float(predicted.mean()))
    names = {"precision": "precision", "recall": "recall", "f1": "F1",
             "accuracy": "accuracy", "share": "predicted positive share"}
    traces = [{"type": "scatter", "mode": "lines", "name": names[key], "meta": FIXED_NAME,
               "x": list(THRESHOLDS),
               "y": floats(values), **style(series)}
              for series, (key, values) in enumerate(stats.items())]
    chart_layout = layout(f"threshold (probability of {literal(oof.classes[1])})", "value",
                          xaxis={"range": [0, 1]}, yaxis={"range": [0, 1.02]},
                          hovermode="x unified")
    columns = ["threshold", *names.values()]
    rows = [[number(t), *(number(stats[k][i]) for k in stats)]
            for i, t in enumerate(THRESHOLDS)]
    return payload(traces, chart_layout, columns, rows)
