"""The API's exception handler: every error is JSON with a translated ``detail`` and a ``code``."""

from __future__ import annotations

from typing import Any

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from automl_core.exceptions import AutoMLError
from daria.lib.engine_messages import translate_error


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Turn engine errors into 400s and add a machine ``code`` to DRF's single-message errors."""
    if isinstance(exc, AutoMLError):
        return Response(
            {"detail": translate_error(exc), "code": exc.code}, status=status.HTTP_400_BAD_REQUEST
        )
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict):
        detail = response.data.get("detail")
        code = getattr(detail, "code", None)
        if code and "code" not in response.data:
            response.data["code"] = code
    return response
