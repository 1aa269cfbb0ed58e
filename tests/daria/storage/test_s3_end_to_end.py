"""Files in an S3-compatible bucket (docs/scaling.md): datasets, models, predictions and exports
live only in the bucket, and every process reads them through its local cache.

The bucket is moto's S3-API emulator on 127.0.0.1 (``tests/daria/storage/conftest.py``), not AWS.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from automl_core.data.task import Task
from automl_core.diagnostics import OutOfFold
from daria.accounts.services import create_project
from daria.datasets import services as dataset_services
from daria.insights import storage as insights_storage
from daria.predictions import services as prediction_services
from tests.conftest import stored_files
from tests.daria.datasets.helpers import post_file
from tests.daria.exports.conftest import finished_experiment
from tests.daria.factories import churn_csv
from tests.daria.storage.conftest import Bucket

pytestmark = pytest.mark.django_db


def _forget_local_copies(bucket: Bucket) -> None:
    """As on a machine that has never read the files: no cache, no loaded model."""
    shutil.rmtree(bucket.cache, ignore_errors=True)
    prediction_services._load.cache_clear()


def _no_local_files(data_dir: Path) -> bool:
    return all(stored_files(kind) == [] for kind in
               ("datasets", "models", "predictions", "prediction-uploads", "insights"))


def test_an_upload_is_stored_in_the_bucket_and_read_back_from_it(
        alice: object, as_alice: object, s3_bucket: Bucket, data_dir: Path,
        settings: object, monkeypatch: pytest.MonkeyPatch,
        django_capture_on_commit_callbacks: object) -> None:
    settings.DARIA_ASYNC_PARSE_BYTES = 100  # read by the worker, from the bucket
    monkeypatch.setattr(dataset_services, "enqueue", lambda *args, **kwargs: None)
    project = create_project(alice, "Bucket")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_file(as_alice, project.pk, "churn.csv", churn_csv())
    assert response.status_code == 202, response.json()
    dataset_id = response.json()["id"]
    [key] = bucket_keys = s3_bucket.keys("datasets/")
    assert s3_bucket.read(key) == churn_csv() and _no_local_files(data_dir)

    _forget_local_copies(s3_bucket)
    assert dataset_services.process_dataset(dataset_id) == "ready"

    body = as_alice.get(f"/api/v1/datasets/{dataset_id}/").json()
    assert body["status"] == "ready" and body["n_rows"] == 120
    assert {c["name"] for c in body["columns"]} == {"age", "plan", "usage", "churn"}
    advice = as_alice.get(f"/api/v1/datasets/{dataset_id}/target-advice/",
                          {"target": "churn"}).json()
    assert advice["task"] == "binary" and advice["problems"] == []
    assert s3_bucket.keys("datasets/") == bucket_keys and _no_local_files(data_dir)


def test_a_model_that_lives_only_in_the_bucket_downloads_and_predicts(
        alice: object, as_alice: object, s3_bucket: Bucket, data_dir: Path) -> None:
    model = finished_experiment(alice, "binary").model
    assert s3_bucket.keys("models/") == [model.file.name] and _no_local_files(data_dir)
    _forget_local_copies(s3_bucket)

    download = as_alice.get(f"/api/v1/models/{model.pk}/download/")
    rows = [{"age": 30, "plan": "basic", "usage": 80.0}, {"age": 70, "plan": "pro", "usage": 5}]
    predicted = as_alice.post(f"/api/v1/models/{model.pk}/predict/", {"rows": rows},
                              format="json")
    batch = as_alice.post(f"/api/v1/models/{model.pk}/predict/",
                          {"file": SimpleUploadedFile("new.csv", churn_csv(30, seed=7))},
                          format="multipart").json()

    assert download.status_code == 200
    assert b"".join(download.streaming_content) == s3_bucket.read(model.file.name)
    assert predicted.status_code == 200, predicted.json()
    assert {p["prediction"] for p in predicted.json()["predictions"]} <= {"yes", "no"}
    [output] = s3_bucket.keys("predictions/")
    text = b"".join(as_alice.get(batch["download_url"]).streaming_content).decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(text)))) == 31
    assert text.encode("utf-8") in s3_bucket.read(output)
    xlsx = as_alice.get(batch["download_url"], {"file_format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert _no_local_files(data_dir)


def test_a_changed_model_object_is_refused(alice: object, as_alice: object,
                                           s3_bucket: Bucket) -> None:
    model = finished_experiment(alice, "binary").model
    s3_bucket.client.put_object(Bucket=s3_bucket.name, Key=model.file.name,
                                Body=s3_bucket.read(model.file.name) + b"tampered")
    _forget_local_copies(s3_bucket)

    response = as_alice.get(f"/api/v1/models/{model.pk}/download/")

    assert response.status_code == 409 and response.json()["code"] == "model_file_tampered"


def test_onnx_files_and_insights_are_stored_beside_the_model_in_the_bucket(
        alice: object, as_alice: object, s3_bucket: Bucket, data_dir: Path) -> None:
    model = finished_experiment(alice, "binary").model
    exports = as_alice.get(f"/api/v1/models/{model.pk}/exports/").json()
    _forget_local_copies(s3_bucket)
    onnx = as_alice.get(exports["onnx"]["download_url"])
    oof = OutOfFold(Task.BINARY, np.array([0, 1]), np.array([[0.8, 0.2], [0.3, 0.7]]),
                    ("no", "yes"))
    insights_storage.save_oof(model, oof)
    insights_storage.save_chart(model, "calibration", {"points": [1, 2]})

    assert exports["onnx"]["available"] is True and onnx.status_code == 200
    assert b"".join(onnx.streaming_content) == s3_bucket.read(f"{model.file.name}.onnx")
    assert s3_bucket.keys(f"insights/{model.pk}/") == [
        f"insights/{model.pk}/calibration.json", f"insights/{model.pk}/oof.npz"]
    loaded = insights_storage.load_oof(model)
    assert loaded is not None and loaded.y.tolist() == [0, 1]
    assert insights_storage.load_chart(model, "calibration") == {"points": [1, 2]}
    assert insights_storage.load_chart(model, "importance") is None
    assert _no_local_files(data_dir)
