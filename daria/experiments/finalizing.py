"""The end of a search: the ensemble from the stored predictions, refit, saved as the model."""

from __future__ import annotations

import logging

from django.conf import settings

from automl_core.distributed import build_model
from automl_core.exceptions import AutoMLError
from daria.experiments import services
from daria.experiments.adapters import DatabaseTrialStore, decode_predictions
from daria.experiments.finalize_liveness import claim_finalize, finalize_heartbeat
from daria.experiments.models import Experiment, TrialPredictions
from daria.experiments.problems import load_problem, monotonic_deadline, seconds_left
from daria.exports.onnx_files import prepare_onnx
from daria.insights.out_of_fold import record_out_of_fold
from daria.predictions.models import TrainedModel
from daria.predictions.services import save_trained_model

log = logging.getLogger(__name__)

# The best member is always refit; this is the least time given to refit further members.
MIN_REFIT_S = 1.0
# After a cancel, the model of the best trials so far is refit within this many seconds.
CANCEL_REFIT_S = 5.0


def finalize_experiment(experiment_id: int) -> str:
    """Select the ensemble, refit it, save the model and finish the experiment; return its status.

    "skipped" when it is not running any more or another worker is building its model (see
    finalize_liveness.py). Engine errors (no trial completed) fail the experiment with their
    reason, except after a cancel, which ends as cancelled; anything else fails it and is
    re-raised for the worker log.
    """
    if not claim_finalize(experiment_id):
        return "skipped"  # finished, or another worker is building the model right now
    experiment = Experiment.objects.select_related("dataset").get(pk=experiment_id)
    status = (Experiment.Status.CANCELLED if experiment.cancel_requested
              else Experiment.Status.SUCCEEDED)
    try:
        # A second delivery after the model was saved only has to finish the experiment.
        if not TrainedModel.objects.filter(experiment=experiment).exists():
            with finalize_heartbeat(experiment_id):
                model = save_trained_model(experiment, _build(experiment))
                # The ensemble's out-of-fold predictions, for the model page's charts, and its
                # ONNX file, for the model page's exports (neither raises).
                record_out_of_fold(model)
                prepare_onnx(model)
    except AutoMLError as error:
        if experiment.cancel_requested:
            services.finish_experiment(experiment, Experiment.Status.CANCELLED)
            return Experiment.Status.CANCELLED
        services.fail_with_engine_error(experiment, error)
        return Experiment.Status.FAILED
    except Exception as error:
        log.exception("experiment %s could not be finalized", experiment_id)
        services.finish_experiment(experiment, Experiment.Status.FAILED,
                                   error=f"Internal error: {type(error).__name__}: {error}")
        raise
    services.finish_experiment(experiment, status)
    return status


def _build(experiment: Experiment):  # noqa: ANN202 - the engine's fitted AutoML
    problem = load_problem(experiment.pk)
    stored = TrialPredictions.objects.filter(trial__experiment=experiment).select_related("trial")
    predictions = {p.trial.number: decode_predictions(p.data) for p in stored}
    left = seconds_left(experiment)
    if experiment.cancel_requested:
        left = min(left, CANCEL_REFIT_S)  # the user is waiting for the search to stop
    deadline = monotonic_deadline(max(left, MIN_REFIT_S))
    return build_model(problem, DatabaseTrialStore(experiment.pk).all(), predictions, deadline,
                       settings.DARIA_WORKER_THREADS)
