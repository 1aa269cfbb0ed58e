"""Reading a table safely from a local path or bytes: CSV/TSV (plain, gzip, ZIP), XLSX, Parquet.

The format is sniffed from the content, never from the name. No reader receives a URL or a
user string as a path: a local file (or an archive's member, unpacked to a temporary file) is
opened here and CSV text is parsed from it in blocks, never read whole into memory.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from automl_core.data.archives import gunzip_to_temp, unzip_member_to_temp
from automl_core.data.csv_text import DELIMITERS, parse_csv, sniff_delimiter
from automl_core.data.options import DEFAULT_MAX_COLUMNS, ReadLimits, ReadOptions
from automl_core.data.sniffing import HEAD_BYTES, FileFormat, sniff_head, sniff_zip
from automl_core.data.spreadsheets import read_parquet, read_xlsx
from automl_core.data.text_source import TextSource
from automl_core.data.text_values import parse_number_text
from automl_core.exceptions import DataError, DataWarning

__all__ = ["DELIMITERS", "ReadResult", "read_csv", "read_table", "sniff_delimiter"]

Source = str | Path | bytes


@dataclass(frozen=True)
class ReadResult:
    """A parsed table and what was detected while reading it.

    ``format`` is ``csv``, ``gzip``, ``zip``, ``xlsx`` or ``parquet``; ``encoding`` and
    ``delimiter`` are empty for workbooks and Parquet; ``sheet`` is the sheet read from a workbook.
    """

    frame: pd.DataFrame
    encoding: str
    delimiter: str
    warnings: list[DataWarning] = field(default_factory=list)
    format: str = FileFormat.TEXT.value
    sheet: str = ""


def read_table(source: Source, options: ReadOptions | None = None,
               limits: ReadLimits | None = None) -> ReadResult:
    """Read a table from a local path or bytes, detecting the format, encoding and delimiter.

    Raises :class:`DataError`: ``unsupported_format`` (params ``detected``), ``zip_members``,
    ``decompressed_too_large``, ``bad_archive``, ``unknown_sheet``, ``too_many_rows``,
    ``field_too_long``, ``unknown_column`` (a ``parse_numbers`` column is not in the table) and
    the CSV codes of :func:`read_csv`.
    """
    options = options or ReadOptions()
    result = _read(source, options, limits or ReadLimits())
    if options.parse_numbers:
        result = replace(result, frame=parse_number_text(result.frame, options.parse_numbers))
    if not options.drop_duplicates:
        return result
    return replace(result, frame=result.frame.drop_duplicates(ignore_index=True))


def _read(source: Source, options: ReadOptions, limits: ReadLimits) -> ReadResult:
    with _open(source) as (stream, content):
        head = stream.read(HEAD_BYTES)
        if not head.strip():
            raise DataError("empty_file", "The file is empty: it has no header and no rows.")
        stream.seek(0)
        fmt = sniff_head(head)
        if fmt is FileFormat.GZIP:
            with gunzip_to_temp(stream, limits.max_decompressed_bytes) as unpacked:
                return _read_unpacked(unpacked, fmt, options, limits)
        if fmt is FileFormat.ZIP:
            fmt, member = sniff_zip(stream)
            stream.seek(0)
            if member is not None:
                with unzip_member_to_temp(stream, member, limits.max_decompressed_bytes) as un:
                    return _read_unpacked(un, fmt, options, limits)
        if fmt is FileFormat.XLSX:
            frame, sheet, warnings = read_xlsx(stream, options, limits)
            return ReadResult(frame, "", "", warnings, fmt.value, sheet)
        if fmt is FileFormat.PARQUET:
            frame, warnings = read_parquet(stream, limits)
            return ReadResult(frame, "", "", warnings, fmt.value)
        _check_size(stream, limits)
        parsed = parse_csv(TextSource(content), options, limits)
    return ReadResult(parsed.frame, parsed.encoding, parsed.delimiter, parsed.warnings)


def read_csv(
    source: Source,
    encoding: str | None = None,
    delimiter: str | None = None,
    max_columns: int = DEFAULT_MAX_COLUMNS,
    *,
    decimal_comma: bool | None = None,
    header: bool = True,
    missing_values: tuple[str, ...] = (),
) -> ReadResult:
    """Read a CSV (plain, gzip or ZIP) from a local path or bytes; see :func:`read_table`.

    Raises :class:`DataError` with codes ``empty_file``, ``not_text``, ``bad_encoding``,
    ``bad_delimiter``, ``too_many_columns``, ``no_rows``, ``ragged_rows`` or ``unreadable``.
    """
    options = ReadOptions(encoding=encoding, delimiter=delimiter, decimal_comma=decimal_comma,
                          header=header, missing_values=tuple(missing_values))
    return read_table(source, options, ReadLimits(max_columns=max_columns))


def _read_unpacked(path: Path, container: FileFormat, options: ReadOptions,
                   limits: ReadLimits) -> ReadResult:
    """An archive's content must itself be CSV text (a workbook or image inside is refused)."""
    with path.open("rb") as inner:
        inner_format = sniff_head(inner.read(HEAD_BYTES))
        if inner_format is not FileFormat.TEXT:
            raise DataError(
                "unsupported_format", f"The {container.value} archive does not contain a CSV "
                f"file: it holds a {inner_format.value} file.",
                {"detected": f"{container.value}:{inner_format.value}"})
    parsed = parse_csv(TextSource(path), options, limits)
    return ReadResult(parsed.frame, parsed.encoding, parsed.delimiter, parsed.warnings,
                      container.value)


def _check_size(stream: BinaryIO, limits: ReadLimits) -> None:
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    if size > limits.max_decompressed_bytes:
        megabytes = max(1, limits.max_decompressed_bytes >> 20)
        raise DataError("file_too_large", f"The file is larger than {megabytes} MB, the limit "
                        "for a table.", {"limit_mb": megabytes})


@contextmanager
def _open(source: Source) -> Iterator[tuple[BinaryIO, Path | bytes]]:
    """A binary stream over the source, and the source as a local path or bytes."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        yield io.BytesIO(data), data
        return
    if isinstance(source, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+://", source):
        raise DataError("not_a_local_file", "Only local files can be read, not URLs.",
                        {"source": source})
    path = Path(source)
    if not path.is_file():
        raise DataError("file_not_found", f"File not found: {path}", {"path": str(path)})
    with path.open("rb") as stream:
        yield stream, path
