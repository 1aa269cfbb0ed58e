"""Running an experiment in-process through the real engine (the worker's code path)."""

from pathlib import Path

import pytest

from daria.accounts.services import create_project
from daria.experiments.models import Experiment
from daria.experiments.runner import run_experiment
from tests.conftest import stored_files
from tests.daria.factories import ExperimentFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Run"))


def test_a_search_records_its_trials_and_keeps_the_final_model(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, time_budget_s=6)

    assert run_experiment(experiment.pk) == "succeeded"

    experiment.refresh_from_db()
    assert experiment.status == "succeeded" and experiment.progress == 1.0
    assert experiment.started_at <= experiment.finished_at
    trials = list(experiment.trials.all())
    assert trials and any(t.state == "complete" and t.score is not None for t in trials)
    model = experiment.model
    assert model.score == max(t.score for t in trials if t.score is not None)
    assert model.classes == ["no", "yes"] and "roc_auc" in model.metrics
    assert stored_files("models") == [Path(model.file.path)]


def test_a_second_delivery_of_the_same_run_does_nothing(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, status="succeeded")
    assert run_experiment(experiment.pk) == "skipped"
    assert not experiment.trials.exists()


def test_an_unlearnable_target_fails_with_a_translated_reason(dataset: object,
                                                              as_alice: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, target="plan", task="binary",
                                   time_budget_s=5)

    assert run_experiment(experiment.pk) == "failed"

    body = as_alice.get(f"/api/v1/experiments/{experiment.pk}/",
                        HTTP_ACCEPT_LANGUAGE="ko").json()
    assert body["status"] == "failed" and "plan" in body["error"]
    assert "클래스" in body["error"]  # shown in the reader's language
    assert Experiment.objects.get(pk=experiment.pk).error_code == "not_binary"


def test_a_cancel_before_the_first_trial_ends_as_cancelled(dataset: object) -> None:
    experiment = ExperimentFactory(dataset=dataset, cancel_requested=True, time_budget_s=5)

    assert run_experiment(experiment.pk) == "cancelled"

    experiment.refresh_from_db()
    assert experiment.status == "cancelled" and not hasattr(experiment, "model")
