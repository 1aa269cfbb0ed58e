"""Prediction files go through the training reader: columns matched by name, extras ignored,
missing ones named, unseen categories counted (model trained on ``train_reference.csv``)."""

import io

import openpyxl
import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core import AutoML
from automl_core.data import read_table
from daria.predictions.models import PredictionBatch
from tests.conftest import BAD_INPUTS, stored_files
from tests.daria.predictions.reference import MANIFEST, TRAIN, fit_reference, save_reference_model

pytestmark = pytest.mark.django_db



@pytest.fixture(scope="module")
def fitted() -> AutoML:
    """One real model on the reference file, trained once for this module."""
    return fit_reference()


@pytest.fixture
def model(alice: object, fitted: AutoML) -> object:
    return save_reference_model(alice, fitted, "Predict input")


def _predict(client: object, model: object, content: bytes, name: str = "new.csv",
             language: str = "en") -> object:
    return client.post(f"/api/v1/models/{model.pk}/predict/",
                       {"file": SimpleUploadedFile(name, content)}, format="multipart",
                       HTTP_ACCEPT_LANGUAGE=language)


def _reference_rows(n: int = 20) -> pd.DataFrame:
    return read_table(TRAIN).frame.drop(columns=["churn"]).head(n)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_file_missing_a_required_column_is_a_400_naming_it(as_alice: object, model: object,
                                                             language: str) -> None:
    entry = MANIFEST["predict_missing_extra_reordered.csv"]
    response = _predict(as_alice, model, (BAD_INPUTS / entry["file"]).read_bytes(),
                        language=language)

    assert entry["expect"] == "reject" and response.status_code == 400
    detail = response.json()["detail"]
    assert "income" in detail
    assert any(hint.lower() in detail.lower() for hint in entry["hint"] if hint != "income")
    assert not PredictionBatch.objects.exists() and stored_files("predictions") == []


def test_reordered_and_extra_columns_are_accepted_with_a_notice(as_alice: object,
                                                                model: object) -> None:
    frame = pd.read_csv(BAD_INPUTS / "predict_missing_extra_reordered.csv")
    frame["income"] = 4000.0
    response = _predict(as_alice, model, frame.to_csv(index=False).encode())

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["n_rows"] == len(frame)
    [notice] = [w for w in body["warnings"] if w["code"] == "extra_columns"]
    assert notice["columns"] == ["extra_col"]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_unseen_categories_are_predicted_and_counted(as_alice: object, model: object,
                                                     language: str) -> None:
    entry = MANIFEST["predict_unseen_categories.csv"]
    content = (BAD_INPUTS / entry["file"]).read_bytes()
    response = _predict(as_alice, model, content, language=language)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["n_rows"] == entry["expected_rows_out"]
    [warning] = [w for w in body["warnings"] if w["code"] == "unseen_categories"]
    assert "city" in warning["columns"]
    assert any(hint.lower() in warning["message"].lower() for hint in entry["hint"])
    stored = next(w for w in PredictionBatch.objects.get().warnings
                  if w["code"] == "unseen_categories")
    trained = set(read_table(TRAIN).frame["city"])
    cities = pd.read_csv(io.BytesIO(content))["city"].dropna()  # missing is not a category
    new_rows = int((~cities.isin(trained)).sum())
    assert stored["params"]["rows"]["city"] == new_rows > 0
    assert str(stored["params"]["total_rows"]) in warning["message"]


def test_column_names_match_after_case_space_and_unicode_normalisation(as_alice: object,
                                                                       model: object) -> None:
    frame = _reference_rows().rename(columns={"age": "AGE", "income": " Income",
                                              "city": "ｃｉｔｙ"})
    response = _predict(as_alice, model, frame.to_csv(index=False).encode())

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["columns"][:4] == ["age", "income", "city", "visits"]
    assert not [w for w in body["warnings"] if w["code"] == "extra_columns"]


def test_a_korean_excel_csv_and_a_workbook_are_read_like_training_data(as_alice: object,
                                                                       model: object) -> None:
    frame = _reference_rows()
    semicolon = frame.to_csv(index=False, sep=";", decimal=",").encode("cp949")
    assert _predict(as_alice, model, semicolon).status_code == 201

    workbook = openpyxl.Workbook()
    workbook.active.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _predict(as_alice, model, buffer.getvalue(), "new.xlsx")
    assert response.status_code == 201, response.json()
    assert response.json()["n_rows"] == len(frame)


def test_an_image_is_refused_and_nothing_is_stored(as_alice: object, model: object) -> None:
    response = _predict(as_alice, model, (BAD_INPUTS / "binary_png_renamed.csv").read_bytes())
    assert response.status_code == 400
    assert not PredictionBatch.objects.exists()


def test_a_refused_prediction_file_is_explained_in_korean(as_alice: object, model: object) -> None:
    response = _predict(as_alice, model, (BAD_INPUTS / "binary_png_renamed.csv").read_bytes(),
                        language="ko")
    assert response.status_code == 400
    assert response.json()["code"] == "unsupported_format"
    assert "CSV 형식" in response.json()["detail"]
