"""A large prediction file is predicted by a real Celery worker: 202 ``processing``, progress,
then ``ready`` with the same rows a small file gets, or ``failed`` with a translated reason."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core.data import read_table
from tests.conftest import stored_files
from tests.daria.predictions.reference import TRAIN, fit_reference, save_reference_model
from tests.integration.conftest import private_queue, worker  # noqa: F401 - fixtures
from tests.processes import wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("worker")]


@pytest.fixture
def model(alice: object, settings: object) -> object:
    settings.DARIA_ASYNC_PARSE_BYTES = 2_000  # the reference rows below are larger than this
    return save_reference_model(alice, fit_reference(budget_s=3), "Large")


def _rows(columns_to_drop: tuple[str, ...] = ()) -> bytes:
    frame = read_table(TRAIN).frame.drop(columns=["churn", *columns_to_drop])
    return pd.concat([frame] * 3, ignore_index=True).to_csv(index=False).encode()


def _post(client: object, model: object, content: bytes, language: str = "en") -> object:
    return client.post(f"/api/v1/models/{model.pk}/predict/",
                       {"file": SimpleUploadedFile("big.csv", content)}, format="multipart",
                       HTTP_ACCEPT_LANGUAGE=language)


def _finished(client: object, batch_id: int, language: str = "en") -> dict:
    def status() -> dict | None:
        body = client.get(f"/api/v1/predictions/{batch_id}/",
                          HTTP_ACCEPT_LANGUAGE=language).json()
        return body if body["status"] != "processing" else None

    return wait_for(status, f"prediction batch {batch_id} to finish", timeout_s=120)


def test_a_large_file_is_predicted_by_a_worker(as_alice: object, model: object) -> None:
    content = _rows()
    accepted = _post(as_alice, model, content)

    assert accepted.status_code == 202, accepted.json()
    assert accepted.json()["status"] == "processing" and accepted.json()["progress"] == 0.0
    assert as_alice.get(accepted.json()["download_url"]).status_code == 409
    batch = _finished(as_alice, accepted.json()["id"])
    assert batch["status"] == "ready" and batch["progress"] == 1.0, batch
    assert batch["n_rows"] == len(pd.read_csv(io.BytesIO(content)))
    download = as_alice.get(batch["download_url"])
    rows = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == batch["columns"] and len(rows) == batch["n_rows"] + 1
    assert stored_files("prediction-uploads") == []  # the upload is removed once predicted


@pytest.mark.parametrize(("language", "words"), [("en", "income"), ("ko", "누락")])
def test_a_large_file_missing_a_column_fails_with_a_reason(as_alice: object, model: object,
                                                           language: str, words: str) -> None:
    accepted = _post(as_alice, model, _rows(("income",)), language)

    batch = _finished(as_alice, accepted.json()["id"], language)

    assert batch["status"] == "failed" and batch["error_code"] == "missing_columns"
    assert "income" in batch["error"] and words in batch["error"]
    assert stored_files("prediction-uploads") == [] and stored_files("predictions") == []
