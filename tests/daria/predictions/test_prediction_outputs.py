"""What a prediction carries besides the label: the novelty flag, the XLSX download, the model
file's SHA-256, and JSON rows checked like files (model trained on ``train_reference.csv``)."""

import hashlib
import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core import AutoML
from automl_core.data import read_table
from tests.conftest import BAD_INPUTS
from tests.daria.predictions.reference import MANIFEST, TRAIN, fit_reference, save_reference_model

pytestmark = pytest.mark.django_db



@pytest.fixture(scope="module")
def fitted() -> AutoML:
    """One real model on the reference file, trained once for this module."""
    return fit_reference()


@pytest.fixture
def model(alice: object, fitted: AutoML) -> object:
    return save_reference_model(alice, fitted, "Outputs")


def _rows(n: int = 3) -> list[dict]:
    frame = read_table(TRAIN).frame.drop(columns=["churn"]).head(n)
    return json.loads(frame.to_json(orient="records"))


def _predict_rows(client: object, model: object, rows: list[dict], language: str = "en") -> object:
    return client.post(f"/api/v1/models/{model.pk}/predict/", {"rows": rows}, format="json",
                       HTTP_ACCEPT_LANGUAGE=language)


def test_training_like_rows_are_not_flagged(as_alice: object, model: object) -> None:
    response = _predict_rows(as_alice, model, _rows())

    assert response.status_code == 200, response.json()
    predictions = response.json()["predictions"]
    assert [p["unlike_training"] for p in predictions] == [False, False, False]
    assert all(p["unlike_training_columns"] == [] for p in predictions)


def test_a_far_out_number_and_a_new_category_flag_their_row(as_alice: object,
                                                            model: object) -> None:
    train = read_table(TRAIN).frame
    rows = _rows()
    rows[0]["income"] = float(train["income"].max()) * 100
    rows[2]["city"] = "Atlantis"

    predictions = _predict_rows(as_alice, model, rows).json()["predictions"]

    assert [p["unlike_training"] for p in predictions] == [True, False, True]
    assert predictions[0]["unlike_training_columns"] == ["income"]
    assert predictions[2]["unlike_training_columns"] == ["city"]


def test_json_rows_missing_a_column_are_refused_naming_it(as_alice: object,
                                                          model: object) -> None:
    entry = MANIFEST["predict_missing_extra_reordered.csv"]
    rows = [{k: v for k, v in row.items() if k != "income"} | {"extra_col": 1} for row in _rows()]

    for language in ("en", "ko"):
        response = _predict_rows(as_alice, model, rows, language)
        assert entry["expect"] == "reject" and response.status_code == 400
        detail = response.json()["detail"]
        assert "income" in detail
        assert any(h.lower() in detail.lower() for h in entry["hint"] if h != "income")


def test_json_rows_with_reordered_columns_and_unseen_categories_warn(as_alice: object,
                                                                     model: object) -> None:
    entry = MANIFEST["predict_unseen_categories.csv"]
    rows = [dict(reversed(list(row.items()))) for row in _rows()]
    rows[1]["city"] = "Atlantis"

    response = _predict_rows(as_alice, model, rows)

    assert entry["expect"] == "warn" and response.status_code == 200, response.json()
    [warning] = [w for w in response.json()["warnings"] if w["code"] == "unseen_categories"]
    assert warning["columns"] == ["city"]
    assert any(h.lower() in warning["message"].lower() for h in entry["hint"])


def test_the_batch_file_flags_rows_and_downloads_as_xlsx(as_alice: object, model: object) -> None:
    content = (BAD_INPUTS / "predict_unseen_categories.csv").read_bytes()
    upload = SimpleUploadedFile("new.csv", content)
    body = as_alice.post(f"/api/v1/models/{model.pk}/predict/", {"file": upload},
                         format="multipart").json()

    response = as_alice.get(body["download_url"] + "?file_format=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="daria-predictions-{body["id"]}.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == body["columns"] and len(rows) == body["n_rows"] + 1
    flag = rows[0].index("unlike_training")
    city = rows[0].index("city")
    trained = set(read_table(TRAIN).frame["city"])
    for row in rows[1:]:
        if row[city] is not None and row[city] not in trained:
            assert row[flag] is True and "city" in row[flag + 1]
    assert body["n_unlike_training"] == sum(row[flag] is True for row in rows[1:]) > 0


def test_xlsx_cells_that_look_like_formulas_stay_text(as_alice: object, model: object) -> None:
    rows = _rows(2)
    header = list(rows[0]) + ["note"]
    lines = [",".join(header)] + [",".join(str(r[h]) for h in header[:-1]) + ",=1+1"
                                  for r in rows]
    upload = SimpleUploadedFile("new.csv", "\n".join(lines).encode())
    body = as_alice.post(f"/api/v1/models/{model.pk}/predict/", {"file": upload},
                         format="multipart").json()

    response = as_alice.get(body["download_url"] + "?file_format=xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    note = [c.value for c in sheet[1]].index("note")
    assert [row[note].value for row in sheet.iter_rows(min_row=2)] == ["'=1+1", "'=1+1"]
    assert all(row[note].data_type == "s" for row in sheet.iter_rows(min_row=2))


def test_an_unknown_download_format_is_a_400(as_alice: object, model: object) -> None:
    upload = SimpleUploadedFile("new.csv", (BAD_INPUTS / "predict_unseen_categories.csv")
                                .read_bytes())
    body = as_alice.post(f"/api/v1/models/{model.pk}/predict/", {"file": upload},
                         format="multipart").json()
    response = as_alice.get(body["download_url"] + "?file_format=exe")
    assert response.status_code == 400 and "file_format" in response.json()


def test_the_model_api_shows_the_sha256_of_the_downloaded_file(as_alice: object,
                                                               model: object) -> None:
    shown = as_alice.get(f"/api/v1/models/{model.pk}/").json()["sha256"]
    download = as_alice.get(f"/api/v1/models/{model.pk}/download/")
    assert shown == hashlib.sha256(b"".join(download.streaming_content)).hexdigest()


def test_json_rows_can_ask_for_the_top_three_contributions(as_alice: object,
                                                           model: object) -> None:
    features = set(model.feature_names)
    plain = _predict_rows(as_alice, model, _rows()).json()["predictions"]
    response = as_alice.post(f"/api/v1/models/{model.pk}/predict/",
                             {"rows": _rows(), "contributions": True}, format="json")

    assert response.status_code == 200, response.json()
    predictions = response.json()["predictions"]
    assert all(p["contributions"] is None for p in plain)
    for prediction in predictions:
        top = prediction["contributions"]
        assert len(top) == 3 and {c["feature"] for c in top} <= features
        sizes = [abs(c["value"]) for c in top]
        assert sizes == sorted(sizes, reverse=True)


def test_a_batch_file_can_carry_contribution_columns(as_alice: object, model: object) -> None:
    upload = SimpleUploadedFile("new.csv", (BAD_INPUTS / "predict_unseen_categories.csv")
                                .read_bytes())
    body = as_alice.post(f"/api/v1/models/{model.pk}/predict/",
                         {"file": upload, "contributions": "true"}, format="multipart").json()

    assert body["columns"][-6:] == [f"contribution_{r}_{part}" for r in (1, 2, 3)
                                    for part in ("feature", "value")]
    feature = body["columns"].index("contribution_1_feature")
    assert all(row[feature] in model.feature_names for row in body["preview"])
