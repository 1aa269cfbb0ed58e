"""The experiment report: a self-contained HTML page (inline CSS and SVG, no script, no link to
any other host), in the reader's language, for people new to machine learning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from automl_core.exceptions import AutoMLError
from automl_core.export import svg
from automl_core.export.summary import (
    classification_facts,
    importance_by_column,
    regression_facts,
)
from daria.accounts.services import AnyUser
from daria.experiments.adapters import decode_predictions
from daria.experiments.models import Experiment, TrialPredictions
from daria.experiments.problems import load_problem
from daria.experiments.services import get_experiment
from daria.lib.engine_messages import translate_warnings
from daria.predictions.models import TrainedModel
from daria.predictions.services import load_automl

LANGUAGES = ("en", "ko")
LEADERBOARD_ROWS = 20
CHART_BARS = 10


@dataclass(frozen=True)
class BestModel:
    """What the report says about the final model."""

    model: TrainedModel
    sentences: list[str]
    charts: list[tuple[str, str]]  # (title, inline SVG)


def experiment_report(user: AnyUser, experiment_id: int,
                      language: str | None = None) -> tuple[str, str]:
    """The report's HTML and file name; ``language`` (en/ko) overrides the request's."""
    experiment = get_experiment(user, experiment_id)
    chosen = language if language in LANGUAGES else translation.get_language()
    with translation.override(chosen):
        html = render_to_string("exports/report.html", _context(experiment))
    return html, f"daria-experiment-{experiment.pk}-report.html"


def _context(experiment: Experiment) -> dict[str, Any]:
    ranked = _ranked_trials(experiment)
    chart = svg.bar_chart([f"#{t.number} {t.algorithm}" for t in ranked[:CHART_BARS]],
                          [float(t.score) for t in ranked[:CHART_BARS]],
                          _("Score of the best trials"))
    return {
        "language": translation.get_language(),
        "experiment": experiment,
        "dataset": experiment.dataset,
        "warnings": translate_warnings(experiment.dataset.warnings),
        "leaderboard": ranked[:LEADERBOARD_ROWS],
        "n_trials": experiment.trials.count(),
        "leaderboard_chart": mark_safe(chart),  # noqa: S308 - built with escaped labels
        "best": _best_model(experiment),
    }


def _ranked_trials(experiment: Experiment) -> list[Any]:
    complete = [t for t in experiment.trials.filter(state="complete") if t.score is not None]
    sign = -1 if experiment.greater_is_better else 1
    return sorted(complete, key=lambda t: (sign * t.score, t.number))


def _best_model(experiment: Experiment) -> BestModel | None:
    model = TrainedModel.objects.filter(experiment=experiment).first()
    if model is None:
        return None
    automl = load_automl(model)
    sentences: list[str] = []
    charts: list[tuple[str, str]] = []
    try:
        problem = load_problem(experiment.pk)
    except AutoMLError:
        problem = None
    oof = _out_of_fold(experiment, automl.ensemble_) if problem is not None else None
    if problem is not None and oof is not None:
        if problem.classes is not None:
            labels = [str(c) for c in problem.classes]
            facts = classification_facts(problem.data.y, oof, labels)
            sentences.append(_("The model is right in %(right)s of 100 cases.")
                             % {"right": facts.right_per_100})
            if facts.confused_true is not None:
                sentences.append(_("It most often mistakes “%(true)s” for “%(predicted)s” "
                                   "(%(count)s times).")
                                 % {"true": facts.confused_true,
                                    "predicted": facts.confused_predicted,
                                    "count": facts.confused_count})
            title = _("Confusion matrix (rows: actual, columns: predicted)")
            charts.append((title, svg.heatmap(facts.matrix, labels, title)))
        else:
            facts = regression_facts(problem.data.y, oof)
            sentences.append(_("A typical prediction is off by %(error)s; %(within)s of 100 "
                               "predictions are within 10%% of the actual value.")
                             % {"error": f"{facts.median_absolute_error:.4g}",
                                "within": facts.within_10_percent})
            title = _("Predicted against actual values")
            rows = np.isfinite(oof)
            charts.append((title, svg.scatter(problem.data.y[rows], oof[rows], title)))
    drivers = _drivers(automl)
    if drivers:
        sentences.append(_("The strongest driver of its predictions is “%(column)s”.")
                         % {"column": drivers[0][0]})
        title = _("What drives the predictions (importance per column)")
        top = drivers[:CHART_BARS]
        charts.append((title, svg.bar_chart([name for name, value in top],
                                            [value for name, value in top], title)))
    safe_charts = [(title, mark_safe(chart)) for title, chart in charts]  # noqa: S308
    return BestModel(model, sentences, safe_charts)


def _out_of_fold(experiment: Experiment, weights: dict[int, float]) -> np.ndarray | None:
    """The ensemble's out-of-fold predictions (None when a member's were not kept)."""
    stored = {p.trial.number: decode_predictions(p.data) for p in
              TrialPredictions.objects.filter(trial__experiment=experiment,
                                              trial__number__in=list(weights))
              .select_related("trial")}
    if not weights or set(weights) - set(stored):
        return None
    total = float(sum(weights.values()))
    return sum(float(w) * stored[n] for n, w in weights.items()) / total


def _drivers(automl: Any) -> list[tuple[str, float]]:
    importance = automl.explain()
    return importance_by_column(list(importance["feature"]),
                                list(importance["importance"].astype(float)),
                                automl.feature_names)
