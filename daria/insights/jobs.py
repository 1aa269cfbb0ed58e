"""The background job of a model: permutation importance, SHAP, partial dependence and the
learning curve, each stored as a chart file as soon as it is ready.

Which data: the rows of the experiment's dataset the model was trained on (the prepared
problem, exactly as the search saw it). Permutation importance and SHAP use a random sample of
them (``automl_core.diagnostics.sample_rows``), partial dependence a smaller sample, and the
learning curve refits the best trial's configuration on growing shares of its own folds. A chart
that fails is recorded as failed with its reason; the others are still computed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from automl_core import diagnostics
from automl_core.diagnostics import NoLightGBMMember
from automl_core.evaluation.metrics import get_metric
from automl_core.search.space import Configuration
from daria.experiments.problems import load_problem
from daria.insights import catalog, storage
from daria.insights.models import InsightJob
from daria.insights.services import PENDING, is_stale
from daria.predictions.services import load_automl

log = logging.getLogger(__name__)

LEARNING_CURVE_LIMIT_S = 300.0


def _claim(model_id: int) -> InsightJob | None:
    """Mark the model's queued (or lost) job running; None when there is nothing to do."""
    with transaction.atomic():
        job = (InsightJob.objects.select_for_update().select_related("model")
               .filter(model_id=model_id).first())
        if job is None or not (job.state == InsightJob.State.QUEUED or is_stale(job)):
            return None
        job.state, job.charts, job.error = InsightJob.State.RUNNING, {}, ""
        job.save()
        return job


def _record(job: InsightJob, key: str, state: str, reason: str = "", feature: str = "") -> None:
    job.charts = {**job.charts, key: {"state": state, "reason": reason, "feature": feature}}
    job.save(update_fields=["charts", "updated_at"])


def _step(job: InsightJob, key: str, build: Callable[[], dict[str, Any]],
          feature: str = "") -> dict[str, Any] | None:
    """Build one chart, store it and record its state; None when it failed."""
    try:
        payload = build()
    except NoLightGBMMember:
        _record(job, key, "unavailable", _("SHAP values need a LightGBM model in the ensemble; "
                                           "this model has none. Use permutation importance."))
        return None
    except Exception as error:  # noqa: BLE001 - one chart failing must not stop the others
        log.exception("chart %s of model %s failed", key, job.model_id)
        _record(job, key, InsightJob.State.FAILED, f"{type(error).__name__}: {error}")
        return None
    storage.save_chart(job.model, key, payload)
    _record(job, key, InsightJob.State.READY, feature=feature)
    return payload


def compute_insights(model_id: int) -> str:
    """Compute every expensive chart of the model; return the job's final state."""
    job = _claim(model_id)
    if job is None:
        return "skipped"
    model = job.model
    try:
        automl = load_automl(model)
        data = load_problem(model.experiment_id).data
    except Exception as error:  # noqa: BLE001 - the reason is shown on the model page
        log.exception("insights of model %s could not start", model_id)
        job.state, job.error = InsightJob.State.FAILED, f"{type(error).__name__}: {error}"
        job.save()
        return job.state
    seed = automl.seed
    rows = diagnostics.sample_rows(len(data.y), data.features.shape[1], seed)
    features, y = data.features.iloc[rows], data.y[rows]
    importance = _step(job, catalog.PERMUTATION,
                       lambda: diagnostics.permutation_importance(automl, features, y, seed))
    _step(job, catalog.SHAP, lambda: diagnostics.shap_importance(automl, features))
    ranked = ([row[0] for row in importance["table"]["rows"]] if importance
              else list(automl.feature_names))
    top = [f for f in ranked if diagnostics.supports(automl, f)][:len(catalog.PARTIAL_DEPENDENCE)]
    for key, feature in zip(catalog.PARTIAL_DEPENDENCE, top, strict=False):
        _step(job, key, lambda f=feature: diagnostics.partial_dependence(
            automl, data.features, f, seed), feature=feature)
    for key in catalog.PARTIAL_DEPENDENCE[len(top):]:
        _record(job, key, "unavailable", _("The model has fewer features it can draw."))
    best = automl.best_trial
    _step(job, catalog.LEARNING_CURVE, lambda: diagnostics.learning_curve(
        data.features, data.y, data.kinds, data.task, data.n_classes,
        Configuration(best.algorithm, best.params), get_metric(automl.metric, data.task), seed,
        time_limit_s=LEARNING_CURVE_LIMIT_S))
    InsightJob.objects.filter(pk=job.pk, state__in=PENDING).update(
        state=InsightJob.State.READY, updated_at=timezone.now())
    return InsightJob.State.READY
