"""What every step of a search needs on a worker: the prepared problem and the search's clock.

Preparing a problem reads the dataset and encodes its folds, so a worker keeps the last few it
prepared: consecutive trials of one experiment on the same worker reuse them.
"""

from __future__ import annotations

import functools
import time
from datetime import timedelta

from django.utils import timezone

from automl_core.distributed import SearchProblem, prepare_problem
from daria.datasets.services import load_frame
from daria.experiments.models import Experiment

# Problems kept per worker process; each holds a table and its encoded folds.
CACHED_PROBLEMS = 2


@functools.lru_cache(maxsize=CACHED_PROBLEMS)
def load_problem(experiment_id: int) -> SearchProblem:
    """The experiment's prepared problem (the inputs it depends on never change).

    Raises the engine's TargetError / ConfigError for a target that cannot be learned.
    """
    experiment = Experiment.objects.select_related("dataset").get(pk=experiment_id)
    frame = load_frame(experiment.dataset, excluded=experiment.excluded_columns)
    return prepare_problem(frame, experiment.target, experiment.task, experiment.metric,
                           seed=experiment.seed, n_folds=experiment.validation_folds,
                           algorithms=experiment.algorithms or None,
                           column_kinds=experiment.column_kinds)


def seconds_left(experiment: Experiment) -> float:
    """Seconds of the experiment's time budget left, counted from when it started; the clock
    stands still while the experiment is paused."""
    now = experiment.paused_at or timezone.now()
    started = experiment.started_at or now
    end = started + timedelta(seconds=experiment.time_budget_s + experiment.paused_s)
    return (end - now).total_seconds()


def monotonic_deadline(seconds: float) -> float:
    """The monotonic time ``seconds`` from now (the engine's deadlines are monotonic)."""
    return time.monotonic() + seconds
