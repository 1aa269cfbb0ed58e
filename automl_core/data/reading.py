"""Reading CSV files safely: local path or bytes only, with encoding and delimiter detection.

``read_csv`` never receives a URL: pandas would fetch one, so user strings are never passed to it.
The bytes are decoded here (BOM -> UTF-8 -> CP949 -> UTF-16), re-encoded as UTF-8 and handed to
pandas' pyarrow engine as an in-memory buffer.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from automl_core.exceptions import DataError, DataWarning

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
DEFAULT_MAX_COLUMNS = 2000
SNIFF_CHARS = 64 * 1024
SNIFF_LINES = 50
_BINARY_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "a PNG image", b"PK\x03\x04": "a ZIP archive (or an XLSX workbook)",
    b"\x1f\x8b": "a gzip archive", b"%PDF": "a PDF document", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"\xd0\xcf\x11\xe0": "an old Excel/Office file",
}
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_UNNAMED = re.compile(r"^Unnamed: \d+$")


@dataclass(frozen=True)
class ReadResult:
    """A parsed CSV and what was detected while reading it."""

    frame: pd.DataFrame
    encoding: str
    delimiter: str
    warnings: list[DataWarning] = field(default_factory=list)


def read_csv(
    source: str | Path | bytes,
    encoding: str | None = None,
    delimiter: str | None = None,
    max_columns: int = DEFAULT_MAX_COLUMNS,
) -> ReadResult:
    """Read a CSV from a local path or bytes, detecting encoding and delimiter unless given.

    Raises :class:`DataError` with codes ``empty_file``, ``not_text``, ``bad_encoding``,
    ``bad_delimiter``, ``too_many_columns``, ``no_rows``, ``ragged_rows`` or ``unreadable``.
    """
    data = _load_bytes(source)
    _reject_empty_or_binary(data)
    encoding, text = _decode(data, encoding)
    if not text.strip():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    delimiter = _check_delimiter(delimiter) if delimiter else sniff_delimiter(text)
    header = _header_fields(text, delimiter)
    if len(header) > max_columns:
        raise DataError(
            "too_many_columns",
            f"The file has {len(header)} columns, too many: the limit is {max_columns} columns.",
            {"columns": len(header), "limit": max_columns},
        )
    names, warnings = _clean_names(header)
    frame = _parse(text, delimiter, names)
    if frame.empty and len(frame) == 0:
        raise DataError("no_rows", "The file has a header but no rows of data.",
                        {"columns": len(names)})
    frame, decimal_warnings = _fix_decimal_commas(frame, delimiter)
    if encoding.startswith("utf-16"):
        warnings.append(DataWarning("encoding_utf16", "The file is UTF-16 encoded; it was "
                                    "read as UTF-16 text.", params={"encoding": encoding}))
    return ReadResult(frame, encoding, delimiter, warnings + decimal_warnings)


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter among ``, ; TAB |`` that splits the first lines most consistently."""
    sample = _sample_lines(text)
    best, best_key = ",", (-1.0, -1)
    for candidate in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        try:
            counts = [len(row) for row in reader if row]
        except csv.Error:
            continue
        if not counts:
            continue
        mode, frequency = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        key = (frequency / len(counts), mode)
        if key > best_key:
            best, best_key = candidate, key
    return best


def _load_bytes(source: str | Path | bytes) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+://", source):
        raise DataError("not_a_local_file", "Only local files can be read, not URLs.",
                        {"source": source})
    path = Path(source)
    if not path.is_file():
        raise DataError("file_not_found", f"File not found: {path}", {"path": str(path)})
    return path.read_bytes()


