"""Batch prediction on the model page, in a real browser: upload a file of new rows with
explanations asked for, see the novelty flag, and download the result as CSV and as Excel."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from django.contrib.auth import get_user_model

from daria.accounts.tokens import create_token
from tests.conftest import BAD_INPUTS
from tests.e2e.steps import PASSWORD, sign_in
from tests.processes import ServerProcess, wait_for

pytestmark = pytest.mark.e2e

TRAIN = BAD_INPUTS / "train_reference.csv"


def _api(page: object, server: ServerProcess, secret: str, method: str, path: str,
         **options: object) -> dict:
    response = page.request.fetch(f"{server.url}/api/v1{path}", method=method,
                                  headers={"Authorization": f"Token {secret}"}, **options)
    assert response.ok, response.text()
    return response.json()


def _trained_model(page: object, server: ServerProcess, secret: str) -> int:
    """A model trained by the real worker on the reference file, through the API."""
    project = _api(page, server, secret, "POST", "/projects/", data={"name": "Churn"})
    dataset = _api(page, server, secret, "POST", f"/projects/{project['id']}/datasets/",
                   multipart={"file": {"name": "train.csv", "mimeType": "text/csv",
                                       "buffer": TRAIN.read_bytes()}})
    experiment = _api(page, server, secret, "POST", "/experiments/",
                      # Families whose every model converts to ONNX, so that it is offered.
                      data={"dataset": dataset["id"], "target": "churn", "time_budget_s": 10,
                            "algorithms": ["lightgbm", "linear"]})

    def finished() -> dict | None:
        found = _api(page, server, secret, "GET", f"/experiments/{experiment['id']}/")
        return found if found["status"] in ("succeeded", "failed", "cancelled") else None

    done = wait_for(finished, "the experiment to finish", timeout_s=180)
    assert done["status"] == "succeeded", done
    return int(done["model"])


def _rows_to_predict(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(TRAIN).drop(columns=["churn"]).head(12)
    frame.loc[0, "income"] = frame["income"].max() * 50  # far outside the training range
    frame.to_csv(path, index=False)
    return frame


def test_a_file_is_predicted_on_the_model_page_and_downloaded(web_server: ServerProcess,
                                                              page: object,
                                                              tmp_path: Path) -> None:
    expect = pytest.importorskip("playwright.sync_api").expect
    alice = get_user_model().objects.create_user("alice", password=PASSWORD)
    _token, secret = create_token(alice, name="e2e")
    model_id = _trained_model(page, web_server, secret)

    sign_in(page, web_server.url)
    page.goto(f"{web_server.url}/models/{model_id}")

    expect(page.get_by_test_id("model-sha256")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    expect(page.get_by_test_id("snippet-curl")).to_contain_text(
        f"{web_server.url}/api/v1/models/{model_id}/predict/")
    expect(page.get_by_test_id("export-onnx")).to_have_attribute(
        "href", f"/api/v1/models/{model_id}/onnx/")

    sent = _rows_to_predict(tmp_path / "new_customers.csv")
    page.get_by_test_id("batch-contributions").check()
    page.get_by_test_id("predict-file").set_input_files(str(tmp_path / "new_customers.csv"))
    page.get_by_test_id("predict-upload").click()
    expect(page.get_by_test_id("batch-result")).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("batch-unusual")).to_contain_text("1 of 12 rows")

    with page.expect_download() as csv_download:
        page.get_by_test_id("prediction-download").click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(sent)
    assert {row["prediction"] for row in rows} <= {"yes", "no"}
    assert [row["unlike_training"] for row in rows] == ["True"] + ["False"] * (len(sent) - 1)
    assert rows[0]["unlike_training_columns"] == "income"
    assert all(row["contribution_1_feature"] in sent.columns for row in rows)

    with page.expect_download() as xlsx_download:
        page.get_by_test_id("batch-download-xlsx").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(Path(xlsx_download.value.path()).read_bytes())).active
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == list(rows[0].keys())
    assert [r[list(table[0]).index("prediction")] for r in table[1:]] == [
        row["prediction"] for row in rows]
