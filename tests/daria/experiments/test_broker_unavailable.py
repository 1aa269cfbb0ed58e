"""When the queue is down, starting an experiment is a clear 503 and nothing runs in the web."""

from collections.abc import Iterator

import pytest

from daria.accounts.services import create_project
from daria.celery import app as celery_app
from daria.experiments.models import Experiment
from tests.daria.factories import make_dataset


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
