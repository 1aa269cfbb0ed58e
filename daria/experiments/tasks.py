"""Celery tasks of experiments: thin wrappers that call one service each.

Time limits are set per call when the task is enqueued (they depend on the budget left).
"""

import logging
from typing import Any

from celery import Task, shared_task
from celery.exceptions import TimeLimitExceeded
from django.db import connection

from daria.experiments import finalizing, recovery, scheduling, trial_runs, waiting

log = logging.getLogger(__name__)


class TrialTask(Task):
    """The trial task's class: a trial whose process was killed at its hard time limit ends as
    a timeout, instead of staying running until the reaper takes it for a lost worker."""

    def on_failure(self, exc: BaseException, task_id: str, args: tuple, kwargs: dict,
                   einfo: Any) -> None:
        """Called by the worker's main process when the pool killed the task at its hard
        limit (and in the pool's process for any other error, which is left alone)."""
        if isinstance(exc, TimeLimitExceeded):
            try:
                trial_runs.on_hard_time_limit(*args)
            except Exception:  # noqa: BLE001 - never break the pool; the reaper is the fallback
                log.exception("trial %s of experiment %s over its time limit was not recorded",
                              args[1], args[0])
            finally:
                connection.close()  # the main process keeps no connection of its own


@shared_task(name="daria.experiments.run_experiment")
def run_experiment(experiment_id: int) -> str:
    """Start an experiment's search: schedule its first trials."""
    return scheduling.start_search(experiment_id)


@shared_task(name="daria.experiments.run_trial", base=TrialTask, bind=True)
def run_trial(self: Task, experiment_id: int, number: int) -> str:
    """Evaluate one queued trial, then schedule the next ones; a trial past its task's time
    limit ends as a timeout."""
    _, soft_limit_s = self.request.timelimit or (None, None)
    return trial_runs.run_trial(experiment_id, number, soft_limit_s)


@shared_task(name="daria.experiments.schedule_trials")
def schedule_trials(experiment_id: int) -> int:
    """Fill the free trial slots (or finish) after the search was steered; return how many."""
    return len(scheduling.schedule_trials(experiment_id))


@shared_task(name="daria.experiments.finalize_experiment")
def finalize_experiment(experiment_id: int) -> str:
    """Build, refit and save the final model of a search whose budget is spent."""
    return finalizing.finalize_experiment(experiment_id)


@shared_task(name="daria.experiments.reap_lost_trials")
def reap_lost_trials() -> int:
    """Recover running trials whose worker stopped beating and stalled searches (a lost
    scheduling step or finalizing task), and start waiting experiments whose slot freed
    without a start (run by Celery beat)."""
    return (len(recovery.reap_lost_trials()) + len(recovery.resume_stalled_searches())
            + len(waiting.admit_all_waiting()))
