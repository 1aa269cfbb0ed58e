"""The AutoML facade searches with BOHB end to end on a real table, and builds its model only
from full-fidelity trials."""

import pytest

from automl_core import AutoML, TrialState
from automl_core.data.reading import read_csv


@pytest.fixture(scope="module")
def fitted(shared_dir):
    frame = read_csv(shared_dir / "datasets" / "credit_g.csv").frame
    automl = AutoML(time_budget_s=15, searcher="bohb", seed=0, n_jobs=1, n_folds=3,
                    algorithms=["linear", "lightgbm"])
    return automl.fit(frame, "class")


def test_bohb_evaluates_some_trials_on_a_share_of_the_rows(fitted):
    fidelities = {round(r.config.fidelity, 4) for r in fitted.store.all()
                  if r.state is TrialState.COMPLETE}
    assert 1.0 in fidelities
    assert fidelities & {0.1111, 0.3333}


def test_the_best_trial_and_every_ensemble_member_are_full_fidelity(fitted):
    assert fitted.best_trial.config.fidelity == 1.0
    members = [fitted.store.get(number) for number in fitted.ensemble_]
    assert members and all(m.config.fidelity == 1.0 for m in members)
    complete = [r for r in fitted.store.all() if r.state is TrialState.COMPLETE]
    assert fitted.best_trial == min((r for r in complete if r.config.fidelity == 1.0),
                                    key=lambda r: (-r.score, r.number))


def test_the_leaderboard_lists_lower_fidelity_trials_after_the_full_ones(fitted):
    board = fitted.leaderboard()
    assert len(board) == len(fitted.store.all())
    assert board.iloc[0]["number"] == fitted.best_trial.number
    scored = board[board["state"] == "complete"]
    full = list(scored["fidelity"] == 1.0)
    assert full == sorted(full, reverse=True), "full-fidelity rows come first"


def test_the_model_predicts_every_row(fitted, shared_dir):
    frame = read_csv(shared_dir / "datasets" / "credit_g.csv").frame
    assert len(fitted.predict(frame)) == len(frame)
