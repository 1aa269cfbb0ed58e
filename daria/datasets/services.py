"""Ingesting uploads and reading stored datasets. Parsing and profiling are the engine's job."""

from __future__ import annotations

import uuid
from typing import Any

import pandas as pd
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from automl_core.data import profile_frame, read_csv
from daria.accounts.services import AnyUser, projects_for, require_write
from daria.datasets.models import Column, Dataset

PREVIEW_ROWS = 20


def datasets_for(user: AnyUser) -> QuerySet[Dataset]:
    """Datasets of the user's projects."""
    return Dataset.objects.filter(project__in=projects_for(user)).prefetch_related("columns")


def get_dataset(user: AnyUser, dataset_id: int) -> Dataset:
    """One of the user's datasets, or 404."""
    try:
        return datasets_for(user).get(pk=dataset_id)
    except Dataset.DoesNotExist:
        raise Http404("No such dataset.") from None


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
    return [[_cell(value) for value in row] for row in frame.head(limit).itertuples(index=False)]


def ingest_dataset(
    user: AbstractBaseUser,
    project_id: int,
    upload: UploadedFile,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Dataset:
    """Read, profile and store an upload; raise the engine's DataError and store nothing.

    The file is moved into storage and the rows are written in one transaction; if writing the
    rows fails, the stored file is removed again so that no half-saved dataset remains.
    """
    require_write(user, project_id)
    options = {"encoding": encoding or None, "delimiter": delimiter or None}
    result = read_csv(upload_source(upload), **options)
    profile = profile_frame(result.frame)
    dataset = Dataset(
        project_id=project_id,
        name=(upload.name or "upload.csv")[:255],
        n_rows=profile.n_rows,
        n_columns=len(profile.columns),
        encoding=result.encoding,
        delimiter=result.delimiter,
        read_options=options,
        size_bytes=upload.size or 0,
        warnings=[warning.to_dict() for warning in [*result.warnings, *profile.warnings]],
        suggested_target=profile.suggested_target,
        preview=preview_rows(result.frame),
        created_by=user,
    )
    try:
        with transaction.atomic():
            dataset.file.save(f"{uuid.uuid4().hex}.csv", upload, save=False)
            dataset.save()
            Column.objects.bulk_create(
                Column(dataset=dataset, position=i, name=c.name, kind=str(c.kind),
                       missing=c.missing, unique=c.unique)
                for i, c in enumerate(profile.columns)
            )
    except BaseException:
        if dataset.file:
            dataset.file.storage.delete(dataset.file.name)
        raise
    return dataset


def load_frame(dataset: Dataset) -> pd.DataFrame:
    """The dataset's table, read from storage exactly as it was read at upload."""
    return read_csv(dataset.file.path, **dataset.read_options).frame
