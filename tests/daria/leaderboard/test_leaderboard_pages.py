"""The leaderboard pages through 10,000 trials in the database, best first."""

import pytest

from daria.experiments.models import Trial

pytestmark = pytest.mark.django_db

N_TRIALS = 10_000


@pytest.fixture
def big(experiment: object) -> object:
    Trial.objects.bulk_create([
        Trial(experiment=experiment, number=n, state="complete" if n % 10 else "failed",
              algorithm=("lightgbm", "random_forest", "logistic_regression")[n % 3],
              params={"n": n}, score=(n * 7919 % N_TRIALS) / N_TRIALS if n % 10 else None,
              fold_scores=[0.5, 0.6, 0.7], fit_time_s=n / 100, predict_time_s=0.06)
        for n in range(N_TRIALS)
    ], batch_size=2000)
    return experiment


def leaderboard(client: object, experiment: object, **params: object) -> dict:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_pages_of_the_default_size_best_first(as_alice: object, big: object) -> None:
    body = leaderboard(as_alice, big)
    assert body["count"] == N_TRIALS
    assert body["page_size"] == 50 and body["num_pages"] == 200
    scores = [row["score"] for row in body["results"]]
    assert len(scores) == 50 and scores == sorted(scores, reverse=True)
    assert body["results"][0]["number"] == body["best_number"]
    assert body["descending"] is True
    assert body["algorithms"] == ["lightgbm", "logistic_regression", "random_forest"]


def test_the_last_pages_hold_the_unscored_trials(as_alice: object, big: object) -> None:
    body = leaderboard(as_alice, big, page=20, page_size=500)
    assert len(body["results"]) == 500
    assert all(row["score"] is None and row["state"] == "failed" for row in body["results"])
    numbers = [row["number"] for row in body["results"]]
    assert numbers == sorted(numbers)  # ties broken by number


def test_pages_do_not_overlap_and_cover_every_trial(as_alice: object, big: object) -> None:
    seen = []
    for page in range(1, 21):
        seen += [row["number"] for row in leaderboard(as_alice, big, page=page,
                                                      page_size=500)["results"]]
    assert sorted(seen) == list(range(N_TRIALS))


def test_a_page_costs_a_fixed_number_of_queries(as_alice: object, big: object,
                                                django_assert_max_num_queries: object) -> None:
    with django_assert_max_num_queries(12):
        leaderboard(as_alice, big, page=7, page_size=500)


def test_a_page_past_the_end_is_empty(as_alice: object, big: object) -> None:
    body = leaderboard(as_alice, big, page=999)
    assert body["results"] == [] and body["count"] == N_TRIALS


@pytest.mark.parametrize("params", [{"page_size": 501}, {"page_size": 0}, {"page": 0},
                                    {"page": "x"}, {"sort": "params"}, {"order": "up"}])
def test_bad_paging_answers_400(as_alice: object, experiment: object, params: dict) -> None:
    response = as_alice.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/", params)
    assert response.status_code == 400
    assert set(response.json()) & set(params)


def test_prediction_time_is_given_per_thousand_rows(as_alice: object, big: object) -> None:
    row = leaderboard(as_alice, big, page_size=1)["results"][0]
    # 0.06 s to predict the dataset's 120 rows once (out of fold) is 0.5 s per 1,000 rows.
    assert row["predict_time_per_1000_s"] == pytest.approx(0.5)
    assert row["fold_mean"] == pytest.approx(0.6)
    assert row["model_size_bytes"] is None
