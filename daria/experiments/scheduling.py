"""The scheduling step of a search: fill the free trial slots, or finish when the budget is spent.

It runs when an experiment starts and after every trial, on any worker, under a row lock on the
experiment, so concurrent steps see each other's trials: the searcher is rebuilt from the
finished trials and the pending ones, each new configuration gets the next trial number (unique
per experiment) as a queued row, and its task is enqueued once that row is committed. When the
budget is spent (or a cancel was asked) and no trial is pending, exactly one step flips
``finalizing`` and enqueues the finalizing task. No task ever waits for another.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from automl_core.distributed import (
    SearchProblem,
    cheapest_duration_s,
    propose,
    refit_reserve_s,
)
from automl_core.exceptions import AutoMLError
from automl_core.search.explanation import ExplanationSource, source_only
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord
from daria.experiments import manual, replay, services
from daria.experiments.adapters import trial_config, trial_record
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem, seconds_left
from daria.experiments.time_limits import trial_hard_limit, trial_soft_limit
from daria.lib.queue import BrokerUnavailable, enqueue

log = logging.getLogger(__name__)

TRIAL_TASK = "daria.experiments.run_trial"
FINALIZE_TASK = "daria.experiments.finalize_experiment"
SCHEDULE_TASK = "daria.experiments.schedule_trials"


def start_search(experiment_id: int) -> str:
    """Move a queued experiment to running and schedule its first trials; return its status.

    A target the engine cannot learn fails the experiment with the engine's reason.
    """
    experiment = services.start_experiment(experiment_id)
    if experiment is None:
        return "skipped"  # cancelled before it started, or a second delivery
    try:
        load_problem(experiment_id)
    except AutoMLError as error:
        services.fail_with_engine_error(experiment, error)
        return Experiment.Status.FAILED
    schedule_trials(experiment_id)
    return Experiment.Status.RUNNING


def schedule_trials(experiment_id: int) -> list[int]:
    """Queue as many new trials as the experiment has free slots; return their numbers.

    When the search is over and nothing is pending, enqueue the finalizing task instead (once).
    """
    problem = load_problem(experiment_id)  # outside the lock: it may read a large table
    with transaction.atomic():
        experiment = Experiment.objects.select_for_update().get(pk=experiment_id)
        if experiment.status != Experiment.Status.RUNNING or experiment.finalizing:
            return []
        trials = list(experiment.trials.order_by("number"))
        pending = [t for t in trials if t.is_pending]
        history = [trial_record(t) for t in trials if not t.is_pending]
        search_left = seconds_left(experiment) - refit_reserve_s(problem, history)
        # A replay is over when its plan is queued; a search when no trial can finish in time,
        # and a manual search also when every hand-written configuration is queued.
        over = ((replay.plan_done(experiment, trials) or search_left <= 0)
                if replay.is_replay(experiment)
                else search_left <= cheapest_duration_s(problem, history)
                or (manual.is_manual(experiment) and manual.plan_done(experiment, trials)))
        if experiment.cancel_requested or over:
            if not pending:
                _start_finalizing(experiment)
            return []
        numbers = _queue_configurations(experiment, problem, trials, history,
                                        experiment.parallelism - len(pending))
        limit = trial_time_limit(search_left)
        transaction.on_commit(functools.partial(enqueue_trials, experiment_id, numbers, limit))
    return numbers


def _queue_configurations(experiment: Experiment, problem: SearchProblem, trials: list[Trial],
                          history: list[TrialRecord], free: int) -> list[int]:
    """Ask the rebuilt searcher for ``free`` configurations and insert them as queued trials,
    each with why it was proposed (``Trial.proposal``)."""
    if free <= 0:
        return []
    if replay.is_replay(experiment):
        configs = replay.next_configurations(experiment, trials, free)
        # The plan's entry i is the original trial that trial i repeats (trials run in order).
        explanations = [source_only(ExplanationSource.REPLAY, experiment.searcher,
                                    original_trial=int(experiment.replay_plan[index]["number"]))
                        for index in range(len(trials), len(trials) + len(configs))]
    elif manual.is_manual(experiment):
        configs = manual.next_configurations(experiment, trials, free)
        explanations = [source_only(ExplanationSource.MANUAL, experiment.searcher)
                        for _ in configs]
    else:
        pending = [trial_config(t) for t in trials if t.is_pending]
        initial = [Configuration.from_dict(c) for c in experiment.initial_configurations]
        proposed = propose(problem, history, pending, free, experiment.searcher, initial)
        configs = [p.config for p in proposed]
        explanations = [p.explanation for p in proposed]
    first = max((t.number for t in trials), default=-1) + 1
    now = timezone.now()
    created = Trial.objects.bulk_create([
        Trial(experiment=experiment, number=first + offset, state=Trial.QUEUED,
              algorithm=config.algorithm, params=dict(config.params), enqueued_at=now,
              proposal=explanation)
        for offset, (config, explanation) in enumerate(zip(configs, explanations, strict=True))
    ])
    return [trial.number for trial in created]


def trial_time_limit(search_left_s: float) -> int:
    """The hard time limit of a trial's task: the search's time left plus a grace period, at
    most ``DARIA_TRIAL_TIME_LIMIT_S`` (see time_limits.py)."""
    return trial_hard_limit(search_left_s)


def _start_finalizing(experiment: Experiment) -> None:
    """Flip ``finalizing`` (the row is locked), then on commit announce it and enqueue the one
    finalizing task."""
    experiment.finalizing = True
    services.mark_finalizing(experiment.pk)
    transaction.on_commit(functools.partial(enqueue_finalize, experiment.pk))


def enqueue_finalize(experiment_id: int) -> None:
    """Send the finalizing task; a broker that is down leaves it to the reaper (recovery.py)."""
    if not _send_step(FINALIZE_TASK, experiment_id, "finalizing task"):
        # Never sent: the reaper sends it at its next pass instead of after the grace period.
        Experiment.objects.filter(pk=experiment_id).update(finalize_sent_at=None)


def enqueue_schedule(experiment_id: int) -> None:
    """Send the scheduling step as a task of its own; a broker that is down leaves it to the
    reaper (recovery.py), which resumes a search with nothing pending."""
    _send_step(SCHEDULE_TASK, experiment_id, "scheduling step")


def _send_step(task: str, experiment_id: int, what: str) -> bool:
    """Send one of the experiment's own steps with the grace period as its time limit; False
    (logged, naming ``what``) when the broker is down."""
    limit = settings.DARIA_TASK_GRACE_S
    try:
        enqueue(task, experiment_id, time_limit=limit, soft_time_limit=limit - 30)
    except BrokerUnavailable:
        log.error("experiment %s waits for its %s: the broker is down", experiment_id, what)
        return False
    return True


def enqueue_trials(experiment_id: int, numbers: list[int], limit: int) -> None:
    """Send one task per queued trial; a broker that is down leaves them queued for the reaper."""
    for number in numbers:
        try:
            enqueue(TRIAL_TASK, experiment_id, number, time_limit=limit,
                    soft_time_limit=trial_soft_limit(limit))
        except BrokerUnavailable:
            log.error("trial %s of experiment %s stays queued: the broker is down",
                      number, experiment_id)
