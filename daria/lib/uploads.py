"""Uploads stream to a temporary file on disk and stop as soon as they pass the byte cap.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not limit files, so the cap is enforced here, chunk by
chunk, before the whole body has been read.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException

# Room for the multipart boundaries and the other form fields around the file itself.
_MULTIPART_OVERHEAD_BYTES = 64 * 1024


def max_body_bytes() -> int:
    """The largest request body read: the upload cap plus room for the multipart framing."""
    return int(settings.DARIA_MAX_UPLOAD_BYTES) + _MULTIPART_OVERHEAD_BYTES


class UploadTooLarge(APIException):
    """The request body or file is larger than DARIA_MAX_UPLOAD_BYTES."""

    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "file_too_large"

    def __init__(self, limit_bytes: int) -> None:
        megabytes = max(1, limit_bytes // (1024 * 1024))
        detail = _("The file is too large: the limit is %(limit)s MB.") % {"limit": megabytes}
        super().__init__(detail=detail, code=self.default_code)


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Writes each uploaded file to a temporary file and refuses bytes past the cap."""

    def __init__(self, request: Any = None) -> None:
        super().__init__(request)
        self.limit = settings.DARIA_MAX_UPLOAD_BYTES
        self.received = 0

    def handle_raw_input(
        self, input_data: Any, META: Any, content_length: int, boundary: Any, encoding: Any = None
    ) -> None:
        """Refuse at once when the declared body size already exceeds the cap."""
        if content_length and content_length > max_body_bytes():
            raise UploadTooLarge(self.limit)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        """Count the bytes of the current file and stop once they pass the cap."""
        self.received += len(raw_data)
        if self.received > self.limit:
            raise UploadTooLarge(self.limit)
        return super().receive_data_chunk(raw_data, start)
