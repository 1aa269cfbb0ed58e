"""A trial over its time limit ends as timeout, once, and the search goes on."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.utils import timezone

from automl_core.distributed import TrialOutcome
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState
from daria.accounts.services import create_project
from daria.experiments import recovery, scheduling, tasks, trial_runs
from daria.experiments.models import Experiment, Trial
from daria.experiments.time_limits import stop_after_s, trial_soft_limit
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db

TIMEOUT_REASON = re.compile(r"^stopped after \d+ s: over its time limit$")


@pytest.fixture
def experiment(alice: object) -> Experiment:
    dataset = make_dataset(alice, create_project(alice, "Time limits"))
    return ExperimentFactory(dataset=dataset, status="running", time_budget_s=60,
                             started_at=timezone.now())


def _queued(experiment: Experiment, number: int = 0) -> Trial:
    return Trial.objects.create(experiment=experiment, number=number, state=Trial.QUEUED,
                                algorithm="knn", params={"n_neighbors": 5},
                                enqueued_at=timezone.now())


def _running(experiment: Experiment, number: int = 0, for_s: float = 8) -> Trial:
    started = timezone.now() - timedelta(seconds=for_s)
    return Trial.objects.create(experiment=experiment, number=number, state=Trial.RUNNING,
                                algorithm="knn", params={"n_neighbors": 5}, attempts=1,
                                started_at=started, heartbeat_at=timezone.now())


def _assert_timed_out_once(experiment: Experiment, number: int = 0) -> Trial:
    trial = Trial.objects.get(experiment=experiment, number=number)
    assert trial.state == "timeout" and TIMEOUT_REASON.match(trial.error), trial.error
    assert trial.score is None and trial.finished_at is not None and trial.seq > 0
    assert Trial.objects.filter(experiment=experiment, number=number).count() == 1
    return trial


def test_a_trial_that_ends_past_its_limit_is_a_timeout_and_the_search_goes_on(
    experiment: Experiment, queue: InProcessQueue
) -> None:
    _queued(experiment)

    with queue.capture(execute=True):
        # A soft limit of 0 s: the evaluation necessarily ends past the trial's limit.
        assert trial_runs.run_trial(experiment.pk, 0, soft_limit_s=0) == "timeout"
        assert trial_runs.run_trial(experiment.pk, 0, soft_limit_s=0) == "skipped"

    trial = _assert_timed_out_once(experiment)
    assert trial.attempts == 1 and not hasattr(trial, "predictions")
    # Its slot was filled with new trials, numbered after it.
    assert queue.names() == [scheduling.TRIAL_TASK] * 2
    assert list(experiment.trials.filter(state="queued").values_list("number", flat=True)) \
        == [1, 2]


def test_a_trial_within_its_limit_completes(experiment: Experiment,
                                            queue: InProcessQueue) -> None:
    _queued(experiment)

    with queue.capture(execute=True):
        assert trial_runs.run_trial(experiment.pk, 0, soft_limit_s=3600) == "complete"

    assert Trial.objects.get(experiment=experiment, number=0).error == ""


def test_an_engine_cut_at_the_trial_limit_is_recorded_as_over_that_limit(
    experiment: Experiment, queue: InProcessQueue, monkeypatch: pytest.MonkeyPatch
) -> None:
    _queued(experiment)
    deadlines = []

    def cut(problem: object, number: int, config: Configuration, deadline: float,
            *args: object) -> TrialOutcome:
        deadlines.append(deadline)  # the engine stops a fold that would end past it
        return TrialOutcome(TrialRecord(number, TrialState.TIMEOUT, config.algorithm,
                                        config.params, error="cut at the time budget"), None)

    monkeypatch.setattr(trial_runs, "evaluate_configuration", cut)
    with queue.capture(execute=True):
        assert trial_runs.run_trial(experiment.pk, 0, soft_limit_s=30) == "timeout"

    _assert_timed_out_once(experiment)
    # The trial's limit (30 s soft, less the stop lead) is earlier than the search's 60 s.
    assert deadlines[0] - time.monotonic() < 30


def test_the_soft_limit_outside_the_engine_ends_the_trial_as_a_timeout(
    experiment: Experiment, queue: InProcessQueue, monkeypatch: pytest.MonkeyPatch
) -> None:
    _queued(experiment)

    def interrupted(experiment_id: int) -> None:
        raise SoftTimeLimitExceeded()  # what Celery raises in the task at its soft limit

    monkeypatch.setattr(trial_runs, "load_problem", interrupted)
    with queue.capture(execute=True):
        assert trial_runs.run_trial(experiment.pk, 0, soft_limit_s=3600) == "timeout"

    _assert_timed_out_once(experiment)


@pytest.mark.django_db(transaction=True)
def test_the_hard_limit_hook_records_the_killed_trial_once_and_schedules(
    experiment: Experiment, queue: InProcessQueue
) -> None:
    _running(experiment, for_s=8)

    # What the worker's main process calls after the pool killed the trial's process.
    for _ in range(2):
        tasks.run_trial.on_failure(TimeLimitExceeded(10), "task-id", (experiment.pk, 0), {},
                                   None)

    trial = _assert_timed_out_once(experiment)
    assert int(trial.error.split()[2]) >= 8  # the seconds since it started
    assert trial.seq == Experiment.objects.get(pk=experiment.pk).event_seq  # recorded once
    assert queue.names() == [scheduling.SCHEDULE_TASK] * 2


def test_another_failure_of_the_task_leaves_the_trial_to_the_reaper(
    experiment: Experiment, queue: InProcessQueue
) -> None:
    _running(experiment)

    tasks.run_trial.on_failure(RuntimeError("boom"), "task-id", (experiment.pk, 0), {}, None)

    assert Trial.objects.get(experiment=experiment, number=0).state == "running"
    assert queue.sent == []


def test_a_timed_out_trial_is_never_taken_for_a_lost_one(
    experiment: Experiment, queue: InProcessQueue, settings: object
) -> None:
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    _running(experiment, for_s=100)
    with queue.capture(execute=True):
        trial_runs.on_hard_time_limit(experiment.pk, 0)
    Trial.objects.filter(experiment=experiment, number=0).update(
        heartbeat_at=timezone.now() - timedelta(seconds=100))

    assert recovery.reap_lost_trials() == []
    assert _assert_timed_out_once(experiment).attempts == 1


@pytest.mark.parametrize("cap", [3, 4, 10, 45, 600])
def test_a_per_trial_cap_bounds_the_task_limits(cap: int, settings: object) -> None:
    settings.DARIA_TRIAL_TIME_LIMIT_S = cap
    settings.DARIA_TRIAL_GRACE_S = 120

    hard = scheduling.trial_time_limit(search_left_s=3000)
    soft = trial_soft_limit(hard)

    assert hard == cap
    assert 0 < stop_after_s(soft) < soft < hard


def test_without_a_cap_the_limit_is_the_time_left_plus_the_grace(settings: object) -> None:
    settings.DARIA_TRIAL_TIME_LIMIT_S = 0
    settings.DARIA_TRIAL_GRACE_S = 120

    assert scheduling.trial_time_limit(search_left_s=300.7) == 420
    assert trial_soft_limit(420) == 410
