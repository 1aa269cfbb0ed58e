"""Stored-file tests on an S3-compatible server: moto's S3-API emulator in a thread on 127.0.0.1.

It is not AWS: it checks that Daria talks the S3 API through django-storages and boto3, not
how a real provider behaves (consistency, permissions, throttling). Credentials are fake.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

FAKE_CREDENTIAL = "testing"
REGION = "us-east-1"


@dataclass(frozen=True)
class Bucket:
    """A fresh bucket on the emulator, and a boto3 client to look into it."""

    name: str
    client: Any
    cache: Path

    def keys(self, prefix: str = "") -> list[str]:
        """The object names under ``prefix``."""
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key: str) -> bytes:
        """The bytes of one object."""
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """The emulator's URL; it binds a free port and stops at the end of the session."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint: str, settings: Any, tmp_path: Path) -> Bucket:
    """Django's default storage switched to a new, empty bucket, as ``DARIA_S3_*`` would set it,
    with this test's own local cache directory."""
    name = f"daria-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION,
                          aws_access_key_id=FAKE_CREDENTIAL,
                          aws_secret_access_key=FAKE_CREDENTIAL)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": name, "endpoint_url": s3_endpoint, "region_name": REGION,
                    "addressing_style": "path", "access_key": FAKE_CREDENTIAL,
                    "secret_key": FAKE_CREDENTIAL},
    }}
    settings.DARIA_DATA_DIR = tmp_path / "local"
    return Bucket(name, client, tmp_path / "local" / "cache")
