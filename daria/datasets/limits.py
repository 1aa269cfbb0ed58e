"""The reader's limits and the size from which files are parsed by a worker, from settings.

Each value is a Django setting of the same name when the settings define it, else read from the
environment (see docs/configuration.md), so a bad value stops the process with a clear message.
"""

from __future__ import annotations

from django.conf import settings

from automl_core.data import ReadLimits
from automl_core.data.options import (
    DEFAULT_MAX_COLUMNS,
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_FIELD_CHARS,
    DEFAULT_MAX_ROWS,
)
from daria.lib.env import env_int

DEFAULT_ASYNC_PARSE_BYTES = 20 * 1024 * 1024


def _setting(name: str, default: int) -> int:
    value = getattr(settings, name, None)
    return int(value) if value is not None else env_int(name, default, minimum=1)


def read_limits() -> ReadLimits:
    """The limits every dataset read respects."""
    return ReadLimits(
        max_columns=_setting("DARIA_MAX_COLUMNS", DEFAULT_MAX_COLUMNS),
        max_rows=_setting("DARIA_MAX_ROWS", DEFAULT_MAX_ROWS),
        max_field_chars=_setting("DARIA_MAX_FIELD_CHARS", DEFAULT_MAX_FIELD_CHARS),
        max_decompressed_bytes=_setting("DARIA_MAX_DECOMPRESSED_BYTES",
                                        DEFAULT_MAX_DECOMPRESSED_BYTES),
    )


def async_parse_bytes() -> int:
    """Files larger than this are parsed and profiled by a worker, not in the request."""
    return _setting("DARIA_ASYNC_PARSE_BYTES", DEFAULT_ASYNC_PARSE_BYTES)
