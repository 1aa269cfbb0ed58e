"""Experiments: creating, running, recording trials and finishing (steering: control.py).

The only place that changes experiments and trials or enqueues their work.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import numpy as np
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from automl_core.data import Task, prepare_target
from automl_core.evaluation.metrics import get_metric
from automl_core.exceptions import AutoMLError
from automl_core.export.reproducibility import file_sha256
from automl_core.search.trial import TrialRecord
from daria.accounts.services import AnyUser, projects_for, require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.datasets.models import Dataset
from daria.datasets.services import column_kinds, excluded_columns, load_frame
from daria.experiments import search_options, waiting
from daria.experiments.adapters import encode_predictions, measurements
from daria.experiments.models import Experiment, Trial, TrialPredictions
from daria.experiments.serializers import trial_payload
from daria.lib.events import publish_experiment_event
from daria.lib.file_store import local_copy
from daria.lib.queue import BrokerUnavailable, enqueue

log = logging.getLogger(__name__)

RUN_TASK = "daria.experiments.run_experiment"
# The live event of a trial that a worker has just started (its end is a "trial" event).
TRIAL_STARTED = "trial_started"
DEFAULT_TIME_BUDGET_S = 60


def experiments_for(user: AnyUser) -> QuerySet[Experiment]:
    """Experiments of the user's projects, with their count of finished trials."""
    return (
        Experiment.objects.filter(project__in=projects_for(user))
        .select_related("model")
        .annotate(n_trials=Count("trials", filter=~Q(trials__state__in=Trial.PENDING)))
    )


def get_experiment(user: AnyUser, experiment_id: int) -> Experiment:
    """One of the user's experiments, or 404."""
    try:
        return experiments_for(user).get(pk=experiment_id)
    except Experiment.DoesNotExist:
        raise Http404("No such experiment.") from None


def create_experiment(
    user: AbstractBaseUser,
    dataset: Dataset,
    target: str,
    task: str | None = None,
    metric: str | None = None,
    time_budget_s: int = DEFAULT_TIME_BUDGET_S,
    searcher: str = search_options.DEFAULT_SEARCHER.value,
    algorithms: list[str] | None = None,
    validation_folds: int | None = None,
    parallelism: int = 2,
    initial_configurations: list[dict[str, Any]] | None = None,
) -> Experiment:
    """Check the target and options with the engine, store the experiment and enqueue its run,
    or let it wait for a free slot when its creator's concurrent-experiment quota is used up.

    Raises the engine's TargetError / ConfigError, or a ValidationError naming the parameter of
    an initial configuration outside the search space (or saying that manual search has none),
    before anything is stored. When the broker does not take the job, the experiment is marked
    failed with that reason and BrokerUnavailable is raised: nothing runs in the web process
    instead.
    """
    require_write(user, dataset.project_id)
    search_options.check_manual_plan(searcher, initial_configurations or [])
    excluded = excluded_columns(dataset, keep=[target])
    prepared = prepare_target(load_frame(dataset, excluded=excluded), target,
                              Task(task) if task else None)
    chosen = get_metric(metric, prepared.task)
    space = search_options.search_space(prepared.task, len(prepared.y), algorithms or [])
    initial = search_options.check_configurations(space, initial_configurations or [])
    with transaction.atomic():
        waiting.lock_user(user.pk)
        status = waiting.initial_status(user)
        experiment = Experiment.objects.create(
            status=status, project_id=dataset.project_id, dataset=dataset, target=target,
            task=str(prepared.task), task_reason=prepared.task_reason,
            task_reason_code=prepared.task_inference.code,
            task_reason_params=dict(prepared.task_inference.params),
            metric=str(chosen.name), greater_is_better=chosen.greater_is_better,
            time_budget_s=time_budget_s, created_by=user, excluded_columns=excluded,
            column_kinds=column_kinds(dataset), searcher=searcher, algorithms=algorithms or [],
            validation_folds=validation_folds, parallelism=parallelism,
            initial_configurations=initial, dataset_sha256=file_sha256(local_copy(dataset.file)),
        )
        audit.record(user, Action.EXPERIMENT_START, project=dataset.project_id, target=experiment)
        if status == Experiment.Status.QUEUED:
            transaction.on_commit(functools.partial(enqueue_run, experiment))
    return experiment


