"""Diagnostics charts: valid plotly figures, tables with the same numbers, colour-blind cues."""

import plotly.graph_objects as go
import pytest

from automl_core.analysis import diagnostics, palette
from automl_core.analysis.diagnostics import best_so_far
from automl_core.analysis.importance import (
    hyperparameter_importance,
    importance_available,
    importance_chart,
)
from automl_core.exceptions import ConfigError
from tests.automl_core.analysis.histories import make_trials


@pytest.fixture
def history() -> list:
    """60 finished trials and one failed one."""
    return make_trials(60)


def assert_valid_chart(payload: dict) -> go.Figure:
    figure = go.Figure(payload["figure"])
    table = payload["table"]
    assert all(len(row) == len(table["columns"]) for row in table["rows"])
    assert all(cell is None or isinstance(cell, str) for row in table["rows"] for cell in row)
    return figure


def test_best_so_far_follows_the_metric_direction() -> None:
    assert best_so_far([0.5, 0.7, 0.6, 0.8], True) == [0.5, 0.7, 0.7, 0.8]
    assert best_so_far([3.0, 2.0, 2.5, 1.0], False) == [3.0, 2.0, 2.0, 1.0]


def test_history_draws_each_algorithm_and_the_best_so_far(history: list) -> None:
    payload = diagnostics.optimization_history(history, greater_is_better=True)
    figure = assert_valid_chart(payload)
    names = [trace.name for trace in figure.data]
    assert names == ["lightgbm", "random_forest", "Best so far"]
    # Two series never share both colour and marker symbol.
    assert figure.data[0].marker.symbol != figure.data[1].marker.symbol
    assert figure.data[0].marker.color in palette.OKABE_ITO
    assert len(payload["table"]["rows"]) == 60  # the failed trial has no score
    best = max(t.score for t in history if t.score is not None)
    assert float(payload["table"]["rows"][-1][3]) == pytest.approx(best, rel=1e-3)


def test_long_histories_are_thinned_but_keep_every_improvement() -> None:
    trials = make_trials(diagnostics.MAX_HISTORY_POINTS + 500)
    payload = diagnostics.optimization_history(trials, greater_is_better=True)
    rows = payload["table"]["rows"]
    assert len(rows) < diagnostics.MAX_HISTORY_POINTS + 500
    improvements = sorted({row[3] for row in rows})
    assert len(improvements) == len({row[3] for row in rows if row[2] == row[3]})


def test_parallel_coordinates_has_an_axis_per_varying_parameter(history: list) -> None:
    payload = diagnostics.parallel_coordinates(history, "lightgbm")
    figure = assert_valid_chart(payload)
    labels = [dim.label for dim in figure.data[0].dimensions]
    assert labels == ["boosting", "learning_rate", "num_leaves", "Score"]
    boosting = figure.data[0].dimensions[0]
    assert list(boosting.ticktext) == ["dart", "gbdt"]


def test_slice_plot_shows_score_against_one_parameter(history: list) -> None:
    payload = diagnostics.slice_plot(history, "lightgbm", "learning_rate")
    figure = assert_valid_chart(payload)
    assert payload["table"]["columns"] == ["Trial", "learning_rate", "Score"]
    assert len(figure.data[0].x) == 40
    categorical = diagnostics.slice_plot(history, "lightgbm", "boosting")
    assert assert_valid_chart(categorical).layout.xaxis.type == "category"


def test_summary_counts_trials_per_algorithm(history: list) -> None:
    payload = diagnostics.algorithm_summary(history, greater_is_better=True)
    assert_valid_chart(payload)
    rows = {row[0]: row for row in payload["table"]["rows"]}
    assert rows["lightgbm"][1:3] == ["41", "40"]  # the failed trial counts as tried
    assert rows["random_forest"][1:3] == ["20", "20"]
    assert rows["random_forest"][5] == "2"


def test_importance_finds_the_parameter_that_drives_the_score(history: list) -> None:
    found = hyperparameter_importance(history, "lightgbm")
    assert found[0].name == "learning_rate"
    assert sum(item.share for item in found) == pytest.approx(1.0)
    assert_valid_chart(importance_chart(found))


def test_importance_needs_enough_trials() -> None:
    few = make_trials(9)
    assert not importance_available(few, "lightgbm")
    with pytest.raises(ConfigError) as raised:
        hyperparameter_importance(few, "lightgbm")
    assert raised.value.code == "not_enough_trials"
