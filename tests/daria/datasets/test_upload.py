"""Uploading a CSV: profiled by the engine, stored under a server-generated name."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daria.accounts.services import create_project
from daria.datasets.models import Dataset
from tests.conftest import DATASETS, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(alice: object) -> object:
    return create_project(alice, "Credit")


def _upload(client: object, project_id: int, path: Path, name: str | None = None) -> object:
    upload = SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/csv")
    return client.post(f"/api/v1/projects/{project_id}/datasets/", {"file": upload},
                       format="multipart")


def test_a_real_csv_is_profiled_and_stored(as_alice: object, project: object) -> None:
    response = _upload(as_alice, project.pk, DATASETS / "credit_g.csv")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "credit_g.csv" and body["status"] == "ready"
    assert body["n_rows"] == 1000 and body["n_columns"] == len(body["columns"])
    assert {"name", "kind", "inferred_kind", "excluded", "missing", "unique", "stats"} == set(
        body["columns"][0])
    assert body["encoding"].startswith("utf-8") and body["delimiter"] == ","
    assert body["suggested_target"] == "class"
    [stored] = stored_files("datasets")
    assert stored.name != "credit_g.csv" and stored.read_bytes() == (
        DATASETS / "credit_g.csv").read_bytes()


def test_the_preview_shows_the_first_rows_as_text(as_alice: object, project: object) -> None:
    dataset_id = _upload(as_alice, project.pk, DATASETS / "titanic.csv").json()["id"]

    preview = as_alice.get(f"/api/v1/datasets/{dataset_id}/preview/").json()

    assert len(preview["rows"]) == 20
    assert len(preview["columns"]) == len(preview["rows"][0])
    assert all(cell is None or isinstance(cell, str) for row in preview["rows"] for cell in row)


def test_the_project_lists_its_datasets(as_alice: object, project: object) -> None:
    _upload(as_alice, project.pk, DATASETS / "car.csv")
    listed = as_alice.get(f"/api/v1/projects/{project.pk}/datasets/").json()
    assert [d["name"] for d in listed] == ["car.csv"]


def test_an_upload_without_a_file_is_a_field_error(as_alice: object, project: object) -> None:
    response = as_alice.post(f"/api/v1/projects/{project.pk}/datasets/", {},
                             format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()
    assert not Dataset.objects.exists()


def test_dates_with_a_utc_offset_are_profiled_as_dates(as_alice: object, project: object,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "visits.csv"
    path.write_text("visited,spent\n2024-01-01T10:00:00+09:00,1.5\n"
                    "2024-01-02T11:30:00+09:00,2.5\n2024-01-03T12:00:00+09:00,3.0\n",
                    encoding="utf-8")

    response = _upload(as_alice, project.pk, path)

    assert response.status_code == 201, response.json()
    visited = response.json()["columns"][0]
    assert visited["kind"] == "datetime"
    assert visited["stats"]["max"] == "2024-01-03 03:00:00+00:00"
