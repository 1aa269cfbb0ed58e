"""Cancelling: a queued experiment stops at once; a running one at its next trial."""

import pytest

from daria.accounts.services import create_project
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "P"))


def test_a_queued_experiment_is_cancelled_at_once(as_alice: object, dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset)
    body = as_alice.post(f"/api/v1/experiments/{experiment.pk}/cancel/").json()
    assert body["status"] == "cancelled" and body["finished_at"] is not None


def test_a_running_experiment_is_asked_to_stop(as_alice: object, dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="running")
    body = as_alice.post(f"/api/v1/experiments/{experiment.pk}/cancel/").json()
    assert body["status"] == "running" and body["cancel_requested"] is True


def test_a_finished_experiment_stays_as_it_was(as_alice: object, dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="succeeded")
    body = as_alice.post(f"/api/v1/experiments/{experiment.pk}/cancel/").json()
    assert body["status"] == "succeeded" and body["cancel_requested"] is False
