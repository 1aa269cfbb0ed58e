"""With DEBUG off, Daria refuses to start with a weak SECRET_KEY and names the variable."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def _check(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "DARIA_DATA_DIR": str(tmp_path), "DEBUG": "0", **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO, env=full_env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize(
    ("key", "reason"),
    [("too-short-a-key", "characters long"),
     ("django-insecure-" + "x" * 60, "django-insecure-")],
)
def test_it_refuses_to_start_with_a_weak_secret_key(tmp_path: Path, key: str,
                                                    reason: str) -> None:
    result = _check(tmp_path, SECRET_KEY=key)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr and reason in result.stderr


def test_it_starts_with_a_long_random_secret_key(tmp_path: Path) -> None:
    result = _check(tmp_path, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr


def test_it_starts_with_the_key_it_generates_into_the_data_directory(tmp_path: Path) -> None:
    result = _check(tmp_path, SECRET_KEY="")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()


def test_a_short_key_is_allowed_while_debugging(tmp_path: Path) -> None:
    result = _check(tmp_path, SECRET_KEY="dev", DEBUG="1")
    assert result.returncode == 0, result.stderr
