"""Running one experiment in a worker: load the data, search with the engine, keep the model."""

from __future__ import annotations

import logging

from django.conf import settings

from automl_core import AutoML
from automl_core.exceptions import AutoMLError
from daria.datasets.services import load_frame
from daria.experiments import services
from daria.experiments.adapters import DatabaseTrialCallback
from daria.experiments.models import Experiment
from daria.predictions.services import save_trained_model

log = logging.getLogger(__name__)


def run_experiment(experiment_id: int) -> str:
    """Run a queued experiment to its end and return its final status.

    Trials are committed one by one as they finish. Engine errors (a target that cannot be
    learned, no trial that succeeded) fail the experiment with their reason; anything else also
    marks it failed and is re-raised so that the worker logs the traceback.
    """
    experiment = services.start_experiment(experiment_id)
    if experiment is None:
        return "skipped"
    try:
        automl = AutoML(
            task=experiment.task, metric=experiment.metric,
            time_budget_s=experiment.time_budget_s, seed=experiment.seed,
            n_jobs=settings.DARIA_WORKER_THREADS,
            callbacks=[DatabaseTrialCallback(experiment.pk, experiment.time_budget_s)],
        )
        automl.fit(load_frame(experiment.dataset), target=experiment.target)
        save_trained_model(experiment, automl)
    except AutoMLError as error:
        if services.cancel_requested(experiment_id):  # stopped before any trial completed
            services.finish_experiment(experiment, Experiment.Status.CANCELLED)
            return Experiment.Status.CANCELLED
        services.fail_with_engine_error(experiment, error)
        return Experiment.Status.FAILED
    except Exception as error:
        log.exception("experiment %s crashed", experiment_id)
        services.finish_experiment(experiment, Experiment.Status.FAILED,
                                   error=f"Internal error: {type(error).__name__}: {error}")
        raise
    status = (Experiment.Status.CANCELLED if services.cancel_requested(experiment_id)
              else Experiment.Status.SUCCEEDED)
    services.finish_experiment(experiment, status)
    return status
