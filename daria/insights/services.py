"""The model page's charts: their states, their payloads, and starting the background job."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from daria.insights import catalog, storage
from daria.insights.errors import InsightNotReady, InsightUnavailable
from daria.insights.labels import localize
from daria.insights.models import InsightJob
from daria.insights.out_of_fold import out_of_fold
from daria.lib.queue import BrokerUnavailable, enqueue
from daria.predictions.models import TrainedModel

log = logging.getLogger(__name__)

JOB_TASK = "daria.insights.compute_insights"
JOB_TIME_LIMIT_S = 900
# A job not heard of for this long is taken as lost (its worker died) and may be started again.
STALE_AFTER = timedelta(seconds=JOB_TIME_LIMIT_S + 120)
PENDING = (InsightJob.State.QUEUED, InsightJob.State.RUNNING)


def is_stale(job: InsightJob) -> bool:
    """Whether a queued or running job has been silent for longer than it may run."""
    return job.state in PENDING and job.updated_at < timezone.now() - STALE_AFTER


def request_insights(model: TrainedModel, restart: bool = False) -> InsightJob:
    """The model's job, created and enqueued on first use; ``restart`` runs a failed or lost
    job again (a finished one too). A broker that is down marks the job failed, saying so."""
    with transaction.atomic():
        job, created = _locked_job(model)
        again = restart and (job.state not in PENDING or is_stale(job))
        if not (created or again):
            return job
        job.state, job.error, job.charts = InsightJob.State.QUEUED, "", {}
        job.save()
        transaction.on_commit(lambda: _enqueue(job.pk, model.pk))
    return job


def _locked_job(model: TrainedModel) -> tuple[InsightJob, bool]:
    """The model's job, locked for this transaction, and whether this call created it."""
    try:
        with transaction.atomic():  # a savepoint: a lost creation race leaves the outer intact
            _, created = InsightJob.objects.get_or_create(model=model)
    except IntegrityError:  # another request created it first
        created = False
    return InsightJob.objects.select_for_update().get(model=model), created


def _enqueue(job_id: int, model_id: int) -> None:
    try:
        enqueue(JOB_TASK, model_id, time_limit=JOB_TIME_LIMIT_S,
                soft_time_limit=JOB_TIME_LIMIT_S - 30)
    except BrokerUnavailable:
        InsightJob.objects.filter(pk=job_id).update(
            state=InsightJob.State.FAILED, updated_at=timezone.now(),
            error=_("The task queue could not be reached, so the charts were not computed. "
                    "Check that the worker and Redis are running, then press Retry."))


def _expensive_state(job: InsightJob, key: str) -> dict[str, Any]:
    chart = job.charts.get(key)
    if chart is not None:
        return chart
    if is_stale(job):
        return {"state": InsightJob.State.FAILED,
                "reason": _("The computation stopped without finishing. Press Retry.")}
    if job.state == InsightJob.State.FAILED:
        return {"state": InsightJob.State.FAILED, "reason": job.error}
    if job.state == InsightJob.State.READY:  # finished without this chart: never computed
        return {"state": "unavailable", "reason": ""}
    return {"state": job.state, "reason": ""}


def chart_states(model: TrainedModel) -> dict[str, Any]:
    """Every chart of the model with its state, starting the background job if needed.

    Cheap charts are ``ready`` (drawn on request); expensive ones carry the job's per-chart
    state: ``queued``, ``running``, ``ready``, ``failed`` (with a reason) or ``unavailable``.
    """
    job = request_insights(model)
    charts = [{"key": key, "kind": "cheap", "state": "ready", "reason": "", "feature": ""}
              for key in catalog.cheap_keys(model.task)]
    for key in catalog.EXPENSIVE:
        state = _expensive_state(job, key)
        charts.append({"key": key, "kind": "expensive", "state": str(state["state"]),
                       "reason": str(state.get("reason", "")),
                       "feature": str(state.get("feature", ""))})
    return {"model": model.pk, "task": model.task,
            "job": {"state": "failed" if is_stale(job) else job.state, "error": job.error,
                    "updated_at": job.updated_at},
            "charts": charts}


def chart_payload(model: TrainedModel, key: str) -> dict[str, Any]:
    """The payload of chart ``key`` (translated labels); raises InsightUnavailable (409) when
    the chart does not apply or cannot be drawn, InsightNotReady (409) while it is computed."""
    if key in catalog.CHEAP:
        chart = catalog.CHEAP[key]
        if model.task not in chart.tasks:
            raise InsightUnavailable(_("This chart does not apply to this kind of model."))
        oof = out_of_fold(model)
        try:
            return localize(chart.build(oof))
        except Exception as error:  # noqa: BLE001 - a chart that fails is explained, not a 500
            log.exception("chart %s of model %s failed", key, model.pk)
            raise InsightUnavailable(_("This chart could not be drawn: %(error)s")
                                     % {"error": error}) from error
    state = _expensive_state(request_insights(model), key)
    if state["state"] != InsightJob.State.READY:
        if state["state"] in PENDING:
            raise InsightNotReady()
        raise InsightUnavailable(state.get("reason") or
                                 _("This chart is not available for this model."))
    payload = storage.load_chart(model, key)
    if payload is None:
        raise InsightUnavailable(_("The computed chart is missing; press Retry to compute it "
                                   "again."))
    return localize(payload)
