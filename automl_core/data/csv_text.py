"""Parsing CSV text: encoding and delimiter detection, header cleaning, field and row limits.

The text is read where it lies (a file stays on disk) and in chunks: the encoding is detected
(:mod:`automl_core.data.text_encoding`), the field lengths are checked over the raw text, and
pyarrow's streaming reader parses it (:mod:`automl_core.data.arrow_csv`). pandas' own reader is
the fallback for what pyarrow cannot read the way pandas does.
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

from automl_core.data.arrow_csv import RowWidthError, arrow_frame
from automl_core.data.naming import clean_names, generated_names
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.data.text_encoding import utf8_text
from automl_core.data.text_source import TextSource
from automl_core.exceptions import DataError, DataWarning

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
SNIFF_CHARS = 64 * 1024
SNIFF_LINES = 50
_DECIMAL_COMMA = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


@dataclass(frozen=True)
class ParsedText:
    """A frame parsed from CSV text, with what was detected."""

    frame: pd.DataFrame
    encoding: str
    delimiter: str
    warnings: list[DataWarning]


def parse_csv(raw: TextSource, options: ReadOptions, limits: ReadLimits) -> ParsedText:
    """Parse CSV text from a file or bytes; raises :class:`DataError` with a stable code for
    every bad input."""
    if raw.is_blank():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    encoding, text = utf8_text(raw, options.encoding)
    sample = _text_sample(text)
    if not sample.strip():
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    delimiter = _check_delimiter(options.delimiter) if options.delimiter else \
        sniff_delimiter(sample)
    header = _header_fields(sample, delimiter)
    limits.check_columns(len(header))
    _check_field_lengths(text, delimiter, limits)
    if options.header:
        names, warnings = clean_names(header)
    else:
        names, warnings = generated_names(len(header)), []
    frame = _dates_as_datetimes(_parse(text, delimiter, names, options))
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


def _text_sample(text: TextSource) -> str:
    # Enough for a 2,000-column header; cut characters at the end are dropped, not replaced.
    return codecs.getincrementaldecoder("utf-8")(errors="replace").decode(
        text.head(SNIFF_CHARS * 16))


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


def _check_field_lengths(text: TextSource, delimiter: str, limits: ReadLimits) -> None:
    """Reject a run without a delimiter or line break that holds more characters than a cell may.

    Such a run lies inside one cell, so this never rejects a good file. It is cheap: the text is
    read in chunks, the regular expression only runs on chunks that may hold a line longer than
    the limit, and a run is measured in characters (a Korean character is three UTF-8 bytes)
    only when it is long in bytes.
    """
    limit = limits.max_field_chars
    run = re.compile(b"[^" + re.escape(delimiter.encode()) + b"\r\n]{" + str(limit + 1).encode()
                     + b",}")
    previous = b""
    for chunk in text.chunks():
        window = previous + chunk
        if may_hold_a_long_line(window, limit):
            for found in run.finditer(window):
                if len(found.group().decode("utf-8", errors="ignore")) > limit:
                    raise limits.field_too_long()
        previous = window[-(limit + 1):]


def may_hold_a_long_line(data: bytes, limit: int) -> bool:
    """Whether ``data`` may hold a line of more than ``limit`` bytes.

    False only when every full stretch of ``limit // 2`` bytes holds a line break: two
    consecutive breaks then lie less than ``limit`` bytes apart, and so do the ends and their
    nearest breaks. One ``bytes.find`` per stretch, each stopping at its first line break.
    """
    step = limit // 2
    if step == 0:
        return True
    return any(data.find(b"\n", start, start + step) < 0
               for start in range(0, len(data) - step + 1, step))


def _check_cell_lengths(frame: pd.DataFrame, limits: ReadLimits) -> None:
    """Quoted cells may hold delimiters and line breaks: measure the parsed text too."""
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_string_dtype(column) and len(column):
            longest = column.str.len().max()
            if pd.notna(longest) and longest > limits.max_field_chars:
                raise limits.field_too_long(str(name))


def _parse(text: TextSource, delimiter: str, names: list[str],
           options: ReadOptions) -> pd.DataFrame:
    try:
        frame = arrow_frame(text, delimiter, names, options.header, options.missing_values)
    except RowWidthError:
        raise _ragged_error(text, delimiter, len(names), options.header) from None
    return frame if frame is not None else _parse_with_pandas(text, delimiter, names, options)


def _parse_with_pandas(text: TextSource, delimiter: str, names: list[str],
                       options: ReadOptions) -> pd.DataFrame:
    """pandas' readers, for what pyarrow cannot read as pandas would (the file is held whole)."""
    payload = text.read_all()
    header = 0 if options.header else None
    missing = list(options.missing_values)
    try:
        return pd.read_csv(io.BytesIO(payload), sep=delimiter, engine="pyarrow", header=header,
                           names=names, na_values=missing or None)
    except Exception as error:  # noqa: BLE001 - pyarrow raises several error types
        if "Expected" in str(error) and "columns" in str(error):
            raise _ragged_error(text, delimiter, len(names), options.header) from None
    try:
        return pd.read_csv(io.BytesIO(payload), sep=delimiter, header=header, names=names,
                           encoding="utf-8", on_bad_lines="error", na_values=missing or None)
    except pd.errors.ParserError:
        raise _ragged_error(text, delimiter, len(names), options.header) from None
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


def _ragged_error(text: TextSource, delimiter: str, expected: int, header: bool,
                  limit: int = 5) -> DataError:
    bad: list[tuple[int, int]] = []
    with text.binary() as stream:
        lines = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
        reader = csv.reader(lines, delimiter=delimiter)
        if header:
            next(reader, None)
        for row in reader:
            if row and len(row) != expected:
                bad.append((reader.line_num, len(row)))
                if len(bad) >= limit:
                    break
        lines.detach()
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

