"""Running one trial of a search on a worker: claim it, evaluate it, commit it, schedule more."""

from __future__ import annotations

import functools
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from automl_core.distributed import (
    best_predictions,
    evaluate_configuration,
    expected_duration_s,
    refit_reserve_s,
    trial_budget_s,
)
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState
from daria.experiments import replay, services
from daria.experiments.adapters import DatabaseTrialStore, trial_config
from daria.experiments.heartbeat import TrialCancelled, heartbeat
from daria.experiments.models import Experiment, Trial, TrialPredictions
from daria.experiments.problems import load_problem, monotonic_deadline, seconds_left
from daria.experiments.scheduling import enqueue_schedule, schedule_trials
from daria.experiments.time_limits import stop_after_s, timeout_reason
from daria.experiments.worker_name import current_worker


def run_trial(experiment_id: int, number: int, soft_limit_s: float | None = None) -> str:
    """Evaluate queued trial ``number`` and return its final state ("skipped" when it is not
    queued: a second delivery, or another worker has it).

    The start is committed and announced (``trial_started``); the result is committed, then
    announced, then the scheduling step fills the freed slot. A trial of a cancelled or finished
    experiment is recorded as cancelled without running; one of a paused experiment goes back
    to the queue ("paused"). A cancel while it runs ends it as cancelled within seconds (see
    heartbeat.py). With ``soft_limit_s`` (the soft time limit of the trial's task), a trial that
    runs past ``time_limits.stop_after_s`` or into the soft limit ends as timeout (see
    :func:`end_timed_out_trial`; the hard limit: :func:`on_hard_time_limit`).
    """
    if services.start_trial(experiment_id, number, current_worker()) is None:
        return "skipped"
    stop_at = None if soft_limit_s is None else monotonic_deadline(stop_after_s(soft_limit_s))
    try:
        return _run_claimed(experiment_id, number, stop_at)
    except SoftTimeLimitExceeded:
        # Celery's soft limit outside the engine (inside, the engine makes it a failed trial,
        # which ends past ``stop_at`` and so is recorded as a timeout too).
        end_timed_out_trial(experiment_id, number)
        schedule_trials(experiment_id)
        return str(TrialState.TIMEOUT)


def _run_claimed(experiment_id: int, number: int, stop_at: float | None) -> str:
    """Run the claimed trial ``number`` (see :func:`run_trial`) and schedule the next ones."""
    experiment = Experiment.objects.get(pk=experiment_id)
    config = trial_config(Trial.objects.get(experiment_id=experiment_id, number=number))
    if experiment.status == Experiment.Status.PAUSED and not experiment.cancel_requested:
        # Back in the queue: resuming sends its task again.
        Trial.objects.filter(experiment_id=experiment_id, number=number).update(
            state=Trial.QUEUED, started_at=None, heartbeat_at=None, attempts=F("attempts") - 1)
        return "paused"
    if experiment.status != Experiment.Status.RUNNING or experiment.cancel_requested:
        record = TrialRecord(number, TrialState.CANCELLED, config.algorithm, config.params)
        services.record_trial(experiment_id, record, _progress(experiment))
    else:
        record = _evaluate(experiment, number, config, stop_at)
    schedule_trials(experiment_id)
    return str(record.state)


def _progress(experiment: Experiment) -> float:
    """The share of the experiment's time budget spent so far (of its plan, for a replay)."""
    if replay.is_replay(experiment):
        return replay.progress_after_trial(experiment)
    return 1.0 - max(seconds_left(experiment), 0.0) / experiment.time_budget_s


def _evaluate(experiment: Experiment, number: int, config: Configuration,
              stop_at: float | None) -> TrialRecord:
    """Cross-validate the configuration within the search's time left and commit the result;
    an evaluation that ends past ``stop_at`` (a monotonic time) is recorded as a timeout."""
    problem = load_problem(experiment.pk)
    store = DatabaseTrialStore(experiment.pk)
    history = store.all()
    search_left = seconds_left(experiment) - refit_reserve_s(problem, history)
    cancelled = TrialRecord(number, TrialState.CANCELLED, config.algorithm, config.params)
    deadline = monotonic_deadline(search_left)
    # The engine itself stops at the trial's limit when that comes first: its timeout (a cut
    # when a fold would end past it) is then this trial's time limit, not the search's.
    limited = stop_at is not None and stop_at <= deadline
    if stop_at is not None:
        deadline = min(deadline, stop_at)
    try:
        with heartbeat(experiment.pk, number,
                       on_cancel=functools.partial(_cancel, experiment, cancelled)):
            if replay.is_replay(experiment):
                outcome = replay.evaluate(problem, number, config, search_left)
            else:
                outcome = evaluate_configuration(problem, number, config, deadline,
                                                 settings.DARIA_WORKER_THREADS,
                                                 trial_budget_s(experiment.time_budget_s),
                                                 expected_duration_s(history, config.algorithm))
    except TrialCancelled:
        return cancelled
    if ((stop_at is not None and time.monotonic() >= stop_at)
            or (limited and outcome.record.state is TrialState.TIMEOUT)):
        return end_timed_out_trial(experiment.pk, number) or cancelled
    if services.record_trial(experiment.pk, outcome.record, _progress(experiment), outcome.oof,
                             only_if_running=True) is None:
        return cancelled  # the cancel won the race with the end of the evaluation
    # Only the best trials' predictions can join the ensemble; the rest need not be kept.
    keep = best_predictions(problem, store.all())
    (TrialPredictions.objects.filter(trial__experiment_id=experiment.pk)
     .exclude(trial__number__in=keep).delete())
    return outcome.record


def _cancel(experiment: Experiment, cancelled: TrialRecord) -> None:
    """End a running trial as cancelled and let the search finish (called by its heartbeat)."""
    services.record_trial(experiment.pk, cancelled, _progress(experiment), only_if_running=True)
    schedule_trials(experiment.pk)


def end_timed_out_trial(experiment_id: int, number: int) -> TrialRecord | None:
    """Record running trial ``number`` as a timeout ("stopped after N s: over its time
    limit"), commit, then announce; return its record, or None when it is no longer running
    (already recorded, or cancelled meanwhile): a trial times out once."""
    trial = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                 state=Trial.RUNNING).first()
    if trial is None:
        return None
    elapsed = (timezone.now() - (trial.started_at or timezone.now())).total_seconds()
    record = TrialRecord(number, TrialState.TIMEOUT, trial.algorithm, trial.params,
                         fit_time_s=elapsed, error=timeout_reason(elapsed))
    experiment = Experiment.objects.get(pk=experiment_id)
    if services.record_trial(experiment_id, record, _progress(experiment),
                             only_if_running=True) is None:
        return None
    return record


def on_hard_time_limit(experiment_id: int, number: int) -> None:
    """The pool killed the trial's process at its hard time limit: record it as a timeout and
    send the scheduling step, so that the search goes on (runs in the worker's main process,
    which should not load the experiment's data itself). The step is sent even when the trial
    was already recorded: the process may have died before it scheduled."""
    end_timed_out_trial(experiment_id, number)
    enqueue_schedule(experiment_id)
