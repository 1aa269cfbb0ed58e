"""Charts built from out-of-fold predictions: valid plotly JSON and the right numbers."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn import metrics as skm

from automl_core.data.task import Task
from automl_core.diagnostics import (
    OutOfFold,
    calibration,
    confusion_matrix,
    ensemble_oof,
    metric_values,
    metrics_chart,
    oof_rows,
    precision_recall_curves,
    predicted_vs_actual,
    residual_histogram,
    residuals_vs_predicted,
    roc_curves,
    threshold_table,
)
from automl_core.evaluation.metrics import METRICS

from .helpers import assert_valid_payload


def _binary(n: int = 400) -> OutOfFold:
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=n)
    p1 = np.clip(0.3 * y + rng.uniform(0, 0.7, size=n), 0, 1)
    return OutOfFold(Task.BINARY, y, np.column_stack([1 - p1, p1]), ("no", "yes"))


def _multiclass(n: int = 300) -> OutOfFold:
    rng = np.random.default_rng(2)
    y = rng.integers(0, 3, size=n)
    raw = rng.uniform(size=(n, 3)) + np.eye(3)[y]
    return OutOfFold(Task.MULTICLASS, y, raw / raw.sum(axis=1, keepdims=True),
                     ("a", "<b>", "c"))


def _regression(n: int = 1500) -> OutOfFold:
    rng = np.random.default_rng(3)
    y = rng.normal(size=n) * 10
    return OutOfFold(Task.REGRESSION, y, y + rng.normal(size=n))


CLASSIFICATION_CHARTS = [confusion_matrix, roc_curves, precision_recall_curves, calibration,
                         metrics_chart]
REGRESSION_CHARTS = [predicted_vs_actual, residuals_vs_predicted, residual_histogram,
                     metrics_chart]


@pytest.mark.parametrize("chart", CLASSIFICATION_CHARTS + [threshold_table])
def test_binary_charts_are_valid(chart) -> None:  # noqa: ANN001
    assert_valid_payload(chart(_binary()))


@pytest.mark.parametrize("chart", CLASSIFICATION_CHARTS)
def test_multiclass_charts_are_valid(chart) -> None:  # noqa: ANN001
    assert_valid_payload(chart(_multiclass()))


@pytest.mark.parametrize("chart", REGRESSION_CHARTS)
def test_regression_charts_are_valid(chart) -> None:  # noqa: ANN001
    assert_valid_payload(chart(_regression()))


def test_confusion_matrix_counts_every_row_and_normalizes_rows() -> None:
    oof = _multiclass()
    counts = confusion_matrix(oof)["figure"]["data"][0]["z"]
    assert np.sum(counts) == len(oof.y)
    expected = skm.confusion_matrix(oof.y, oof.predictions.argmax(axis=1))
    assert np.array_equal(np.asarray(counts), expected)
    shares = np.asarray(confusion_matrix(oof, normalize=True)["figure"]["data"][0]["z"])
    assert np.allclose(shares.sum(axis=1), 1.0)


def test_class_labels_are_escaped_in_the_figure_but_not_in_the_table() -> None:
    chart = confusion_matrix(_multiclass())
    assert "&lt;b&gt;" in chart["figure"]["data"][0]["x"]
    assert chart["table"]["rows"][1][0] == "<b>"


def test_threshold_table_matches_scikit_learn_at_every_threshold() -> None:
    oof = _binary()
    table = threshold_table(oof)["table"]
    assert len(table["rows"]) == 99
    assert table["columns"][:4] == ["threshold", "precision", "recall", "F1"]
    for row in table["rows"][::10]:
        threshold = float(row[0])
        predicted = (oof.predictions[:, 1] >= threshold).astype(int)
        assert float(row[2]) == pytest.approx(skm.recall_score(oof.y, predicted), abs=1e-4)
        assert float(row[3]) == pytest.approx(skm.f1_score(oof.y, predicted), abs=1e-4)
        assert float(row[5]) == pytest.approx(predicted.mean(), abs=1e-4)


def test_threshold_table_refuses_multiclass() -> None:
    with pytest.raises(ValueError, match="binary"):
        threshold_table(_multiclass())


def test_roc_curve_has_one_series_per_class_one_vs_rest() -> None:
    curves = [t for t in roc_curves(_multiclass())["figure"]["data"] if "AUC" in t["name"]]
    assert len(curves) == 3
    styles = {(t["line"]["color"], t["line"]["dash"], t["marker"]["symbol"]) for t in curves}
    assert len(styles) == 3  # colour and a second cue differ per class


def test_metrics_cover_every_metric_of_the_task() -> None:
    oof = _binary()
    values = metric_values(oof)
    assert set(values) == {n.value for n, m in METRICS.items() if Task.BINARY in m.tasks}
    assert values["roc_auc"] == pytest.approx(skm.roc_auc_score(oof.y, oof.predictions[:, 1]))
    assert len(metrics_chart(oof)["table"]["rows"]) == len(values)


def test_regression_scatter_is_thinned_but_histogram_counts_all_rows() -> None:
    oof = _regression()
    assert len(predicted_vs_actual(oof)["table"]["rows"]) == 1000
    counts = residual_histogram(oof)["figure"]["data"][0]["y"]
    assert sum(counts) == len(oof.y)


def test_ensemble_oof_applies_the_weights_on_the_predicted_rows() -> None:
    first = np.array([0.0, 1.0, np.nan, 3.0])
    second = np.array([2.0, 3.0, np.nan, 5.0])
    rows = oof_rows(first)
    assert rows.tolist() == [0, 1, 3]
    blend = ensemble_oof({4: first, 9: second}, {4: 1, 9: 3}, rows)
    assert blend.tolist() == [1.5, 2.5, 4.5]
    with pytest.raises(KeyError):
        ensemble_oof({4: first}, {4: 1, 9: 3}, rows)


def test_wrong_task_is_refused() -> None:
    with pytest.raises(ValueError):
        roc_curves(_regression())
    with pytest.raises(ValueError):
        predicted_vs_actual(_binary())
