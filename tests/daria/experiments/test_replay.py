"""Replaying an experiment: who may, when it is refused, what the replay copies and runs, and
how it compares with its original. The tasks run in this process (tests/integration/
test_replay_on_a_worker.py replays on a real worker)."""

from __future__ import annotations

import pytest

from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.audit.models import Action, AuditEvent
from daria.experiments import scheduling, services, trial_runs
from daria.experiments.models import Experiment
from tests.conftest import client_for
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Replays"))


@pytest.fixture
def original(alice: object, dataset: object, queue: InProcessQueue,
             monkeypatch: pytest.MonkeyPatch) -> Experiment:
    """A stored experiment (through the real service) with three trials, one of them failed."""
    monkeypatch.setattr(services, "enqueue", queue)
    with queue.capture(execute=True):
        experiment = services.create_experiment(alice, dataset, "churn", time_budget_s=60,
                                                validation_folds=3)
    queue.sent.clear()
    TrialFactory(experiment=experiment, number=0, score=0.8)
    TrialFactory(experiment=experiment, number=1, state="failed", score=None, error="boom")
    TrialFactory(experiment=experiment, number=2, algorithm="random_forest",
                 params={"n_estimators": 50}, score=0.9)
    return experiment


def _replay(client: object, experiment: Experiment, queue: InProcessQueue) -> object:
    with queue.capture(execute=True):
        return client.post(f"/api/v1/experiments/{experiment.pk}/replay/")


def _comparison(client: object, experiment_id: int) -> object:
    return client.get(f"/api/v1/experiments/{experiment_id}/replay-comparison/")


def _run(queue: InProcessQueue) -> None:
    """Start the enqueued run, then every task it leads to."""
    name, args = queue.sent.pop(0)
    assert name == services.RUN_TASK
    with queue.capture(execute=True):
        scheduling.start_search(*args)
    queue.drain()


