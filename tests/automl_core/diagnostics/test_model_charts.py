"""Charts that use a fitted model: contributions, importance, dependence, learning curve."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from automl_core import AutoML
from automl_core.data.target import prepare_target
from automl_core.diagnostics import (
    NoLightGBMMember,
    learning_curve,
    partial_dependence,
    permutation_importance,
    shap_importance,
    top_contributions,
)
from automl_core.diagnostics.contributions import feature_contributions, lightgbm_member
from automl_core.evaluation.metrics import get_metric
from automl_core.search.space import Configuration

from .helpers import assert_valid_payload

TASKS = ["binary", "multiclass", "regression"]


def _features(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.drop(columns="target")


@pytest.mark.parametrize("task", TASKS)
def test_top_contributions_rank_rows_by_absolute_shap(fitted, frames, task) -> None:  # noqa: ANN001
    rows = _features(frames[task]).iloc[10:30]
    result = top_contributions(fitted[task], rows, k=2)
    assert result.method == "lightgbm_shap"
    assert list(result.table.columns) == ["feature_1", "contribution_1", "feature_2",
                                          "contribution_2"]
    assert result.table.index.equals(rows.index)
    assert (result.table["contribution_1"].abs() >= result.table["contribution_2"].abs()).all()
    assert set(result.table["feature_1"]) <= {"signal", "group", "noise"}
    assert (result.table["feature_1"] != result.table["feature_2"]).all()


def test_shap_values_per_feature_add_up_to_the_raw_output(fitted, frames) -> None:  # noqa: ANN001
    model = fitted["regression"]
    member = lightgbm_member(model.model_)
    rows = _features(frames["regression"]).head(25)
    per_feature = feature_contributions(member, rows, model.feature_names)
    raw = member.estimator.predict(member.preprocessor.transform(rows), pred_contrib=True)
    assert np.allclose(per_feature[:, 0, :].sum(axis=1) + raw[:, -1],
                       member.estimator.predict(member.preprocessor.transform(rows)))


def test_without_lightgbm_the_contributions_fall_back(fitted_linear, frames) -> None:  # noqa: ANN001
    rows = _features(frames["binary"]).head(15)
    result = top_contributions(fitted_linear, rows, k=3)
    assert result.method == "missing_value_change"
    assert len(result.table) == 15
    assert result.table["feature_1"].isin(["signal", "group"]).mean() > 0.5
    with pytest.raises(NoLightGBMMember):
        shap_importance(fitted_linear, rows)


@pytest.mark.parametrize("task", TASKS)
def test_shap_importance_ranks_the_signal_above_noise(fitted, frames, task) -> None:  # noqa: ANN001
    chart = shap_importance(fitted[task], frames[task].head(200))
    assert_valid_payload(chart)
    ranked = [row[0] for row in chart["table"]["rows"]]
    assert ranked.index("signal") < ranked.index("noise")
    assert len(chart["table"]["rows"]) == 3


@pytest.mark.parametrize("task", TASKS)
def test_permutation_importance_ranks_the_signal_above_noise(fitted, frames, task) -> None:  # noqa: ANN001
    model = fitted[task]
    prepared = prepare_target(frames[task], "target", model.task, 3)
    chart = permutation_importance(model, prepared.features, prepared.y)
    assert_valid_payload(chart)
    rows = {row[0]: float(row[1]) for row in chart["table"]["rows"]}
    assert rows["signal"] > rows["noise"]
    assert rows["signal"] > 0


@pytest.mark.parametrize("task", TASKS)
@pytest.mark.parametrize("feature", ["signal", "group"])
def test_partial_dependence_is_valid(fitted, frames, task, feature) -> None:  # noqa: ANN001
    chart = partial_dependence(fitted[task], _features(frames[task]), feature)
    assert_valid_payload(chart)
    assert len(chart["table"]["rows"]) == len(chart["figure"]["data"][0]["x"])


def test_partial_dependence_follows_a_rising_signal(fitted, frames) -> None:  # noqa: ANN001
    chart = partial_dependence(fitted["regression"], _features(frames["regression"]), "signal")
    means = chart["figure"]["data"][0]["y"]
    assert means[-1] > means[0]


def test_learning_curve_scores_growing_training_sets(fitted, frames) -> None:  # noqa: ANN001
    model: AutoML = fitted["binary"]
    prepared = prepare_target(frames["binary"], "target", model.task, 3)
    best = model.best_trial
    chart = learning_curve(prepared.features, prepared.y, model.kinds_, model.task, 2,
                           Configuration(best.algorithm, best.params),
                           get_metric(model.metric, model.task))
    assert_valid_payload(chart)
    sizes = chart["figure"]["data"][0]["x"]
    assert len(sizes) >= 3 and sizes == sorted(sizes)
    assert len(chart["table"]["rows"]) == len(sizes)
