"""Final models and predictions: saving the engine's model, predicting rows and whole files."""

from __future__ import annotations

import functools
import tempfile
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import Http404

from automl_core import AutoML
from automl_core.data import ReadOptions, read_table
from automl_core.data.matching import match_columns, with_unseen_counts
from automl_core.data.text_values import parse_number_text
from automl_core.exceptions import DataWarning
from daria.accounts.services import AnyUser, projects_for, require_write
from daria.datasets.limits import read_limits
from daria.datasets.services import preview_rows, upload_source
from daria.experiments.models import Experiment
from daria.lib.csv_export import write_safe_csv
from daria.predictions.models import PredictionBatch, TrainedModel
from daria.predictions.signing import sign_file, verify_file

PREDICTION_COLUMN = "prediction"
PROBABILITY_PREFIX = "probability_"


def models_for(user: AnyUser) -> QuerySet[TrainedModel]:
    """Trained models of the user's projects."""
    return TrainedModel.objects.filter(project__in=projects_for(user))


def get_model(user: AnyUser, model_id: int) -> TrainedModel:
    """One of the user's models, or 404."""
    try:
        return models_for(user).get(pk=model_id)
    except TrainedModel.DoesNotExist:
        raise Http404("No such model.") from None


def get_batch(user: AnyUser, batch_id: int) -> PredictionBatch:
    """One of the user's prediction batches, or 404."""
    try:
        return PredictionBatch.objects.get(pk=batch_id, project__in=projects_for(user))
    except PredictionBatch.DoesNotExist:
        raise Http404("No such prediction.") from None


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def save_trained_model(experiment: Experiment, automl: AutoML) -> TrainedModel:
    """Save the refit model under a server-generated name, sign it and record it."""
    name = f"models/{uuid.uuid4().hex}.skops"
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    automl.save(path)
    best = automl.best_trial
    classes = list(automl.classes_) if automl.classes_ is not None else []
    try:
        return TrainedModel.objects.create(
            experiment=experiment, project_id=experiment.project_id, file=name,
            file_hmac=sign_file(path),
            target=experiment.target, task=str(automl.task), metric=str(automl.metric),
            algorithm=best.algorithm, score=best.score,
            metrics={key: float(value) for key, value in automl.metrics_.items()},
            classes=[str(_plain(label)) for label in classes],
            feature_names=[str(feature) for feature in automl.feature_names],
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


@functools.lru_cache(maxsize=4)
def _load(path: str, signature: str) -> AutoML:
    # Verified on every cache miss; a hit returns the object loaded from the verified bytes.
    verify_file(Path(path), signature)
    return AutoML.load(path)


def load_automl(model: TrainedModel) -> AutoML:
    """The engine's model behind ``model``; ModelFileTampered (409) if the file was changed."""
    return _load(model.file.path, model.file_hmac)


def open_model_file(model: TrainedModel) -> BinaryIO:
    """The model file opened for download, after checking it is the file the server signed."""
    path = Path(model.file.path)
    verify_file(path, model.file_hmac)
    return path.open("rb")


def _predict(model: TrainedModel, frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Any]]:
    """Predictions (and class probabilities) for ``frame``, plus the engine's warnings.

    Raises PredictionInputError naming missing columns.
    """
    automl = load_automl(model)
    warnings = automl.check_prediction_frame(frame)
    result = pd.DataFrame({PREDICTION_COLUMN: [_plain(v) for v in automl.predict(frame)]})
    if model.classes:
        proba = automl.predict_proba(frame)
        for label in proba.columns:
            result[f"{PROBABILITY_PREFIX}{label}"] = proba[label].to_numpy(dtype=float)
    return result, warnings


def predict_rows(
    user: AnyUser, model: TrainedModel, rows: Sequence[Mapping[str, Any]]
) -> tuple[list[dict[str, Any]], list[Any]]:
    """Predict JSON rows: ``[{prediction, probabilities}]`` in input order, and warnings."""
    require_write(user, model.project_id)
    result, warnings = _predict(model, pd.DataFrame.from_records(list(rows)))
    probability_columns = [c for c in result.columns if c.startswith(PROBABILITY_PREFIX)]
    predictions = [
        {
            "prediction": row[PREDICTION_COLUMN],
            "probabilities": {c.removeprefix(PROBABILITY_PREFIX): float(row[c])
                              for c in probability_columns} or None,
        }
        for row in result.to_dict(orient="records")
    ]
    return predictions, warnings


def _unique_names(taken: Sequence[str], wanted: Sequence[str]) -> list[str]:
    """``wanted`` renamed with leading underscores where they clash with input columns."""
    used = {str(name) for name in taken}
    names = []
    for name in wanted:
        while name in used:
            name = f"_{name}"
        used.add(name)
        names.append(name)
    return names


def _read_prediction_file(model: TrainedModel,
                          upload: UploadedFile) -> tuple[pd.DataFrame, list[DataWarning]]:
    """The upload read like the training data (same reader, limits and cell options), with its
    columns matched to the model's by normalised name; extra columns are named in a notice."""
    trained_with = ReadOptions.from_dict(model.experiment.dataset.read_options)
    # Encoding, delimiter and sheet are detected afresh: this file may come from elsewhere.
    options = ReadOptions(decimal_comma=trained_with.decimal_comma,
                          missing_values=trained_with.missing_values)
    read = read_table(upload_source(upload), options, read_limits())
    frame, notices = match_columns(read.frame, model.feature_names, known=[model.target])
    numbers = tuple(name for name in trained_with.parse_numbers if name in frame.columns)
    return parse_number_text(frame, numbers), [*read.warnings, *notices]


def predict_batch(
    user: AbstractBaseUser, model: TrainedModel, upload: UploadedFile
) -> PredictionBatch:
    """Predict every row of an uploaded table (CSV, XLSX, Parquet...) and store input +
    prediction columns as a CSV."""
    require_write(user, model.project_id)
    frame, read_warnings = _read_prediction_file(model, upload)
    result, warnings = _predict(model, frame)
    warnings = [with_unseen_counts(warning, frame) for warning in warnings]
    result.columns = _unique_names(frame.columns, list(result.columns))
    output = pd.concat([frame.reset_index(drop=True), result], axis=1)
    name = f"predictions/{uuid.uuid4().hex}.csv"
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
        write_safe_csv(output, Path(part.name))
    Path(part.name).replace(path)
    try:
        return PredictionBatch.objects.create(
            model=model, project_id=model.project_id, name=(upload.name or "")[:255],
            file=name, n_rows=len(output),
            warnings=[w.to_dict() for w in [*read_warnings, *warnings]],
            columns=[str(c) for c in output.columns], preview=preview_rows(output),
            created_by=user,
        )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
