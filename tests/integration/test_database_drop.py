"""The database drops every connection of the worker, beat and web server mid-search (as a
PostgreSQL restart or failover does). The experiment must still end consistent without an
operator: every trial in exactly one final state, numbered once, the search finished with a
model, and trials finished after the drop."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from daria.experiments.models import Experiment, Trial
from daria.predictions.models import TrainedModel
from tests.conftest import DATASETS
from tests.daria.factories import make_dataset
from tests.integration.test_redis_restart import WAIT_S, mid_search, start_experiment
from tests.integration.test_worker_loss import RECOVERY_ENV, run_celery_beat
from tests.processes import (
    daria_env,
    end_subprocess_database_sessions,
    run_celery_worker,
    run_uvicorn,
    wait_for,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_search_survives_the_database_dropping_every_connection(
    alice: object, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    env = {**daria_env(data_dir, private_queue), **RECOVERY_ENV}
    dataset = make_dataset(alice, create_project(alice, "Drop"),
                           (DATASETS / "credit_g.csv").read_bytes(), name="credit_g.csv")
    token = create_token(alice, name="drop")[1]

    with run_uvicorn(env) as server, run_celery_beat(env, tmp_path), \
            run_celery_worker(env, tmp_path / "worker.log"):
        started = start_experiment(server.url, token, dataset.pk)
        wait_for(lambda: mid_search(started["id"]), "two finished trials", WAIT_S)
        dropped_at = timezone.now()
        end_subprocess_database_sessions()
        time.sleep(2)
        end_subprocess_database_sessions()  # again, while the processes reconnect
        experiment = wait_for(lambda: Experiment.objects.filter(
            pk=started["id"], status__in=Experiment.FINISHED).first(), "the end", WAIT_S)

    assert experiment.status == "succeeded", experiment.error
    trials = list(Trial.objects.filter(experiment=experiment).order_by("number"))
    assert [t.number for t in trials] == list(range(len(trials)))
    assert not [t for t in trials if t.is_pending]
    assert TrainedModel.objects.filter(experiment=experiment).exists()
    assert [t for t in trials if t.finished_at and t.finished_at > dropped_at], \
        "the search went on after the drop"
