"""Comparing selections: parameters that differ, metric deltas, fold and prediction charts."""

import numpy as np
import plotly.graph_objects as go
import pytest

from automl_core.analysis.comparison import (
    Selection,
    fold_chart,
    fold_spreads,
    metric_rows,
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
