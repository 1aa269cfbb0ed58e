"""The diagnostics endpoints list the charts and answer valid plotly payloads."""

import plotly.graph_objects as go
import pytest

from tests.daria.factories import TrialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def searched(experiment: object) -> object:
    for number in range(14):
        rate = 0.01 + number / 50
        TrialFactory(experiment=experiment, number=number, algorithm="lightgbm",
                     params={"learning_rate": rate, "num_leaves": 31 + number % 2},
                     score=0.9 - abs(rate - 0.1))
    TrialFactory(experiment=experiment, number=14, algorithm="logistic_regression",
                 params={"C": 1.0}, score=0.7)
    TrialFactory(experiment=experiment, number=15, state="failed", score=None, fold_scores=[])
    return experiment


def chart(client: object, experiment: object, name: str, **params: object) -> dict:
    response = client.get(f"/api/v1/experiments/{experiment.pk}/diagnostics/{name}/", params)
    assert response.status_code == 200, response.content
    payload = response.json()
    go.Figure(payload["figure"])  # plotly accepts it
    return payload


def test_index_lists_charts_and_algorithms(as_alice: object, searched: object) -> None:
    body = as_alice.get(f"/api/v1/experiments/{searched.pk}/diagnostics/").json()
    assert body["charts"] == ["history", "summary", "parallel", "importance", "slice",
                              "timeline"]
    algorithms = {a["name"]: a for a in body["algorithms"]}
    assert algorithms["lightgbm"] == {"name": "lightgbm", "completed": 14,
                                      "params": ["learning_rate", "num_leaves"],
                                      "importance_available": True}
    assert algorithms["logistic_regression"]["importance_available"] is False


def test_every_chart_is_valid_plotly(as_alice: object, searched: object) -> None:
    history = chart(as_alice, searched, "history")
    assert history["table"]["columns"][2] == "Score (roc_auc)"
    assert len(history["table"]["rows"]) == 15  # every completed trial, not the failed one
    chart(as_alice, searched, "summary")
    chart(as_alice, searched, "parallel", algorithm="lightgbm")
    importance = chart(as_alice, searched, "importance", algorithm="lightgbm")
    assert importance["table"]["rows"][0][0] == "learning_rate"
    sliced = chart(as_alice, searched, "slice", algorithm="lightgbm", param="learning_rate")
    assert sliced["table"]["columns"] == ["Trial", "learning_rate", "Score (roc_auc)"]


def test_labels_follow_the_language(as_alice: object, searched: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{searched.pk}/diagnostics/history/",
                            HTTP_ACCEPT_LANGUAGE="ko")
    assert response.json()["table"]["columns"][0] == "시도"


@pytest.mark.parametrize(("name", "params", "field"), [
    ("parallel", {}, "algorithm"),
    ("parallel", {"algorithm": "xgboost"}, "algorithm"),
    ("slice", {"algorithm": "lightgbm"}, "param"),
    ("slice", {"algorithm": "lightgbm", "param": "depth"}, "param"),
    ("importance", {"algorithm": "logistic_regression"}, "algorithm"),
])
def test_missing_or_unknown_choices_answer_400(as_alice: object, searched: object, name: str,
                                               params: dict, field: str) -> None:
    response = as_alice.get(f"/api/v1/experiments/{searched.pk}/diagnostics/{name}/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_an_unknown_chart_is_not_found(as_alice: object, searched: object) -> None:
    response = as_alice.get(f"/api/v1/experiments/{searched.pk}/diagnostics/pie/")
    assert response.status_code == 404
