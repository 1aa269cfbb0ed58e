import time

import numpy as np
import pandas as pd
import pytest

from automl_core import AutoML, TrialState
from automl_core.data.reading import read_csv
from automl_core.exceptions import PredictionInputError, SearchCancelled, TargetError
from automl_core.pipelines.registry import FAMILIES


@pytest.fixture(scope="module")
def reference(shared_dir):
    return read_csv(shared_dir / "bad-inputs" / "train_reference.csv").frame


@pytest.fixture(scope="module")
def fitted(reference):
    return AutoML(time_budget_s=4, seed=0, n_jobs=1, n_folds=3).fit(reference, "churn")


def test_it_fits_a_binary_model_with_probabilities_per_class(fitted, reference):
    proba = fitted.predict_proba(reference)
    assert list(proba.columns) == [str(c) for c in fitted.classes_]
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert set(fitted.predict(reference)) <= set(fitted.classes_)
    assert fitted.best_trial.state is TrialState.COMPLETE
    assert fitted.metrics_["roc_auc"] >= fitted.best_trial.score - 1e-9


def test_the_leaderboard_has_one_row_per_trial_best_first(fitted):
    board = fitted.leaderboard()
    assert len(board) == len(fitted.store.all())
    assert board.iloc[0]["number"] == fitted.best_trial.number


def test_save_and_load_give_identical_predictions(fitted, reference, tmp_path):
    path = tmp_path / "model.skops"
    fitted.save(path)
    loaded = AutoML.load(path)
    pd.testing.assert_frame_equal(loaded.predict_proba(reference), fitted.predict_proba(reference))


@pytest.mark.parametrize("algorithm", list(FAMILIES))
def test_every_family_saves_and_loads_with_the_trusted_types(algorithm, reference, tmp_path):
    automl = AutoML(time_budget_s=3, seed=0, n_jobs=1, n_folds=3, algorithms=[algorithm])
    automl.fit(reference, "churn").save(tmp_path / "model.skops")
    loaded = AutoML.load(tmp_path / "model.skops")
    pd.testing.assert_frame_equal(loaded.predict_proba(reference), automl.predict_proba(reference))


def test_a_missing_column_is_named(fitted, shared_dir):
    frame = read_csv(shared_dir / "bad-inputs" / "predict_missing_extra_reordered.csv").frame
    with pytest.raises(PredictionInputError) as error:
        fitted.predict(frame)
    assert error.value.code == "missing_columns"
    assert "income" in error.value.message


def test_reordered_and_extra_columns_are_accepted(fitted, reference):
    shuffled = reference[list(reversed(reference.columns))].assign(extra=1)
    assert np.array_equal(fitted.predict(shuffled), fitted.predict(reference))


def test_unseen_categories_warn_and_still_predict(fitted, shared_dir):
    frame = read_csv(shared_dir / "bad-inputs" / "predict_unseen_categories.csv").frame
    warnings = fitted.check_prediction_frame(frame)
    assert any("unseen" in w.message for w in warnings)
    assert len(fitted.predict(frame)) == 59


def test_a_ten_second_budget_returns_within_twenty_seconds(shared_dir):
    frame = read_csv(shared_dir / "datasets" / "wine_quality_white.csv").frame.head(1500)
    started = time.monotonic()
    automl = AutoML(time_budget_s=10, seed=0, n_jobs=1).fit(frame, "quality")
    assert time.monotonic() - started < 20
    assert automl.task.value == "multiclass"


def test_a_regression_target_predicts_values(shared_dir):
    frame = read_csv(shared_dir / "datasets" / "taxis.csv").frame.head(600)
    automl = AutoML(time_budget_s=3, seed=0, n_jobs=1, n_folds=3).fit(frame, "fare")
    assert automl.task.value == "regression"
    assert np.isfinite(automl.predict(frame)).all()
    assert automl.predict(frame.head(0)).shape == (0,)


