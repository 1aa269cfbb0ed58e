"""The model page's API: charts of real trained models, their states, isolation and failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import plotly.io as pio
import pytest

from automl_core import AutoML
from automl_core.data import read_csv
from automl_core.diagnostics import metric_values
from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.insights import catalog, jobs, storage
from daria.insights.models import InsightJob
from daria.predictions.models import TrainedModel
from daria.predictions.services import save_trained_model
from tests.conftest import client_for
from tests.daria.experiments.test_broker_unavailable import unreachable_broker  # noqa: F401
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset
from tests.daria.insights.conftest import SentTasks

pytestmark = pytest.mark.django_db

CHEAP = {
    "binary": ["metrics", "confusion_matrix", "confusion_matrix_normalized", "roc_curve",
               "precision_recall_curve", "calibration", "thresholds"],
    "multiclass": ["metrics", "confusion_matrix", "confusion_matrix_normalized", "roc_curve",
                   "precision_recall_curve", "calibration"],
    "regression": ["metrics", "predicted_vs_actual", "residuals", "residual_histogram"],
}


def _url(model: TrainedModel, chart: str = "") -> str:
    return f"/api/v1/models/{model.pk}/insights/" + (f"{chart}/" if chart else "")


def _data_rows(chart: str, payload: dict[str, Any], model: TrainedModel) -> int:
    """How many rows of data the figure draws (what the table must list)."""
    traces = payload["figure"]["data"]
    series = [t for t in traces if t.get("hoverinfo") != "skip"]
    if chart == "metrics":
        return len(model.metrics)
    if chart.startswith("confusion_matrix"):
        return len(model.classes)
    if chart in ("permutation_importance", "shap_importance"):
        return len(model.feature_names)
    if chart in ("roc_curve", "precision_recall_curve", "calibration"):
        return sum(len(t["x"]) for t in series)
    return len(series[0]["x"])


def _check_chart(client: Any, model: TrainedModel, chart: str) -> dict[str, Any]:
    response = client.get(_url(model, chart))
    assert response.status_code == 200, (chart, response.json())
    payload = response.json()
    figure = pio.from_json(json.dumps(payload["figure"]))
    assert len(figure.data) >= 1
    table = payload["table"]
    assert len(table["rows"]) == _data_rows(chart, payload, model), chart
    assert all(len(row) == len(table["columns"]) for row in table["rows"])
    return payload


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
def test_every_chart_of_a_trained_model_is_valid_plotly_with_a_matching_table(
    task: str, train: Callable[[str], TrainedModel], sent: SentTasks, as_alice: Any,
    django_capture_on_commit_callbacks: Any
) -> None:
    model = train(task)
    # The finalizing step stored the ensemble's out-of-fold predictions; scored again they give
    # exactly the metrics the engine computed for the ensemble.
    oof = storage.load_oof(model)
    assert oof is not None
    assert metric_values(oof) == pytest.approx(model.metrics, rel=1e-9)

    with django_capture_on_commit_callbacks(execute=True):
        listing = as_alice.get(_url(model)).json()
    assert [c["key"] for c in listing["charts"] if c["kind"] == "cheap"] == CHEAP[task]
    assert {c["key"]: c["state"] for c in listing["charts"] if c["kind"] == "expensive"} == {
        key: "queued" for key in catalog.EXPENSIVE}
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.get(_url(model))
    assert sent.model_ids == [model.pk]  # one job per model, however often the page polls
    for chart in CHEAP[task]:
        _check_chart(as_alice, model, chart)
    korean = as_alice.get(_url(model, "metrics"), HTTP_ACCEPT_LANGUAGE="ko").json()
    assert korean["table"]["columns"] == ["지표", "값", "좋은 방향"]
    assert {row[0] for row in korean["table"]["rows"]} == set(model.metrics)  # names as sent

    assert as_alice.get(_url(model, catalog.PERMUTATION)).json()["code"] == "insight_not_ready"
    assert jobs.compute_insights(model.pk) == "ready"
    assert jobs.compute_insights(model.pk) == "skipped"  # a second delivery does nothing

    listing = as_alice.get(_url(model)).json()
    assert listing["job"]["state"] == "ready"
    states = {c["key"]: c for c in listing["charts"] if c["kind"] == "expensive"}
    for key in (catalog.PERMUTATION, catalog.LEARNING_CURVE, catalog.PARTIAL_DEPENDENCE[0]):
        assert states[key]["state"] == "ready", states[key]
    assert states[catalog.PARTIAL_DEPENDENCE[0]]["feature"] in model.feature_names
    assert states[catalog.SHAP]["state"] in ("ready", "unavailable")
    for key, state in states.items():
        if state["state"] == "ready":
            _check_chart(as_alice, model, key)
        else:
            assert state["reason"] and as_alice.get(_url(model, key)).status_code == 409


def test_permutation_importance_finds_the_features_the_target_depends_on(
    train: Callable[[str], TrainedModel], sent: SentTasks, as_alice: Any
) -> None:
    model = train("regression")
    as_alice.get(_url(model))
    jobs.compute_insights(model.pk)
    rows = as_alice.get(_url(model, catalog.PERMUTATION)).json()["table"]["rows"]
    assert [row[0] for row in rows][-1] == "noise"
    assert {row[0] for row in rows[:2]} == {"size", "area"}


@pytest.fixture
def model_of_alice(alice: object, sent: SentTasks) -> TrainedModel:
    """A model fitted by the engine alone (no search in Daria: no stored trial predictions)."""
    fitted = AutoML(time_budget_s=3, seed=0).fit(read_csv(churn_csv()).frame, target="churn")
    dataset = make_dataset(alice, create_project(alice, "Isolated"))
    return save_trained_model(ExperimentFactory(dataset=dataset), fitted)


def test_another_projects_model_is_not_found(model_of_alice: TrainedModel, as_bob: Any) -> None:
    for response in (as_bob.get(_url(model_of_alice)),
                     as_bob.get(_url(model_of_alice, "roc_curve")),
                     as_bob.post(_url(model_of_alice, "retry"))):
        assert response.status_code == 404
    assert not InsightJob.objects.exists()


def test_a_viewer_reads_the_charts_but_cannot_restart_the_job(
    model_of_alice: TrainedModel, charlie: object
) -> None:
    add_member(model_of_alice.project, charlie, Role.VIEWER)
    viewer = client_for(charlie)
    assert viewer.get(_url(model_of_alice)).status_code == 200
    assert viewer.post(_url(model_of_alice, "retry")).status_code == 403


def test_charts_that_cannot_be_drawn_explain_why_instead_of_failing(
    model_of_alice: TrainedModel, as_alice: Any
) -> None:
    assert as_alice.get(_url(model_of_alice, "no_such_chart")).status_code == 404
    wrong_task = as_alice.get(_url(model_of_alice, "residuals"))
    assert wrong_task.status_code == 409 and wrong_task.json()["code"] == "insight_unavailable"
    no_oof = as_alice.get(_url(model_of_alice, "roc_curve"))
    assert no_oof.status_code == 409 and "out-of-fold" in no_oof.json()["detail"]


def test_the_job_works_without_stored_predictions_and_a_retry_runs_it_again(
    model_of_alice: TrainedModel, as_alice: Any, sent: SentTasks,
    django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.get(_url(model_of_alice))
    assert jobs.compute_insights(model_of_alice.pk) == "ready"
    _check_chart(as_alice, model_of_alice, catalog.PERMUTATION)
    with django_capture_on_commit_callbacks(execute=True):
        retry = as_alice.post(_url(model_of_alice, "retry"))
    assert retry.status_code == 202 and retry.json()["job"]["state"] == "queued"
    assert sent.model_ids == [model_of_alice.pk, model_of_alice.pk]
    assert jobs.compute_insights(model_of_alice.pk) == "ready"


def test_a_job_whose_model_file_was_changed_fails_with_a_reason(
    model_of_alice: TrainedModel, as_alice: Any
) -> None:
    as_alice.get(_url(model_of_alice))
    with open(model_of_alice.file.path, "ab") as handle:
        handle.write(b"tampered")
    assert jobs.compute_insights(model_of_alice.pk) == "failed"
    listing = as_alice.get(_url(model_of_alice)).json()
    assert listing["job"]["state"] == "failed" and "ModelFileTampered" in listing["job"]["error"]
    assert all(c["state"] == "failed" for c in listing["charts"] if c["kind"] == "expensive")


def test_a_broker_that_is_down_marks_the_job_failed_saying_what_to_do(
    alice: object, as_alice: Any, unreachable_broker: None,  # noqa: F811
    django_capture_on_commit_callbacks: Any
) -> None:
    fitted = AutoML(time_budget_s=2, seed=0).fit(read_csv(churn_csv()).frame, target="churn")
    dataset = make_dataset(alice, create_project(alice, "Queue down"))
    model = save_trained_model(ExperimentFactory(dataset=dataset), fitted)
    with django_capture_on_commit_callbacks(execute=True):
        assert as_alice.get(_url(model)).status_code == 200
    listing = as_alice.get(_url(model)).json()
    assert listing["job"]["state"] == "failed" and "Retry" in listing["job"]["error"]
