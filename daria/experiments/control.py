"""Steering a search while it runs: cancel, pause and resume, extend the time budget, and queue a
hand-written configuration.

Every change is made under the experiment's row lock (the lock the scheduling step takes), so a
worker scheduling at the same moment sees either the old or the new state, never half of it.
Whatever may free or fill a trial slot then sends one scheduling task: the web process never
prepares a search itself.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError

from automl_core.search.explanation import ExplanationSource, source_only
from automl_core.search.space import Configuration
from daria.accounts.services import AnyUser, require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.experiments import services, waiting
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem, seconds_left
from daria.experiments.scheduling import SCHEDULE_TASK, enqueue_trials, trial_time_limit
from daria.experiments.search_options import configuration_errors
from daria.lib.queue import enqueue

ACTIVE = frozenset({Experiment.Status.RUNNING, Experiment.Status.PAUSED})
NOT_STARTED = {Experiment.Status.WAITING, Experiment.Status.QUEUED}


class NotSteerable(APIException):
    """The experiment is not in a state that allows this change."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "experiment_not_steerable"
    default_detail = _("This experiment is not running or paused, or it is already finishing.")


class ReplayIsFixed(APIException):
    """A replay runs exactly the original's trials; nothing may be added to it."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "replay_is_fixed"
    default_detail = _("A replay runs exactly the trials of the original experiment, in order; "
                       "hand-written trials cannot be added to it.")


def cancel_experiment(user: AnyUser, experiment: Experiment) -> Experiment:
    """Cancel an experiment the user may change (see :func:`request_cancel`), and audit it."""
    require_write(user, experiment.project_id)
    request_cancel(experiment.pk)
    audit.record(user, Action.EXPERIMENT_CANCEL, project=experiment.project_id, target=experiment)
    return services.get_experiment(user, experiment.pk)


def request_cancel(experiment_id: int) -> None:
    """Cancel a waiting or queued experiment at once; ask a running or paused one to stop.

    Its running trials end as cancelled within seconds (see heartbeat.py), queued ones when a
    worker takes them; then the best completed trials become the model, if any completed.
    A freed slot goes to the creator's next waiting experiment. Finished experiments stay as
    they are. No permission check: callers decide who may cancel.
    """
    if services.change_status(experiment_id, NOT_STARTED, status=Experiment.Status.CANCELLED,
                              finished_at=timezone.now()):
        _admit_next(experiment_id)
    else:
        with transaction.atomic():
            locked = _lock(experiment_id)
            if locked.status in ACTIVE and not locked.cancel_requested:
                if locked.status == Experiment.Status.PAUSED:
                    _unpause(locked)
                Experiment.objects.filter(pk=locked.pk).update(cancel_requested=True)
                transaction.on_commit(functools.partial(_schedule, locked.pk))


def _admit_next(experiment_id: int) -> None:
    """Give a freed slot to the cancelled experiment's creator's next waiting one, if any."""
    creator = Experiment.objects.filter(pk=experiment_id).values_list("created_by_id",
                                                                      flat=True).first()
    if creator:
        waiting.admit_waiting(creator)


def pause_experiment(user: AnyUser, experiment: Experiment) -> Experiment:
    """Stop scheduling new trials and stop the budget clock; running trials finish."""
    require_write(user, experiment.project_id)
    with transaction.atomic():
        locked = _steerable(experiment.pk, {Experiment.Status.RUNNING})
        changed = services.change_status(locked.pk, {Experiment.Status.RUNNING},
                                         status=Experiment.Status.PAUSED,
                                         paused_at=timezone.now())
    if not changed:
        raise NotSteerable
    return services.get_experiment(user, experiment.pk)


def resume_experiment(user: AnyUser, experiment: Experiment) -> Experiment:
    """Restart the budget clock, send the queued trials again and fill the free slots."""
    require_write(user, experiment.project_id)
    with transaction.atomic():
        locked = _steerable(experiment.pk, {Experiment.Status.PAUSED})
        _unpause(locked)
        queued = list(locked.trials.filter(state=Trial.QUEUED).values_list("number", flat=True))
        locked.refresh_from_db()
        limit = trial_time_limit(seconds_left(locked))
        transaction.on_commit(functools.partial(enqueue_trials, locked.pk, queued, limit))
        transaction.on_commit(functools.partial(_schedule, locked.pk))
    return services.get_experiment(user, experiment.pk)


def extend_budget(user: AnyUser, experiment: Experiment, seconds: int) -> Experiment:
    """Add ``seconds`` to the time budget of a running or paused search that is not finishing.

    Also right after the budget ran out: until the finalizing task is sent, the search goes on.
    """
    require_write(user, experiment.project_id)
    with transaction.atomic():
        locked = _steerable(experiment.pk, ACTIVE)
        budget = locked.time_budget_s + seconds
        if budget > settings.DARIA_MAX_TIME_BUDGET_S:
            raise ValidationError({"seconds": [_(
                "The time budget can grow to at most %(max)s seconds (it is %(now)s)."
            ) % {"max": settings.DARIA_MAX_TIME_BUDGET_S, "now": locked.time_budget_s}]})
        Experiment.objects.filter(pk=locked.pk).update(time_budget_s=budget)
        if locked.status == Experiment.Status.RUNNING:
            transaction.on_commit(functools.partial(_schedule, locked.pk))
    return services.get_experiment(user, experiment.pk)


def add_trial(user: AnyUser, experiment: Experiment, algorithm: str,
              params: Mapping[str, Any]) -> Trial:
    """Queue a hand-written configuration as the experiment's next trial and send its task.

    Raises ValidationError keyed by the bad value's path (``params.<name>``) when it is outside
    the experiment's search space.
    """
    require_write(user, experiment.project_id)
    if experiment.replay_plan:  # set when the replay is created, never changed
        raise ReplayIsFixed
    errors = configuration_errors(load_problem(experiment.pk).space,
                                  {"algorithm": algorithm, "params": params})
    if errors:
        raise ValidationError(errors)
    config = Configuration(algorithm, dict(params))
    with transaction.atomic():
        locked = _steerable(experiment.pk, ACTIVE)
        last = locked.trials.aggregate(last=Max("number"))["last"]
        trial = Trial.objects.create(
            experiment=locked, number=0 if last is None else last + 1, state=Trial.QUEUED,
            algorithm=config.algorithm, params=dict(config.params), enqueued_at=timezone.now(),
            proposal=source_only(ExplanationSource.MANUAL, locked.searcher))
        if locked.status == Experiment.Status.RUNNING:
            limit = trial_time_limit(seconds_left(locked))
            transaction.on_commit(
                functools.partial(enqueue_trials, locked.pk, [trial.number], limit))
    return trial


def _lock(experiment_id: int) -> Experiment:
    return Experiment.objects.select_for_update().get(pk=experiment_id)


def _steerable(experiment_id: int, statuses: frozenset[str] | set[str]) -> Experiment:
    """The locked experiment, when its status is one of ``statuses`` and it is not ending."""
    locked = _lock(experiment_id)
    if locked.status not in statuses or locked.finalizing or locked.cancel_requested:
        raise NotSteerable
    return locked


def _unpause(locked: Experiment) -> None:
    """Back to running, with the time spent paused added to the clock's pauses."""
    paused_for = (timezone.now() - (locked.paused_at or timezone.now())).total_seconds()
    services.change_status(locked.pk, {Experiment.Status.PAUSED},
                           status=Experiment.Status.RUNNING, paused_at=None,
                           paused_s=locked.paused_s + paused_for)


def _schedule(experiment_id: int) -> None:
    enqueue(SCHEDULE_TASK, experiment_id, time_limit=settings.DARIA_TASK_GRACE_S,
            soft_time_limit=settings.DARIA_TASK_GRACE_S - 30)
