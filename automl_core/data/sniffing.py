"""What a file is, by its first bytes (and a ZIP's directory), never by its name.

Accepted: text (CSV/TSV), gzip, ZIP with one member, XLSX and Parquet. Everything else is
rejected with ``unsupported_format`` and a message that names what the file looks like.
"""

from __future__ import annotations

import re
import zipfile
from enum import StrEnum
from typing import BinaryIO

from automl_core.exceptions import DataError

HEAD_BYTES = 64


class FileFormat(StrEnum):
    """The container formats the reader accepts."""

    TEXT = "csv"
    GZIP = "gzip"
    ZIP = "zip"
    XLSX = "xlsx"
    PARQUET = "parquet"


_ACCEPTED: dict[bytes, FileFormat] = {
    b"\x1f\x8b": FileFormat.GZIP,
    b"PK\x03\x04": FileFormat.ZIP,
    b"PAR1": FileFormat.PARQUET,
}
# What a rejected file looks like, in the words of the message ("it looks like ...").
_REJECTED: dict[bytes, tuple[str, str]] = {
    b"\x89PNG": ("png", "a PNG image"),
    b"\xff\xd8\xff": ("jpeg", "a JPEG image"),
    b"GIF87a": ("gif", "a GIF image"), b"GIF89a": ("gif", "a GIF image"),
    b"II*\x00": ("tiff", "a TIFF image"), b"MM\x00*": ("tiff", "a TIFF image"),
    b"%PDF": ("pdf", "a PDF document"),
    b"\xd0\xcf\x11\xe0": ("xls", "an old Excel/Office file (.xls); save it as .xlsx or CSV"),
    b"PK\x05\x06": ("empty_zip", "an empty ZIP archive"),
    b"7z\xbc\xaf\x27\x1c": ("7z", "a 7-Zip archive"),
    b"Rar!\x1a\x07": ("rar", "a RAR archive"),
    b"\xfd7zXZ\x00": ("xz", "an XZ archive"),
    b"\x28\xb5\x2f\xfd": ("zstd", "a Zstandard archive"),
    b"\x7fELF": ("executable", "a program (ELF executable)"),
    b"MZ": ("executable", "a Windows program"),
    b"\x93NUMPY": ("numpy", "a NumPy array file"),
    b"\x89HDF": ("hdf5", "an HDF5 file"),
    b"SQLite format 3\x00": ("sqlite", "an SQLite database"),
    b"ARROW1": ("arrow", "an Arrow/Feather file"),
}
_PICKLE = re.compile(rb"^\x80[\x02-\x05]")
_BZIP2 = re.compile(rb"^BZh[1-9]1AY&SY")
_RIFF = re.compile(rb"^RIFF....(WEBP|WAVE|AVI )", re.DOTALL)


def unsupported(kind: str, what: str) -> DataError:
    """The rejection of a file that is ``what`` (``kind`` is a stable short name)."""
    return DataError(
        "unsupported_format",
        f"This is not a CSV, Excel (.xlsx) or Parquet file: it looks like {what}.",
        {"detected": kind, "what": what})


def sniff_head(head: bytes) -> FileFormat:
    """The format announced by the first bytes; raises ``unsupported_format`` for the rest.

    A ZIP may still turn out to be an XLSX workbook: see :func:`sniff_zip`.
    """
    for magic, fmt in _ACCEPTED.items():
        if head.startswith(magic):
            return fmt
    for magic, (kind, what) in _REJECTED.items():
        if head.startswith(magic):
            raise unsupported(kind, what)
    if _PICKLE.match(head):
        # Never unpickled: a pickle runs code when it is loaded.
        raise unsupported("pickle", "a Python pickle (which is never loaded: it could run code)")
    if _BZIP2.match(head):
        raise unsupported("bzip2", "a bzip2 archive")
    if match := _RIFF.match(head):
        named = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound", b"AVI ": "an AVI video"}
        raise unsupported(match.group(1).decode().strip().lower(), named[match.group(1)])
    return FileFormat.TEXT


def sniff_zip(stream: BinaryIO) -> tuple[FileFormat, zipfile.ZipInfo | None]:
    """XLSX for a workbook, else ZIP with its single file member; raises for other archives."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise unsupported("bad_zip", "a damaged ZIP archive") from None
    with archive:
        names = set(archive.namelist())
        if "[Content_Types].xml" in names:
            if "xl/workbook.xml" in names:
                return FileFormat.XLSX, None
            if "word/document.xml" in names:
                raise unsupported("docx", "a Word document")
            if "ppt/presentation.xml" in names:
                raise unsupported("pptx", "a PowerPoint presentation")
            raise unsupported("office", "an Office document")
        members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) != 1:
        raise DataError(
            "zip_members",
            f"The ZIP archive holds {len(members)} files; it must hold exactly one CSV file.",
            {"members": len(members)})
    return FileFormat.ZIP, members[0]
