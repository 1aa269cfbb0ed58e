"""Every trial shows the other metrics, prediction time per 1,000 rows and model size, measured
by the engine's cross-validation; trials stored before these were measured still display."""

import io
import math
import time

import pandas as pd
import pytest

from automl_core.distributed import evaluate_configuration
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState
from daria.experiments import services
from daria.experiments.models import Trial
from daria.experiments.problems import load_problem
from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db


def leaderboard(client: object, experiment: object, **params: object) -> dict:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_real_evaluation_is_stored_and_shown_with_every_metric(as_alice: object,
                                                                 experiment: object) -> None:
    load_problem.cache_clear()  # ids are reused between tests
    problem = load_problem(experiment.pk)
    outcome = evaluate_configuration(
        problem, 0, Configuration("knn", {"n_neighbors": 5, "weights": "uniform", "p": 2}),
        time.monotonic() + 60)
    assert outcome.record.state is TrialState.COMPLETE
    services.record_trial(experiment.pk, outcome.record, 0.5, outcome.oof)

    row = leaderboard(as_alice, experiment)["results"][0]
    assert set(row["metrics"]) == {"roc_auc", "log_loss", "accuracy", "balanced_accuracy", "f1"}
    assert row["metrics"]["roc_auc"] == pytest.approx(row["score"])
    assert row["metrics"]["accuracy"] == pytest.approx(outcome.record.metrics["accuracy"])
    assert row["model_size_bytes"] == outcome.record.model_size_bytes > 1000
    assert row["predict_time_per_1000_s"] == pytest.approx(
        outcome.record.predict_time_per_1000_s)


def test_a_trial_stored_before_the_measurements_still_displays(as_alice: object,
                                                               experiment: object) -> None:
    TrialFactory(experiment=experiment, number=0, score=0.8, predict_time_s=0.06)
    row = leaderboard(as_alice, experiment)["results"][0]
    assert row["metrics"] == {"roc_auc": 0.8}
    assert row["model_size_bytes"] is None
    # Derived from the total out-of-fold prediction time over the dataset's 120 rows.
    assert row["predict_time_per_1000_s"] == pytest.approx(0.06 / 120 * 1000)


def test_a_failed_trial_has_no_metrics(as_alice: object, experiment: object) -> None:
    TrialFactory(experiment=experiment, number=0, state="failed", score=None, fold_scores=[])
    row = leaderboard(as_alice, experiment)["results"][0]
    assert row["metrics"] == {} and row["model_size_bytes"] is None


def test_metrics_that_are_not_finite_are_not_stored(experiment: object) -> None:
    record = TrialRecord(0, TrialState.COMPLETE, "knn", {}, 0.7, (0.7,),
                         metrics={"roc_auc": 0.7, "f1": math.nan},
                         predict_time_per_1000_s=0.01, model_size_bytes=5000)
    services.record_trial(experiment.pk, record, 0.1)
    trial = Trial.objects.get(experiment=experiment, number=0)
    assert trial.metrics == {"roc_auc": 0.7}
    assert (trial.model_size_bytes, trial.predict_time_per_1000_s) == (5000, 0.01)


def test_the_export_has_a_column_per_metric_and_the_model_size(as_alice: object,
                                                              experiment: object) -> None:
    TrialFactory(experiment=experiment, number=0, score=0.8,
                 metrics={"roc_auc": 0.8, "log_loss": 0.45, "accuracy": 0.75},
                 model_size_bytes=2_048_000, predict_time_per_1000_s=0.004)
    TrialFactory(experiment=experiment, number=1, score=0.7)  # stored before: chosen only
    response = as_alice.get(f"/api/v1/experiments/{experiment.pk}/leaderboard/export/")
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert list(frame.columns[4:7]) == ["roc_auc", "log_loss", "accuracy"]
    assert frame["log_loss"].iloc[0] == pytest.approx(0.45)
    assert math.isnan(frame["log_loss"].iloc[1])
    assert frame["Model size (bytes)"].iloc[0] == 2_048_000
    assert frame["Prediction time per 1,000 rows (s)"].iloc[0] == pytest.approx(0.004)
