"""The insight job on a real Celery worker: the page's first request enqueues it, the worker
computes the charts, and the polled list reports them ready."""

from __future__ import annotations

import time
from typing import Any

import pytest

from automl_core import AutoML
from automl_core.data import read_csv
from daria.accounts.services import create_project
from daria.predictions.services import save_trained_model
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset
from tests.integration.conftest import private_queue, worker  # noqa: F401 - fixtures

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

WAIT_S = 180  # worker start-up and a slow shared machine


def test_the_worker_computes_the_charts_the_page_polls_for(
    alice: object, as_alice: Any, worker: object  # noqa: F811
) -> None:
    fitted = AutoML(time_budget_s=3, seed=0).fit(read_csv(churn_csv()).frame, target="churn")
    dataset = make_dataset(alice, create_project(alice, "On a worker"))
    model = save_trained_model(ExperimentFactory(dataset=dataset), fitted)
    url = f"/api/v1/models/{model.pk}/insights/"

    listing = as_alice.get(url).json()
    assert listing["job"]["state"] == "queued"
    deadline = time.monotonic() + WAIT_S
    while listing["job"]["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(1)
        listing = as_alice.get(url).json()

    assert listing["job"]["state"] == "ready", listing
    states = {c["key"]: c["state"] for c in listing["charts"] if c["kind"] == "expensive"}
    assert states["permutation_importance"] == "ready"
    assert states["learning_curve"] == "ready"
    chart = as_alice.get(f"{url}permutation_importance/")
    assert chart.status_code == 200
    assert {row[0] for row in chart.json()["table"]["rows"]} == {"age", "plan", "usage"}
