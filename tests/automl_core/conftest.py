"""Engine tests run with plain pytest and no Django settings (``pytest -p no:django``)."""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

SHARED_DIR = Path(os.environ.get("DARIA_SHARED_DIR", REPO_ROOT / ".." / "shared")).resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder with public datasets and hostile inputs."""
    return SHARED_DIR
