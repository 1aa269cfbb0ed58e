"""Recovering trials whose worker was lost: a periodic reaper (Celery beat) finds running trials
whose heartbeat stopped, runs each once more with the same configuration and number, and fails
it on a second loss so that the search goes on. Trials queued for longer than that get their
task sent again, in case Redis lost the message.

Searches are recovered too: a running search with no pending trial gets its scheduling step
again (the task that should have run it died), and a finalizing task whose build's heartbeat
stopped, or that has not started within ``DARIA_FINALIZE_LOST_AFTER_S``, is sent again, at most
``MAX_FINALIZE_ATTEMPTS`` builds in all (finalize_liveness.py). Every task is idempotent, so a
message that was only late does no harm.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef, Q
from django.utils import timezone

from daria.experiments import services
from daria.experiments.finalize_liveness import MAX_FINALIZE_ATTEMPTS
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import seconds_left
from daria.experiments.scheduling import (
    enqueue_finalize,
    enqueue_schedule,
    enqueue_trials,
    schedule_trials,
    trial_time_limit,
)

log = logging.getLogger(__name__)

LOST_REASON = "worker lost, possibly out of memory"
FINALIZE_LOST_REASON = ("The final model could not be built: its worker was lost %(attempts)s "
                        "times, possibly out of memory. The trials are kept.")
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


def resume_stalled_searches() -> list[tuple[int, str]]:
    """Send the scheduling step of every running search with no pending trial and no change for
    ``DARIA_TRIAL_LOST_AFTER_S``, and recover every lost build of a final model (see
    :func:`_recover_finalize`); return what was done as (experiment id, "scheduled" |
    "finalize resent" | "finalize failed")."""
    now = timezone.now()
    quiet_since = now - timedelta(seconds=settings.DARIA_TRIAL_LOST_AFTER_S)
    pending = Trial.objects.filter(experiment=OuterRef("pk"), state__in=Trial.PENDING)
    stalled = (Experiment.objects
               .filter(status=Experiment.Status.RUNNING, finalizing=False,
                       started_at__lt=quiet_since)
               .annotate(last_trial_at=Max("trials__finished_at"))
               .filter(~Exists(pending))
               .filter(Q(last_trial_at__isnull=True) | Q(last_trial_at__lt=quiet_since)))
    done = []
    for experiment_id in stalled.values_list("pk", flat=True):
        enqueue_schedule(experiment_id)
        done.append((experiment_id, "scheduled"))
    done += _recover_finalize(now)
    for experiment_id, action in done:
        log.warning("experiment %s had stalled: %s", experiment_id, action)
    return done


def _recover_finalize(now: datetime) -> list[tuple[int, str]]:
    """Send the finalizing task again of experiments whose build was lost: started since it was
    last sent and silent for ``DARIA_TRIAL_LOST_AFTER_S`` (the worker died), or not started
    ``DARIA_FINALIZE_LOST_AFTER_S`` after it was sent (the message was lost). A build lost
    ``MAX_FINALIZE_ATTEMPTS`` times fails the experiment instead, keeping its trials. Return
    (experiment id, "finalize resent" | "finalize failed") for each."""
    started = Q(finalize_heartbeat_at__gte=F("finalize_sent_at"))
    died = started & Q(finalize_heartbeat_at__lt=now - timedelta(
        seconds=settings.DARIA_TRIAL_LOST_AFTER_S))
    not_started = ((Q(finalize_heartbeat_at__isnull=True)
                    | Q(finalize_heartbeat_at__lt=F("finalize_sent_at")))
                   & Q(finalize_sent_at__lt=now - timedelta(
                       seconds=settings.DARIA_FINALIZE_LOST_AFTER_S)))
    lost = died | not_started | Q(finalize_sent_at__isnull=True)
    stuck = Experiment.objects.filter(status=Experiment.Status.RUNNING, finalizing=True)
    done = []
    for experiment_id in stuck.filter(lost).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = (Experiment.objects.select_for_update()
                       .filter(lost, pk=experiment_id, status=Experiment.Status.RUNNING,
                               finalizing=True).first())
            if claimed is None:
                continue  # it finished or came back meanwhile
            if claimed.finalize_attempts >= MAX_FINALIZE_ATTEMPTS:
                transaction.on_commit(functools.partial(_fail_finalize, claimed))
                done.append((experiment_id, "finalize failed"))
                continue
            Experiment.objects.filter(pk=experiment_id).update(finalize_sent_at=now)
            transaction.on_commit(functools.partial(enqueue_finalize, experiment_id))
            done.append((experiment_id, "finalize resent"))
    return done


def _fail_finalize(experiment: Experiment) -> None:
    services.finish_experiment(
        experiment, Experiment.Status.FAILED, error=FINALIZE_LOST_REASON % {
            "attempts": experiment.finalize_attempts},
        error_code="finalize_lost", error_params={"attempts": experiment.finalize_attempts})
