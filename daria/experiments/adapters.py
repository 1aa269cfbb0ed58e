"""The engine's trial callback, implemented with the ORM: each finished trial is committed."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from automl_core.exceptions import SearchCancelled
from automl_core.search.trial import TrialRecord
from daria.experiments import services


class DatabaseTrialCallback:
    """Writes every finished trial to the database and stops the search when cancelled."""

    def __init__(self, experiment_id: int, time_budget_s: float) -> None:
        self.experiment_id = experiment_id
        self.time_budget_s = max(float(time_budget_s), 1.0)
        self.started = time.monotonic()

    def on_trial_start(self, number: int, algorithm: str, params: Mapping[str, Any]) -> None:
        """Stop before starting another trial once a user has cancelled."""
        self._stop_if_cancelled()

    def on_trial_end(self, record: TrialRecord) -> None:
        """Commit the trial with the progress so far (elapsed / budget), then check for cancel."""
        progress = (time.monotonic() - self.started) / self.time_budget_s
        services.record_trial(self.experiment_id, record, progress)
        self._stop_if_cancelled()

    def _stop_if_cancelled(self) -> None:
        if services.cancel_requested(self.experiment_id):
            raise SearchCancelled(f"experiment {self.experiment_id} was cancelled")
