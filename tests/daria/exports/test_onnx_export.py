"""ONNX export of trained models: the file is offered when it predicts what the model predicts,
refused with a translated reason otherwise, converted once and checked before download."""

import io
from pathlib import Path

import numpy as np
import onnxruntime
import pandas as pd
import pytest

from automl_core.export.onnx import onnx_feed
from daria.predictions.services import load_automl
from tests.daria.exports.conftest import finished_experiment
from tests.daria.factories import churn_csv

pytestmark = pytest.mark.django_db


def dated_csv() -> bytes:
    """The churn table with a signup date column."""
    frame = pd.read_csv(io.BytesIO(churn_csv()))
    frame["signup"] = pd.date_range("2024-01-01", periods=len(frame), freq="D").strftime(
        "%Y-%m-%d")
    buffer = io.BytesIO()
    frame.to_csv(buffer, index=False)
    return buffer.getvalue()


def _run(content: bytes, rows: pd.DataFrame, inputs: dict[str, str]) -> list[np.ndarray]:
    session = onnxruntime.InferenceSession(content, providers=["CPUExecutionProvider"])
    return session.run(None, onnx_feed(rows, inputs))


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_the_onnx_file_is_offered_and_predicts_what_the_model_predicts(
        as_alice: object, alice: object, task: str) -> None:
    model = finished_experiment(alice, task).model
    exports = as_alice.get(f"/api/v1/models/{model.pk}/exports/").json()["onnx"]
    response = as_alice.get(exports["download_url"])

    assert exports["available"] is True and exports["reason"] == ""
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'daria-model-{model.pk}.onnx"')
    content = b"".join(response.streaming_content)
    inputs = {i["name"]: i["kind"] for i in exports["inputs"]}
    automl = load_automl(model)
    rows = pd.read_csv(model.experiment.dataset.file.path)[list(inputs)]
    outputs = _run(content, rows, inputs)
    if task == "regression":
        assert exports["outputs"] == ["prediction"]
        assert np.allclose(outputs[0], automl.predict(rows), rtol=1e-4, atol=1e-3)
    else:
        assert exports["outputs"] == ["label", "probabilities"]
        assert np.abs(outputs[1] - automl.predict_proba(rows).to_numpy()).max() < 1e-4
    assert all(f"{name!r}" in exports["snippet"] for name in inputs)
    assert f"daria-model-{model.pk}.onnx" in exports["snippet"]


def test_the_conversion_runs_once_and_is_kept_next_to_the_model(as_alice: object,
                                                                alice: object) -> None:
    model = finished_experiment(alice, "binary").model
    as_alice.get(f"/api/v1/models/{model.pk}/exports/")
    record = Path(f"{model.file.path}.onnx.json")
    stamp = record.stat().st_mtime_ns

    assert as_alice.get(f"/api/v1/models/{model.pk}/onnx/").status_code == 200
    assert record.stat().st_mtime_ns == stamp
    assert Path(f"{model.file.path}.onnx").exists()


def test_a_changed_onnx_file_is_not_served(as_alice: object, alice: object) -> None:
    model = finished_experiment(alice, "binary").model
    as_alice.get(f"/api/v1/models/{model.pk}/exports/")
    with open(f"{model.file.path}.onnx", "ab") as handle:
        handle.write(b"tampered")

    response = as_alice.get(f"/api/v1/models/{model.pk}/onnx/")
    assert response.status_code == 409 and response.json()["code"] == "model_file_tampered"


@pytest.mark.parametrize(("language", "words"), [("en", "date columns (signup)"),
                                                 ("ko", "날짜 열(signup)")])
def test_a_model_with_date_columns_is_refused_naming_them(as_alice: object, alice: object,
                                                          language: str, words: str) -> None:
    model = finished_experiment(alice, "binary", content=dated_csv()).model
    exports = as_alice.get(f"/api/v1/models/{model.pk}/exports/",
                           HTTP_ACCEPT_LANGUAGE=language).json()["onnx"]
    response = as_alice.get(f"/api/v1/models/{model.pk}/onnx/", HTTP_ACCEPT_LANGUAGE=language)

    assert exports["available"] is False and exports["snippet"] == ""
    assert response.status_code == 422 and response.json()["code"] == "onnx_not_available"
    assert words in response.json()["detail"] and "ONNX" in response.json()["detail"]
    assert exports["reason"] == response.json()["detail"]


def test_an_ensemble_with_a_member_that_does_not_convert_is_refused_naming_it(
        as_alice: object, alice: object) -> None:
    model = finished_experiment(alice, "multiclass").model
    exports = as_alice.get(f"/api/v1/models/{model.pk}/exports/").json()["onnx"]

    assert "hist_gradient_boosting" in [m.algorithm for m in load_automl(model).model_.members]
    assert exports["available"] is False
    assert "hist_gradient_boosting model splits on categories" in exports["reason"]
