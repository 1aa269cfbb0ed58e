"""Fixtures of the integration tests: a real Celery worker on the real Redis and PostgreSQL."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from daria.celery import app as celery_app
from tests.processes import daria_env, private_queue_name, run_celery_worker


@pytest.fixture(autouse=True)
def _on_real_services(real_services: None) -> None:
    """Every test here needs PostgreSQL and Redis."""


@pytest.fixture
def private_queue() -> Iterator[str]:
    """A queue of this test alone, used by this process's enqueues and by the worker."""
    queue = private_queue_name()
    original = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    celery_app.__dict__.pop("amqp", None)  # Celery caches its queues and router here
    yield queue
    celery_app.conf.task_default_queue = original
    celery_app.__dict__.pop("amqp", None)


@pytest.fixture
def data_dir(settings: object, tmp_path: Path) -> Path:
    """This test's data directory, shared by the test process and the workers it starts."""
    path = tmp_path / "data"
    path.mkdir()
    settings.MEDIA_ROOT = path
    return path


@pytest.fixture
def worker(private_queue: str, data_dir: Path, tmp_path: Path) -> Iterator[subprocess.Popen]:
    """A real Celery worker process on the test database, sharing this test's data directory."""
    with run_celery_worker(daria_env(data_dir, private_queue), tmp_path / "worker.log") as process:
        yield process
