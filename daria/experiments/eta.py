"""When a running search is expected to finish (its ETA), from its plan and its trials' durations.

A search with a fixed plan (a manual search, a replay) ends when its planned trials have run,
which can be long before its time budget is spent: the trials left (queued, running or not yet
queued), run ``parallelism`` at a time at the median duration of the finished ones, plus one
more such duration for the final model. Any other search, and a plan that would outlast it,
ends when the time budget is spent: the engine keeps the final refit inside the budget.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.utils import timezone

from automl_core.search.trial import TrialState
from daria.experiments import manual, replay
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import seconds_left


def is_estimated(experiment: Experiment) -> bool:
    """Whether the experiment has an ETA: it is running (not paused, not waiting or queued)."""
    return experiment.status == Experiment.Status.RUNNING and experiment.started_at is not None


def expected_finish(experiment: Experiment) -> datetime | None:
    """When the running experiment is expected to finish (the budget's end unless its plan ends
    sooner); None when it has no ETA (see :func:`is_estimated`). Reads the trials only for a
    search with a fixed plan: the experiment is read often while it runs."""
    if not is_estimated(experiment):
        return None
    now = timezone.now()
    budget_end = now + timedelta(seconds=max(seconds_left(experiment), 0.0))
    if experiment.finalizing or not _has_plan(experiment):
        return budget_end
    trials = list(experiment.trials.only("number", "state", "algorithm", "params",
                                         "fit_time_s", "predict_time_s"))
    planned_left = _planned_trials_left(experiment, trials)
    durations = [t.fit_time_s + t.predict_time_s for t in trials
                 if t.state == str(TrialState.COMPLETE) and t.fit_time_s is not None]
    if not durations:
        return budget_end
    typical_s = statistics.median(durations)
    rounds = math.ceil(planned_left / max(experiment.parallelism, 1))
    plan_end = now + timedelta(seconds=(rounds + 1) * typical_s)
    return min(plan_end, budget_end)


def _has_plan(experiment: Experiment) -> bool:
    """Whether the search runs a fixed list of trials (a replay or a manual search)."""
    return replay.is_replay(experiment) or manual.is_manual(experiment)


def _planned_trials_left(experiment: Experiment, trials: Sequence[Trial]) -> int:
    """Trials of the fixed plan that have not finished (queued, running or not yet queued)."""
    unfinished = sum(1 for t in trials if t.is_pending)
    if replay.is_replay(experiment):
        return max(len(experiment.replay_plan) - len(trials), 0) + unfinished
    not_queued = len(manual.next_configurations(
        experiment, trials, len(experiment.initial_configurations)))
    return not_queued + unfinished
