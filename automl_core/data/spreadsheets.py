"""Reading XLSX workbooks (openpyxl, read-only and streaming) and Parquet files (pyarrow)."""

from __future__ import annotations

import zipfile
from typing import Any, BinaryIO

import pandas as pd

from automl_core.data.naming import clean_names, generated_names
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.exceptions import DataError, DataWarning


def read_xlsx(stream: BinaryIO, options: ReadOptions,
              limits: ReadLimits) -> tuple[pd.DataFrame, str, list[DataWarning]]:
    """The chosen (or first) sheet as a frame, its name, and warnings."""
    import openpyxl  # imported here: only workbooks need it

    _check_unpacked_size(stream, limits)
    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many types for a bad workbook
        raise DataError("unreadable", f"The Excel workbook cannot be read: {error}.") from None
    try:
        sheet_name = options.sheet or workbook.sheetnames[0]
        if sheet_name not in workbook.sheetnames:
            raise DataError(
                "unknown_sheet", f"The workbook has no sheet named '{sheet_name}'; its sheets "
                f"are: {', '.join(workbook.sheetnames)}.",
                {"sheet": sheet_name, "sheets": list(workbook.sheetnames)})
        rows = _sheet_rows(workbook[sheet_name], options, limits)
        others = [name for name in workbook.sheetnames if name != sheet_name]
    finally:
        workbook.close()
    frame, warnings = _frame_from_rows(rows, options)
    if others and not options.sheet:
        warnings.append(DataWarning(
            "other_sheets", f"The first sheet '{sheet_name}' was read; the workbook also has: "
            f"{', '.join(others)}. Choose a sheet to read another one.", (),
            {"sheet": sheet_name, "sheets": others}))
    return frame, sheet_name, warnings


def read_parquet(stream: BinaryIO, limits: ReadLimits) -> tuple[pd.DataFrame, list[DataWarning]]:
    """A Parquet file as a frame; its size is checked from the metadata before any data."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError) as error:
        raise DataError("unreadable", f"The Parquet file cannot be read: {error}.") from None
    limits.check_columns(parquet.metadata.num_columns)
    limits.check_rows(parquet.metadata.num_rows)
    try:
        frame = parquet.read().to_pandas()
    except (pa.ArrowException, OSError, ValueError) as error:
        raise DataError("unreadable", f"The Parquet file cannot be read: {error}.") from None
    if len(frame) == 0:
        raise DataError("no_rows", "The file has a header but no rows of data.",
                        {"columns": len(frame.columns)})
    names, warnings = clean_names([str(name) for name in frame.columns])
    frame.columns = names
    return frame.reset_index(drop=True), warnings


def _check_unpacked_size(stream: BinaryIO, limits: ReadLimits) -> None:
    # zipfile never yields more than a member's declared size, so the declared sizes bound it.
    with zipfile.ZipFile(stream) as archive:
        total = sum(info.file_size for info in archive.infolist())
    stream.seek(0)
    if total > limits.max_decompressed_bytes:
        megabytes = max(1, limits.max_decompressed_bytes >> 20)
        raise DataError(
            "decompressed_too_large",
            f"The Excel workbook unpacks to more than {megabytes} MB, the limit for compressed "
            "files.", {"limit_mb": megabytes, "archive": "Excel workbook"})


def _sheet_rows(sheet: Any, options: ReadOptions, limits: ReadLimits) -> list[list[Any]]:
    rows: list[list[Any]] = []
    width: int | None = None
    allowed_rows = limits.max_rows + (1 if options.header else 0)
    for values in sheet.iter_rows(values_only=True):
        row = list(values)
        if width is None:
            while row and row[-1] is None:
                row.pop()  # trailing empty cells are formatting, not columns
            if not row:
                continue  # leading empty rows
            width = len(row)
            limits.check_columns(width)
        row = (row + [None] * width)[:width]
        if all(value is None for value in row):
            continue
        for value in row:
            if isinstance(value, str) and len(value) > limits.max_field_chars:
                raise limits.field_too_long()
        rows.append(row)
        if len(rows) > allowed_rows:
            limits.check_rows(len(rows) - (1 if options.header else 0))
    if not rows:
        raise DataError("empty_file", "The file is empty: it has no header and no rows.")
    return rows


def _frame_from_rows(rows: list[list[Any]],
                     options: ReadOptions) -> tuple[pd.DataFrame, list[DataWarning]]:
    if options.header:
        names, warnings = clean_names(["" if v is None else str(v) for v in rows[0]])
        body = rows[1:]
    else:
        names, warnings, body = generated_names(len(rows[0])), [], rows
    if not body:
        raise DataError("no_rows", "The file has a header but no rows of data.",
                        {"columns": len(names)})
    frame = pd.DataFrame(body, columns=names)
    if options.missing_values:
        frame = frame.replace(list(options.missing_values), None)
    # Mixed cells (numbers and text) become text, as a CSV of the same sheet would be read.
    for name in frame.columns:
        if frame[name].dtype == object:
            frame[name] = frame[name].infer_objects()
            if frame[name].dtype == object:
                frame[name] = frame[name].map(lambda v: v if v is None else str(v)).astype("str")
    return frame, warnings
