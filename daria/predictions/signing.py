"""HMAC signatures of stored model files: signed when saved, verified before every use.

A model file is a skops archive the server loads into memory, so a file swapped or edited on
disk (a restored wrong backup, a compromised volume) must never be loaded or handed out as
ours. The key is derived from SECRET_KEY for this purpose alone; SECRET_KEY_FALLBACKS still
verify, so rotating the secret key does not strand existing models.
"""

from __future__ import annotations

import hmac
import logging
from pathlib import Path

from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException

logger = logging.getLogger(__name__)

_KEY_SALT = "daria.predictions.model-file"
_CHUNK = 1024 * 1024


class ModelFileTampered(APIException):
    """The file on disk is not the one the server signed; it is never loaded."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _(
        "The model file has changed since Daria saved it, so it is not loaded. "
        "Restore it from a backup or train the model again."
    )
    default_code = "model_file_tampered"


def _digest(path: Path, secret: str) -> str:
    mac = salted_hmac(_KEY_SALT, b"", secret=secret, algorithm="sha256")
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            mac.update(chunk)
    return mac.hexdigest()


def sign_file(path: Path) -> str:
    """The hex HMAC-SHA256 of the file's bytes under the current SECRET_KEY."""
    return _digest(path, settings.SECRET_KEY)


def verify_file(path: Path, signature: str) -> None:
    """Raise ModelFileTampered unless ``signature`` matches the file's bytes."""
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    if signature and any(hmac.compare_digest(_digest(path, s), signature) for s in secrets):
        return
    logger.error("Model file %s does not match its signature; refusing to load it.", path)
    raise ModelFileTampered()
