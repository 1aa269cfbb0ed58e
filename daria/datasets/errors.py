"""Engine errors about data, turned into translated API errors.

Used by every view that reads a table the user sent (dataset uploads and prediction files), so
both explain a bad file with the same messages (``daria.datasets.messages``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rest_framework import status
from rest_framework.exceptions import APIException

from automl_core.exceptions import AutoMLError
from daria.datasets.messages import translate_data_error

T = TypeVar("T")


class DataRejected(APIException):
    """The engine could not read or use the data; ``detail`` says why, in the user's language."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, error: AutoMLError) -> None:
        super().__init__(detail=translate_data_error(error), code=error.code)


def engine_call(work: Callable[[], T]) -> T:
    """Run ``work``, turning the engine's errors into translated 400s."""
    try:
        return work()
    except AutoMLError as error:
        raise DataRejected(error) from None
