"""Parsing CSV text: encoding and delimiter detection, header cleaning, field and row limits.

The bytes are decoded here (BOM -> UTF-8 -> CP949 -> UTF-16). UTF-8 input is validated in chunks
and handed to pandas' pyarrow engine as it is; other encodings are re-encoded as UTF-8 first.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from automl_core.data.naming import clean_names, generated_names
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.exceptions import DataError, DataWarning

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024
SNIFF_LINES = 50
_CHUNK = 4 << 20
_DECIMAL_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


@dataclass(frozen=True)
class ParsedText:
    """A frame parsed from CSV text, with what was detected."""

    frame: pd.DataFrame
    encoding: str
    delimiter: str
    warnings: list[DataWarning]


def parse_csv_bytes(data: bytes, options: ReadOptions, limits: ReadLimits) -> ParsedText:
    """Parse CSV bytes; raises :class:`DataError` with a stable code for every bad input."""
    if not data.strip():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    encoding, payload = _decode(data, options.encoding)
    del data  # the UTF-8 payload is all that is needed from here on
    sample = _text_sample(payload)
    if not sample.strip():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    delimiter = _check_delimiter(options.delimiter) if options.delimiter else \
        sniff_delimiter(sample)
    header = _header_fields(sample, delimiter)
    limits.check_columns(len(header))
    _check_field_lengths(payload, delimiter, limits)
    if options.header:
        names, warnings = clean_names(header)
    else:
        names, warnings = generated_names(len(header)), []
    frame = _dates_as_datetimes(_parse(payload, delimiter, names, options))
    if len(frame) == 0:
        raise DataError("no_rows", "The file has a header but no rows of data.",
                        {"columns": len(names)})
    limits.check_rows(len(frame))
    _check_cell_lengths(frame, limits)
    frame, decimal_warnings = _fix_decimal_commas(frame, delimiter, options.decimal_comma)
    if encoding.startswith("utf-16"):
        warnings.append(DataWarning("encoding_utf16", "The file is UTF-16 encoded; it was "
                                    "read as UTF-16 text.", params={"encoding": encoding}))
    return ParsedText(frame, encoding, delimiter, warnings + decimal_warnings)


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


def _decode(data: bytes, encoding: str | None) -> tuple[str, bytes]:
    """The encoding and the content as UTF-8 bytes without a BOM."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise DataError("bad_encoding", f"Unknown encoding {encoding!r}.",
                            {"encoding": encoding}) from None
        if codec == "utf-8" and _is_utf8(data):
            return encoding, data.removeprefix(codecs.BOM_UTF8)
        try:
            return encoding, data.decode(codec).encode("utf-8").removeprefix(codecs.BOM_UTF8)
        except UnicodeDecodeError as error:
            raise DataError("bad_encoding", f"The file cannot be read as {encoding}: {error}.",
                            {"encoding": encoding}) from None
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", _utf8_or_replaced(data[3:])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", data.decode("utf-16", errors="replace").encode("utf-8")
    if b"\x00" not in data[:SNIFF_CHARS]:
        if _is_utf8(data):
            return "utf-8", data
        # CP949 before anything else: it is a superset of EUC-KR and what Korean Excel writes.
        try:
            return "cp949", data.decode("cp949").encode("utf-8")
        except UnicodeDecodeError:
            pass
    elif _looks_like_utf16(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return codec, data.decode(codec, errors="replace").encode("utf-8")
    raise DataError("not_text", "This is not a CSV text file: it contains binary data that "
                    "is not UTF-8, CP949 or UTF-16 text.")


def _is_utf8(data: bytes) -> bool:
    """Validate in chunks, so that no decoded copy of a large file is kept."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(view), _CHUNK):
            decoder.decode(view[start:start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8_or_replaced(data: bytes) -> bytes:
    return data if _is_utf8(data) else data.decode("utf-8", errors="replace").encode("utf-8")


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    return max(odd_zeros, even_zeros) > 0.4 * (len(sample) / 2) and min(odd_zeros, even_zeros) < 4


def _text_sample(payload: bytes) -> str:
    # Enough for a 2,000-column header; cut characters at the end are dropped, not replaced.
    return codecs.getincrementaldecoder("utf-8")(errors="replace").decode(
        payload[:SNIFF_CHARS * 16])


def _check_delimiter(delimiter: str) -> str:
    delimiter = "\t" if delimiter in ("\\t", "tab", "TAB") else delimiter
    if len(delimiter) != 1 or delimiter in "\r\n\"":
        raise DataError("bad_delimiter", f"The delimiter must be one character, got {delimiter!r}.",
                        {"delimiter": delimiter})
    return delimiter


def _sample_lines(text: str) -> str:
    head = text[:SNIFF_CHARS]
    lines = head.splitlines(keepends=True)
    if len(text) > SNIFF_CHARS and len(lines) > 1:
        lines = lines[:-1]  # the last line of a cut sample is probably incomplete
    return "".join(lines[:SNIFF_LINES])


def _header_fields(sample: str, delimiter: str) -> list[str]:
    # Read the header alone so an over-wide file fails before any row is parsed.
    first = next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
    return [name.strip() for name in first]


def _check_field_lengths(payload: bytes, delimiter: str, limits: ReadLimits) -> None:
    """Reject a run without a delimiter or line break that holds more characters than a cell may.

    Such a run lies inside one cell, so this never rejects a good file. It is cheap: the regular
    expression only runs on chunks with a line longer than the limit, and a run is measured in
    characters (a Korean character is three UTF-8 bytes) only when it is long in bytes.
    """
    limit = limits.max_field_chars
    run = re.compile(b"[^" + re.escape(delimiter.encode()) + b"\r\n]{" + str(limit + 1).encode()
                     + b",}")
    previous = b""
    for start in range(0, len(payload), _CHUNK):
        window = previous + payload[start:start + _CHUNK]
        if max(map(len, window.split(b"\n"))) > limit:
            for found in run.finditer(window):
                if len(found.group().decode("utf-8", errors="ignore")) > limit:
                    raise limits.field_too_long()
        previous = window[-(limit + 1):]


def _check_cell_lengths(frame: pd.DataFrame, limits: ReadLimits) -> None:
    """Quoted cells may hold delimiters and line breaks: measure the parsed text too."""
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_string_dtype(column) and len(column):
            longest = column.str.len().max()
            if pd.notna(longest) and longest > limits.max_field_chars:
                raise limits.field_too_long(str(name))


def _parse(payload: bytes, delimiter: str, names: list[str],
           options: ReadOptions) -> pd.DataFrame:
    header = 0 if options.header else None
    missing = list(options.missing_values)
    try:
        return pd.read_csv(io.BytesIO(payload), sep=delimiter, engine="pyarrow", header=header,
                           names=names, na_values=missing or None)
    except Exception as error:  # noqa: BLE001 - pyarrow raises several error types
        if "Expected" in str(error) and "columns" in str(error):
            raise _ragged_error(payload, delimiter, len(names), options.header) from None
    try:
        return pd.read_csv(io.BytesIO(payload), sep=delimiter, header=header, names=names,
                           encoding="utf-8", on_bad_lines="error", na_values=missing or None)
    except pd.errors.ParserError:
        raise _ragged_error(payload, delimiter, len(names), options.header) from None
    except (ValueError, pd.errors.EmptyDataError) as error:
        raise DataError("unreadable", f"The file could not be parsed as CSV: {error}.") from None


def _dates_as_datetimes(frame: pd.DataFrame) -> pd.DataFrame:
    """pyarrow reads ISO dates as Python ``date`` objects; datetime64 is typed and much faster."""
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object:
            first = column.first_valid_index()
            if first is not None and isinstance(column[first], dt.date):
                frame[name] = pd.to_datetime(column, errors="coerce")
    return frame


def _ragged_error(payload: bytes, delimiter: str, expected: int, header: bool,
                  limit: int = 5) -> DataError:
    bad: list[tuple[int, int]] = []
    text = io.TextIOWrapper(io.BytesIO(payload), encoding="utf-8", errors="replace", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    if header:
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


def _fix_decimal_commas(frame: pd.DataFrame, delimiter: str,
                        mode: bool | None) -> tuple[pd.DataFrame, list[DataWarning]]:
    """Read ``1,5`` and ``1.234,5`` as numbers (auto: only when commas do not split fields)."""
    if mode is False or (mode is None and delimiter == ","):
        return frame, []
    converted: list[str] = []
    for name in frame.columns:
        column = frame[name]
        if not pd.api.types.is_string_dtype(column):
            continue
        values = column.dropna()
        if (len(values) and values.str.contains(",", regex=False).any()
                and values.str.match(_DECIMAL_COMMA).all()):
            plain = column.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
            frame[name] = pd.to_numeric(plain)
            converted.append(str(name))
    if not converted:
        return frame, []
    return frame, [DataWarning(
        "decimal_comma", f"Numbers with a decimal comma were read as numbers in: "
        f"{', '.join(converted)}.", tuple(converted))]