def test_zero_rows_in_give_zero_rows_out(fitted, reference):
    proba = fitted.predict_proba(reference.head(0))
    assert proba.shape == (0, len(fitted.classes_))
    assert list(proba.columns) == [str(c) for c in fitted.classes_]
    assert len(fitted.predict(reference.head(0))) == 0


class StopAfter:
    def __init__(self, trials):
        self.trials, self.started, self.ended = trials, [], []

    def on_trial_start(self, number, algorithm, params):
        self.started.append(number)

    def on_trial_end(self, record):
        self.ended.append(record)
        if len(self.ended) >= self.trials:
            raise SearchCancelled


def test_a_callback_can_cancel_and_fit_keeps_the_best_so_far(reference):
    stopper = StopAfter(2)
    automl = AutoML(time_budget_s=60, seed=0, n_folds=3, callbacks=[stopper])
    started = time.monotonic()
    automl.fit(reference, "churn")
    assert time.monotonic() - started < 30
    assert automl.cancelled
    assert len(automl.store.all()) == 2
    assert stopper.started == [0, 1]


def test_an_unlearnable_target_raises_a_target_error(reference):
    with pytest.raises(TargetError):
        AutoML(time_budget_s=2).fit(reference.assign(churn="no"), "churn")


def test_the_refit_boosts_every_row_for_the_rounds_found_in_cross_validation(shared_dir):
    frame = read_csv(shared_dir / "datasets" / "credit_g.csv").frame
    # Three trials, then a refit far from the deadline, so nothing but the rounds can stop it.
    automl = AutoML(time_budget_s=120, seed=0, n_jobs=1, n_folds=3, algorithms=["lightgbm"],
                    callbacks=[StopAfter(3)])
    automl.fit(frame, "class")
    best = automl.best_trial
    member = automl.model_.members[0]
    assert best.refit_rounds is not None
    assert member.estimator.n_estimators == best.refit_rounds
    assert member.estimator.booster_.num_trees() == best.refit_rounds  # not early-stopped


FORESTS_AND_LINEAR = [
    {"algorithm": "random_forest", "params": {"n_estimators": 100, "max_features": 0.5,
                                              "min_samples_leaf": 1, "bootstrap": True,
                                              "criterion": "gini", "class_weight": "none"}},
    {"algorithm": "extra_trees", "params": {"n_estimators": 100, "max_features": 0.5,
                                            "min_samples_leaf": 2, "bootstrap": False,
                                            "criterion": "gini", "class_weight": "none"}},
    {"algorithm": "linear", "params": {"C": 0.5, "class_weight": "balanced"}},
]


@pytest.mark.parametrize(("cap", "forests_kept"), [(None, 2), (1, 1)])
def test_the_final_ensemble_keeps_its_forests_within_a_memory_cap(reference, monkeypatch, cap,
                                                                  forests_kept):
    import automl_core.facade as facade
    from automl_core.ensemble.selection import EnsembleSelection

    # Every trial joins the ensemble and stays in it however the blend scores, so that only
    # the memory cap can leave a member out.
    monkeypatch.setattr(facade, "select_ensemble", lambda predictions, y, metric:
                        EnsembleSelection(dict.fromkeys(predictions, 1), 0.0))
    monkeypatch.setattr(facade, "blend_or_first", lambda weights, *_: dict(weights))
    if cap is not None:
        monkeypatch.setattr(facade, "ENSEMBLE_MODEL_BYTES", cap)
    automl = AutoML(time_budget_s=60, searcher="manual", configurations=FORESTS_AND_LINEAR,
                    seed=0, n_jobs=1, n_folds=3).fit(reference, "churn")
    kept = [member.algorithm for member in automl.model_.members]
    assert sum(a in {"random_forest", "extra_trees"} for a in kept) == forests_kept
    assert "linear" in kept  # a member without a memory bound is never left out
    # The ensemble names the trials that were refit, not the first ones of the selection.
    assert [automl.store.get(n).algorithm for n in automl.ensemble_] == kept
    assert automl.predict_proba(reference).shape == (len(reference), 2)
