"""Ingesting uploads, re-reading, column choices and reading stored datasets.

Parsing and profiling are the engine's job. Small files are read in the request and stored only
once they are read; larger ones are stored as ``processing`` and read by a worker
(:func:`process_dataset`), which removes the file again when it cannot be read.
"""

from __future__ import annotations

import functools
import logging
import uuid
from collections.abc import Iterable
from typing import Any

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext

from automl_core.data import ColumnKind, ReadOptions, assess_target, profile_frame, read_table
from automl_core.data.charts import column_chart
from automl_core.data.reading import ReadResult
from automl_core.data.sniffing import HEAD_BYTES, sniff_head
from automl_core.exceptions import AutoMLError, DataError
from daria.accounts.services import AnyUser, projects_for, require_write
from daria.datasets.limits import async_parse_bytes, read_limits
from daria.datasets.messages import translate_data_error, translate_task_reason
from daria.datasets.models import Column, Dataset
from daria.lib.file_store import delete_stored, local_copy
from daria.lib.queue import BrokerUnavailable, enqueue

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20
PROCESS_TASK = "daria.datasets.process_dataset"
_SUFFIXES = {"csv": ".csv", "gzip": ".csv.gz", "zip": ".zip", "xlsx": ".xlsx",
             "parquet": ".parquet"}


def datasets_for(user: AnyUser) -> QuerySet[Dataset]:
    """Datasets of the user's projects."""
    return Dataset.objects.filter(project__in=projects_for(user)).prefetch_related("columns")


def get_dataset(user: AnyUser, dataset_id: int) -> Dataset:
    """One of the user's datasets, or 404."""
    try:
        return datasets_for(user).get(pk=dataset_id)
    except Dataset.DoesNotExist:
        raise Http404("No such dataset.") from None


def get_column(dataset: Dataset, name: str) -> Column:
    """The dataset's column called ``name``, or 404."""
    try:
        return dataset.columns.get(name=name)
    except Column.DoesNotExist:
        raise Http404("No such column.") from None


def upload_source(upload: UploadedFile) -> Any:
    """A local path for uploads streamed to disk, else the bytes (never a user string)."""
    if hasattr(upload, "temporary_file_path"):
        return upload.temporary_file_path()
    upload.seek(0)
    return upload.read()


def _cell(value: Any) -> str | None:
    return None if pd.isna(value) else str(value)


def preview_rows(frame: pd.DataFrame, limit: int = PREVIEW_ROWS) -> list[list[str | None]]:
    """The first rows, every cell as text or None for missing."""
    # Plain tuples: namedtuple fields would clash on names equal after NFKC ("ｉｄ" and "id").
    rows = frame.head(limit).itertuples(index=False, name=None)
    return [[_cell(value) for value in row] for row in rows]


def ingest_dataset(
    user: AbstractBaseUser,
    project_id: int,
    upload: UploadedFile,
    options: ReadOptions | None = None,
) -> Dataset:
    """Read, profile and store an upload; raise the engine's DataError and store nothing.

    Files over the async threshold are only sniffed here (so that an image or a pickle is still
    refused at once), then stored as ``processing`` and read by a worker.
    """
    require_write(user, project_id)
    options = options or ReadOptions()
    dataset = Dataset(project_id=project_id, name=(upload.name or "upload.csv")[:255],
                      read_options=options.to_dict(), size_bytes=upload.size or 0,
                      created_by=user)
    if dataset.size_bytes > async_parse_bytes():
        upload.seek(0)
        fmt = sniff_head(upload.read(HEAD_BYTES))
        upload.seek(0)
        dataset.status = Dataset.Status.PROCESSING
        _store(dataset, upload, [], fmt)
        return dataset
    result = read_table(upload_source(upload), options, read_limits())
    columns = _apply_read(dataset, result, {}, set())
    _store(dataset, upload, columns, result.format)
    return dataset


