"""Trials a paired test on the fold scores cannot tell from the best are marked tied."""

import pytest

from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db


def test_tied_marker_against_the_best_trial(as_alice: object, experiment: object) -> None:
    best = [0.90, 0.85, 0.92, 0.88, 0.91]
    close = [0.89, 0.86, 0.90, 0.89, 0.90]
    far = [0.80, 0.74, 0.83, 0.77, 0.80]
    TrialFactory(experiment=experiment, number=0, score=0.892, fold_scores=best)
    TrialFactory(experiment=experiment, number=1, score=0.888, fold_scores=close)
    TrialFactory(experiment=experiment, number=2, score=0.788, fold_scores=far)
    TrialFactory(experiment=experiment, number=3, score=0.85, fold_scores=[0.85, 0.85])
    TrialFactory(experiment=experiment, number=4, state="failed", score=None, fold_scores=[])
    body = as_alice.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/").json()
    rows = {row["number"]: row for row in body["results"]}
    assert body["best_number"] == 0
    assert rows[0]["is_best"] is True and rows[0]["tied_with_best"] is True
    assert rows[1]["tied_with_best"] is True
    assert rows[2]["tied_with_best"] is False
    assert rows[3]["tied_with_best"] is None  # different folds: no paired test possible
    assert rows[4]["tied_with_best"] is None
    assert rows[2]["fold_std"] == pytest.approx(0.0303, abs=1e-3)


def test_a_trial_on_a_share_of_the_rows_is_never_the_best(as_alice: object,
                                                          experiment: object) -> None:
    # Hyperband's low-fidelity trials are scored on fewer rows: their scores are not comparable.
    TrialFactory(experiment=experiment, number=0, score=0.80, fold_scores=[0.8, 0.8])
    TrialFactory(experiment=experiment, number=1, score=0.95, fold_scores=[0.95, 0.95],
                 params={"num_leaves": 31, "fidelity": 0.1111})

    board = as_alice.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/").json()
    detail = as_alice.get(f"/api/v1/experiments/{experiment.pk}/").json()

    assert board["best_number"] == 0
    assert detail["best"]["number"] == 0
