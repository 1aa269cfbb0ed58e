"""Final models and predictions: saving the engine's model, predicting rows and whole files."""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from automl_core import AutoML
from automl_core.data import ReadOptions, read_table
from automl_core.data.matching import match_columns, with_unseen_counts
from automl_core.data.sniffing import HEAD_BYTES, sniff_head
from automl_core.data.text_values import parse_number_text
from automl_core.diagnostics.contributions import top_contributions
from automl_core.exceptions import AutoMLError, DataWarning
from automl_core.export.novelty import TrainingReference, fit_reference, unusual_columns
from automl_core.export.reproducibility import file_sha256
from daria.accounts.services import AnyUser, projects_for, require_write
from daria.datasets.limits import async_parse_bytes, read_limits
from daria.datasets.services import load_frame, preview_rows, upload_source
from daria.experiments.models import Experiment
from daria.lib.csv_export import write_safe_csv
from daria.lib.file_store import delete_stored, local_copy, new_stored_file
from daria.lib.queue import BrokerUnavailable, enqueue
from daria.predictions.models import PredictionBatch, TrainedModel
from daria.predictions.signing import sign_file, verify_file

log = logging.getLogger(__name__)

PREDICT_TASK = "daria.predictions.predict_batch"
PREDICT_CHUNK_ROWS = 5_000
PREDICTION_COLUMN = "prediction"
PROBABILITY_PREFIX = "probability_"
UNUSUAL_COLUMN = "unlike_training"
UNUSUAL_COLUMNS_COLUMN = "unlike_training_columns"
CONTRIBUTION_PREFIX = "contribution_"
TOP_CONTRIBUTIONS = 3


def models_for(user: AnyUser) -> QuerySet[TrainedModel]:
    """Trained models of the user's projects."""
    return TrainedModel.objects.filter(project__in=projects_for(user))


def get_model(user: AnyUser, model_id: int) -> TrainedModel:
    """One of the user's models (with its project, which the audit log names), or 404."""
    try:
        return models_for(user).select_related("project").get(pk=model_id)
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
    with new_stored_file(name) as path:
        automl.save(path)
        signature = sign_file(path)
    best = automl.best_trial
    classes = list(automl.classes_) if automl.classes_ is not None else []
    try:
        return TrainedModel.objects.create(
            experiment=experiment, project_id=experiment.project_id, file=name,
            file_hmac=signature,
            target=experiment.target, task=str(automl.task), metric=str(automl.metric),
            algorithm=best.algorithm, score=best.score,
            metrics={key: float(value) for key, value in automl.metrics_.items()},
            classes=[str(_plain(label)) for label in classes],
            feature_names=[str(feature) for feature in automl.feature_names],
        )
    except BaseException:
        delete_stored(name)
        raise


@functools.lru_cache(maxsize=4)
def _load(path: str, signature: str) -> AutoML:
    # Verified on every cache miss; a hit returns the object loaded from the verified bytes.
    verify_file(Path(path), signature)
    return AutoML.load(path)


def load_automl(model: TrainedModel) -> AutoML:
    """The engine's model behind ``model``; ModelFileTampered (409) if the file was changed."""
    return _load(str(local_copy(model.file)), model.file_hmac)


def model_sha256(model: TrainedModel) -> str:
    """The SHA-256 of the model file as the server signed it (computed once for older rows)."""
    if not model.file_sha256:
        path = local_copy(model.file)
        verify_file(path, model.file_hmac)
        model.file_sha256 = file_sha256(path)
        model.save(update_fields=["file_sha256"])
    return model.file_sha256


def training_reference(model: TrainedModel, automl: AutoML) -> TrainingReference:
    """The training ranges and categories of ``model`` (read from its dataset once, then kept)."""
    if not model.training_reference:
        experiment = model.experiment
        frame = load_frame(experiment.dataset, excluded=experiment.excluded_columns)
        features = frame[[c for c in automl.feature_names if c in frame.columns]]
        model.training_reference = fit_reference(features, automl.kinds_).to_dict()
        model.save(update_fields=["training_reference"])
    return TrainingReference.from_dict(model.training_reference)


def open_model_file(model: TrainedModel) -> BinaryIO:
    """The model file opened for download, after checking it is the file the server signed."""
    path = local_copy(model.file)
    verify_file(path, model.file_hmac)
    return path.open("rb")


