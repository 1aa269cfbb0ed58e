"""Engine errors. Each carries a stable ``code``, an English ``message`` and ``params``.

The web app translates by ``code`` and ``params``; the CLI prints ``message``. Codes are listed in
``docs/engine.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class AutoMLError(Exception):
    """Base of every error the engine raises on purpose."""

    def __init__(self, code: str, message: str, params: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params: dict[str, Any] = dict(params or {})

    def __str__(self) -> str:
        return self.message


class DataError(AutoMLError):
    """The file or frame cannot be read or used (empty, not text, ragged, too wide...)."""


class TargetError(AutoMLError):
    """The target column cannot be learned (missing, single class, too few rows...)."""


class PredictionInputError(AutoMLError):
    """Rows given for prediction do not match what the model was trained on."""


class ConfigError(AutoMLError):
    """An option given to the engine is invalid (unknown metric, task, searcher...)."""


class NotFittedError(AutoMLError):
    """A model was used before ``fit`` succeeded."""


class SearchFailed(AutoMLError):
    """No trial of the search finished with a score."""


class SearchCancelled(Exception):  # noqa: N818 - a signal, not an error condition
    """Raised by a callback to stop the search; ``fit`` finishes with the best trial so far."""


@dataclass(frozen=True)
class DataWarning:
    """Something worth telling the user that does not stop the work."""

    code: str
    message: str
    columns: tuple[str, ...] = ()
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return {"code": self.code, "message": self.message, "columns": list(self.columns),
                "params": dict(self.params)}