def _store(dataset: Dataset, upload: UploadedFile, columns: list[Column], fmt: str) -> None:
    """Move the file into storage and write the rows in one transaction; on failure remove it.

    The stored name is random; its suffix says the sniffed format, never the uploader's name.
    """
    try:
        with transaction.atomic():
            dataset.file.save(f"{uuid.uuid4().hex}{_SUFFIXES[fmt]}", upload, save=False)
            dataset.save()
            for column in columns:
                column.dataset = dataset
            Column.objects.bulk_create(columns)
            if dataset.status == Dataset.Status.PROCESSING:
                transaction.on_commit(functools.partial(_enqueue_processing, dataset))
    except BaseException:
        if dataset.file:
            dataset.file.storage.delete(dataset.file.name)
        raise


def _enqueue_processing(dataset: Dataset) -> None:
    try:
        enqueue(PROCESS_TASK, dataset.pk)
    except BrokerUnavailable:
        _fail(dataset.pk, "queue_unavailable", str(BrokerUnavailable.default_detail), {})
        raise


def _apply_read(dataset: Dataset, result: ReadResult, kinds: dict[str, str],
                excluded: set[str]) -> list[Column]:
    """Fill the dataset from a read and a profile; return its (unsaved) columns.

    ``kinds`` and ``excluded`` carry the user's earlier choices over to columns of the same name.
    """
    profile = profile_frame(result.frame, {k: v for k, v in kinds.items()
                                           if k in result.frame.columns}, with_stats=True)
    dataset.n_rows = profile.n_rows
    dataset.n_columns = len(profile.columns)
    dataset.format, dataset.sheet = result.format, result.sheet
    dataset.encoding, dataset.delimiter = result.encoding, result.delimiter
    dataset.duplicated_rows, dataset.memory_bytes = profile.duplicated_rows, profile.memory_bytes
    dataset.warnings = [w.to_dict() for w in [*result.warnings, *profile.warnings]]
    dataset.suggested_target = profile.suggested_target
    dataset.preview = preview_rows(result.frame)
    dataset.status = Dataset.Status.READY
    dataset.error, dataset.error_code, dataset.error_params = "", "", {}
    return [
        Column(position=i, name=c.name, kind=str(c.kind),
               inferred_kind=str(c.inferred_kind or c.kind), excluded=c.name in excluded,
               stats=c.stats, missing=c.missing, unique=c.unique)
        for i, c in enumerate(profile.columns)
    ]


def process_dataset(dataset_id: int) -> str:
    """Read and profile a stored ``processing`` dataset (in a worker); return its final status."""
    dataset = Dataset.objects.filter(pk=dataset_id, status=Dataset.Status.PROCESSING).first()
    if dataset is None:
        return "skipped"
    try:
        result = read_table(local_copy(dataset.file),
                            ReadOptions.from_dict(dataset.read_options), read_limits())
        kinds, excluded = _user_choices(dataset)
        columns = _apply_read(dataset, result, kinds, excluded)
    except AutoMLError as error:
        _fail(dataset.pk, error.code, error.message, error.params)
        return Dataset.Status.FAILED
    except Exception as error:
        log.exception("dataset %s could not be processed", dataset_id)
        _fail(dataset.pk, "unreadable", f"{type(error).__name__}: {error}", {})
        raise
    _replace_columns(dataset, columns)
    return Dataset.Status.READY


def _fail(dataset_id: int, code: str, message: str, params: dict[str, Any]) -> None:
    """Mark the dataset failed; a file that was never read is removed, not kept half-stored.

    A dataset that was read before keeps its file and columns, so that re-reading it with other
    options is still possible after a failed attempt.
    """
    dataset = Dataset.objects.get(pk=dataset_id)
    if dataset.file and not dataset.columns.exists():
        delete_stored(dataset.file)
        Dataset.objects.filter(pk=dataset_id).update(file="")
    Dataset.objects.filter(pk=dataset_id).update(
        status=Dataset.Status.FAILED, error=message, error_code=code, error_params=params)


def _user_choices(dataset: Dataset) -> tuple[dict[str, str], set[str]]:
    columns = list(dataset.columns.all())
    kinds = {c.name: c.kind for c in columns if c.inferred_kind and c.kind != c.inferred_kind}
    return kinds, {c.name for c in columns if c.excluded}


def _replace_columns(dataset: Dataset, columns: list[Column]) -> None:
    with transaction.atomic():
        dataset.save()
        dataset.columns.all().delete()
        for column in columns:
            column.dataset = dataset
        Column.objects.bulk_create(columns)


