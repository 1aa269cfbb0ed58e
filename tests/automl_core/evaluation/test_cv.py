import dataclasses
import time
import weakref

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.data.splits import make_folds
from automl_core.data.task import Task
from automl_core.evaluation.cv import PreparedData, evaluate
from automl_core.evaluation.metrics import get_metric, metrics_for
from automl_core.pipelines.preprocessing import Encoding
from automl_core.pipelines.registry import FAMILIES
from automl_core.search.space import Configuration

RNG = np.random.default_rng(0)
FEATURES = pd.DataFrame(RNG.normal(size=(1000, 8)), columns=[f"x{i}" for i in range(8)])
Y = (FEATURES["x0"] + RNG.normal(scale=0.5, size=1000) > 0).astype(int).to_numpy()
SLOW_FOREST = Configuration("random_forest", {
    "n_estimators": 500, "max_features": 1.0, "min_samples_leaf": 1, "bootstrap": True,
    "criterion": "gini", "class_weight": "none"})
KNN = Configuration("knn", {"n_neighbors": 15, "weights": "distance", "p": 2})


def _encoded_data() -> PreparedData:
    kinds = dict.fromkeys(FEATURES.columns, ColumnKind.NUMERIC)
    data = PreparedData(FEATURES, Y, kinds, make_folds(Y, Task.BINARY, 3, 0), Task.BINARY, 2)
    for fold in range(3):
        data.encoded(Encoding.TREES, fold)  # encoding is cached: keep it out of the timing
    return data


def test_a_trial_budget_stops_tree_growing_early_and_still_scores_every_fold():
    data, metric = _encoded_data(), get_metric(None, Task.BINARY)
    uncapped = evaluate(SLOW_FOREST, data, metric, seed=0)
    started = time.monotonic()
    capped = evaluate(SLOW_FOREST, data, metric, seed=0, trial_budget_s=uncapped.fit_time_s / 4)
    assert time.monotonic() - started < uncapped.fit_time_s / 2
    assert len(capped.fold_scores) == 3
    assert capped.score > 0.8


def test_a_boosting_evaluation_reports_rounds_for_the_refit_and_a_forest_none():
    data, metric = _encoded_data(), get_metric(None, Task.BINARY)
    lightgbm = Configuration("lightgbm", {
        "learning_rate": 0.1, "num_leaves": 7, "min_child_samples": 20, "colsample_bytree": 1.0,
        "subsample": 1.0, "reg_lambda": 1e-3, "reg_alpha": 1e-3, "class_weight": "none"})
    boosted = evaluate(lightgbm, data, metric, seed=0)
    assert boosted.refit_rounds is not None and 1 <= boosted.refit_rounds < 3000
    assert evaluate(SLOW_FOREST, data, metric, seed=0, trial_budget_s=0.5).refit_rounds is None


def test_an_evaluation_scores_every_metric_of_the_task_on_the_out_of_fold_predictions():
    data, metric = _encoded_data(), get_metric("accuracy", Task.BINARY)
    result = evaluate(KNN, data, metric, seed=0)
    rows = data.oof_rows
    assert set(result.metrics) == {m.name.value for m in metrics_for(Task.BINARY)}
    assert result.metrics["accuracy"] == result.score
    assert result.metrics["log_loss"] == get_metric("log_loss", Task.BINARY).score(
        Y[rows], result.oof[rows])


def test_an_evaluation_reports_prediction_time_per_thousand_rows_and_the_pipeline_size():
    data, metric = _encoded_data(), get_metric(None, Task.BINARY)
    small = evaluate(KNN, data, metric, seed=0)
    assert small.predict_time_per_1000_s == small.predict_time_s / len(data.oof_rows) * 1000
    # A nearest-neighbours model keeps its training rows: 8 float columns of ~667 rows.
    assert small.model_size_bytes > 8 * 8 * 600
    forest = evaluate(Configuration("random_forest", {**SLOW_FOREST.params, "n_estimators": 50}),
                      data, metric, seed=0)
    assert forest.model_size_bytes > small.model_size_bytes


def test_a_regression_evaluation_reports_the_regression_metrics():
    y = FEATURES["x0"].to_numpy() * 2 + RNG.normal(scale=0.1, size=1000)
    kinds = dict.fromkeys(FEATURES.columns, ColumnKind.NUMERIC)
    data = PreparedData(FEATURES, y, kinds, make_folds(y, Task.REGRESSION, 3, 0),
                        Task.REGRESSION, 0)
    result = evaluate(KNN, data,
                      get_metric(None, Task.REGRESSION), seed=0)
    assert set(result.metrics) == {"rmse", "mae", "r2"}
    assert result.metrics["rmse"] == result.score
    assert result.metrics["r2"] > 0.5


def test_only_one_fold_model_is_alive_at_a_time(monkeypatch):
    """The previous fold's model is released before the next is fitted (a forest can be large)."""
    knn = FAMILIES["knn"]
    alive: weakref.WeakSet = weakref.WeakSet()
    alive_at_fit: list[int] = []

    def fit(estimator, X, y, context):  # noqa: N803
        alive_at_fit.append(len(alive))
        model = knn.fit(estimator, X, y, context)
        alive.add(model)
        return model

    monkeypatch.setitem(FAMILIES, "knn", dataclasses.replace(knn, fit=fit))
    evaluate(KNN, _encoded_data(), get_metric(None, Task.BINARY), seed=0)
    assert alive_at_fit == [0, 0, 0]
