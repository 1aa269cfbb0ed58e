import math

import numpy as np
import pytest

from automl_core.data.task import Task
from automl_core.evaluation.metrics import METRICS, MetricName, get_metric, metrics_for, score_all
from automl_core.exceptions import ConfigError

PROBA = np.array([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4], [0.3, 0.7]])
Y = np.array([0, 1, 1, 1])


def test_roc_auc_of_a_known_example():
    # Positives score 0.8, 0.4, 0.7 against one negative at 0.1: every pair is ranked right.
    assert METRICS[MetricName.ROC_AUC].score(Y, PROBA) == 1.0


def test_log_loss_of_a_known_example():
    expected = -np.mean(np.log([0.9, 0.8, 0.4, 0.7]))
    assert METRICS[MetricName.LOG_LOSS].score(Y, PROBA) == pytest.approx(expected)


def test_accuracy_balanced_accuracy_and_f1_of_a_known_example():
    assert METRICS[MetricName.ACCURACY].score(Y, PROBA) == 0.75
    assert METRICS[MetricName.BALANCED_ACCURACY].score(Y, PROBA) == pytest.approx((1 + 2 / 3) / 2)
    assert METRICS[MetricName.F1].score(Y, PROBA) == pytest.approx(0.8)


def test_regression_metrics_of_a_known_example():
    y, pred = np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 5.0])
    assert METRICS[MetricName.RMSE].score(y, pred) == pytest.approx(math.sqrt(4 / 3))
    assert METRICS[MetricName.MAE].score(y, pred) == pytest.approx(2 / 3)
    assert METRICS[MetricName.R2].score(y, pred) == pytest.approx(1 - 4 / 2)


def test_directions_and_losses():
    assert METRICS[MetricName.ROC_AUC].loss(0.9) == -0.9
    assert METRICS[MetricName.RMSE].loss(2.0) == 2.0


def test_defaults_per_task():
    assert get_metric(None, Task.BINARY).name is MetricName.ROC_AUC
    assert get_metric(None, Task.MULTICLASS).name is MetricName.LOG_LOSS
    assert get_metric(None, Task.REGRESSION).name is MetricName.RMSE


def test_a_metric_of_the_wrong_task_is_rejected():
    with pytest.raises(ConfigError, match="rmse"):
        get_metric("rmse", Task.BINARY)


def test_score_all_gives_every_metric_of_the_task_and_only_those():
    scores = score_all(Task.BINARY, Y, PROBA)
    assert set(scores) == {m.name.value for m in metrics_for(Task.BINARY)}
    assert scores["roc_auc"] == 1.0 and scores["accuracy"] == 0.75
    assert set(score_all(Task.REGRESSION, np.array([1.0, 2.0, 4.0]),
                         np.array([1.0, 2.5, 3.0]))) == {"rmse", "mae", "r2"}


def test_score_all_leaves_out_a_metric_that_is_undefined_on_the_rows():
    one_class = np.array([1, 1, 1, 1])
    scores = score_all(Task.BINARY, one_class, PROBA)
    assert "roc_auc" not in scores
    assert scores["accuracy"] == 0.5  # predicted 0, 1, 0, 1 for four 1s
