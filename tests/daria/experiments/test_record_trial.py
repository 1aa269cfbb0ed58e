"""Starting and recording a trial: committed once per number, then announced on the
experiment's Redis Stream."""

import math

import pytest
import redis
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings

from automl_core import TrialRecord, TrialState
from daria.accounts.services import create_project
from daria.experiments.live import events_after
from daria.experiments.models import Trial
from daria.experiments.services import mark_finalizing, record_trial, start_trial
from daria.lib.events import decode_entry, experiment_stream, publish_experiment_event
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object) -> object:
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "P")))
    # The test database numbers experiments from 1 again in each run; Redis still has the
    # stream of the previous run's experiment of this number.
    redis.Redis.from_url(settings.REDIS_URL).delete(experiment_stream(experiment.pk))
    return experiment


def _record(number: int, score: float | None = 0.8, **extra: object) -> TrialRecord:
    state = TrialState.COMPLETE if score is not None else TrialState.FAILED
    return TrialRecord(number=number, state=state, algorithm="lightgbm",
                       params={"num_leaves": 15}, score=score, fold_scores=(0.7, 0.9),
                       fit_time_s=0.5, predict_time_s=0.01, **extra)


def test_a_trial_is_stored_with_progress(experiment: object) -> None:
    record_trial(experiment.pk, _record(0), progress=0.25)

    trial = Trial.objects.get(experiment=experiment, number=0)
    assert (trial.state, trial.score, trial.fold_scores) == ("complete", 0.8, [0.7, 0.9])
    experiment.refresh_from_db()
    assert experiment.progress == 0.25


def test_a_trial_reported_twice_is_stored_once(experiment: object) -> None:
    record_trial(experiment.pk, _record(0), progress=0.1)
    record_trial(experiment.pk, _record(0), progress=0.2)
    assert Trial.objects.filter(experiment=experiment).count() == 1


def test_scores_that_are_not_finite_are_stored_as_missing(experiment: object) -> None:
    record = TrialRecord(number=1, state=TrialState.FAILED, algorithm="knn",
                         fold_scores=(math.nan, math.inf), error="Boom")
    record_trial(experiment.pk, record, progress=0.3)
    trial = Trial.objects.get(number=1)
    assert trial.fold_scores == [None, None] and trial.error == "Boom"


def _stream_events(experiment_id: int) -> list[dict]:
    client = redis.Redis.from_url(settings.REDIS_URL)
    entries = client.xrange(experiment_stream(experiment_id))
    client.close()
    return [decode_entry(fields) for _, fields in entries]


def test_each_trial_is_announced_on_the_experiments_stream(experiment: object) -> None:
    record_trial(experiment.pk, _record(4, score=0.91), progress=0.5)

    [event] = _stream_events(experiment.pk)
    assert event["event"] == "trial" and event["id"] == 1
    assert event["data"]["number"] == 4 and event["data"]["score"] == 0.91


def test_a_started_trial_is_claimed_once_and_announced(experiment: object) -> None:
    TrialFactory(experiment=experiment, number=3, state=Trial.QUEUED)

    started = start_trial(experiment.pk, 3, "worker-a")
    again = start_trial(experiment.pk, 3, "worker-b")  # a second delivery of its task

    assert started is not None and again is None
    trial = Trial.objects.get(experiment=experiment, number=3)
    assert (trial.state, trial.worker, trial.attempts, trial.seq) == ("running", "worker-a", 1, 1)
    [event] = _stream_events(experiment.pk)
    assert (event["event"], event["id"], event["data"]["number"]) == ("trial_started", 1, 3)
    experiment.refresh_from_db()
    assert experiment.event_seq == 1  # the refused claim gave its number back


def test_a_running_trial_is_replayed_as_started_and_a_queued_one_not_at_all(
    experiment: object,
) -> None:
    TrialFactory(experiment=experiment, number=0, state=Trial.QUEUED)
    TrialFactory(experiment=experiment, number=1, state=Trial.QUEUED)
    start_trial(experiment.pk, 0, "worker-a")
    start_trial(experiment.pk, 1, "worker-a")
    record_trial(experiment.pk, _record(1), progress=0.5)
    TrialFactory(experiment=experiment, number=2, state=Trial.QUEUED)

    replay = events_after(experiment.pk, 0)

    assert [(e.seq, e.name, e.data["number"]) for e in replay.events] == [
        (1, "trial_started", 0), (3, "trial", 1)]


@override_settings(DARIA_EVENT_STREAM_MAXLEN=10)
def test_the_stream_is_trimmed_to_about_its_maximum_length(experiment: object) -> None:
    for seq in range(1, 501):
        publish_experiment_event(experiment.pk, "status", {"status": "running"}, seq)

    events = _stream_events(experiment.pk)
    # Trimming is approximate (whole nodes of up to 100 entries), never below the maximum.
    assert 10 <= len(events) <= 200
    assert events[-1]["id"] == 500


def test_the_final_model_stage_is_announced_as_a_status_after_commit(
    experiment: object, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        mark_finalizing(experiment.pk)
        assert _stream_events(experiment.pk) == []  # not before the commit

    [event] = _stream_events(experiment.pk)
    assert (event["event"], event["id"]) == ("status", 1)
    assert event["data"]["finalizing"] is True
    replay = events_after(experiment.pk, 0)
    assert [(e.seq, e.name, e.data["finalizing"]) for e in replay.events] == [(1, "status", True)]


def test_the_stream_key_names_the_database_but_not_the_host_it_is_reached_by() -> None:
    key = experiment_stream(7)
    host, name = connection.settings_dict["HOST"], connection.settings_dict["NAME"]
    try:
        connection.settings_dict["HOST"] = "db.example.internal"  # a worker on another machine
        assert experiment_stream(7) == key
        connection.settings_dict["NAME"] = "another_installation"
        assert experiment_stream(7) != key
    finally:
        connection.settings_dict["HOST"], connection.settings_dict["NAME"] = host, name
