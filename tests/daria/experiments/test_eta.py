"""A running search's ETA: the budget's end, or sooner when a fixed plan ends first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.experiments.eta import expected_finish
from daria.experiments.manual import MANUAL
from daria.experiments.models import Trial
from tests.conftest import client_for
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db

CONFIGS = [{"algorithm": "lightgbm", "params": {"num_leaves": n}} for n in (7, 15, 31, 63)]


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "ETA"))


def _seconds_from_now(moment: object) -> float:
    return (moment - timezone.now()).total_seconds()


def test_a_search_without_a_plan_is_expected_to_end_with_its_budget(
    dataset: object, django_assert_num_queries: object
) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=600,
                                   started_at=timezone.now() - timedelta(seconds=100))
    TrialFactory(experiment=experiment, number=0, fit_time_s=2.0, predict_time_s=0.0)

    with django_assert_num_queries(0):  # the page reads it often: no trial is read for it
        left = _seconds_from_now(expected_finish(experiment))

    assert 495 < left <= 500


def test_a_manual_search_is_expected_to_end_when_its_plan_has_run(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=600,
                                   started_at=timezone.now() - timedelta(seconds=10),
                                   searcher=MANUAL, parallelism=2,
                                   initial_configurations=CONFIGS)
    TrialFactory(experiment=experiment, number=0, params=CONFIGS[0]["params"],
                 fit_time_s=3.0, predict_time_s=1.0)
    TrialFactory(experiment=experiment, number=1, params=CONFIGS[1]["params"],
                 state=Trial.RUNNING, score=None)

    left = _seconds_from_now(expected_finish(experiment))

    # Three trials left (one running, two not queued), two at a time at 4 s each: two rounds,
    # and one more 4 s for the final model.
    assert 11 < left <= 12


def test_a_plan_that_would_outlast_the_budget_ends_with_the_budget(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=60,
                                   started_at=timezone.now() - timedelta(seconds=50),
                                   searcher=MANUAL, parallelism=1,
                                   initial_configurations=CONFIGS)
    TrialFactory(experiment=experiment, number=0, params=CONFIGS[0]["params"],
                 fit_time_s=30.0, predict_time_s=0.0)

    left = _seconds_from_now(expected_finish(experiment))

    assert 5 < left <= 10


@pytest.mark.parametrize("status", ["paused", "queued", "succeeded"])
def test_only_a_running_search_has_an_eta(dataset: object, status: str) -> None:
    experiment = ExperimentFactory(dataset=dataset, status=status,
                                   started_at=timezone.now() - timedelta(seconds=10))
    assert expected_finish(experiment) is None


def test_the_api_gives_the_eta_of_a_running_search_and_null_otherwise(
    dataset: object, alice: object
) -> None:
    running = ExperimentFactory(dataset=dataset, status="running", time_budget_s=600,
                                started_at=timezone.now())
    finished = ExperimentFactory(dataset=dataset, status="succeeded")

    body = client_for(alice).get(f"/api/v1/experiments/{running.pk}/").json()
    done = client_for(alice).get(f"/api/v1/experiments/{finished.pk}/").json()

    assert body["expected_finish_at"] is not None
    assert 590 < _seconds_from_now(_parse(body["expected_finish_at"])) <= 600
    assert done["expected_finish_at"] is None


def _parse(text: str) -> object:
    from datetime import datetime

    return datetime.fromisoformat(text)
