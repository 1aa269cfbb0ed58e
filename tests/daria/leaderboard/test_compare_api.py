"""Comparing trials and final models: parameters, metric deltas, folds and predictions."""

import numpy as np
import plotly.graph_objects as go
import pytest

from daria.accounts.services import create_project
from daria.experiments.adapters import encode_predictions
from daria.experiments.models import TrialPredictions
from daria.experiments.problems import load_problem
from daria.predictions.models import TrainedModel
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def trials(experiment: object) -> object:
    load_problem.cache_clear()  # ids are reused between tests
    TrialFactory(experiment=experiment, number=0, params={"num_leaves": 31, "lr": 0.1},
                 score=0.9, fold_scores=[0.89, 0.9, 0.91])
    TrialFactory(experiment=experiment, number=1, params={"num_leaves": 63, "lr": 0.1},
                 score=0.8, fold_scores=[0.78, 0.8, 0.82])
    return experiment


def compare(client: object, selection: str, status: int = 200) -> dict:
    response = client.get("/api/v1/compare/", {"trials": selection})
    assert response.status_code == status, response.content
    return response.json()


def test_parameters_side_by_side_with_differences(as_alice: object, trials: object) -> None:
    body = compare(as_alice, f"{trials.pk}:0,{trials.pk}:1")
    rows = {row["name"]: row for row in body["parameters"]}
    assert rows["num_leaves"] == {"name": "num_leaves", "values": ["31", "63"], "differs": True}
    assert rows["lr"]["differs"] is False
    auc = body["metrics"][0]
    assert auc["name"] == "roc_auc" and auc["deltas"][1] == pytest.approx(-0.1)
    assert body["entries"][0]["fold_std"] == pytest.approx(np.std([0.89, 0.9, 0.91]))
    figure = go.Figure(body["fold_chart"]["figure"])
    assert len(figure.data) == 2


def test_kept_predictions_are_overlaid_and_missing_ones_named(as_alice: object,
                                                              trials: object) -> None:
    y = load_problem(trials.pk).data.y
    proba = np.column_stack([1 - y * 0.8, y * 0.8]).astype(float)
    TrialPredictions.objects.create(trial=trials.trials.get(number=0),
                                    data=encode_predictions(proba))
    body = compare(as_alice, f"{trials.pk}:0,{trials.pk}:1")
    predictions = body["predictions"]
    assert predictions["kind"] == "roc"
    assert predictions["missing"] == [f"{trials.pk}:1"]
    go.Figure(predictions["chart"]["figure"])
    assert predictions["chart"]["table"]["rows"] == [[f"#{trials.pk} trial 0", "1"]]


def test_final_models_of_two_experiments_on_one_dataset(as_alice: object, trials: object,
                                                        dataset: object) -> None:
    other = ExperimentFactory(dataset=dataset, status="succeeded")
    for experiment, auc in ((trials, 0.91), (other, 0.93)):
        TrainedModel.objects.create(
            experiment=experiment, project=experiment.project, file="models/none.skops",
            target="churn", task="binary", metric="roc_auc", algorithm="lightgbm", score=auc,
            metrics={"roc_auc": auc, "log_loss": 0.3})
    body = compare(as_alice, f"{trials.pk}:final,{other.pk}:final,{trials.pk}:0")
    assert [e["kind"] for e in body["entries"]] == ["final", "final", "trial"]
    metrics = {row["name"]: row for row in body["metrics"]}
    assert metrics["roc_auc"]["deltas"][1] == pytest.approx(0.02)
    assert metrics["roc_auc"]["better"][1] is True
    assert metrics["log_loss"]["values"][2] is None
    assert body["predictions"]["chart"] is None
    assert len(body["predictions"]["missing"]) == 3


def test_selections_on_different_datasets_are_refused(as_alice: object, alice: object,
                                                      trials: object) -> None:
    elsewhere = ExperimentFactory(dataset=make_dataset(alice, create_project(alice, "Q")))
    TrialFactory(experiment=elsewhere, number=0)
    body = compare(as_alice, f"{trials.pk}:0,{elsewhere.pk}:0", status=400)
    assert "same dataset" in body["trials"][0]


@pytest.mark.parametrize("selection", ["1", "1:x", "1:0", "1:0,1:0", "", "1:0,2:0,3:0,4:0,"
                                       "5:0,6:0,7:0,8:0,9:0"])
def test_badly_written_selections_answer_400(as_alice: object, trials: object,
                                             selection: str) -> None:
    compare(as_alice, selection, status=400)


def test_missing_trials_and_models_are_not_found(as_alice: object, trials: object) -> None:
    compare(as_alice, f"{trials.pk}:0,{trials.pk}:99", status=404)
    compare(as_alice, f"{trials.pk}:0,{trials.pk}:final", status=404)
    compare(as_alice, f"{trials.pk}:0,{trials.pk + 1000}:0", status=404)


def test_multiclass_predictions_are_overlaid_as_macro_average_roc(as_alice: object,
                                                                  dataset: object) -> None:
    load_problem.cache_clear()  # ids are reused between tests
    plans = ExperimentFactory(dataset=dataset, status="succeeded", target="plan",
                              task="multiclass", metric="log_loss", greater_is_better=False)
    problem = load_problem(plans.pk)
    y = problem.data.y
    rng = np.random.default_rng(0)
    for number, noise in ((0, 0.3), (1, 3.0)):
        trial = TrialFactory(experiment=plans, number=number, score=0.5 + number,
                             metrics={"log_loss": 0.5 + number, "accuracy": 0.9 - number / 2})
        logits = np.eye(3)[y] + rng.normal(scale=noise, size=(len(y), 3))
        proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
        TrialPredictions.objects.create(trial=trial, data=encode_predictions(proba))
    body = compare(as_alice, f"{plans.pk}:0,{plans.pk}:1")
    metrics = {row["name"]: row for row in body["metrics"]}
    assert metrics["accuracy"]["deltas"][1] == pytest.approx(-0.5)
    predictions = body["predictions"]
    assert predictions["kind"] == "roc_ovr" and predictions["missing"] == []
    figure = go.Figure(predictions["chart"]["figure"])
    assert len(figure.data) == 3  # the chance diagonal and one curve per trial
    table = predictions["chart"]["table"]
    assert table["columns"][1] == "Macro-average ROC AUC"
    assert table["columns"][2:] == [f"ROC AUC, {name} vs rest" for name in problem.classes]
    sharp, blurred = (float(row[1]) for row in table["rows"])
    assert sharp > blurred


def test_the_multiclass_chart_speaks_korean(as_alice: object, dataset: object) -> None:
    load_problem.cache_clear()
    plans = ExperimentFactory(dataset=dataset, status="succeeded", target="plan",
                              task="multiclass", metric="log_loss", greater_is_better=False)
    problem = load_problem(plans.pk)
    y = problem.data.y
    for number in (0, 1):
        trial = TrialFactory(experiment=plans, number=number)
        TrialPredictions.objects.create(trial=trial, data=encode_predictions(np.eye(3)[y]))
    response = as_alice.get("/api/v1/compare/", {"trials": f"{plans.pk}:0,{plans.pk}:1"},
                            HTTP_ACCEPT_LANGUAGE="ko")
    columns = response.json()["predictions"]["chart"]["table"]["columns"]
    assert columns[1] == "매크로 평균 ROC AUC"
    assert columns[2] == f"ROC AUC, {problem.classes[0]} 대 나머지"