def send_run(experiment: Experiment) -> None:
    """Send the run to the queue, with a hard time limit of the budget plus a grace period;
    raises BrokerUnavailable when the broker does not take it."""
    limit = experiment.time_budget_s + settings.DARIA_TASK_GRACE_S
    enqueue(RUN_TASK, experiment.pk, time_limit=limit, soft_time_limit=limit - 30)


def enqueue_run(experiment: Experiment) -> None:
    """:func:`send_run`, marking the experiment failed with the reason when the broker is down."""
    try:
        send_run(experiment)
    except BrokerUnavailable as exc:
        finish_experiment(experiment, Experiment.Status.FAILED, error=str(exc.detail),
                          error_code=exc.default_code)
        raise


def start_experiment(experiment_id: int) -> Experiment | None:
    """Move a queued experiment to running; None when it is not queued (cancelled, redelivered)."""
    if not change_status(experiment_id, {Experiment.Status.QUEUED},
                         status=Experiment.Status.RUNNING, started_at=timezone.now()):
        return None
    return Experiment.objects.select_related("dataset").get(pk=experiment_id)


def cancel_requested(experiment_id: int) -> bool:
    """Whether a user asked the running experiment to stop."""
    return Experiment.objects.filter(pk=experiment_id, cancel_requested=True).exists()


def _finite(value: float | None) -> float | None:
    # JSON (and so the API) has no NaN or infinity: an unusable score is no score.
    return value if value is not None and math.isfinite(value) else None


def _finite_list(values: Iterable[float]) -> list[float | None]:
    return [_finite(float(value)) for value in values]


def start_trial(experiment_id: int, number: int, worker: str) -> Trial | None:
    """Claim queued trial ``number`` for ``worker`` (running from now, one more attempt), commit,
    then announce it as ``trial_started``. None when it is not queued (a second delivery of its
    task, or another worker has it).
    """
    with transaction.atomic():
        seq = _take_event_seq(experiment_id)
        now = timezone.now()
        claimed = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                       state=Trial.QUEUED)
        if not claimed.update(state=Trial.RUNNING, started_at=now, heartbeat_at=now,
                              attempts=F("attempts") + 1, worker=worker, seq=seq):
            transaction.set_rollback(True)  # nothing changed: give the sequence number back
            return None
        trial = Trial.objects.get(experiment_id=experiment_id, number=number)
    publish_experiment_event(experiment_id, TRIAL_STARTED, trial_payload(trial), seq)
    return trial


def record_trial(experiment_id: int, record: TrialRecord, progress: float,
                 predictions: np.ndarray | None = None, only_if_running: bool = False
                 ) -> Trial | None:
    """Commit a finished trial (with its out-of-fold predictions, kept for the ensemble) and the
    experiment's progress, then announce the trial.

    Idempotent per (experiment, number): a trial reported twice is stored once. With
    ``only_if_running``, nothing changes (None) unless the trial is still running: a trial
    cancelled meanwhile keeps its cancelled state whatever its evaluation ends with.
    """
    with transaction.atomic():
        seq = _take_event_seq(experiment_id, progress=min(max(progress, 0.0), 1.0))
        if only_if_running and not Trial.objects.filter(
                experiment_id=experiment_id, number=record.number, state=Trial.RUNNING).exists():
            transaction.set_rollback(True)  # nothing changed: give the sequence number back
            return None
        trial, _ = Trial.objects.update_or_create(
            experiment_id=experiment_id, number=record.number,
            defaults={
                "state": str(record.state), "algorithm": record.algorithm,
                "params": dict(record.params), "score": _finite(record.score),
                "fold_scores": _finite_list(record.fold_scores),
                "fit_time_s": record.fit_time_s, "predict_time_s": record.predict_time_s,
                "error": record.error or "", "refit_rounds": record.refit_rounds, "seq": seq,
                "finished_at": timezone.now(), **measurements(record),
            },
        )
        if predictions is not None:
            TrialPredictions.objects.update_or_create(
                trial=trial, defaults={"data": encode_predictions(predictions)})
    publish_experiment_event(experiment_id, "trial", trial_payload(trial), seq)
    return trial


