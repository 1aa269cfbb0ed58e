"""Predicting with a final model: JSON rows, an uploaded CSV, and the downloads."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core import AutoML
from automl_core.data import read_csv
from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.predictions.models import PredictionBatch
from daria.predictions.services import save_trained_model
from tests.conftest import BAD_INPUTS, client_for, stored_files
from tests.daria.factories import ExperimentFactory, churn_csv, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def fitted() -> AutoML:
    """One real model, trained once for this module (the engine only; no database)."""
    return AutoML(time_budget_s=4, seed=0).fit(read_csv(churn_csv()).frame, target="churn")


@pytest.fixture
def model(alice: object, fitted: AutoML) -> object:
    dataset = make_dataset(alice, create_project(alice, "Predict"))
    return save_trained_model(ExperimentFactory(dataset=dataset), fitted)


def _predict_file(client: object, model_id: int, content: bytes, name: str = "new.csv") -> object:
    return client.post(f"/api/v1/models/{model_id}/predict/",
                       {"file": SimpleUploadedFile(name, content)}, format="multipart")


def test_the_model_page_shows_metrics_and_classes(as_alice: object, model: object) -> None:
    body = as_alice.get(f"/api/v1/models/{model.pk}/").json()
    assert body["classes"] == ["no", "yes"] and body["task"] == "binary"
    assert 0.5 < body["metrics"]["roc_auc"] <= 1.0
    assert body["download_url"] == f"/api/v1/models/{model.pk}/download/"


def test_json_rows_get_a_prediction_and_class_probabilities(as_alice: object,
                                                           model: object) -> None:
    rows = [{"age": 30, "plan": "basic", "usage": 80.0}, {"age": 70, "plan": "pro", "usage": 5}]

    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/", {"rows": rows},
                             format="json")

    assert response.status_code == 200, response.json()
    predictions = response.json()["predictions"]
    assert [p["prediction"] for p in predictions] == ["yes", "no"]
    assert all(abs(sum(p["probabilities"].values()) - 1) < 1e-6 for p in predictions)


def test_a_csv_is_predicted_stored_and_downloadable(as_alice: object, model: object) -> None:
    response = _predict_file(as_alice, model.pk, churn_csv(n_rows=30, seed=7))

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["n_rows"] == 30 and len(body["preview"]) == 20
    assert body["columns"][-5:] == ["prediction", "probability_no", "probability_yes",
                                    "unlike_training", "unlike_training_columns"]
    assert body["columns"][:4] == ["age", "plan", "usage", "churn"]  # the input, then ours
    download = as_alice.get(body["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == body["columns"] and len(rows) == 31


def test_a_csv_missing_a_column_is_refused_naming_it(as_alice: object, model: object) -> None:
    content = b"age,usage\n30,80\n"

    response = _predict_file(as_alice, model.pk, content)

    assert response.status_code == 400
    assert response.json()["code"] == "missing_columns" and "plan" in response.json()["detail"]
    assert not PredictionBatch.objects.exists() and stored_files("predictions") == []


def test_formula_cells_are_neutralised_in_the_download(as_alice: object, model: object) -> None:
    content = b"age,plan,usage,note\n30,=HYPERLINK(1),-5,@SUM(A1)\n40,pro,12,-3\n"

    body = _predict_file(as_alice, model.pk, content).json()
    download = as_alice.get(body["download_url"])

    text = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:4] == ["30", "'=HYPERLINK(1)", "-5", "'@SUM(A1)"]
    assert rows[2][3] == "-3"  # a real number in a text column stays a number


def test_the_model_file_downloads_as_an_attachment(as_alice: object, model: object) -> None:
    response = as_alice.get(f"/api/v1/models/{model.pk}/download/")
    assert response.status_code == 200
    assert "daria-model" in response["Content-Disposition"]
    assert AutoML.load(model.file.path).task == "binary"


def test_a_viewer_cannot_predict(alice: object, charlie: object, model: object) -> None:
    add_member(model.project, charlie, Role.VIEWER)
    response = client_for(charlie).post(f"/api/v1/models/{model.pk}/predict/",
                                        {"rows": [{"age": 1}]}, format="json")
    assert response.status_code == 403


def test_the_shared_prediction_files_get_their_expected_answers(
    alice: object, as_alice: object
) -> None:
    train = read_csv(BAD_INPUTS / "train_reference.csv").frame
    fitted = AutoML(time_budget_s=4, seed=0).fit(train, target="churn")
    dataset = make_dataset(alice, create_project(alice, "Ref"),
                           (BAD_INPUTS / "train_reference.csv").read_bytes())
    model = save_trained_model(ExperimentFactory(dataset=dataset), fitted)

    missing = _predict_file(as_alice, model.pk,
                            (BAD_INPUTS / "predict_missing_extra_reordered.csv").read_bytes())
    unseen = _predict_file(as_alice, model.pk,
                           (BAD_INPUTS / "predict_unseen_categories.csv").read_bytes())

    assert missing.status_code == 400 and "income" in missing.json()["detail"]
    assert unseen.status_code == 201
    assert "new categor" in " ".join(w["message"] for w in unseen.json()["warnings"])
