"""Comparing selections: parameters that differ, metric deltas, fold and prediction charts."""

import numpy as np
import plotly.graph_objects as go
import pytest

from automl_core.analysis.comparison import (
    MulticlassPredictions,
    Selection,
    fold_chart,
    fold_spreads,
    metric_rows,
    multiclass_roc_chart,
    parameter_rows,
    residual_chart,
    roc_chart,
)

A = Selection("trial 1", "lightgbm", {"num_leaves": 31, "learning_rate": 0.1},
              {"roc_auc": 0.90}, (0.89, 0.90, 0.91))
B = Selection("trial 2", "lightgbm", {"num_leaves": 63, "learning_rate": 0.1},
              {"roc_auc": 0.85, "log_loss": 0.4}, (0.84, 0.85, 0.86))
C = Selection("final model", "random_forest", {}, {"roc_auc": 0.92, "log_loss": 0.3})


def test_parameters_are_flagged_when_they_differ() -> None:
    rows = {row["name"]: row for row in parameter_rows([A, B, C])}
    assert rows["algorithm"]["differs"] is True
    assert rows["num_leaves"]["values"] == ["31", "63", None]
    assert rows["num_leaves"]["differs"] is True
    same = {row["name"]: row for row in parameter_rows([A, B])}
    assert same["learning_rate"]["differs"] is False
    assert same["algorithm"]["differs"] is False


def test_metric_deltas_are_measured_from_the_first_selection() -> None:
    rows = {row["name"]: row for row in metric_rows([A, B, C])}
    auc = rows["roc_auc"]
    assert auc["deltas"][0] == 0
    assert auc["deltas"][1] == pytest.approx(-0.05)
    assert auc["better"] == [False, False, True]
    # The first has no log loss: no delta can be given.
    assert rows["log_loss"]["deltas"] == [None, None, None]
    assert rows["log_loss"]["greater_is_better"] is False


def test_fold_spread_and_chart() -> None:
    spreads = fold_spreads([A, C])
    assert spreads[0] == pytest.approx(np.std([0.89, 0.90, 0.91]))
    assert spreads[1] is None
    payload = fold_chart([A, B])
    figure = go.Figure(payload["figure"])
    assert [trace.name for trace in figure.data] == ["trial 1", "trial 2"]
    assert figure.data[0].line.dash != figure.data[1].line.dash
    assert len(payload["table"]["rows"]) == 6


def test_roc_curves_overlay_and_skip_rows_without_predictions() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 300)
    good = np.where(y == 1, 0.7, 0.3) + rng.normal(0, 0.2, 300)
    poor = rng.uniform(size=300)
    poor[:10] = np.nan
    payload = roc_chart([("good", y, good), ("poor", y, poor)])
    figure = go.Figure(payload["figure"])
    assert len(figure.data) == 3  # chance line and two curves
    aucs = {row[0]: float(row[1]) for row in payload["table"]["rows"]}
    assert aucs["good"] > 0.8 > aucs["poor"]


def test_residuals_box_per_selection() -> None:
    y = np.arange(100, dtype=float)
    payload = residual_chart([("exact", y, y.copy()), ("offset", y, y - 2.0)])
    go.Figure(payload["figure"])
    medians = {row[0]: float(row[2]) for row in payload["table"]["rows"]}
    assert medians == {"exact": 0.0, "offset": 2.0}


def _three_classes(noise: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Class indices and probabilities that favour the true class more as ``noise`` shrinks."""
    rng = np.random.default_rng(seed)
    y = np.repeat([0, 1, 2], 100)
    logits = np.eye(3)[y] + rng.normal(scale=noise, size=(300, 3))
    proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y, proba


def test_multiclass_roc_overlays_one_macro_average_curve_per_selection() -> None:
    from sklearn.metrics import roc_auc_score

    y, sharp = _three_classes(0.3)
    _, blurred = _three_classes(1.5, seed=1)
    blurred[:10] = np.nan  # rows a holdout did not predict are left out
    payload = multiclass_roc_chart([
        MulticlassPredictions("trial 1", y, sharp, ["cat", "dog", "<b>bird</b>"]),
        MulticlassPredictions("trial 2", y, blurred, ["cat", "dog", "<b>bird</b>"]),
    ])
    figure = go.Figure(payload["figure"])
    curves = figure.data[1:]  # the first trace is the chance diagonal
    assert [trace.name.split(" (")[0] for trace in curves] == ["trial 1", "trial 2"]
    assert curves[0].line.color != curves[1].line.color
    assert curves[0].line.dash != curves[1].line.dash  # a second cue besides colour
    assert list(curves[0].y)[-1] == pytest.approx(1.0)
    table = payload["table"]
    assert table["columns"] == ["Selection", "Macro-average ROC AUC", "ROC AUC, cat vs rest",
                                "ROC AUC, dog vs rest", "ROC AUC, <b>bird</b> vs rest"]
    macro = roc_auc_score(y, sharp, multi_class="ovr", average="macro")
    assert float(table["rows"][0][1]) == pytest.approx(macro, abs=1e-3)
    assert float(table["rows"][0][1]) > float(table["rows"][1][1])


def test_multiclass_roc_gives_no_auc_to_a_class_that_never_occurs() -> None:
    y, proba = _three_classes(0.5)
    present = y != 2
    payload = multiclass_roc_chart([
        MulticlassPredictions("a", y[present], proba[present], ["x", "y", "z"])])
    row = payload["table"]["rows"][0]
    assert row[2] is not None and row[4] is None
