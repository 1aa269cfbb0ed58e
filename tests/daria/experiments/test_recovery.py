"""Trials whose worker was lost are run once more, then failed, and the search goes on."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.experiments import recovery, scheduling
from daria.experiments.heartbeat import heartbeat
from daria.experiments.models import Experiment, Trial
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object) -> Experiment:
    dataset = make_dataset(alice, create_project(alice, "Recovery"))
    return ExperimentFactory(dataset=dataset, status="running", time_budget_s=60,
                             started_at=timezone.now())


def _running(experiment: Experiment, number: int, silent_s: float, attempts: int) -> Trial:
    return Trial.objects.create(
        experiment=experiment, number=number, state=Trial.RUNNING, algorithm="knn",
        params={"n_neighbors": 5 + number}, attempts=attempts, started_at=timezone.now(),
        heartbeat_at=timezone.now() - timedelta(seconds=silent_s))


def test_a_trial_whose_heartbeat_stopped_is_queued_again_with_its_configuration(
    experiment: Experiment, queue: InProcessQueue, settings: object
) -> None:
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    _running(experiment, 0, silent_s=31, attempts=1)

    with queue.capture(execute=True):
        assert recovery.reap_lost_trials() == [(experiment.pk, 0, "requeued")]

    trial = Trial.objects.get(experiment=experiment, number=0)
    assert (trial.state, trial.params, trial.attempts) == ("queued", {"n_neighbors": 5}, 1)
    assert queue.sent == [(scheduling.TRIAL_TASK, (experiment.pk, 0))]


def test_a_second_loss_fails_the_trial_with_the_reason_and_the_search_goes_on(
    experiment: Experiment, queue: InProcessQueue, settings: object
) -> None:
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    _running(experiment, 0, silent_s=31, attempts=2)

    with queue.capture(execute=True):
        assert recovery.reap_lost_trials() == [(experiment.pk, 0, "failed")]

    trial = Trial.objects.get(experiment=experiment, number=0)
    assert trial.state == "failed" and trial.error == "worker lost, possibly out of memory"
    assert trial.finished_at is not None and trial.seq > 0
    # Its slot was given to new trials, numbered after it.
    assert queue.names() == [scheduling.TRIAL_TASK] * 2
    assert list(experiment.trials.filter(state="queued").values_list("number", flat=True)) \
        == [1, 2]


def test_a_trial_that_still_beats_is_left_alone(experiment: Experiment, queue: InProcessQueue,
                                                settings: object) -> None:
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    _running(experiment, 0, silent_s=5, attempts=1)

    assert recovery.reap_lost_trials() == []
    assert Trial.objects.get(experiment=experiment, number=0).state == "running"


@pytest.mark.django_db(transaction=True)
def test_a_running_trial_beats_while_it_works(experiment: Experiment, settings: object) -> None:
    settings.DARIA_HEARTBEAT_S = 1
    trial = _running(experiment, 0, silent_s=100, attempts=1)

    with heartbeat(experiment.pk, 0):
        time.sleep(2.5)

    trial.refresh_from_db()
    assert timezone.now() - trial.heartbeat_at < timedelta(seconds=2)


def test_a_trial_queued_for_too_long_gets_its_task_again_once_per_period(
    experiment: Experiment, queue: InProcessQueue, settings: object
) -> None:
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    Trial.objects.create(experiment=experiment, number=0, state=Trial.QUEUED, algorithm="knn",
                         params={"n_neighbors": 5},
                         enqueued_at=timezone.now() - timedelta(seconds=31))

    with queue.capture(execute=True):
        assert recovery.reap_lost_trials() == [(experiment.pk, 0, "resent")]
        assert recovery.reap_lost_trials() == []  # sent again just now: not yet

    assert queue.sent == [(scheduling.TRIAL_TASK, (experiment.pk, 0))]
    assert Trial.objects.get(experiment=experiment, number=0).state == "queued"
