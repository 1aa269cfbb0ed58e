"""Decompressing gzip and single-member ZIP files to disk under a size cap.

The cap is enforced while decompressing, chunk by chunk, so a bomb is stopped at the limit with
constant memory; a ZIP member's declared size is checked first, but never trusted alone.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from automl_core.exceptions import DataError

CHUNK_BYTES = 1 << 20


def too_large(limit: int, what: str) -> DataError:
    """The error for an archive whose content is larger than ``limit`` bytes."""
    megabytes = max(1, limit >> 20)
    return DataError(
        "decompressed_too_large",
        f"The {what} unpacks to more than {megabytes} MB, the limit for compressed files.",
        {"limit_mb": megabytes, "archive": what})


@contextmanager
def gunzip_to_temp(stream: BinaryIO, limit: int) -> Iterator[Path]:
    """Yield a temporary file holding the gzip stream's content (all members); removed after."""
    with _temp_path() as out:
        try:
            with gzip.GzipFile(fileobj=stream) as source:
                _copy_capped(source, out, limit, "gzip file")
        except (OSError, EOFError, zlib.error) as error:
            raise DataError("bad_archive", f"The gzip file is damaged: {error}.",
                            {"archive": "gzip file"}) from None
        yield out


@contextmanager
def unzip_member_to_temp(stream: BinaryIO, member: zipfile.ZipInfo, limit: int) -> Iterator[Path]:
    """Yield a temporary file holding the ZIP member's content; its stored path is ignored."""
    if member.file_size > limit:
        raise too_large(limit, "ZIP archive")
    with _temp_path() as out:
        try:
            with zipfile.ZipFile(stream) as archive, archive.open(member) as source:
                _copy_capped(source, out, limit, "ZIP archive")
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError,
                RuntimeError) as error:
            raise DataError("bad_archive", f"The ZIP archive cannot be unpacked: {error}.",
                            {"archive": "ZIP archive"}) from None
        yield out


@contextmanager
def _temp_path() -> Iterator[Path]:
    descriptor, name = tempfile.mkstemp(prefix="daria-unpacked-", suffix=".csv")
    os.close(descriptor)
    path = Path(name)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _copy_capped(source: BinaryIO, out: Path, limit: int, what: str) -> None:
    written = 0
    with out.open("wb") as sink:
        while chunk := source.read(CHUNK_BYTES):
            written += len(chunk)
            if written > limit:
                raise too_large(limit, what)
            sink.write(chunk)
    if not written:
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")

