"""Parsing a large CSV text in parts, one thread per part, into what one streaming read gives.

pyarrow's streaming reader parses on one core. A large text is cut at line breaks into one part
per core (at most :data:`MAX_PARTS`). The first part is opened first; the column types it infers
from its first block, as the single stream would, are given to the other parts, so every row is
converted as the single stream would convert it.

A cut is trusted only when the part before it does not end inside a quoted cell. pyarrow reads
a quote still open at the end of a part as a cell ending with the line break, and no number,
date or missing-value text ends with one (a text is not cut when one of the user's missing-value
texts holds a line break), so such a cut shows as a text cell ending with a line break on the
part's last row: then, and on any error, the parts are dropped and the caller reads the text in
one stream, whose result and errors are the reference.
"""

from __future__ import annotations

import copy
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pyarrow as pa
import pyarrow.csv as pacsv

from automl_core.data.text_source import TextSource

PART_MIN_BYTES = 16 << 20  # below it the threads' start costs more than they save
MAX_PARTS = 4
NEWLINE_SEARCH_BYTES = 1 << 20  # how far past a cut's position its line break is looked for


def table_in_parts(text: TextSource, read_options: pacsv.ReadOptions,
                   parse_options: pacsv.ParseOptions,
                   convert_options: pacsv.ConvertOptions) -> pa.Table | None:
    """The table of ``text`` parsed in parts, or None when it is small, when a cut may lie in a
    quoted cell or when a part fails (then the one-stream read decides)."""
    ranges = part_ranges(text, _cores())
    if len(ranges) < 2 or any(_has_line_break(value) for value in convert_options.null_values):
        return None  # a missing-value text with a line break could hide a cut inside a cell
    try:
        with ExitStack() as streams:
            first = pacsv.open_csv(streams.enter_context(text.arrow_range(*ranges[0])),
                                   read_options, parse_options, convert_options)
            later_read, later_convert = _later_options(read_options, convert_options,
                                                       first.schema)
            readers = [first, *(
                pacsv.open_csv(streams.enter_context(text.arrow_range(*where)), later_read,
                               parse_options, later_convert) for where in ranges[1:])]
            with ThreadPoolExecutor(len(readers)) as pool:
                tables = list(pool.map(pacsv.CSVStreamingReader.read_all, readers))
        if any(_may_end_inside_quotes(table) for table in tables[:-1]):
            return None
        return pa.concat_tables(tables)
    except pa.ArrowException:
        return None


def part_ranges(text: TextSource, cores: int) -> list[tuple[int, int]]:
    """Byte ranges (from, to) covering the text, each starting after a line break; one range
    when the text is too small to share among ``cores`` or a cut finds no line break."""
    size = text.size()
    count = min(cores, MAX_PARTS, size // PART_MIN_BYTES)
    starts = [0]
    for index in range(1, count):
        position = size * index // count
        newline = text.read_at(position, NEWLINE_SEARCH_BYTES).find(b"\n")
        if newline < 0:
            return [(0, size)]
        starts.append(position + newline + 1)
    return list(zip(starts, [*starts[1:], size], strict=True))


def _later_options(read_options: pacsv.ReadOptions, convert_options: pacsv.ConvertOptions,
                   schema: pa.Schema) -> tuple[pacsv.ReadOptions, pacsv.ConvertOptions]:
    """The options of the parts after the first: the same, but with no header line to skip and
    the first part's column types."""
    later_read = copy.copy(read_options)
    later_read.skip_rows_after_names = 0
    later_read.skip_rows = 0
    later_convert = copy.copy(convert_options)
    later_convert.column_types = {field.name: field.type for field in schema}
    return later_read, later_convert


def _may_end_inside_quotes(table: pa.Table) -> bool:
    """Whether a text cell of the last row ends with a line break (or the part has no row)."""
    if table.num_rows == 0:
        return True
    last = table.slice(table.num_rows - 1)
    for column in last.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            value = column[0].as_py()
            if value is not None and value.endswith(("\n", "\r")):
                return True
    return False


def _has_line_break(text: str) -> bool:
    return "\n" in text or "\r" in text


def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
