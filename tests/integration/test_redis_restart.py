"""Redis restarts mid-search and forgets everything it held (no persistence): queued task
messages and the live channel are gone. The experiment must still end consistent without an
operator: every trial in exactly one final state, numbered once, the search finished."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.utils import timezone

from daria.accounts.services import create_project
from daria.accounts.tokens import create_token
from daria.celery import app as celery_app
from daria.experiments.models import Experiment, Trial
from daria.predictions.models import TrainedModel
from tests.conftest import DATASETS
from tests.daria.factories import make_dataset
from tests.integration.test_worker_loss import RECOVERY_ENV, run_celery_beat
from tests.processes import (
    daria_env,
    free_port,
    run_celery_worker,
    run_uvicorn,
    stop_process,
    wait_for,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BUDGET_S = 40
WAIT_S = BUDGET_S + 180


@contextmanager
def private_redis(port: int) -> Iterator[subprocess.Popen[bytes]]:
    """A Redis server of this test alone, keeping nothing on disk."""
    process = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: _answers(port), "the private Redis to accept connections", 20)
        yield process
    finally:
        stop_process(process)


def _answers(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(port=port, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Point this process's Celery app (the worker pings of the fixtures) at ``url``."""
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = url
    celery_app._pool = None
    try:
        yield
    finally:
        celery_app.conf.broker_url = original
        celery_app._pool = None


def start_experiment(url: str, token: str, dataset_id: int) -> dict:
    """POST /api/v1/experiments/ to the running server with an API token."""
    body = json.dumps({"dataset": dataset_id, "target": "class", "time_budget_s": BUDGET_S})
    request = urllib.request.Request(
        f"{url}/api/v1/experiments/", data=body.encode(), method="POST",
        headers={"Authorization": f"Token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def test_a_search_survives_a_redis_restart_that_loses_every_message(
    alice: object, private_queue: str, data_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    env = {**daria_env(data_dir, private_queue), **RECOVERY_ENV,
           "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    dataset = make_dataset(alice, create_project(alice, "Restart"),
                           (DATASETS / "credit_g.csv").read_bytes(), name="credit_g.csv")
    token = create_token(alice, name="restart")[1]

    with private_redis(port) as first_redis, broker_at(env["REDIS_URL"]), \
            run_uvicorn(env) as server, run_celery_beat(env, tmp_path), \
            run_celery_worker(env, tmp_path / "worker.log"):
        started = start_experiment(server.url, token, dataset.pk)
        wait_for(lambda: mid_search(started["id"]), "two finished trials", WAIT_S)
        stop_process(first_redis)
        restarted_at = timezone.now()
        time.sleep(3)  # the worker, beat and web server lose their connections meanwhile
        with private_redis(port):
            experiment = wait_for(lambda: Experiment.objects.filter(
                pk=started["id"], status__in=Experiment.FINISHED).first(), "the end", WAIT_S)

    assert experiment.status == "succeeded", experiment.error
    trials = list(Trial.objects.filter(experiment=experiment).order_by("number"))
    assert [t.number for t in trials] == list(range(len(trials)))
    assert not [t for t in trials if t.is_pending]
    assert TrainedModel.objects.filter(experiment=experiment).exists()
    assert [t for t in trials if t.finished_at > restarted_at], "the search went on after it"


def mid_search(experiment_id: int) -> bool:
    """True once two trials finished while the search still has budget to go on."""
    running = Experiment.objects.filter(pk=experiment_id, status="running", finalizing=False,
                                        cancel_requested=False).first()
    if running is None or running.started_at is None:
        return False
    done = Trial.objects.filter(experiment_id=experiment_id, state="complete").count()
    elapsed = (timezone.now() - running.started_at).total_seconds()
    return done >= 2 and elapsed < BUDGET_S / 2
