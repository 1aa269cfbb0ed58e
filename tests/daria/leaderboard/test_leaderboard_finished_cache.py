"""A finished experiment's count, best trial, algorithms and pages of rows are read once per
process; a trial recorded afterwards, and every change of a running experiment, still shows on
the next page; a kept page is never served to someone who may not read its experiment."""

import pytest

from automl_core.search.trial import TrialRecord, TrialState
from daria.accounts.services import create_project
from daria.experiments.models import Trial
from daria.experiments.services import record_trial
from daria.leaderboard import services
from daria.leaderboard.finished_cache import BoundedMemory
from daria.leaderboard.services import LeaderboardQuery
from daria.predictions.models import TrainedModel
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


def _add_trials(experiment: object, numbers: range, score: float = 0.7) -> None:
    Trial.objects.bulk_create([
        Trial(experiment=experiment, number=n, state="complete", algorithm="lightgbm",
              score=score + n / 1000, fold_scores=[0.6, 0.7, 0.8]) for n in numbers])


def _page(alice: object, experiment: object) -> dict:
    fresh = services.leaderboard_experiment(alice, experiment.pk)
    return services.leaderboard_page(fresh, LeaderboardQuery(), page=1, page_size=10)


def test_a_second_page_of_a_finished_experiment_costs_one_query(
        alice: object, experiment: object, django_assert_num_queries: object) -> None:
    _add_trials(experiment, range(30))
    first = _page(alice, experiment)
    fresh = services.leaderboard_experiment(alice, experiment.pk)

    with django_assert_num_queries(1):  # the page's rows; count, best and algorithms are kept
        again = services.leaderboard_page(fresh, LeaderboardQuery(), page=2, page_size=10)

    assert (again["count"], again["best_number"], again["algorithms"]) == (
        first["count"], first["best_number"], first["algorithms"]) == (30, 29, ["lightgbm"])


def test_a_trial_recorded_after_a_read_shows_on_the_next_page(alice: object,
                                                              experiment: object) -> None:
    _add_trials(experiment, range(5))
    assert _page(alice, experiment)["count"] == 5

    record_trial(experiment.pk, TrialRecord(5, TrialState.COMPLETE, "random_forest", score=0.99,
                                            fold_scores=(0.98, 0.99, 1.0)), progress=1.0)

    body = _page(alice, experiment)
    assert body["count"] == 6 and body["best_number"] == 5
    assert body["algorithms"] == ["lightgbm", "random_forest"]


def test_a_running_experiment_is_read_afresh_on_every_page(alice: object,
                                                           experiment: object) -> None:
    experiment.status = "running"
    experiment.save(update_fields=["status"])
    _add_trials(experiment, range(5))
    assert _page(alice, experiment)["count"] == 5

    _add_trials(experiment, range(5, 8), score=0.9)  # no event number taken: not needed

    body = _page(alice, experiment)
    assert body["count"] == 8 and body["best_number"] == 7


def _numbers(body: dict) -> list[int]:
    return [row["number"] for row in body["results"]]


def test_a_page_read_again_costs_only_the_experiments_query(
        alice: object, experiment: object, django_assert_num_queries: object) -> None:
    _add_trials(experiment, range(30))
    TrainedModel.objects.create(
        experiment=experiment, project=experiment.project, file="models/m.skops",
        target="churn", task="binary", metric="roc_auc", algorithm="lightgbm", score=0.9,
        metrics={"roc_auc": 0.93})
    first = _page(alice, experiment)

    with django_assert_num_queries(1):  # the experiment with the reader's membership
        again = _page(alice, experiment)

    assert again == first
    assert _numbers(again) == list(range(29, 19, -1))
    assert again["ensemble"]["algorithm"] == "lightgbm"
    assert again["ensemble"]["metrics"] == {"roc_auc": 0.93}


def test_a_trial_recorded_after_a_read_shows_in_the_kept_page(alice: object,
                                                              experiment: object) -> None:
    _add_trials(experiment, range(5))
    assert _numbers(_page(alice, experiment)) == [4, 3, 2, 1, 0]

    record_trial(experiment.pk, TrialRecord(5, TrialState.COMPLETE, "random_forest", score=0.99,
                                            fold_scores=(0.98, 0.99, 1.0)), progress=1.0)

    assert _numbers(_page(alice, experiment)) == [5, 4, 3, 2, 1, 0]


def test_a_running_experiments_rows_are_read_afresh(alice: object, experiment: object) -> None:
    experiment.status = "running"
    experiment.save(update_fields=["status"])
    _add_trials(experiment, range(3))
    assert _numbers(_page(alice, experiment)) == [2, 1, 0]

    _add_trials(experiment, range(3, 5), score=0.9)

    assert _numbers(_page(alice, experiment)) == [4, 3, 2, 1, 0]


def test_a_kept_page_is_not_served_for_another_projects_experiment(
        alice: object, bob: object, as_bob: object, experiment: object) -> None:
    _add_trials(experiment, range(5))
    url = f"/api/v1/experiments/{experiment.pk}/leaderboard/"
    assert _numbers(_page(alice, experiment)) == [4, 3, 2, 1, 0]
    bobs = ExperimentFactory(dataset=make_dataset(bob, create_project(bob, "Bob's")),
                             status="succeeded")
    _add_trials(bobs, range(2), score=0.5)

    assert as_bob.get(url).status_code == 404  # alice's page is kept, bob still may not read it
    body = as_bob.get(f"/api/v1/experiments/{bobs.pk}/leaderboard/").json()
    assert _numbers(body) == [1, 0] and body["count"] == 2


def test_the_bounded_memory_drops_the_least_recently_used_by_weight() -> None:
    memory = BoundedMemory(max_weight=10)
    memory.put(("a",), "A", weight=4)
    memory.put(("b",), "B", weight=4)
    assert memory.get(("a",)) == (True, "A")  # a is now the most recent

    memory.put(("c",), "C", weight=4)  # 12 > 10: b, the least recently used, goes
    memory.put(("huge",), "H", weight=11)  # heavier than the limit: never kept

    assert memory.get(("b",)) == (False, None)
    assert memory.get(("huge",)) == (False, None)
    assert memory.get(("a",)) == (True, "A") and memory.get(("c",)) == (True, "C")


@pytest.mark.parametrize("query", [
    LeaderboardQuery(), LeaderboardQuery(descending=False),
    LeaderboardQuery(sort="fit_time", descending=True), LeaderboardQuery(sort="predict_time"),
    LeaderboardQuery(sort="algorithm", descending=True),
    LeaderboardQuery(sort="number", algorithms=("knn",), score_min=0.3),
])
def test_pages_read_by_id_keep_the_databases_order(alice: object, experiment: object,
                                                   query: LeaderboardQuery) -> None:
    Trial.objects.bulk_create([
        Trial(experiment=experiment, number=n, state="failed" if n % 7 == 0 else "complete",
              algorithm=("knn", "linear", "lightgbm")[n % 3],
              score=None if n % 7 == 0 else (n * 37 % 23) / 23, fold_scores=[0.5, 0.6],
              fit_time_s=(n * 11 % 5) / 10, predict_time_s=(n * 13 % 17) / 10)
        for n in range(40)])
    finished = services.leaderboard_experiment(alice, experiment.pk)
    running = services.leaderboard_experiment(alice, experiment.pk)
    running.status = "running"  # read from the database on every page

    for page in range(1, 5):
        kept = services.leaderboard_page(finished, query, page=page, page_size=7)
        fresh = services.leaderboard_page(running, query, page=page, page_size=7)
        assert _numbers(kept) == _numbers(fresh)
        assert kept["results"] == fresh["results"]
