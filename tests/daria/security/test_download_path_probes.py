"""Download routes serve stored files only: traversal, encoded traversal, fragments and absolute
paths in the URL never reach a file outside the data directory, and neither does a stored
row whose file name was tampered with."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from daria.predictions.models import PredictionBatch, TrainedModel
from tests.daria.security.world import World

pytestmark = pytest.mark.django_db

MARKER = "daria-outside-storage-3f1c9a"


@pytest.fixture
def outside_file(data_dir: Path) -> Path:
    """A file next to the data directory, holding a marker no stored file has."""
    path = data_dir.parent / "secret.txt"
    path.write_text(MARKER, encoding="utf-8")
    return path


@pytest.fixture
def browser(alice: object, world: World) -> Client:
    """Alice's full-stack client (middleware, static files, the app's catch-all included)."""
    client = Client()
    client.force_login(alice)
    return client


def _probes(world: World, outside: Path) -> list[str]:
    model, batch = world.model.pk, world.batch.pk
    absolute = str(outside).lstrip("/")
    return [
        f"/api/v1/models/{model}/download/../../../secret.txt",
        f"/api/v1/models/../../../{absolute}/download/",
        f"/api/v1/models/{model}/download/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/api/v1/models/%2e%2e%2f%2e%2e%2fsecret.txt/download/",
        f"/api/v1/models/{model}%2f..%2f..%2fsecret.txt/download/",
        f"/api/v1/models/{model}%23/download/",
        f"/api/v1/models/{model}/download/#../../secret.txt",
        f"/api/v1/models//{absolute}/download/",
        f"/api/v1/predictions/{batch}/download/..%2f..%2fsecret.txt",
        f"/api/v1/predictions/..%2f..%2f{absolute}/download/",
        f"/api/v1/predictions/{batch}%23../../secret.txt/download/",
        f"/api/v1/predictions/%2f{absolute}/download/",
        f"/api/v1/datasets/{world.dataset.pk}/columns/..%2f..%2f..%2fsecret.txt/chart/",
        f"/api/v1/datasets/{world.dataset.pk}/columns/{absolute}/chart/",
        "/static/..%2f..%2fsecret.txt",
        "/static/../../daria/settings.py",
        f"/static/%2e%2e/%2e%2e/{absolute}",
        f"/..%2f..%2f{absolute}",
        "/..%2f..%2fetc%2fpasswd",
    ]


def test_no_probe_serves_a_file_outside_storage(browser: Client, world: World,
                                                outside_file: Path) -> None:
    leaks = {}
    for url in _probes(world, outside_file):
        response = browser.get(url)
        body = (b"".join(response.streaming_content) if response.streaming
                else response.content)
        if MARKER.encode() in body or b"root:x:0:0" in body or b"SECRET_KEY" in body:
            leaks[url] = response.status_code

    assert not leaks


def test_the_real_downloads_still_work(browser: Client, world: World) -> None:
    # Proves the probes above aim at routes that do serve files.
    model = browser.get(f"/api/v1/models/{world.model.pk}/download/")
    batch = browser.get(f"/api/v1/predictions/{world.batch.pk}/download/")
    assert model.status_code == 200 and batch.status_code == 200


@pytest.mark.parametrize("stored_name", ["../secret.txt", "models/../../secret.txt", "ABSOLUTE"])
def test_a_row_pointing_outside_storage_is_never_served(
    stored_name: str, browser: Client, world: World, outside_file: Path
) -> None:
    # As if the database were tampered with: the storage refuses names that leave it.
    name = str(outside_file) if stored_name == "ABSOLUTE" else stored_name
    TrainedModel.objects.filter(pk=world.model.pk).update(file=name)
    PredictionBatch.objects.filter(pk=world.batch.pk).update(file=name)

    for url in (f"/api/v1/models/{world.model.pk}/download/",
                f"/api/v1/predictions/{world.batch.pk}/download/"):
        response = browser.get(url)
        assert response.status_code == 400, (url, response.status_code)
