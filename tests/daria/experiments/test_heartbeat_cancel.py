"""A running trial's heartbeat thread notices a cancel within seconds and stops the trial."""

from __future__ import annotations

import time

import pytest

from daria.accounts.services import create_project
from daria.experiments.heartbeat import TrialCancelled, heartbeat
from daria.experiments.models import Experiment
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

# The heartbeat thread has its own database connection: it must see committed rows.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def experiment(alice: object) -> Experiment:
    dataset = make_dataset(alice, create_project(alice, "Beat"))
    experiment = ExperimentFactory(dataset=dataset, status="running")
    TrialFactory(experiment=experiment, number=0, state="running", score=None)
    return experiment


def _busy(seconds: float) -> None:
    """Python work that a cancel can interrupt (like the engine between boosting rounds)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(1000))


def test_a_cancel_interrupts_the_running_trial_within_seconds(experiment: Experiment) -> None:
    ended: list[float] = []
    Experiment.objects.filter(pk=experiment.pk).update(cancel_requested=True)
    started = time.monotonic()

    with (pytest.raises(TrialCancelled),
          heartbeat(experiment.pk, 0, on_cancel=lambda: ended.append(time.monotonic()))):
        _busy(30)

    assert len(ended) == 1 and time.monotonic() - started < 3


def test_a_trial_of_a_search_that_goes_on_is_not_interrupted(experiment: Experiment) -> None:
    ended: list[float] = []
    with heartbeat(experiment.pk, 0, on_cancel=lambda: ended.append(time.monotonic())):
        _busy(1.5)
    assert ended == []
