"""Trial callbacks: observers of the search loop (they may stop it, never steer it).

A callback may raise :class:`automl_core.exceptions.SearchCancelled` to stop the search; ``fit``
then finishes with the best trial so far.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from automl_core.search.trial import TrialRecord


@runtime_checkable
class TrialCallback(Protocol):
    """Told when a trial starts and when it ends."""

    def on_trial_start(self, number: int, algorithm: str, params: Mapping[str, Any]) -> None:
        """A trial is about to be evaluated."""

    def on_trial_end(self, record: TrialRecord) -> None:
        """A trial has finished (in any state)."""
