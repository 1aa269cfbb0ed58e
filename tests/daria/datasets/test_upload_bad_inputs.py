"""Every hostile upload in the shared corpus gets its expected answer and never a 500."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from daria.accounts.services import create_project
from daria.datasets.models import Column, Dataset
from tests.conftest import BAD_INPUTS, stored_files

pytestmark = pytest.mark.django_db

MANIFEST = json.loads((BAD_INPUTS / "manifest.json").read_text(encoding="utf-8"))
UPLOAD_CASES = [f for f in MANIFEST["files"]
                if f["phase"] == "upload" and f["file"].endswith(".csv")]


def _post(client: APIClient, project_id: int, name: str, language: str = "en") -> object:
    upload = SimpleUploadedFile(name, (BAD_INPUTS / name).read_bytes(), content_type="text/csv")
    return client.post(f"/api/v1/projects/{project_id}/datasets/", {"file": upload},
                       format="multipart", HTTP_ACCEPT_LANGUAGE=language)


def _mentions_a_hint(text: str, hints: list[str]) -> bool:
    return not hints or any(hint.lower() in text.lower() for hint in hints)


@pytest.mark.parametrize("case", [c for c in UPLOAD_CASES if c["expect"] == "reject"],
                         ids=lambda c: c["file"])
@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_bad_file_is_rejected_with_a_clear_message_and_nothing_stored(
    case: dict, language: str, alice: object, as_alice: APIClient
) -> None:
    project = create_project(alice, "Bad inputs")

    response = _post(as_alice, project.pk, case["file"], language)

    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] and _mentions_a_hint(body["detail"], case["hint"]), body
    if language == "ko":
        assert any("\uac00" <= char <= "\ud7a3" for char in body["detail"]), body  # Hangul
    assert not Dataset.objects.exists() and not Column.objects.exists()
    assert stored_files("datasets") == []


@pytest.mark.parametrize("case", [c for c in UPLOAD_CASES if c["expect"] != "reject"],
                         ids=lambda c: c["file"])
def test_an_odd_but_valid_file_is_accepted(case: dict, alice: object,
                                           as_alice: APIClient) -> None:
    project = create_project(alice, "Odd inputs")

    response = _post(as_alice, project.pk, case["file"])

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["n_rows"] > 0 and len(stored_files("datasets")) == 1
    if case["expect"] == "warn":
        messages = " ".join(w["message"] for w in body["warnings"])
        assert _mentions_a_hint(messages, case["hint"]), body["warnings"]


@pytest.mark.parametrize("name", json.loads(
    (BAD_INPUTS / "upload_filenames.json").read_text(encoding="utf-8"))["names"])
def test_a_hostile_file_name_is_display_metadata_only(name: str, alice: object,
                                                      as_alice: APIClient) -> None:
    project = create_project(alice, "Names")
    upload = SimpleUploadedFile(name, (BAD_INPUTS / "train_reference.csv").read_bytes(),
                                content_type="text/csv")

    response = as_alice.post(f"/api/v1/projects/{project.pk}/datasets/", {"file": upload},
                             format="multipart")

    assert response.status_code == 201, response.content
    [stored] = stored_files("datasets")
    assert stored.parent.name == "datasets" and stored.suffix == ".csv"
    assert len(stored.stem) == 32 and all(c in "0123456789abcdef" for c in stored.stem)