def fail_lost_trial(experiment_id: int, number: int, reason: str, silent_since: datetime
                    ) -> Trial | None:
    """Fail a running trial whose heartbeat stopped before ``silent_since``, with ``reason``;
    commit, then announce. None when it is no longer running or its heartbeat came back.
    """
    with transaction.atomic():
        seq = _take_event_seq(experiment_id)
        lost = Trial.objects.filter(experiment_id=experiment_id, number=number,
                                    state=Trial.RUNNING, heartbeat_at__lt=silent_since)
        if not lost.update(state="failed", error=reason, finished_at=timezone.now(), seq=seq):
            transaction.set_rollback(True)  # nothing changed: give the sequence number back
            return None
        trial = Trial.objects.get(experiment_id=experiment_id, number=number)
    publish_experiment_event(experiment_id, "trial", trial_payload(trial), seq)
    return trial


def finish_experiment(
    experiment: Experiment,
    status: Experiment.Status,
    error: str = "",
    error_code: str = "",
    error_params: dict[str, Any] | None = None,
) -> None:
    """Record the end of an experiment and announce it."""
    fields: dict[str, Any] = {
        "status": status, "finished_at": timezone.now(), "error": error,
        "error_code": error_code, "error_params": error_params or {},
    }
    if status in (Experiment.Status.SUCCEEDED, Experiment.Status.CANCELLED):
        fields["progress"] = 1.0
    change_status(experiment.pk, None, **fields)
    if experiment.created_by_id:
        waiting.admit_waiting(experiment.created_by_id)  # its slot is free for the next one


def fail_with_engine_error(experiment: Experiment, error: AutoMLError) -> None:
    """Mark the experiment failed with the engine's reason (translated when it is read)."""
    finish_experiment(experiment, Experiment.Status.FAILED, error=error.message,
                      error_code=error.code, error_params=error.params)


def _take_event_seq(experiment_id: int, **changes: Any) -> int:
    """Lock the experiment row, apply ``changes`` and take its next event sequence number.

    Call inside a transaction: the lock is held until commit, so sequence numbers are committed
    in the order they are taken and a stream resuming after number N misses nothing.
    """
    seq = 1 + (Experiment.objects.select_for_update()
               .values_list("event_seq", flat=True).get(pk=experiment_id))
    Experiment.objects.filter(pk=experiment_id).update(event_seq=seq, **changes)
    return seq


def change_status(experiment_id: int, from_statuses: set[str] | None, **fields: Any) -> bool:
    """Update the experiment's status fields if its status is one of ``from_statuses`` (any when
    None), with a new event sequence number; then announce it. Return whether it changed.
    """
    with transaction.atomic():
        rows = Experiment.objects.select_for_update().filter(pk=experiment_id)
        if from_statuses is not None and not rows.filter(status__in=from_statuses).exists():
            return False
        seq = _take_event_seq(experiment_id, **fields)
        Experiment.objects.filter(pk=experiment_id).update(status_seq=seq)
        data = status_payload(Experiment.objects.get(pk=experiment_id))
    publish_experiment_event(experiment_id, "status", data, seq)
    return True


def mark_finalizing(experiment_id: int) -> None:
    """Record that the search is over and the final model is being built, as a status change;
    announce it when the caller's transaction commits."""
    seq = _take_event_seq(experiment_id, finalizing=True, finalize_sent_at=timezone.now())
    Experiment.objects.filter(pk=experiment_id).update(status_seq=seq)
    transaction.on_commit(functools.partial(_announce_status, experiment_id, seq))


def _announce_status(experiment_id: int, seq: int) -> None:
    data = status_payload(Experiment.objects.get(pk=experiment_id))
    publish_experiment_event(experiment_id, "status", data, seq)


def status_payload(experiment: Experiment) -> dict[str, Any]:
    """The JSON a status change is announced with."""
    return {"id": experiment.pk, "status": experiment.status, "progress": experiment.progress,
            "finalizing": experiment.finalizing}
