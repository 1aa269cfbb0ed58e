"""Fixtures shared by Daria's test suites: personas, API clients and the shared data.

The suites run on the real PostgreSQL and Redis. Django reads DATABASE_URL and REDIS_URL when
its settings load, which pytest-django does before any conftest is imported, so they are set
by the test command (`make test`, `.ci/run`); `real_services` stops the run with a clear
message when they point elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.processes import (
    ServerProcess,
    SharedWebStack,
    daria_env,
    end_subprocess_database_sessions,
    one_test_on,
    private_queue_name,
    run_shared_web_stack,
)

if TYPE_CHECKING:
    from rest_framework.test import APIClient

# Django is imported inside the fixtures: the engine's suite (tests/automl_core) runs from this
# same tree with plain pytest and no settings module.

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DARIA_SHARED_DIR", REPO.parent / "shared"))
DATASETS = SHARED / "datasets"
BAD_INPUTS = SHARED / "bad-inputs"


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest) -> Iterator[None]:
    """Hash test passwords with one PBKDF2 round (see tests/password_hashing.py) unless the
    test is marked ``argon2``; nothing to do without Django (the engine suite)."""
    if (not request.config.pluginmanager.hasplugin("django")
            or request.node.get_closest_marker("argon2")):
        yield
        return
    from django.conf import settings
    from django.test import override_settings

    from tests.password_hashing import HASHER

    with override_settings(PASSWORD_HASHERS=[HASHER, *settings.PASSWORD_HASHERS]):
        yield


@pytest.fixture(scope="session")
def real_services(django_db_blocker: object) -> None:
    """Fail fast unless the suite is pointed at PostgreSQL (and so, by the same command, Redis)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.exit(
            "Daria's tests run on PostgreSQL and Redis: set DATABASE_URL=postgres://postgres@"
            "127.0.0.1:5432/daria and REDIS_URL=redis://127.0.0.1:6379/0 (make test does).",
            returncode=2,
        )


@pytest.fixture(scope="session")
def web_stack(real_services: None, django_db_setup: None, django_db_blocker: object,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedWebStack]:
    """uvicorn and a Celery worker on the test database, a data dir and a queue of their own,
    shared by the browser tests of this test process (one after the other)."""
    base = tmp_path_factory.mktemp("web-stack")
    data_dir = base / "data"
    data_dir.mkdir()
    with run_shared_web_stack(daria_env(data_dir, private_queue_name()), base) as stack:
        yield stack
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        end_subprocess_database_sessions()


@pytest.fixture
def web_server(web_stack: SharedWebStack, transactional_db: None) -> Iterator[ServerProcess]:
    """The shared server and worker for one test; the test database is emptied afterwards."""
    with one_test_on(web_stack) as server:
        yield server


def stored_files(kind: str) -> list[Path]:
    """Files stored under ``<data dir>/<kind>/`` (datasets, models, predictions)."""
    from django.conf import settings

    folder = Path(settings.MEDIA_ROOT) / kind
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def alice(django_user_model: type) -> object:
    """The owner of the projects in most tests."""
    return django_user_model.objects.create_user("alice", password="alice-pass-1234")


@pytest.fixture
def bob(django_user_model: type) -> object:
    """Someone who is not a member of alice's projects."""
    return django_user_model.objects.create_user("bob", password="bob-pass-1234")


@pytest.fixture
def charlie(django_user_model: type) -> object:
    """A viewer of alice's project in permission tests."""
    return django_user_model.objects.create_user("charlie", password="charlie-pass-1234")


def client_for(user: object) -> APIClient:
    """An API client signed in as ``user``."""
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def as_alice(alice: object) -> APIClient:
    """An API client signed in as alice."""
    return client_for(alice)


@pytest.fixture
def as_bob(bob: object) -> APIClient:
    """An API client signed in as bob."""
    return client_for(bob)
