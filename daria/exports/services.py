"""Model exports, trial scripts and reproducibility records of the user's experiments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _lazy
from rest_framework import status
from rest_framework.exceptions import APIException

from automl_core.exceptions import AutoMLError
from automl_core.export.reproducibility import file_sha256, reproducibility_record
from automl_core.export.script import TrialRecipe, trial_script
from automl_core.persistence import TRUSTED_TYPES
from daria.accounts.services import AnyUser
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem
from daria.experiments.services import get_experiment
from daria.exports.onnx_files import onnx_file, onnx_filename, onnx_status
from daria.lib.file_store import local_copy
from daria.predictions.services import get_model, model_sha256


class OnnxNotAvailable(APIException):
    """The model does not convert to ONNX, or its ONNX file would not predict what it predicts."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "onnx_not_available"
    default_detail = _lazy("This model cannot be exported to ONNX.")


def model_exports(user: AnyUser, model_id: int) -> dict[str, Any]:
    """The export formats of one of the user's models: skops (with its SHA-256 and the types
    its loader trusts) and ONNX (its inputs and a usage snippet, or why not)."""
    model = get_model(user, model_id)
    onnx = onnx_status(model)
    return {
        "skops": {"download_url": reverse("model-download", args=[model.pk]),
                  "sha256": model_sha256(model), "trusted_types": list(TRUSTED_TYPES)},
        "onnx": {"available": onnx.available, "reason": onnx.reason(),
                 "download_url": reverse("model-onnx", args=[model.pk]),
                 "inputs": [{"name": name, "kind": kind} for name, kind in onnx.inputs.items()],
                 "outputs": list(onnx.outputs), "snippet": onnx.snippet(onnx_filename(model))},
        "predict_url": reverse("model-predict", args=[model.pk]),
        "feature_names": list(model.feature_names),
    }


def onnx_export(user: AnyUser, model_id: int) -> tuple[Path, str]:
    """The path and download name of the model's verified ONNX file; OnnxNotAvailable (422)
    saying why when the model is not offered as ONNX."""
    model = get_model(user, model_id)
    onnx = onnx_status(model)
    if not onnx.available:
        raise OnnxNotAvailable(onnx.reason())
    return onnx_file(model, onnx), onnx_filename(model)


def get_trial(experiment: Experiment, number: int) -> Trial:
    """Trial ``number`` of ``experiment``, or 404."""
    try:
        return experiment.trials.get(number=number)
    except Trial.DoesNotExist:
        raise Http404("No such trial.") from None


def dataset_sha256(experiment: Experiment) -> str:
    """The SHA-256 of the dataset file the experiment ran on: the one recorded when it was
    created (older experiments recorded none: then the file's as it is now)."""
    return experiment.dataset_sha256 or file_sha256(local_copy(experiment.dataset.file))


def _recipe(experiment: Experiment, trial: Trial) -> TrialRecipe:
    dataset = experiment.dataset
    return TrialRecipe(
        experiment_id=experiment.pk, trial_number=trial.number, dataset_name=dataset.name,
        dataset_sha256=dataset_sha256(experiment), read_options=dataset.read_options,
        excluded_columns=list(experiment.excluded_columns),
        column_kinds=dict(experiment.column_kinds), target=experiment.target,
        task=experiment.task, metric=experiment.metric, seed=experiment.seed,
        n_folds=getattr(experiment, "validation_folds", None), algorithm=trial.algorithm,
        params=dict(trial.params), refit_rounds=trial.refit_rounds, recorded_score=trial.score,
        recorded_fold_scores=list(trial.fold_scores),
    )


def trial_script_source(user: AnyUser, experiment_id: int, number: int) -> tuple[str, str]:
    """The file name and source of the script that reproduces one trial."""
    experiment = get_experiment(user, experiment_id)
    trial = get_trial(experiment, number)
    return (f"daria-experiment-{experiment.pk}-trial-{trial.number}.py",
            trial_script(_recipe(experiment, trial)))


def experiment_record(user: AnyUser, experiment_id: int) -> dict[str, Any]:
    """The reproducibility record of one of the user's experiments."""
    experiment = get_experiment(user, experiment_id)
    dataset = experiment.dataset
    trials = experiment.trials.order_by("number")
    return reproducibility_record(
        experiment={
            "id": experiment.pk, "target": experiment.target, "task": experiment.task,
            "metric": experiment.metric, "seed": experiment.seed,
            "searcher": getattr(experiment, "searcher", "random"),
            "algorithms": list(getattr(experiment, "algorithms", []) or []),
            "validation_folds": getattr(experiment, "validation_folds", None),
            "time_budget_s": experiment.time_budget_s, "parallelism": experiment.parallelism,
            "status": experiment.status,
        },
        dataset={
            "id": dataset.pk, "name": dataset.name, "sha256": dataset_sha256(experiment),
            "size_bytes": dataset.size_bytes, "read_options": dict(dataset.read_options),
            "excluded_columns": list(experiment.excluded_columns),
            "column_kinds": dict(experiment.column_kinds),
        },
        search_space=_search_space(experiment),
        trials=[{
            "number": t.number, "algorithm": t.algorithm, "params": dict(t.params),
            "state": t.state, "score": t.score, "fold_scores": list(t.fold_scores),
            "refit_rounds": t.refit_rounds,
            "script_url": reverse("trial-script", args=[experiment.pk, t.number]),
        } for t in trials],
    )


def _search_space(experiment: Experiment) -> dict[str, Any]:
    """The space the search drew from ({} when the target could not be prepared)."""
    try:
        return load_problem(experiment.pk).space.to_dict()
    except AutoMLError:
        return {}