def test_a_replay_copies_the_original_settings_and_plans_its_completed_trials_in_order(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    original.excluded_columns, original.column_kinds, original.seed = ["age"], {"plan": "text"}, 7
    original.save()

    response = _replay(as_alice, original, queue)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["replay_of"] == original.pk and body["parallelism"] == 1
    replay = Experiment.objects.get(pk=body["id"])
    for name in ("dataset_id", "target", "task", "metric", "seed", "excluded_columns",
                 "column_kinds", "validation_folds", "searcher", "algorithms",
                 "dataset_sha256"):
        assert getattr(replay, name) == getattr(original, name), name
    assert replay.replay_plan == [{"number": 0, "score": 0.8}, {"number": 2, "score": 0.9}]
    assert [c["algorithm"] for c in replay.initial_configurations] == ["lightgbm",
                                                                        "random_forest"]
    assert queue.names() == [services.RUN_TASK]  # enqueued once committed


def test_a_replay_is_recorded_in_the_audit_log(
    as_alice: object, alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    replay_id = _replay(as_alice, original, queue).json()["id"]

    event = AuditEvent.objects.get(action=Action.EXPERIMENT_REPLAY)
    assert event.actor == alice and event.project_id == original.project_id
    assert event.target_id == str(replay_id)
    assert event.details == {"original": original.pk, "trials": 2}


def test_an_editor_may_replay(alice: object, bob: object, original: Experiment,
                              queue: InProcessQueue) -> None:
    add_member(original.project, bob, Role.EDITOR)
    assert _replay(client_for(bob), original, queue).status_code == 201


def test_a_viewer_may_not_replay(alice: object, charlie: object, original: Experiment,
                                 queue: InProcessQueue) -> None:
    add_member(original.project, charlie, Role.VIEWER)

    response = _replay(client_for(charlie), original, queue)

    assert response.status_code == 403
    assert Experiment.objects.count() == 1 and queue.sent == []


def test_someone_outside_the_project_sees_neither_the_replay_nor_its_comparison(
    as_alice: object, as_bob: object, original: Experiment, queue: InProcessQueue
) -> None:
    replay_id = _replay(as_alice, original, queue).json()["id"]

    assert _replay(as_bob, original, queue).status_code == 404
    assert _comparison(as_bob, replay_id).status_code == 404


def test_an_experiment_without_a_completed_trial_cannot_be_replayed(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    original.trials.exclude(state="failed").delete()

    response = _replay(as_alice, original, queue)

    assert response.status_code == 409
    assert response.json()["code"] == "nothing_to_replay"
    assert "nothing to replay" in response.json()["detail"]
    assert Experiment.objects.count() == 1 and queue.sent == []


def test_a_replay_is_refused_when_the_dataset_file_changed(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    with open(original.dataset.file.path, "ab") as handle:
        handle.write(b"30,basic,40.0,no\n")

    response = _replay(as_alice, original, queue)

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "dataset_changed"
    assert original.dataset_sha256 in body["detail"]
    assert Experiment.objects.count() == 1 and queue.sent == []


def test_the_refusal_is_translated(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    original.trials.exclude(state="failed").delete()
    with queue.capture(execute=True):
        response = as_alice.post(f"/api/v1/experiments/{original.pk}/replay/",
                                 HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 409
    assert "재현할" in response.json()["detail"]


def test_an_experiment_that_is_not_a_replay_has_no_comparison(
    as_alice: object, original: Experiment
) -> None:
    assert _comparison(as_alice, original.pk).status_code == 404


def test_the_comparison_gives_each_trial_a_verdict(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    replay = Experiment.objects.get(pk=_replay(as_alice, original, queue).json()["id"])
    TrialFactory(experiment=replay, number=0, score=0.8 + 4e-7)

    body = _comparison(as_alice, replay.pk).json()
    assert [(t["number"], t["replay_number"], t["verdict"]) for t in body["trials"]] == [
        (0, 0, "reproduced"), (2, 1, "pending")]
    assert body["trials"][0]["difference"] == pytest.approx(4e-7)
    assert body["finished"] is False and body["all_reproduced"] is False

    TrialFactory(experiment=replay, number=1, algorithm="random_forest", score=0.9 + 2e-6)
    replay.status = Experiment.Status.SUCCEEDED
    replay.save()
    body = _comparison(as_alice, replay.pk).json()
    assert [t["verdict"] for t in body["trials"]] == ["reproduced", "differs"]
    assert body["trials"][1]["original_score"] == 0.9
    assert (body["reproduced"], body["differs"], body["pending"]) == (1, 1, 0)


def test_a_failed_replayed_trial_differs_and_an_unrun_one_is_marked_so(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    replay = Experiment.objects.get(pk=_replay(as_alice, original, queue).json()["id"])
    TrialFactory(experiment=replay, number=0, state="failed", score=None)
    replay.status = Experiment.Status.CANCELLED
    replay.save()

    trials = _comparison(as_alice, replay.pk).json()["trials"]

    assert [(t["verdict"], t["replayed_state"]) for t in trials] == [("differs", "failed"),
                                                                     ("not_run", None)]


def test_a_replay_runs_exactly_the_planned_trials_one_at_a_time_and_reproduces_them(
    alice: object, as_alice: object, dataset: object, queue: InProcessQueue,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(services, "enqueue", queue)
    with queue.capture(execute=True):
        original = services.create_experiment(alice, dataset, "churn", time_budget_s=600,
                                              algorithms=["linear", "lightgbm"])
    _run_trials(queue, 3)
    with queue.capture(execute=True):
        as_alice.post(f"/api/v1/experiments/{original.pk}/cancel/")
    queue.drain()
    original.refresh_from_db()
    completed = original.trials.filter(state="complete").count()
    assert completed >= 3

    replay_id = _replay(as_alice, original, queue).json()["id"]
    _run(queue)

    replay = Experiment.objects.get(pk=replay_id)
    assert replay.status == "succeeded" and replay.progress == 1.0
    assert replay.trials.count() == completed
    body = _comparison(as_alice, replay_id).json()
    assert body["finished"] and body["all_reproduced"], body["trials"]
    assert [t["algorithm"] for t in body["trials"]] == list(
        original.trials.filter(state="complete").order_by("number")
        .values_list("algorithm", flat=True))


def _run_trials(queue: InProcessQueue, count: int) -> None:
    """Start the run and evaluate its first ``count`` trial tasks (parallelism 2 queues ahead)."""
    name, args = queue.sent.pop(0)
    with queue.capture(execute=True):
        scheduling.start_search(*args)
    for _ in range(count):
        name, args = next((n, a) for n, a in queue.sent if n == scheduling.TRIAL_TASK)
        queue.sent.remove((name, args))
        with queue.capture(execute=True):
            trial_runs.run_trial(*args)


def test_a_hand_written_trial_cannot_be_added_to_a_running_replay(
    as_alice: object, original: Experiment, queue: InProcessQueue
) -> None:
    replay = Experiment.objects.get(pk=_replay(as_alice, original, queue).json()["id"])
    Experiment.objects.filter(pk=replay.pk).update(status=Experiment.Status.RUNNING)
    trial = {"algorithm": "lightgbm", "params": {}}

    response = as_alice.post(f"/api/v1/experiments/{replay.pk}/trials/", trial, format="json")

    assert response.status_code == 409, response.json()
    assert response.json()["code"] == "replay_is_fixed"
    assert replay.trials.count() == 0
