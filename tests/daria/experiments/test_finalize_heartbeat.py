"""Building the final model is claimed once and proves it is alive with a heartbeat."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.experiments.finalize_liveness import claim_finalize, finalize_heartbeat
from daria.experiments.models import Experiment
from tests.daria.factories import ExperimentFactory, make_dataset

# The heartbeat is written by a side thread on its own connection: it must see committed rows.
pytestmark = pytest.mark.django_db(transaction=True)


def _heartbeat_at(experiment: Experiment) -> object:
    return Experiment.objects.values_list("finalize_heartbeat_at", flat=True).get(pk=experiment.pk)


def test_a_build_beats_while_it_runs_and_only_a_silent_one_can_be_claimed_again(
    alice: object, settings: object
) -> None:
    settings.DARIA_HEARTBEAT_S = 1
    settings.DARIA_TRIAL_LOST_AFTER_S = 30
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "F")),
                                   status="running", finalizing=True)

    assert claim_finalize(experiment.pk)
    claimed_at = _heartbeat_at(experiment)
    with finalize_heartbeat(experiment.pk):
        deadline = time.monotonic() + 15
        while _heartbeat_at(experiment) == claimed_at and time.monotonic() < deadline:
            time.sleep(0.1)
        beaten_at = _heartbeat_at(experiment)
    assert beaten_at > claimed_at

    assert not claim_finalize(experiment.pk)  # a second delivery while the build is alive
    Experiment.objects.filter(pk=experiment.pk).update(
        finalize_heartbeat_at=timezone.now() - timedelta(seconds=31))
    assert claim_finalize(experiment.pk)  # its worker died: the next delivery takes over
    assert Experiment.objects.get(pk=experiment.pk).finalize_attempts == 2


def test_a_finished_experiment_cannot_be_claimed(alice: object) -> None:
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "F")),
                                   status="succeeded", finalizing=True)
    assert not claim_finalize(experiment.pk)
