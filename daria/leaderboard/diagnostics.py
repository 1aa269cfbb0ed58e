"""Search diagnostics of an experiment: which charts exist and each chart's payload."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from automl_core.analysis import diagnostics
from automl_core.analysis.importance import (
    MIN_TRIALS,
    hyperparameter_importance,
    importance_available,
    importance_chart,
)
from automl_core.analysis.payload import ChartPayload
from automl_core.analysis.trials import algorithms, of_algorithm, varying_params
from automl_core.search.trial import TrialRecord
from daria.experiments.adapters import DatabaseTrialStore
from daria.experiments.models import Experiment
from daria.leaderboard.chart_text import chart_text
from daria.leaderboard.worker_timeline import timeline_bars, worker_timeline

CHARTS = ("history", "summary", "parallel", "importance", "slice", "timeline")
# Charts drawn for one algorithm (``?algorithm=``); ``slice`` also needs ``?param=``.
PER_ALGORITHM = frozenset({"parallel", "importance", "slice"})


def _history(experiment: Experiment) -> list[TrialRecord]:
    return DatabaseTrialStore(experiment.pk).all()


def diagnostics_index(experiment: Experiment) -> dict[str, Any]:
    """The charts and, per algorithm, its completed trials, the hyperparameters that vary
    (the choices of ``param``) and whether importance can be computed."""
    trials = _history(experiment)
    per_algorithm = []
    for algorithm in algorithms(trials):
        done = of_algorithm(trials, algorithm)
        per_algorithm.append({
            "name": algorithm, "completed": len(done), "params": varying_params(done),
            "importance_available": importance_available(trials, algorithm),
        })
    return {"charts": list(CHARTS), "algorithms": per_algorithm,
            "min_importance_trials": MIN_TRIALS}


def diagnostics_chart(experiment: Experiment, chart: str, algorithm: str | None,
                      param: str | None) -> ChartPayload:
    """One chart's payload; 400 with a specific message for a missing or unknown choice."""
    if chart == "timeline":
        return worker_timeline(timeline_bars(experiment))
    trials = _history(experiment)
    text = chart_text(experiment.metric)
    if chart == "history":
        return diagnostics.optimization_history(trials, experiment.greater_is_better, text)
    if chart == "summary":
        return diagnostics.algorithm_summary(trials, experiment.greater_is_better, text)
    algorithm = _checked_algorithm(trials, algorithm)
    if chart == "parallel":
        return diagnostics.parallel_coordinates(trials, algorithm, text)
    if chart == "importance":
        if not importance_available(trials, algorithm):
            raise ValidationError({"algorithm": [_(
                "Hyperparameter importance needs at least %(minimum)s completed trials of "
                "%(algorithm)s with a hyperparameter that varies."
            ) % {"minimum": MIN_TRIALS, "algorithm": algorithm}]})
        found = hyperparameter_importance(trials, algorithm, seed=experiment.seed)
        return importance_chart(found, text)
    return diagnostics.slice_plot(trials, algorithm, _checked_param(trials, algorithm, param),
                                  text)


def _checked_algorithm(trials: list[TrialRecord], algorithm: str | None) -> str:
    if not algorithm:
        raise ValidationError({"algorithm": [_("Choose an algorithm for this chart.")]})
    if not of_algorithm(trials, algorithm):
        raise ValidationError({"algorithm": [
            _("No completed trial used the algorithm '%(algorithm)s'.") % {"algorithm": algorithm}
        ]})
    return algorithm


def _checked_param(trials: list[TrialRecord], algorithm: str, param: str | None) -> str:
    if not param:
        raise ValidationError({"param": [_("Choose a hyperparameter for this chart.")]})
    if param not in varying_params(of_algorithm(trials, algorithm)):
        raise ValidationError({"param": [
            _("'%(param)s' is not a hyperparameter that varies in the trials of "
              "%(algorithm)s.") % {"param": param, "algorithm": algorithm}
        ]})
    return param
