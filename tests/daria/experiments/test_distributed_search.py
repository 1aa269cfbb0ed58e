"""A search as one task per trial, with the tasks run in this process in the order they were
sent (a worker with one slot); tests/integration runs the same tasks on real workers."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.experiments import scheduling, trial_runs
from daria.experiments.models import Experiment, Trial, TrialPredictions
from tests.conftest import stored_files
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db

@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Search"))


def _start(experiment: Experiment, queue: InProcessQueue) -> str:
    with queue.capture(execute=True):
        return scheduling.start_search(experiment.pk)


def test_a_search_runs_one_task_per_trial_and_keeps_the_final_model(
    dataset: object, queue: InProcessQueue
) -> None:
    experiment = ExperimentFactory(dataset=dataset, time_budget_s=5)

    assert _start(experiment, queue) == "running"
    assert queue.names() == [scheduling.TRIAL_TASK] * 2  # the default parallelism
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "succeeded" and experiment.progress == 1.0
    trials = list(experiment.trials.order_by("number"))
    assert [t.number for t in trials] == list(range(len(trials)))
    assert not [t for t in trials if t.is_pending]
    model = experiment.model
    assert model.score == max(t.score for t in trials if t.score is not None)
    assert model.classes == ["no", "yes"] and "roc_auc" in model.metrics
    # The model file and, prepared by the finalizing task, its ONNX outcome (and file if offered).
    saved = Path(model.file.path)
    onnx_record, onnx_file = (saved.with_name(saved.name + end) for end in (".onnx.json", ".onnx"))
    assert onnx_record in stored_files("models")
    assert set(stored_files("models")) <= {saved, onnx_record, onnx_file}
    assert 0 < TrialPredictions.objects.filter(trial__experiment=experiment).count() <= 20


def test_scheduling_fills_only_the_free_slots(dataset: object, queue: InProcessQueue) -> None:
    experiment = ExperimentFactory(dataset=dataset, parallelism=3)
    _start(experiment, queue)

    with queue.capture(execute=True):
        assert scheduling.schedule_trials(experiment.pk) == []

    queued = experiment.trials.order_by("number")
    assert [(t.number, t.state) for t in queued] == [(0, "queued"), (1, "queued"), (2, "queued")]
    assert len({(t.algorithm, str(t.params)) for t in queued}) == 3


def test_a_trial_delivered_twice_runs_once(dataset: object, queue: InProcessQueue) -> None:
    experiment = ExperimentFactory(dataset=dataset, time_budget_s=30)
    _start(experiment, queue)

    with queue.capture(execute=True):
        first = trial_runs.run_trial(experiment.pk, 0)
        second = trial_runs.run_trial(experiment.pk, 0)

    assert first == "complete" and second == "skipped"
    assert experiment.trials.filter(number=0, state="complete").count() == 1


def test_the_finalizing_task_is_enqueued_once_when_the_budget_is_spent(
    dataset: object, queue: InProcessQueue
) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=10,
                                   started_at=timezone.now() - timedelta(seconds=60))
    TrialFactory(experiment=experiment, number=0)

    with queue.capture(execute=True):
        scheduling.schedule_trials(experiment.pk)
        scheduling.schedule_trials(experiment.pk)

    assert queue.names() == [scheduling.FINALIZE_TASK]
    assert Experiment.objects.get(pk=experiment.pk).finalizing


def test_nothing_is_finalized_while_a_trial_is_still_running(
    dataset: object, queue: InProcessQueue
) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running", time_budget_s=10,
                                   started_at=timezone.now() - timedelta(seconds=60))
    TrialFactory(experiment=experiment, number=0, state=Trial.RUNNING, score=None)

    with queue.capture(execute=True):
        assert scheduling.schedule_trials(experiment.pk) == []

    assert queue.sent == [] and not Experiment.objects.get(pk=experiment.pk).finalizing


def test_a_second_delivery_of_the_start_does_nothing(dataset: object,
                                                     queue: InProcessQueue) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="succeeded")
    assert _start(experiment, queue) == "skipped"
    assert not experiment.trials.exists() and queue.sent == []


def test_an_unlearnable_target_fails_with_a_translated_reason(
    dataset: object, queue: InProcessQueue, as_alice: object
) -> None:
    experiment = ExperimentFactory(dataset=dataset, target="plan", task="binary")

    assert _start(experiment, queue) == "failed"

    body = as_alice.get(f"/api/v1/experiments/{experiment.pk}/",
                        HTTP_ACCEPT_LANGUAGE="ko").json()
    assert body["status"] == "failed" and "plan" in body["error"]
    assert "클래스" in body["error"]  # shown in the reader's language
    assert Experiment.objects.get(pk=experiment.pk).error_code == "not_binary"


def test_a_cancel_before_the_first_trial_ends_as_cancelled(dataset: object,
                                                           queue: InProcessQueue) -> None:
    experiment = ExperimentFactory(dataset=dataset, cancel_requested=True)

    _start(experiment, queue)
    queue.drain()

    experiment.refresh_from_db()
    assert experiment.status == "cancelled" and not hasattr(experiment, "model")
    assert not Trial.objects.filter(experiment=experiment, state__in=Trial.PENDING).exists()
