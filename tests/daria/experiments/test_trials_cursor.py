"""The leaderboard endpoint lists finished trials by number, with an ``?after=N`` cursor."""

import pytest

from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object) -> object:
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "P")))
    for number in (2, 0, 1, 3):
        TrialFactory(experiment=experiment, number=number, score=0.6 + number / 100)
    return experiment


def test_trials_come_ordered_by_number(as_alice: object, experiment: object) -> None:
    trials = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/").json()
    assert [t["number"] for t in trials] == [0, 1, 2, 3]
    assert set(trials[0]) == {"number", "state", "algorithm", "params", "score", "fold_scores",
                              "fit_time_s", "predict_time_s", "error", "finished_at",
                              "proposal", "worker"}


def test_after_returns_only_newer_trials(as_alice: object, experiment: object) -> None:
    trials = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/?after=1").json()
    assert [t["number"] for t in trials] == [2, 3]


def test_after_must_be_a_number(as_alice: object, experiment: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/?after=x")
    assert response.status_code == 400


def test_the_experiment_reports_its_best_trial_and_count(as_alice: object,
                                                         experiment: object) -> None:
    body = as_alice.get(f"/api/v1/experiments/{experiment.pk}/").json()
    assert body["n_trials"] == 4
    assert body["best"] == {"number": 3, "algorithm": "lightgbm", "score": 0.63}
