"""Sorting and filtering the leaderboard with query parameters."""

import pytest

from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trials(experiment: object) -> object:
    rows = [(0, "lightgbm", "complete", 0.80, 3.0, 0.2), (1, "random_forest", "complete", 0.90,
            1.0, 0.9), (2, "lightgbm", "complete", 0.70, 2.0, 0.1),
            (3, "lightgbm", "failed", None, 0.5, 0.0), (4, "random_forest", "timeout", None,
            9.0, 0.0)]
    for number, algorithm, state, score, fit, predict in rows:
        TrialFactory(experiment=experiment, number=number, algorithm=algorithm, state=state,
                     score=score, fold_scores=[score] * 3 if score else [], fit_time_s=fit,
                     predict_time_s=predict)
    return experiment


def numbers(client: object, experiment: object, **params: object) -> list[int]:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/", params)
    assert response.status_code == 200, response.content
    return [row["number"] for row in response.json()["results"]]


def test_score_sorts_best_first_in_the_metrics_direction(as_alice: object, trials: object
                                                         ) -> None:
    assert numbers(as_alice, trials) == [1, 0, 2, 3, 4]
    trials.greater_is_better = False
    trials.metric = "log_loss"
    trials.save()
    assert numbers(as_alice, trials) == [2, 0, 1, 3, 4]
    assert numbers(as_alice, trials, order="desc") == [1, 0, 2, 3, 4]


@pytest.mark.parametrize(("params", "expected"), [
    ({"sort": "fit_time"}, [3, 1, 2, 0, 4]),
    ({"sort": "fit_time", "order": "desc"}, [4, 0, 2, 1, 3]),
    ({"sort": "predict_time", "order": "desc"}, [1, 0, 2, 3, 4]),
    ({"sort": "number", "order": "desc"}, [4, 3, 2, 1, 0]),
    ({"sort": "algorithm"}, [0, 2, 3, 1, 4]),
])
def test_other_sort_keys(as_alice: object, trials: object, params: dict, expected: list) -> None:
    assert numbers(as_alice, trials, **params) == expected


@pytest.mark.parametrize(("params", "expected"), [
    ({"algorithm": "random_forest"}, [1, 4]),
    ({"algorithm": "random_forest,lightgbm", "state": "failed,timeout"}, [3, 4]),
    ({"score_min": 0.75}, [1, 0]),
    ({"score_min": 0.75, "score_max": 0.85}, [0]),
    ({"state": "complete", "sort": "number"}, [0, 1, 2]),
])
def test_filters(as_alice: object, trials: object, params: dict, expected: list) -> None:
    assert numbers(as_alice, trials, **params) == expected


def test_filters_are_checked(as_alice: object, trials: object) -> None:
    base = f"/api/v1/experiments/{trials.pk}/leaderboard/"
    response = as_alice.get(base, {"state": "complete,sleeping"})
    assert response.status_code == 400 and "sleeping" in response.json()["state"][0]
    response = as_alice.get(base, {"score_min": 0.9, "score_max": 0.1})
    assert response.status_code == 400 and "score_min" in response.json()
    assert as_alice.get(base, {"score_min": "high"}).status_code == 400