def reparse_dataset(user: AnyUser, dataset: Dataset, options: ReadOptions) -> Dataset:
    """Read the stored file again with new options; keep the user's choices per column name.

    Raises the engine's DataError and leaves the dataset as it was when the options do not work.
    Large files are re-read by a worker.
    """
    require_write(user, dataset.project_id)
    if dataset.status == Dataset.Status.PROCESSING or not dataset.file:
        # A never-read file was removed; while a worker reads it, another read must wait.
        raise DataError("not_ready", "The dataset is still being read or could not be read.")
    if dataset.size_bytes > async_parse_bytes():
        dataset.read_options = options.to_dict()
        dataset.status = Dataset.Status.PROCESSING
        with transaction.atomic():
            dataset.save(update_fields=["read_options", "status"])
            transaction.on_commit(functools.partial(_enqueue_processing, dataset))
        return dataset
    result = read_table(local_copy(dataset.file), options, read_limits())
    kinds, excluded = _user_choices(dataset)
    dataset.read_options = options.to_dict()
    _replace_columns(dataset, _apply_read(dataset, result, kinds, excluded))
    return dataset


def update_column(user: AnyUser, dataset: Dataset, name: str, kind: str | None = None,
                  excluded: bool | None = None) -> Column:
    """Change a column's kind (its statistics follow) and/or exclude it from training."""
    require_write(user, dataset.project_id)
    column = get_column(dataset, name)
    if excluded is not None:
        column.excluded = excluded
    if kind is not None and kind != column.kind:
        column.kind = str(ColumnKind(kind))
        frame = load_frame(dataset, keep=[name])
        column.stats = profile_frame(frame[[name]], {name: column.kind},
                                     with_stats=True).columns[0].stats
    column.save(update_fields=["kind", "excluded", "stats"])
    return column


def chart_of(dataset: Dataset, name: str) -> dict[str, Any]:
    """The plotly figure (JSON) of a column, drawn from its stored statistics, with the count
    axis titled in the active language (the engine writes English)."""
    figure = column_chart(name, get_column(dataset, name).stats)
    figure["layout"]["yaxis"]["title"]["text"] = gettext("rows")
    return figure


def target_advice(dataset: Dataset, target: str) -> dict[str, Any]:
    """What choosing ``target`` means: the task and why, blocking problems, and warnings.

    ``problems`` are the engine's target errors (one class, all missing, too few rows per class,
    no feature columns...) found before training; ``warnings`` are stored-form dicts.
    """
    get_column(dataset, target)
    frame = load_frame(dataset, keep=[target])
    assessment = assess_target(frame, target, column_kinds(dataset))
    inference = assessment.inference
    return {
        "target": target,
        "task": str(inference.task) if inference else None,
        "task_reason": translate_task_reason(inference) if inference else "",
        "problems": [{"code": p.code, "message": translate_data_error(p)}
                     for p in assessment.problems],
        "warnings": [w.to_dict() for w in assessment.warnings],
    }


def column_kinds(dataset: Dataset) -> dict[str, str]:
    """The user's kind overrides, for the engine's ``AutoML(column_kinds=...)``."""
    return {c.name: c.kind for c in dataset.columns.all()
            if c.inferred_kind and c.kind != c.inferred_kind and not c.excluded}


def excluded_columns(dataset: Dataset, keep: Iterable[str] = ()) -> list[str]:
    """Names of the columns the user excluded, except those named in ``keep`` (the target)."""
    keep = set(keep)
    return [c.name for c in dataset.columns.all() if c.excluded and c.name not in keep]


def load_frame(dataset: Dataset, keep: Iterable[str] = (),
               excluded: Iterable[str] | None = None) -> pd.DataFrame:
    """The dataset's table, read from storage exactly as it was profiled.

    Leaves out ``excluded`` columns, by default the ones the user excluded now, except those
    named in ``keep`` (the target).
    """
    frame = read_table(local_copy(dataset.file), ReadOptions.from_dict(dataset.read_options),
                       read_limits()).frame
    dropped = excluded_columns(dataset, keep) if excluded is None else list(excluded)
    return frame.drop(columns=[name for name in dropped if name in frame.columns])
