"""Steering a running search: cancel (finished trials kept, the best of them still a model),
extend the budget, pause and resume, and queue a hand-written configuration. The tasks run in
this process (tests/integration/test_search_control.py runs a cancel on a real worker)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from django.utils import timezone

from automl_core.search.trial import TrialRecord, TrialState
from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.experiments import scheduling, services, trial_runs
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem, seconds_left
from daria.predictions.models import TrainedModel
from tests.conftest import client_for
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Control"))


def _running(dataset: object, queue: InProcessQueue, **fields: object) -> Experiment:
    """A started search whose first trials are queued (their tasks not run yet)."""
    experiment = ExperimentFactory(dataset=dataset, **fields)
    with queue.capture(execute=True):
        scheduling.start_search(experiment.pk)
    return experiment


def _post(client: object, experiment: Experiment, action: str, queue: InProcessQueue,
          body: dict | None = None) -> object:
    with queue.capture(execute=True):
        return client.post(f"/api/v1/experiments/{experiment.pk}/{action}/", body or {},
                           format="json")


def _run_next_trial(queue: InProcessQueue) -> None:
    name, args = queue.sent.pop(0)
    assert name == scheduling.TRIAL_TASK
    with queue.capture(execute=True):
        trial_runs.run_trial(*args)


# --- cancel --------------------------------------------------------------------------------


def test_a_cancelled_search_keeps_its_finished_trials_and_builds_a_model_from_them(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    _run_next_trial(queue)

    assert _post(as_alice, experiment, "cancel", queue).json()["cancel_requested"] is True
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "cancelled"
    states = list(experiment.trials.order_by("number").values_list("state", flat=True))
    assert states[0] == "complete" and set(states[1:]) == {"cancelled"}
    assert TrainedModel.objects.get(experiment=experiment).score == experiment.trials.get(
        number=0).score


def test_a_search_cancelled_before_any_trial_completed_ends_without_a_model(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)

    _post(as_alice, experiment, "cancel", queue)
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "cancelled" and experiment.error == ""
    assert not TrainedModel.objects.filter(experiment=experiment).exists()


def test_a_trial_cancelled_while_it_ran_keeps_its_cancelled_state(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running")
    TrialFactory(experiment=experiment, number=0, state="running", score=None)
    cancelled = TrialRecord(0, TrialState.CANCELLED, "lightgbm", {"num_leaves": 31})
    late = TrialRecord(0, TrialState.COMPLETE, "lightgbm", {"num_leaves": 31}, 0.9, [0.9])

    assert services.record_trial(experiment.pk, cancelled, 0.5, only_if_running=True)
    assert services.record_trial(experiment.pk, late, 0.6, np.zeros(3),
                                 only_if_running=True) is None
    assert experiment.trials.get().state == "cancelled"


def test_a_paused_search_can_be_cancelled(as_alice: object, dataset: object,
                                          queue: InProcessQueue) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    _post(as_alice, experiment, "pause", queue)

    body = _post(as_alice, experiment, "cancel", queue).json()
    queue.drain()

    assert body["status"] == "running" and body["cancel_requested"] is True
    experiment.refresh_from_db()
    assert experiment.status == "cancelled"


# --- extend --------------------------------------------------------------------------------


def test_a_search_whose_budget_ran_out_goes_on_when_extended_before_it_finalizes(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=30)
    _run_next_trial(queue)  # its slot is filled again: a trial is still queued and pending
    Experiment.objects.filter(pk=experiment.pk).update(
        started_at=timezone.now() - timedelta(seconds=31))  # the budget is spent
    before = experiment.trials.count()

    body = _post(as_alice, experiment, "extend", queue, {"seconds": 60}).json()
    assert body["time_budget_s"] == 90
    assert scheduling.SCHEDULE_TASK in queue.names()
    with queue.capture(execute=True):
        scheduling.schedule_trials(experiment.pk)
    _run_next_trial(queue)

    assert experiment.trials.count() > before  # it scheduled new trials again


def test_the_budget_cannot_grow_past_the_maximum(as_alice: object, dataset: object,
                                                 queue: InProcessQueue, settings: object) -> None:
    settings.DARIA_MAX_TIME_BUDGET_S = 100
    experiment = _running(dataset, queue, time_budget_s=60)

    response = _post(as_alice, experiment, "extend", queue, {"seconds": 41})

    assert response.status_code == 400 and "100" in response.json()["seconds"][0]


def test_a_finalizing_search_cannot_be_extended(as_alice: object, dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", finalizing=True)
    response = as_alice.post(f"/api/v1/experiments/{experiment.pk}/extend/", {"seconds": 60},
                             format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "experiment_not_steerable"


def test_a_viewer_cannot_extend_a_search(bob: object, dataset: object) -> None:
    add_member(dataset.project, bob, Role.VIEWER)
    experiment = ExperimentFactory(dataset=dataset, status="running")
    response = client_for(bob).post(f"/api/v1/experiments/{experiment.pk}/extend/",
                                    {"seconds": 60}, format="json")
    assert response.status_code == 403


# --- pause and resume ----------------------------------------------------------------------


def test_a_paused_search_schedules_nothing_and_its_clock_stands_still(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)

    assert _post(as_alice, experiment, "pause", queue).json()["status"] == "paused"
    experiment.refresh_from_db()
    left = seconds_left(experiment)
    # 100 s pass: every moment recorded is 100 s further in the past.
    Experiment.objects.filter(pk=experiment.pk).update(
        started_at=experiment.started_at - timedelta(seconds=100),
        paused_at=experiment.paused_at - timedelta(seconds=100))
    _run_next_trial(queue)  # a queued trial taken while paused goes back to the queue

    experiment.refresh_from_db()
    assert seconds_left(experiment) == pytest.approx(left, abs=1)
    assert scheduling.schedule_trials(experiment.pk) == []
    assert list(experiment.trials.values_list("state", flat=True)) == ["queued", "queued"]
    assert experiment.trials.get(number=0).attempts == 0


def test_a_resumed_search_gets_its_paused_time_back_and_runs_its_queued_trials(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    queue.sent.clear()
    _post(as_alice, experiment, "pause", queue)
    Experiment.objects.filter(pk=experiment.pk).update(
        paused_at=timezone.now() - timedelta(seconds=100))

    resumed = _post(as_alice, experiment, "resume", queue).json()
    assert resumed["status"] == "running"
    # The page leaves the paused time out of the elapsed time it shows.
    assert resumed["paused_at"] is None and resumed["paused_s"] == pytest.approx(100, abs=1)

    experiment.refresh_from_db()
    assert experiment.paused_at is None and experiment.paused_s == pytest.approx(100, abs=1)
    assert queue.names() == [scheduling.TRIAL_TASK] * 2 + [scheduling.SCHEDULE_TASK]
    _run_next_trial(queue)
    assert experiment.trials.get(number=0).state not in Trial.PENDING


def test_only_a_running_search_can_be_paused(as_alice: object, dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="succeeded")
    response = as_alice.post(f"/api/v1/experiments/{experiment.pk}/pause/")
    assert response.status_code == 409


# --- a hand-written configuration ----------------------------------------------------------


def _valid_config(experiment: Experiment) -> tuple[str, dict]:
    config = load_problem(experiment.pk).space.sample(np.random.default_rng(0))
    return config.algorithm, dict(config.params)


def test_a_hand_written_configuration_is_queued_as_the_next_trial(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    algorithm, params = _valid_config(experiment)
    queue.sent.clear()

    response = _post(as_alice, experiment, "trials", queue,
                     {"algorithm": algorithm, "params": params})

    assert response.status_code == 201
    assert response.json() == {"number": 2, "state": "queued", "algorithm": algorithm,
                               "params": params}
    assert queue.sent == [(scheduling.TRIAL_TASK, (experiment.pk, 2))]
    queue.drain()
    assert experiment.trials.get(number=2).state not in Trial.PENDING


def test_a_configuration_outside_the_search_space_is_refused_naming_the_bad_value(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    algorithm, params = _valid_config(experiment)
    name = next(iter(params))
    params[name] = "far-outside"

    response = _post(as_alice, experiment, "trials", queue,
                     {"algorithm": algorithm, "params": params})

    assert response.status_code == 400
    assert f"{algorithm}.{name}='far-outside'" in response.json()[f"params.{name}"][0]
    assert experiment.trials.count() == 2


def test_an_unknown_algorithm_is_refused(as_alice: object, dataset: object,
                                         queue: InProcessQueue) -> None:
    experiment = _running(dataset, queue, time_budget_s=600)
    response = _post(as_alice, experiment, "trials", queue, {"algorithm": "magic", "params": {}})
    assert response.status_code == 400 and "magic" in response.json()["algorithm"][0]
