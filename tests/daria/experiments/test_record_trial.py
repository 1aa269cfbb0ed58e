"""Recording a trial: committed once per number, then announced on Redis."""

import json
import math

import pytest
import redis
from django.conf import settings

from automl_core import TrialRecord, TrialState
from daria.accounts.services import create_project
from daria.experiments.models import Trial
from daria.experiments.services import record_trial
from daria.lib.events import experiment_channel
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object) -> object:
    return ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "P")))


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


def test_each_trial_is_announced_on_the_experiments_channel(experiment: object) -> None:
    subscriber = redis.Redis.from_url(settings.REDIS_URL).pubsub()
    subscriber.subscribe(experiment_channel(experiment.pk))
    subscriber.get_message(timeout=1)  # the subscribe confirmation

    record_trial(experiment.pk, _record(4, score=0.91), progress=0.5)

    message = subscriber.get_message(timeout=2)
    subscriber.close()
    event = json.loads(message["data"])
    assert event["event"] == "trial"
    assert event["data"]["number"] == 4 and event["data"]["score"] == 0.91
