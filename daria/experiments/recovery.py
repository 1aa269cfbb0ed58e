"""Recovering trials whose worker was lost: a periodic reaper (Celery beat) finds running trials
whose heartbeat stopped, runs each once more with the same configuration and number, and fails
it on a second loss so that the search goes on. Trials queued for longer than that get their
task sent again, in case Redis lost the message.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from daria.experiments import services
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import seconds_left
from daria.experiments.scheduling import enqueue_trials, schedule_trials, trial_time_limit

log = logging.getLogger(__name__)

LOST_REASON = "worker lost, possibly out of memory"
# A trial is started at most this many times.
MAX_ATTEMPTS = 2


def reap_lost_trials() -> list[tuple[int, int, str]]:
    """Re-queue or fail every running trial whose heartbeat stopped, and send again the task of
    every trial queued for too long; return what was done as (experiment id, trial number,
    "requeued" | "failed" | "resent")."""
    silent_since = timezone.now() - timedelta(seconds=settings.DARIA_TRIAL_LOST_AFTER_S)
    lost = Trial.objects.filter(state=Trial.RUNNING, heartbeat_at__lt=silent_since)
    done = [(experiment_id, number, "resent")
            for experiment_id, number in _resend_waiting(silent_since)]
    for experiment_id, number, attempts in lost.values_list("experiment_id", "number",
                                                            "attempts"):
        if attempts < MAX_ATTEMPTS:
            if _requeue(experiment_id, number, silent_since):
                done.append((experiment_id, number, "requeued"))
        elif services.fail_lost_trial(experiment_id, number, LOST_REASON, silent_since):
            done.append((experiment_id, number, "failed"))
            schedule_trials(experiment_id)  # its slot is free again
    for experiment_id, number, action in done:
        log.warning("trial %s of experiment %s lost its worker: %s", number, experiment_id,
                    action)
    return done


def _resend_waiting(waiting_since: datetime) -> list[tuple[int, int]]:
    """Send again the tasks of trials queued since before ``waiting_since`` (their message may
    have been lost with Redis); return their (experiment id, number)."""
    waiting = Trial.objects.filter(state=Trial.QUEUED, enqueued_at__lt=waiting_since,
                                   experiment__status=Experiment.Status.RUNNING)
    resent = []
    for experiment_id, number in waiting.values_list("experiment_id", "number"):
        with transaction.atomic():
            experiment = Experiment.objects.select_for_update().get(pk=experiment_id)
            still = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                         state=Trial.QUEUED, enqueued_at__lt=waiting_since)
            if still.update(enqueued_at=timezone.now()):
                limit = trial_time_limit(seconds_left(experiment))
                transaction.on_commit(
                    functools.partial(enqueue_trials, experiment_id, [number], limit))
                resent.append((experiment_id, number))
    return resent


def _requeue(experiment_id: int, number: int, silent_since: datetime) -> bool:
    """Put a lost trial back in the queue with its configuration and number, then enqueue it."""
    with transaction.atomic():
        experiment = Experiment.objects.select_for_update().get(pk=experiment_id)
        lost = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                    state=Trial.RUNNING, heartbeat_at__lt=silent_since)
        if not lost.update(state=Trial.QUEUED, enqueued_at=timezone.now()):
            return False  # its heartbeat came back, or it finished
        limit = trial_time_limit(seconds_left(experiment))
        transaction.on_commit(functools.partial(enqueue_trials, experiment_id, [number], limit))
    return True
