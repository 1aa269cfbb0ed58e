"""Large files are stored as processing and read by a worker task; failures are kept visible."""

import pytest

from daria.accounts.services import create_project
from daria.datasets import services
from daria.datasets.models import Column, Dataset
from tests.conftest import BAD_INPUTS, stored_files
from tests.daria.datasets.helpers import post_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch, settings: object) -> list[tuple]:
    """Every file over 100 bytes is "large"; jobs sent to the queue are recorded, not run."""
    settings.DARIA_ASYNC_PARSE_BYTES = 100
    sent: list[tuple] = []
    monkeypatch.setattr(services, "enqueue", lambda name, *args, **kw: sent.append((name, args)))
    return sent


def test_a_large_file_is_accepted_as_processing_then_read_by_the_worker(
        alice: object, as_alice: object, queued: list, django_capture_on_commit_callbacks: object
) -> None:
    project = create_project(alice, "Large")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_file(as_alice, project.pk, "train.csv",
                             (BAD_INPUTS / "train_reference.csv").read_bytes())

    assert response.status_code == 202 and response.json()["status"] == "processing"
    dataset_id = response.json()["id"]
    assert queued == [("daria.datasets.process_dataset", (dataset_id,))]

    assert services.process_dataset(dataset_id) == "ready"

    body = as_alice.get(f"/api/v1/datasets/{dataset_id}/").json()
    assert body["status"] == "ready" and body["n_rows"] > 0 and body["columns"]


def test_a_large_file_that_cannot_be_read_fails_with_a_translated_reason_and_no_file(
        alice: object, as_alice: object, queued: list, django_capture_on_commit_callbacks: object
) -> None:
    project = create_project(alice, "Large")
    with django_capture_on_commit_callbacks(execute=True):
        dataset_id = post_file(as_alice, project.pk, "ragged.csv",
                               (BAD_INPUTS / "ragged_rows.csv").read_bytes()).json()["id"]

    assert services.process_dataset(dataset_id) == "failed"

    body = as_alice.get(f"/api/v1/datasets/{dataset_id}/", HTTP_ACCEPT_LANGUAGE="ko").json()
    assert body["status"] == "failed" and body["error_code"] == "ragged_rows"
    assert any("\uac00" <= char <= "\ud7a3" for char in body["error"])
    assert stored_files("datasets") == [] and not Column.objects.exists()


def test_a_large_image_is_still_refused_at_once(alice: object, as_alice: object,
                                                queued: list) -> None:
    project = create_project(alice, "Large")
    response = post_file(as_alice, project.pk, "x.csv",
                         (BAD_INPUTS / "binary_png_renamed.csv").read_bytes())
    assert response.status_code == 400 and response.json()["code"] == "unsupported_format"
    assert queued == [] and not Dataset.objects.exists()
