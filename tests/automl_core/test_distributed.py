"""A search spread over processes: every step rebuilt from stored trials (no Django needed)."""

import time

import numpy as np
import pandas as pd
import pytest

from automl_core import AutoML, TrialState
from automl_core.distributed import (
    build_model,
    cheapest_duration_s,
    evaluate_configuration,
    prepare_problem,
    rebuild_searcher,
    refit_reserve_s,
)
from automl_core.exceptions import SearchFailed


@pytest.fixture(scope="module")
def frame():
    """A seeded binary table whose target depends on two of its columns."""
    rng = np.random.default_rng(3)
    x1, x2 = rng.normal(size=300), rng.normal(size=300)
    colour = rng.choice(["red", "green", "blue"], 300)
    y = np.where(x1 + 0.5 * x2 + (colour == "red") > 0.3, "yes", "no")
    return pd.DataFrame({"x1": x1, "x2": x2, "colour": colour, "y": y})


@pytest.fixture(scope="module")
def problem(frame):
    return prepare_problem(frame, "y", seed=1, n_folds=3, algorithms=["lightgbm", "linear"])


def _run(problem, searcher, number):
    (config,) = searcher.ask()
    return evaluate_configuration(problem, number, config, time.monotonic() + 60)


def test_two_workers_preparing_the_same_table_get_the_same_folds(frame, problem):
    again = prepare_problem(frame, "y", seed=1, n_folds=3, algorithms=["lightgbm", "linear"])
    for (train_a, valid_a), (train_b, valid_b) in zip(problem.data.folds, again.data.folds,
                                                      strict=True):
        assert np.array_equal(train_a, train_b) and np.array_equal(valid_a, valid_b)
    assert again.classes == ["no", "yes"] and again.metric.name == problem.metric.name


def test_a_rebuilt_searcher_never_proposes_a_pending_or_tried_configuration(problem):
    first = rebuild_searcher(problem, history=[], pending=[])
    running = first.ask(2)
    done = _run(problem, rebuild_searcher(problem, [], []), 0).record

    later = rebuild_searcher(problem, history=[done], pending=running[1:])
    proposals = later.ask(4)

    assert done.config == running[0]
    assert not set(proposals) & set(running)
    assert len(set(proposals)) == 4


def test_one_configuration_gives_a_record_and_out_of_fold_predictions(problem):
    outcome = _run(problem, rebuild_searcher(problem, [], []), 7)

    assert outcome.record.number == 7 and outcome.record.state is TrialState.COMPLETE
    assert outcome.oof.shape == (300, 2)
    assert np.allclose(outcome.oof.sum(axis=1), 1.0)


def test_a_trial_whose_deadline_has_passed_is_skipped_with_no_predictions(problem):
    (config,) = rebuild_searcher(problem, [], []).ask()
    outcome = evaluate_configuration(problem, 0, config, deadline=time.monotonic() - 1)
    assert outcome.record.state is TrialState.PRUNED and outcome.oof is None


def test_the_final_model_is_built_from_stored_predictions_and_saves(problem, frame, tmp_path):
    outcomes = []
    for number in range(3):
        history = [o.record for o in outcomes]
        searcher = rebuild_searcher(problem, history, [])
        outcomes.append(_run(problem, searcher, number))
    records = [o.record for o in outcomes]
    predictions = {o.record.number: o.oof for o in outcomes if o.oof is not None}

    automl = build_model(problem, records, predictions, deadline=time.monotonic() + 60)

    best = max((r for r in records if r.score is not None), key=lambda r: r.score)
    assert automl.best_trial == best
    assert automl.metrics_["roc_auc"] >= best.score - 1e-9  # never worse than its best member
    assert refit_reserve_s(problem, records) > 0
    automl.save(tmp_path / "model.skops")
    loaded = AutoML.load(tmp_path / "model.skops")
    assert list(loaded.predict_proba(frame.drop(columns="y")).columns) == ["no", "yes"]


def test_a_search_with_no_completed_trial_cannot_build_a_model(problem):
    with pytest.raises(SearchFailed):
        build_model(problem, [], {}, deadline=time.monotonic() + 10)


def test_a_family_slower_than_the_time_left_is_pruned_without_running(problem):
    (config,) = rebuild_searcher(problem, [], []).ask()
    outcome = evaluate_configuration(problem, 0, config, deadline=time.monotonic() + 5,
                                     expected_s=10)
    assert outcome.record.state is TrialState.PRUNED and outcome.record.fit_time_s == 0


def test_the_search_is_over_when_not_even_the_cheapest_family_fits(problem):
    searcher = rebuild_searcher(problem, [], [])
    records = []
    for number in range(4):  # the portfolio starts with both families
        records.append(_run(problem, searcher, number).record)
        searcher.tell(records[-1])
    assert {r.algorithm for r in records} == {"lightgbm", "linear"}
    fastest = min(r.fit_time_s + r.predict_time_s for r in records)
    assert 0 < cheapest_duration_s(problem, records) <= max(
        r.fit_time_s + r.predict_time_s for r in records)
    assert cheapest_duration_s(problem, records) >= fastest
