"""The final model's out-of-fold predictions, rebuilt from the stored trial predictions.

The finalizing step keeps the best trials' out-of-fold predictions (``TrialPredictions``) and the
model file keeps the ensemble weights, so the ensemble's out-of-fold predictions are the weights
applied to its members' predictions (:func:`automl_core.diagnostics.ensemble_oof`); the true
targets and the rows that got a prediction come from the experiment's prepared problem (the same
seeded folds every worker used). They are computed once, when the experiment is finalized (or
on the first request for older models), and stored next to the charts.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext_lazy as _

from automl_core.data.task import Task
from automl_core.diagnostics import OutOfFold, ensemble_oof
from daria.experiments.adapters import decode_predictions
from daria.experiments.models import TrialPredictions
from daria.experiments.problems import load_problem
from daria.insights import storage
from daria.insights.errors import InsightUnavailable
from daria.predictions.models import TrainedModel
from daria.predictions.services import load_automl

log = logging.getLogger(__name__)

NO_PREDICTIONS = _("This model has no stored out-of-fold predictions (it was not trained by a "
                   "search in Daria, or its trials were deleted), so its charts cannot be drawn. "
                   "Train the model again to see them.")


def compute_out_of_fold(model: TrainedModel) -> OutOfFold:
    """The ensemble's out-of-fold predictions and the true targets of the rows that got one.

    Raises InsightUnavailable when a member's stored predictions are missing.
    """
    weights = load_automl(model).ensemble_
    stored = TrialPredictions.objects.filter(
        trial__experiment_id=model.experiment_id, trial__number__in=list(weights)
    ).select_related("trial")
    predictions = {p.trial.number: decode_predictions(p.data) for p in stored}
    if not weights or set(weights) - set(predictions):
        raise InsightUnavailable(NO_PREDICTIONS)
    data = load_problem(model.experiment_id).data
    rows = data.oof_rows
    return OutOfFold(Task(model.task), data.y[rows], ensemble_oof(predictions, weights, rows),
                     tuple(model.classes))


def out_of_fold(model: TrainedModel) -> OutOfFold:
    """The stored out-of-fold predictions, computed and stored first if needed."""
    stored = storage.load_oof(model)
    if stored is not None:
        return stored
    oof = compute_out_of_fold(model)
    storage.save_oof(model, oof)
    return oof


def record_out_of_fold(model: TrainedModel) -> None:
    """Store the out-of-fold predictions of a model just saved (called when finalizing).

    Never raises: a failure here must not fail the experiment; the model page computes them
    on its first request instead.
    """
    try:
        storage.save_oof(model, compute_out_of_fold(model))
    except Exception:  # noqa: BLE001 - the model is saved; its charts can be rebuilt later
        log.exception("out-of-fold predictions of model %s were not stored", model.pk)
