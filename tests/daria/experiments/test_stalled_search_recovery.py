"""A search whose scheduling step or finalizing task was lost is resumed by the reaper."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.experiments import finalizing, recovery, scheduling
from daria.experiments.models import Experiment, Trial
from daria.lib.queue import BrokerUnavailable
from daria.predictions.models import TrainedModel
from tests.conftest import client_for
from tests.daria.experiments.conftest import TASKS, InProcessQueue
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Stalled"))


@pytest.fixture
def grace(settings: object) -> int:
    settings.DARIA_FINALIZE_LOST_AFTER_S = 300
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    return 300


def _search_with_a_lost_finalize(dataset: object, queue: InProcessQueue) -> Experiment:
    """A real search (tasks run here) whose finalizing message never reached a worker."""
    experiment = ExperimentFactory(dataset=dataset, time_budget_s=4)
    with queue.capture(execute=True):
        scheduling.start_search(experiment.pk)
    while queue.names() != [scheduling.FINALIZE_TASK]:
        _run_next(queue)
    queue.sent.clear()  # Redis restarted before a worker took it
    experiment.refresh_from_db()
    assert experiment.status == "running" and experiment.finalizing
    return experiment


def _run_next(queue: InProcessQueue) -> None:
    """Run the oldest task sent, as a worker would."""
    name, args = queue.sent.pop(0)
    with queue.capture(execute=True):
        TASKS[name](*args)


def _age_finalize(experiment: Experiment, seconds: float) -> None:
    Experiment.objects.filter(pk=experiment.pk).update(
        finalize_sent_at=timezone.now() - timedelta(seconds=seconds))


def test_a_lost_finalizing_task_is_sent_again_after_the_grace_period_and_finishes(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == []  # sent just now: not yet
    _age_finalize(experiment, grace + 1)

    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == [(experiment.pk, "finalize resent")]
        assert recovery.resume_stalled_searches() == []  # once per period
    assert queue.names() == [scheduling.FINALIZE_TASK]
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "succeeded" and TrainedModel.objects.filter(
        experiment=experiment).count() == 1


def test_a_second_finalizing_delivery_only_finishes_the_experiment(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    _age_finalize(experiment, grace + 1)
    with queue.capture(execute=True):
        recovery.resume_stalled_searches()
        recovery.resume_stalled_searches()
    # The original message was only late after all: both deliveries run.
    queue.sent.append((scheduling.FINALIZE_TASK, (experiment.pk,)))
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "succeeded"
    assert TrainedModel.objects.filter(experiment=experiment).count() == 1
    assert finalizing.finalize_experiment(experiment.pk) == "skipped"


def test_a_finalizing_experiment_within_the_grace_period_is_left_alone(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    _age_finalize(experiment, grace - 10)

    assert recovery.resume_stalled_searches() == []
    assert queue.sent == []


def test_a_finished_experiment_is_never_finalized_again(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    ExperimentFactory(dataset=dataset, status="succeeded", finalizing=True,
                      finalize_sent_at=timezone.now() - timedelta(days=1))

    assert recovery.resume_stalled_searches() == []
    assert queue.sent == []


def test_a_running_search_with_nothing_pending_gets_its_scheduling_step_again(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    long_ago = timezone.now() - timedelta(seconds=60)
    stalled = ExperimentFactory(dataset=dataset, status="running", started_at=long_ago,
                                time_budget_s=600)
    TrialFactory(experiment=stalled, number=0, finished_at=long_ago)
    busy = ExperimentFactory(dataset=dataset, status="running", started_at=long_ago)
    TrialFactory(experiment=busy, number=0, state=Trial.RUNNING, score=None)
    just_finished = ExperimentFactory(dataset=dataset, status="running", started_at=long_ago)
    TrialFactory(experiment=just_finished, number=0, finished_at=timezone.now())

    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == [(stalled.pk, "scheduled")]
    assert queue.sent == [(scheduling.SCHEDULE_TASK, (stalled.pk,))]
    _run_next(queue)  # the step fills the free slots

    assert stalled.trials.filter(state="queued").count() == stalled.parallelism


def test_a_finalizing_task_the_broker_refused_is_sent_at_the_next_pass(
    dataset: object, queue: InProcessQueue, grace: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=10,
                                   started_at=timezone.now() - timedelta(seconds=60))
    TrialFactory(experiment=experiment, number=0, finished_at=timezone.now())

    def broker_down(name: str, *args: object, **options: object) -> str:
        raise BrokerUnavailable()

    monkeypatch.setattr(scheduling, "enqueue", broker_down)
    with queue.capture(execute=True):
        scheduling.schedule_trials(experiment.pk)
    monkeypatch.setattr(scheduling, "enqueue", queue)
    assert Experiment.objects.get(pk=experiment.pk).finalizing

    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == [(experiment.pk, "finalize resent")]
    assert queue.sent == [(scheduling.FINALIZE_TASK, (experiment.pk,))]


def _build_lost(experiment: Experiment, attempts: int, silent_s: float) -> None:
    """A worker started building the model ``attempts`` times, the last one ``silent_s`` ago."""
    now = timezone.now()
    Experiment.objects.filter(pk=experiment.pk).update(
        finalize_sent_at=now - timedelta(seconds=silent_s + 1),
        finalize_heartbeat_at=now - timedelta(seconds=silent_s), finalize_attempts=attempts)


def test_a_build_whose_worker_died_is_sent_again_without_waiting_for_the_grace_period(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    _build_lost(experiment, attempts=1, silent_s=31)  # lost after 30 s; the grace is 300 s

    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == [(experiment.pk, "finalize resent")]
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "succeeded" and experiment.finalize_attempts == 2


def test_a_build_that_is_alive_is_left_alone_and_a_second_delivery_skips_it(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    _age_finalize(experiment, grace + 100)  # sent long ago, but a worker is at it right now
    Experiment.objects.filter(pk=experiment.pk).update(
        finalize_heartbeat_at=timezone.now() - timedelta(seconds=5), finalize_attempts=1)

    assert recovery.resume_stalled_searches() == []
    assert finalizing.finalize_experiment(experiment.pk) == "skipped"
    assert not TrainedModel.objects.filter(experiment=experiment).exists()


def test_a_build_lost_too_often_fails_the_experiment_and_keeps_its_trials(
    dataset: object, queue: InProcessQueue, grace: int
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    trials = list(experiment.trials.values_list("number", "state", "score"))
    _build_lost(experiment, attempts=recovery.MAX_FINALIZE_ATTEMPTS, silent_s=31)

    with queue.capture(execute=True):
        assert recovery.resume_stalled_searches() == [(experiment.pk, "finalize failed")]
    assert queue.sent == []

    experiment.refresh_from_db()
    assert (experiment.status, experiment.error_code) == ("failed", "finalize_lost")
    assert experiment.error_params == {"attempts": recovery.MAX_FINALIZE_ATTEMPTS}
    assert list(experiment.trials.values_list("number", "state", "score")) == trials
    assert recovery.resume_stalled_searches() == []


def test_a_build_lost_too_often_is_explained_in_the_users_language(
    dataset: object, queue: InProcessQueue, grace: int, alice: object
) -> None:
    experiment = _search_with_a_lost_finalize(dataset, queue)
    _build_lost(experiment, attempts=recovery.MAX_FINALIZE_ATTEMPTS, silent_s=31)
    with queue.capture(execute=True):
        recovery.resume_stalled_searches()

    url = f"/api/v1/experiments/{experiment.pk}/"
    english = client_for(alice).get(url, HTTP_ACCEPT_LANGUAGE="en").json()["error"]
    korean = client_for(alice).get(url, HTTP_ACCEPT_LANGUAGE="ko").json()["error"]
    assert "lost 3 times" in english and "out of memory" in english
    assert "3번" in korean and "메모리" in korean
