"""Comparing trials and final models, possibly of several experiments on one dataset.

A selection is written ``<experiment id>:<trial number>`` or ``<experiment id>:final``; a
comparison is a comma-separated list of them, the first being the reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from automl_core.analysis import comparison
from automl_core.analysis.comparison import Selection
from automl_core.analysis.stats import summarize_folds
from daria.experiments.adapters import decode_predictions
from daria.experiments.models import Experiment, Trial, TrialPredictions
from daria.experiments.problems import load_problem
from daria.experiments.services import experiments_for
from daria.leaderboard.chart_text import chart_text
from daria.leaderboard.services import FINISHED_STATES, trial_metrics

MIN_SELECTIONS = 2
MAX_SELECTIONS = 8
FINAL = "final"
# The out-of-fold chart each task gets (multiclass: one macro-averaged one-vs-rest ROC each).
_PREDICTION_CHARTS = {"binary": "roc", "multiclass": "roc_ovr", "regression": "residuals"}
_REFERENCE = re.compile(r"^(\d+):(\d+|final)$")


@dataclass(frozen=True)
class Reference:
    """One selection as written in the URL."""

    experiment_id: int
    number: int | None  # None: the experiment's final model

    def __str__(self) -> str:
        return f"{self.experiment_id}:{FINAL if self.number is None else self.number}"


def parse_references(text: str) -> list[Reference]:
    """The selections of ``?trials=``; 400 naming the first one that is not well written."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    references = []
    for part in parts:
        match = _REFERENCE.match(part)
        if match is None:
            raise ValidationError({"trials": [_(
                "'%(part)s' is not a selection: write <experiment id>:<trial number> or "
                "<experiment id>:final, separated by commas.") % {"part": part[:40]}]})
        number = None if match[2] == FINAL else int(match[2])
        references.append(Reference(int(match[1]), number))
    if len(set(references)) != len(references):
        raise ValidationError({"trials": [_("Each selection may appear only once.")]})
    if not MIN_SELECTIONS <= len(references) <= MAX_SELECTIONS:
        raise ValidationError({"trials": [_(
            "Choose between %(minimum)s and %(maximum)s trials or final models to compare."
        ) % {"minimum": MIN_SELECTIONS, "maximum": MAX_SELECTIONS}]})
    return references


@dataclass(frozen=True)
class _Loaded:
    reference: Reference
    experiment: Experiment
    trial: Trial | None
    selection: Selection


def _label(reference: Reference) -> str:
    if reference.number is None:
        return _("#%(experiment)s final model") % {"experiment": reference.experiment_id}
    return _("#%(experiment)s trial %(number)s") % {"experiment": reference.experiment_id,
                                                      "number": reference.number}


def _load(user: AbstractBaseUser, references: list[Reference]) -> list[_Loaded]:
    """Every selection, or 404 when an experiment, trial or final model is not the user's."""
    ids = {r.experiment_id for r in references}
    experiments = {e.pk: e for e in experiments_for(user).filter(pk__in=ids)}
    if len(experiments) != len(ids):
        raise Http404("No such experiment.")
    if len({e.dataset_id for e in experiments.values()}) > 1:
        raise ValidationError({"trials": [_(
            "Only trials and final models trained on the same dataset can be compared.")]})
    loaded = []
    for reference in references:
        experiment = experiments[reference.experiment_id]
        if reference.number is None:
            model = getattr(experiment, "model", None)
            if model is None:
                raise Http404("No such final model.")
            selection = Selection(_label(reference), model.algorithm, {}, dict(model.metrics))
            loaded.append(_Loaded(reference, experiment, None, selection))
            continue
        trial = Trial.objects.filter(experiment=experiment, number=reference.number,
                                     state__in=FINISHED_STATES).first()
        if trial is None:
            raise Http404("No such trial.")
        metrics = trial_metrics(trial.metrics, experiment.metric, trial.score)
        selection = Selection(_label(reference), trial.algorithm, trial.params, metrics,
                              tuple(trial.fold_scores))
        loaded.append(_Loaded(reference, experiment, trial, selection))
    return loaded


def _oof_chart(loaded: list[_Loaded]) -> dict[str, Any]:
    """Overlaid out-of-fold predictions (ROC for binary, residuals for regression) of the
    selections whose predictions were kept, and which ones were not."""
    tasks = {item.experiment.task for item in loaded}
    kept_ids = set(TrialPredictions.objects.filter(
        trial__in=[item.trial for item in loaded if item.trial is not None]
    ).values_list("trial_id", flat=True))
    missing = [str(item.reference) for item in loaded
               if item.trial is None or item.trial.pk not in kept_ids]
    kind = _PREDICTION_CHARTS.get(tasks.pop()) if len(tasks) == 1 else None
    with_predictions = [item for item in loaded
                        if item.trial is not None and item.trial.pk in kept_ids]
    if kind is None or not with_predictions:
        return {"kind": kind, "chart": None, "missing": missing}
    text = chart_text()
    if kind == "roc_ovr":
        return {"kind": kind, "chart": comparison.multiclass_roc_chart(
            [_multiclass(item.selection.label, item.experiment, item.trial)
             for item in with_predictions if item.trial is not None], text), "missing": missing}
    series = []
    for item in with_predictions:
        y = np.asarray(load_problem(item.experiment.pk).data.y, dtype=float)
        predictions = decode_predictions(item.trial.predictions.data)
        if kind == "roc" and predictions.ndim == 2:
            predictions = predictions[:, -1]
        series.append((item.selection.label, y, np.asarray(predictions, dtype=float)))
    chart = (comparison.roc_chart(series, text) if kind == "roc"
             else comparison.residual_chart(series, text))
    return {"kind": kind, "chart": chart, "missing": missing}


def _multiclass(label: str, experiment: Experiment, trial: Trial
                ) -> comparison.MulticlassPredictions:
    """A multiclass trial's kept out-of-fold probabilities with its classes' names."""
    problem = load_problem(experiment.pk)
    return comparison.MulticlassPredictions(
        label, np.asarray(problem.data.y, dtype=int),
        np.asarray(decode_predictions(trial.predictions.data), dtype=float),
        [str(name) for name in problem.classes or ()])


def compare(user: AbstractBaseUser, references: list[Reference]) -> dict[str, Any]:
    """Parameters side by side, metric deltas from the first selection with fold spreads, the
    fold scores overlaid and, where kept, overlaid out-of-fold predictions."""
    loaded = _load(user, references)
    selections = [item.selection for item in loaded]
    entries = []
    for item in loaded:
        folds = summarize_folds(item.selection.fold_scores)
        entries.append({
            "ref": str(item.reference), "experiment": item.experiment.pk,
            "number": item.reference.number,
            "kind": "trial" if item.trial is not None else "final",
            "label": item.selection.label, "algorithm": item.selection.algorithm,
            "state": item.trial.state if item.trial is not None else "complete",
            "metric": item.experiment.metric, "target": item.experiment.target,
            "fold_scores": list(item.selection.fold_scores), "fold_mean": folds.mean,
            "fold_std": folds.std,
        })
    return {
        "entries": entries,
        "parameters": comparison.parameter_rows(selections),
        "metrics": comparison.metric_rows(selections),
        "fold_chart": comparison.fold_chart(selections, chart_text()),
        "predictions": _oof_chart(loaded),
    }
