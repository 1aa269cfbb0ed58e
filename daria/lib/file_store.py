"""Stored files (datasets, models, predictions, exports, insights) read and written by path.

The table reader, skops, the signature check and numpy need a local file, which a remote
storage (S3 through django-storages, see ``docs/scaling.md``) cannot give. With the default
FileSystemStorage the stored file *is* the local file, so nothing is copied. With any other
storage each process downloads a file once into ``<DARIA_DATA_DIR>/cache/<stored name>`` and
reads that copy: stored names are fresh server-generated names whose content never changes, so
a cached copy stays right and the cache can be deleted at any time (it is filled again).
Everything is written under a temporary name and renamed, so no reader sees half a file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db.models.fields.files import FieldFile

CACHE_DIR = "cache"


def _is_local(storage: Storage) -> bool:
    return isinstance(storage, FileSystemStorage)


def cache_root() -> Path:
    """The folder holding this process' copies of remote files."""
    return Path(settings.DARIA_DATA_DIR) / CACHE_DIR


def _cache_path(name: str) -> Path:
    """Where the copy of stored ``name`` lives; refuses names that would leave the cache."""
    root = cache_root().resolve()
    path = (root / name).resolve()
    if not name or not path.is_relative_to(root) or path == root:
        raise ValueError(f"{name!r} is not a stored file name.")
    return path


def _file_and_name(file: FieldFile | str) -> tuple[Storage, str]:
    if isinstance(file, FieldFile):
        return file.storage, file.name or ""
    return default_storage, file


@contextmanager
def _temporary_beside(path: Path) -> Iterator[Path]:
    """A fresh temporary file in ``path``'s folder, removed unless the caller moved it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    os.close(handle)
    try:
        yield Path(temporary)
    finally:
        Path(temporary).unlink(missing_ok=True)


def local_copy(file: FieldFile | str, *, refresh: bool = False) -> Path:
    """A local path holding the stored file (a FieldFile, or a name in the default storage).

    The file's own path on FileSystemStorage; else the cached copy, downloaded on first use
    (and again with ``refresh``, for a derived file another process may have rewritten).
    Raises FileNotFoundError when the stored file does not exist.
    """
    storage, name = _file_and_name(file)
    if _is_local(storage):
        return Path(file.path if isinstance(file, FieldFile) else storage.path(name))
    if not name:
        raise ValueError("The file field has no file associated with it.")
    path = _cache_path(name)
    if path.exists() and not refresh:
        return path
    with _temporary_beside(path) as temporary:
        with storage.open(name, "rb") as source, temporary.open("wb") as target:
            shutil.copyfileobj(source, target, 1024 * 1024)
        os.replace(temporary, path)
    return path


@contextmanager
def new_stored_file(name: str) -> Iterator[Path]:
    """A local path to write the file ``name`` at; when the block ends without an error the
    file is stored under that exact name (replacing an older one), else it is dropped."""
    storage = default_storage
    if _is_local(storage):
        target = Path(storage.path(name))
        with _temporary_beside(target) as temporary:
            yield temporary
            os.replace(temporary, target)
        return
    cached = _cache_path(name)
    with _temporary_beside(cached) as temporary:
        yield temporary
        with temporary.open("rb") as content:
            stored = storage.save(name, File(content, name=name))
        if stored != name:
            storage.delete(stored)
            raise RuntimeError(f"The storage renamed {name!r} to {stored!r}; set "
                               "file_overwrite so that stored names are kept.")
        os.replace(temporary, cached)


def read_stored(name: str) -> bytes | None:
    """The bytes of a small stored file (fetched afresh, not cached), or None if it is absent."""
    try:
        with default_storage.open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def stored_exists(name: str) -> bool:
    """Whether ``name`` exists in the default storage."""
    return default_storage.exists(name)


def delete_stored(file: FieldFile | str) -> None:
    """Delete a stored file and this process' cached copy of it (missing ones are fine)."""
    storage, name = _file_and_name(file)
    storage.delete(name)
    if not _is_local(storage):
        _cache_path(name).unlink(missing_ok=True)