def _predict(model: TrainedModel, frame: pd.DataFrame,
             contributions: bool = False) -> tuple[pd.DataFrame, list[Any]]:
    """Predictions (and class probabilities) for ``frame``, the columns that make each row
    unlike the training data, plus the engine's warnings.

    Raises PredictionInputError naming missing columns.
    """
    automl = load_automl(model)
    warnings = automl.check_prediction_frame(frame)
    if model.classes:
        # One pass of the ensemble: the label is the most probable class, as AutoML.predict does.
        proba = automl.predict_proba(frame)
        labels = np.asarray(automl.classes_, dtype=object)[np.argmax(proba.to_numpy(), axis=1)]
        result = pd.DataFrame({PREDICTION_COLUMN: [_plain(v) for v in labels]})
        for label in proba.columns:
            result[f"{PROBABILITY_PREFIX}{label}"] = proba[label].to_numpy(dtype=float)
    else:
        result = pd.DataFrame({PREDICTION_COLUMN: [_plain(v) for v in automl.predict(frame)]})
    unusual = unusual_columns(frame.reset_index(drop=True), training_reference(model, automl))
    result[UNUSUAL_COLUMN] = [bool(columns) for columns in unusual]
    result[UNUSUAL_COLUMNS_COLUMN] = pd.Series(unusual, dtype=object)
    if contributions:
        top = top_contributions(automl, frame.reset_index(drop=True), k=TOP_CONTRIBUTIONS)
        for rank in range(1, top.table.shape[1] // 2 + 1):
            result[f"{CONTRIBUTION_PREFIX}{rank}_feature"] = top.table[f"feature_{rank}"]
            result[f"{CONTRIBUTION_PREFIX}{rank}_value"] = top.table[f"contribution_{rank}"]
    return result, warnings


def predict_rows(
    user: AnyUser, model: TrainedModel, rows: Sequence[Mapping[str, Any]],
    contributions: bool = False,
) -> tuple[list[dict[str, Any]], list[Any]]:
    """Predict JSON rows: ``[{prediction, probabilities, unlike_training,
    unlike_training_columns, contributions}]`` in input order, and warnings."""
    require_write(user, model.project_id)
    result, warnings = _predict(model, pd.DataFrame.from_records(list(rows)), contributions)
    # Built column by column: a per-row ``to_dict`` costs more than the model for 1,000 rows.
    probability_columns = [c for c in result.columns if c.startswith(PROBABILITY_PREFIX)]
    classes = [c.removeprefix(PROBABILITY_PREFIX) for c in probability_columns]
    probabilities = ([dict(zip(classes, row, strict=True))
                      for row in result[probability_columns].to_numpy(dtype=float).tolist()]
                     if classes else [None] * len(result))
    top = _contributions(result) if contributions else [None] * len(result)
    predictions = [
        {"prediction": prediction, "probabilities": row_probabilities,
         "unlike_training": bool(unlike), "unlike_training_columns": list(columns),
         "contributions": row_contributions}
        for prediction, row_probabilities, unlike, columns, row_contributions in zip(
            result[PREDICTION_COLUMN].tolist(), probabilities, result[UNUSUAL_COLUMN].tolist(),
            result[UNUSUAL_COLUMNS_COLUMN].tolist(), top, strict=True)
    ]
    return predictions, warnings


def _contributions(result: pd.DataFrame) -> list[list[dict[str, Any]]]:
    """Each row's top contributions as ``[{feature, value}]``, largest first."""
    ranks = [rank for rank in range(1, TOP_CONTRIBUTIONS + 1)
             if f"{CONTRIBUTION_PREFIX}{rank}_feature" in result.columns]
    features = [result[f"{CONTRIBUTION_PREFIX}{rank}_feature"].tolist() for rank in ranks]
    values = [result[f"{CONTRIBUTION_PREFIX}{rank}_value"].tolist() for rank in ranks]
    return [[{"feature": str(features[i][row]), "value": float(values[i][row])}
             for i in range(len(ranks))] for row in range(len(result))]


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
                          source: Any) -> tuple[pd.DataFrame, list[DataWarning]]:
    """The table at ``source`` (a path or bytes) read like the training data (same reader,
    limits and cell options), with its columns matched to the model's by normalised name;
    extra columns are named in a notice."""
    trained_with = ReadOptions.from_dict(model.experiment.dataset.read_options)
    # Encoding, delimiter and sheet are detected afresh: this file may come from elsewhere.
    options = ReadOptions(decimal_comma=trained_with.decimal_comma,
                          missing_values=trained_with.missing_values)
    read = read_table(source, options, read_limits())
    frame, notices = match_columns(read.frame, model.feature_names, known=[model.target])
    numbers = tuple(name for name in trained_with.parse_numbers if name in frame.columns)
    return parse_number_text(frame, numbers), [*read.warnings, *notices]


