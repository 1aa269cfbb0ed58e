"""Posting files to the upload endpoint the way the browser does."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient


def post_file(client: APIClient, project_id: int, name: str, content: bytes,
              language: str = "en", **fields: Any) -> Any:
    """A multipart upload of ``content`` as ``name`` with extra form fields."""
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(f"/api/v1/projects/{project_id}/datasets/", {"file": upload, **fields},
                       format="multipart", HTTP_ACCEPT_LANGUAGE=language)
