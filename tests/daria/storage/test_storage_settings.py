"""DARIA_S3_* switch the file storage to an S3 bucket; without them nothing changes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({"storages": settings.STORAGES, "default": type(storages["default"]).__name__}))
"""
# A throwaway key, long enough for the strength check (a real one is random).
_KEY = "k" * 60


def _settings_with(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DARIA_DATA_DIR": str(tmp_path),
           "DJANGO_SETTINGS_MODULE": "daria.settings", **variables}
    return subprocess.run([sys.executable, "-c", _PROBE], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_without_a_bucket_files_stay_in_the_data_directory(tmp_path: Path) -> None:
    result = _settings_with(tmp_path)

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.splitlines()[-1])
    assert probe["default"] == "FileSystemStorage"
    assert probe["storages"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_makes_the_s3_storage_the_default(tmp_path: Path) -> None:
    result = _settings_with(tmp_path, DARIA_S3_BUCKET="daria-files",
                            DARIA_S3_ENDPOINT_URL="http://127.0.0.1:9000",
                            DARIA_S3_REGION="eu-west-1", SECRET_KEY=_KEY)

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.splitlines()[-1])
    assert probe["default"] == "S3Storage"
    assert probe["storages"]["default"]["OPTIONS"] == {
        "bucket_name": "daria-files", "endpoint_url": "http://127.0.0.1:9000",
        "region_name": "eu-west-1", "addressing_style": "path"}
    assert probe["storages"]["staticfiles"]["BACKEND"].endswith("StaticFilesStorage")


def test_a_bucket_without_a_configured_secret_key_stops_the_process(tmp_path: Path) -> None:
    result = _settings_with(tmp_path, DARIA_S3_BUCKET="daria-files")

    assert result.returncode != 0
    assert "DARIA_S3_BUCKET is set but SECRET_KEY is not" in result.stderr