def predict_batch(
    user: AbstractBaseUser, model: TrainedModel, upload: UploadedFile,
    contributions: bool = False,
) -> PredictionBatch:
    """Predict every row of an uploaded table (CSV, XLSX, Parquet...) and store input +
    prediction columns as a CSV.

    Uploads over the async threshold (``DARIA_ASYNC_PARSE_BYTES``) are only sniffed here (an
    image is still refused at once), stored, and predicted by a worker: the batch comes back
    ``processing`` and its ``progress`` grows until it is ``ready`` or ``failed``.
    """
    require_write(user, model.project_id)
    batch = PredictionBatch(model=model, project_id=model.project_id,
                            name=(upload.name or "")[:255], contributions=contributions,
                            created_by=user)
    if (upload.size or 0) > async_parse_bytes():
        upload.seek(0)
        fmt = sniff_head(upload.read(HEAD_BYTES))
        upload.seek(0)
        batch.status, batch.progress = PredictionBatch.Status.PROCESSING, 0.0
        _store_source(batch, upload, fmt)
        return batch
    frame, read_warnings = _read_prediction_file(model, upload_source(upload))
    _complete(batch, frame, read_warnings)
    return batch


def _store_source(batch: PredictionBatch, upload: UploadedFile, fmt: str) -> None:
    """Keep the upload and the batch row in one transaction, then enqueue the worker."""
    try:
        with transaction.atomic():
            batch.source.save(f"{uuid.uuid4().hex}.{fmt}", upload, save=False)
            batch.save()
            transaction.on_commit(functools.partial(_enqueue_batch, batch.pk))
    except BaseException:
        if batch.source:
            batch.source.storage.delete(batch.source.name)
        raise


def _enqueue_batch(batch_id: int) -> None:
    try:
        enqueue(PREDICT_TASK, batch_id)
    except BrokerUnavailable:
        _fail_batch(batch_id, "queue_unavailable", str(BrokerUnavailable.default_detail), {})
        raise


def process_batch(batch_id: int) -> str:
    """Predict a stored ``processing`` batch (in a worker); return its final status."""
    batch = PredictionBatch.objects.filter(
        pk=batch_id, status=PredictionBatch.Status.PROCESSING).select_related("model").first()
    if batch is None:
        return "skipped"
    try:
        frame, read_warnings = _read_prediction_file(batch.model, local_copy(batch.source))
        _complete(batch, frame, read_warnings)
    except AutoMLError as error:
        _fail_batch(batch.pk, error.code, error.message, error.params)
        return PredictionBatch.Status.FAILED
    except Exception as error:
        log.exception("prediction batch %s could not be processed", batch_id)
        _fail_batch(batch.pk, "unreadable", f"{type(error).__name__}: {error}", {})
        raise
    finally:
        if batch.source:
            delete_stored(batch.source)
    PredictionBatch.objects.filter(pk=batch.pk).update(source="")
    return PredictionBatch.Status.READY


def _fail_batch(batch_id: int, code: str, message: str, params: dict[str, Any]) -> None:
    PredictionBatch.objects.filter(pk=batch_id).update(
        status=PredictionBatch.Status.FAILED, error=message, error_code=code,
        error_params=params, source="")


def _predict_in_chunks(batch: PredictionBatch, frame: pd.DataFrame
                       ) -> tuple[pd.DataFrame, list[Any]]:
    """Predictions for ``frame`` chunk by chunk; a stored batch's progress follows them."""
    warnings = load_automl(batch.model).check_prediction_frame(frame)  # missing columns raise
    parts = []
    for start in range(0, max(len(frame), 1), PREDICT_CHUNK_ROWS):
        chunk = frame.iloc[start:start + PREDICT_CHUNK_ROWS]
        parts.append(_predict(batch.model, chunk, batch.contributions)[0])
        if batch.pk is not None:
            done = min(start + PREDICT_CHUNK_ROWS, len(frame)) / max(len(frame), 1)
            PredictionBatch.objects.filter(pk=batch.pk).update(progress=min(done, 0.99))
    return pd.concat(parts, ignore_index=True), warnings


def _complete(batch: PredictionBatch, frame: pd.DataFrame,
              read_warnings: list[DataWarning]) -> None:
    """Predict ``frame``, write input + prediction columns as a CSV and save ``batch`` ready."""
    result, warnings = _predict_in_chunks(batch, frame)
    warnings = [with_unseen_counts(warning, frame) for warning in warnings]
    result[UNUSUAL_COLUMNS_COLUMN] = result[UNUSUAL_COLUMNS_COLUMN].map("; ".join)
    batch.n_unlike_training = int(result[UNUSUAL_COLUMN].sum())
    result.columns = _unique_names(frame.columns, list(result.columns))
    output = pd.concat([frame.reset_index(drop=True), result], axis=1)
    name = f"predictions/{uuid.uuid4().hex}.csv"
    with new_stored_file(name) as path:
        write_safe_csv(output, path)
    batch.file, batch.n_rows = name, len(output)
    batch.warnings = [w.to_dict() for w in [*read_warnings, *warnings]]
    batch.columns = [str(c) for c in output.columns]
    batch.preview = preview_rows(output)
    batch.status, batch.progress = PredictionBatch.Status.READY, 1.0
    try:
        batch.save()
    except BaseException:
        delete_stored(name)
        raise
