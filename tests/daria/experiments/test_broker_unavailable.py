"""When the queue is down, starting an experiment is a clear 503 and nothing runs in the web."""

from collections.abc import Iterator

import pytest

from daria.accounts.services import create_project
from daria.celery import app as celery_app
from daria.experiments.models import Experiment
from daria.experiments.services import create_experiment, finish_experiment
from tests.daria.factories import ExperimentFactory, make_dataset


@pytest.fixture
def unreachable_broker() -> Iterator[None]:
    """Point the Celery app at a port nothing listens on (and back afterwards)."""
    original = celery_app.conf.broker_url
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    _forget_connections()
    yield
    celery_app.conf.broker_url = original
    _forget_connections()


def _forget_connections() -> None:
    # Celery caches its connection and producer pools per app; drop them to reconnect.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.mark.django_db(transaction=True)
def test_the_user_gets_503_and_the_experiment_is_marked_failed(
    alice: object, as_alice: object, unreachable_broker: None
) -> None:
    dataset = make_dataset(alice, create_project(alice, "Queue down"))

    response = as_alice.post("/api/v1/experiments/", {"dataset": dataset.pk, "target": "churn"},
                             format="json")

    assert response.status_code == 503
    assert response.json()["code"] == "queue_unavailable"
    assert "queue" in response.json()["detail"].lower()
    experiment = Experiment.objects.get()
    assert experiment.status == "failed" and "queue" in experiment.error.lower()
    assert not experiment.trials.exists()


@pytest.mark.django_db(transaction=True)
def test_a_waiting_experiment_stays_in_line_when_the_queue_is_down_at_its_turn(
    alice: object, as_alice: object, settings: object, unreachable_broker: None
) -> None:
    settings.DARIA_MAX_CONCURRENT_EXPERIMENTS = 1
    dataset = make_dataset(alice, create_project(alice, "Queue down at its turn"))
    running = ExperimentFactory(dataset=dataset, created_by=alice, status="running")
    waiting = create_experiment(alice, dataset, "churn")
    assert waiting.status == "waiting"

    # The running one ends while the broker is down: the next one cannot be sent.
    finish_experiment(running, Experiment.Status.SUCCEEDED)

    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    assert as_alice.get(f"/api/v1/experiments/{waiting.pk}/").json()["queue_position"] == 1
