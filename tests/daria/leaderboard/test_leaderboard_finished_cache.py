"""A finished experiment's count, best trial and algorithms are read once per process; a trial
recorded afterwards, and every change of a running experiment, still shows on the next page."""

import pytest

from automl_core.search.trial import TrialRecord, TrialState
from daria.experiments.models import Trial
from daria.experiments.services import record_trial
from daria.leaderboard import services
from daria.leaderboard.services import LeaderboardQuery

pytestmark = pytest.mark.django_db


def _add_trials(experiment: object, numbers: range, score: float = 0.7) -> None:
    Trial.objects.bulk_create([
        Trial(experiment=experiment, number=n, state="complete", algorithm="lightgbm",
              score=score + n / 1000, fold_scores=[0.6, 0.7, 0.8]) for n in numbers])


def _page(alice: object, experiment: object) -> dict:
    fresh = services.readable_experiment(alice, experiment.pk)
    return services.leaderboard_page(fresh, LeaderboardQuery(), page=1, page_size=10)


def test_a_second_page_of_a_finished_experiment_costs_one_query(
        alice: object, experiment: object, django_assert_num_queries: object) -> None:
    _add_trials(experiment, range(30))
    first = _page(alice, experiment)
    fresh = services.readable_experiment(alice, experiment.pk)

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
