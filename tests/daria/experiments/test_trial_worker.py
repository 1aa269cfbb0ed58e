"""Each trial records the Celery worker that started it (the live page's worker timeline)."""

from __future__ import annotations

import pytest
from celery.utils.nodenames import gethostname

from daria.accounts.services import create_project
from daria.experiments import scheduling, tasks, trial_runs
from daria.experiments.models import Experiment
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def experiment(alice: object, queue: InProcessQueue) -> Experiment:
    """A running search with its first trials queued (not run yet)."""
    experiment = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "Workers")),
                                   time_budget_s=30)
    with queue.capture(execute=True):
        scheduling.start_search(experiment.pk)
    return experiment


def test_a_trial_run_by_the_celery_task_records_the_worker_hostname(
    experiment: Experiment, queue: InProcessQueue
) -> None:
    with queue.capture(execute=True):
        # Run eagerly, Celery's request carries this machine's hostname as the worker's.
        result = tasks.run_trial.apply(args=(experiment.pk, 0), throw=True)

    assert result.get() == "complete"
    trial = experiment.trials.get(number=0)
    assert trial.worker == gethostname() != ""
    assert experiment.trials.get(number=1).worker == ""  # queued: no worker yet


def test_a_trial_run_outside_a_worker_records_no_worker(
    experiment: Experiment, queue: InProcessQueue
) -> None:
    with queue.capture(execute=True):
        assert trial_runs.run_trial(experiment.pk, 0) == "complete"

    assert experiment.trials.get(number=0).worker == ""


def test_the_trials_endpoint_sends_the_worker(
    as_alice: object, experiment: Experiment, queue: InProcessQueue
) -> None:
    with queue.capture(execute=True):
        tasks.run_trial.apply(args=(experiment.pk, 0), throw=True)

    body = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/").json()
    assert [(t["number"], t["worker"]) for t in body] == [(0, gethostname())]
