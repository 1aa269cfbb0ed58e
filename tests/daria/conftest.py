"""Fixtures of the Django app tests: real PostgreSQL, and a private data directory per test."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _on_real_services(real_services: None) -> None:
    """Every test here needs PostgreSQL and Redis."""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, settings: object) -> Path:
    """Each test stores files in its own directory, so that "nothing stored" can be checked."""
    settings.MEDIA_ROOT = tmp_path / "data"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_cache(settings: object) -> None:
    """Throttle counters of this test only: a fresh key prefix on the real Redis.

    User ids restart with every test database, so shared counters would leak between runs.
    """
    settings.CACHES = {"default": {**settings.CACHES["default"],
                                   "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