def _reject_empty_or_binary(data: bytes) -> None:
    if not data.strip():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DataError("not_text", f"This is not a CSV text file: it looks like {what}.",
                            {"detected": what})


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        try:
            return encoding, data.decode(encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise DataError("bad_encoding", f"The file cannot be read as {encoding}: {error}.",
                            {"encoding": encoding}) from None
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data.decode("utf-8-sig", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", data.decode("utf-16", errors="replace")
    if b"\x00" not in data[:SNIFF_CHARS]:
        # CP949 before anything else: it is a superset of EUC-KR and what Korean Excel writes.
        for candidate in ("utf-8", "cp949"):
            try:
                return candidate, data.decode(candidate)
            except UnicodeDecodeError:
                continue
    elif _looks_like_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return codec, data.decode(codec, errors="replace")
    raise DataError("not_text", "This is not a CSV text file: it contains binary data that "
                    "is not UTF-8, CP949 or UTF-16 text.")


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    return max(odd_zeros, even_zeros) > 0.4 * (len(sample) / 2) and min(odd_zeros, even_zeros) < 4


def _check_delimiter(delimiter: str) -> str:
    delimiter = "\t" if delimiter in ("\\t", "tab", "TAB") else delimiter
    if len(delimiter) != 1:
        raise DataError("bad_delimiter", f"The delimiter must be one character, got {delimiter!r}.",
                        {"delimiter": delimiter})
    return delimiter


def _sample_lines(text: str) -> str:
    head = text[:SNIFF_CHARS]
    lines = head.splitlines(keepends=True)
    if len(text) > SNIFF_CHARS and len(lines) > 1:
        lines = lines[:-1]  # the last line of a cut sample is probably incomplete
    return "".join(lines[:SNIFF_LINES])


def _header_fields(text: str, delimiter: str) -> list[str]:
    # Read the header alone so an over-wide file fails before any row is parsed.
    head = io.StringIO(text[:SNIFF_CHARS * 16], newline="")
    first = next(csv.reader(head, delimiter=delimiter), [])
    return [name.strip() for name in first]


def _clean_names(header: Sequence[str]) -> tuple[list[str], list[DataWarning]]:
    warnings: list[DataWarning] = []
    blank = [i for i, name in enumerate(header) if not name or _UNNAMED.match(name)]
    names = [f"column_{i + 1}" if i in blank else name for i, name in enumerate(header)]
    if blank:
        generated = tuple(names[i] for i in blank)
        warnings.append(DataWarning(
            "blank_column_names",
            f"{len(blank)} column name(s) were blank and got generated names: "
            f"{', '.join(generated)}.", generated, {"positions": [i + 1 for i in blank]}))
    seen: Counter[str] = Counter()
    renamed: list[str] = []
    for i, name in enumerate(names):
        if seen[name]:
            new = f"{name}.{seen[name]}"
            while new in names or new in renamed:
                seen[name] += 1
                new = f"{name}.{seen[name]}"
            renamed.append(new)
            names[i] = new
        seen[name] += 1
    if renamed:
        warnings.append(DataWarning(
            "duplicate_column_names",
            f"Duplicate column names were renamed: {', '.join(renamed)}. Check that a duplicate "
            "is not a copy of the target.", tuple(renamed)))
    numeric = [n for n in header if _NUMBER.match(n)]
    if header and len(numeric) * 2 >= len(header):
        warnings.append(DataWarning(
            "header_looks_like_data",
            "The first row looks like data, not a header: column names such as "
            f"{', '.join(numeric[:3])} are numbers. Is the header row missing?", tuple(numeric)))
    return names, warnings


def _parse(text: str, delimiter: str, names: list[str]) -> pd.DataFrame:
    buffer = io.BytesIO(text.encode("utf-8"))
    try:
        frame = pd.read_csv(buffer, sep=delimiter, engine="pyarrow", header=0, names=names)
    except Exception as error:  # noqa: BLE001 - pyarrow raises several error types
        if "Expected" in str(error) and "columns" in str(error):
            raise _ragged_error(text, delimiter, len(names)) from None
        frame = _parse_with_c_engine(text, delimiter, names)
    return frame


def _parse_with_c_engine(text: str, delimiter: str, names: list[str]) -> pd.DataFrame:
    try:
        return pd.read_csv(io.StringIO(text), sep=delimiter, header=0, names=names,
                           on_bad_lines="error")
    except pd.errors.ParserError:
        raise _ragged_error(text, delimiter, len(names)) from None
    except (ValueError, pd.errors.EmptyDataError) as error:
        raise DataError("unreadable", f"The file could not be parsed as CSV: {error}.") from None


def _ragged_error(text: str, delimiter: str, expected: int, limit: int = 5) -> DataError:
    bad: list[tuple[int, int]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader, None)
    for row in reader:
        if row and len(row) != expected:
            bad.append((reader.line_num, len(row)))
            if len(bad) >= limit:
                break
    where = ", ".join(f"line {line} has {got}" for line, got in bad) or "some lines differ"
    return DataError(
        "ragged_rows",
        f"Rows have the wrong number of fields (expected {expected} fields, like the header): "
        f"{where}.",
        {"expected": expected, "lines": [line for line, _ in bad]},
    )


def _fix_decimal_commas(frame: pd.DataFrame, delimiter: str) -> tuple[pd.DataFrame,
                                                                      list[DataWarning]]:
    if delimiter == ",":
        return frame, []
    converted: list[str] = []
    for name in frame.columns:
        column = frame[name]
        if not pd.api.types.is_string_dtype(column):
            continue
        values = column.dropna()
        if len(values) and values.str.match(_DECIMAL_COMMA).all():
            frame[name] = pd.to_numeric(column.str.replace(",", ".", regex=False))
            converted.append(str(name))
    if not converted:
        return frame, []
    return frame, [DataWarning(
        "decimal_comma", f"Numbers with a decimal comma were read as numbers in: "
        f"{', '.join(converted)}.", tuple(converted))]
