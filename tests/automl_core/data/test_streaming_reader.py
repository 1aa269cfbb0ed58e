"""The streaming CSV reader gives the frame (or the refusal) pandas' full reader gives.

The reference is the reader with its streaming step switched off, so that every file goes
through ``pandas.read_csv`` over the file's bytes, as all files did before the streaming reader.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from automl_core.data import csv_text
from automl_core.data.arrow_csv import BLOCK_BYTES, null_values
from automl_core.data.options import ReadOptions
from automl_core.data.reading import ReadResult, read_table
from automl_core.exceptions import DataError

OPTION_SETS = {
    "detected": ReadOptions(),
    "no_header": ReadOptions(header=False),
    "extra_missing": ReadOptions(missing_values=("-1", "?", "999", "N/A", "unknown")),
    "decimal_comma": ReadOptions(decimal_comma=True),
}


def _csv_files() -> list[Path]:
    from conftest import SHARED_DIR

    manifest = json.loads((SHARED_DIR / "bad-inputs" / "manifest.json").read_text())
    return [*sorted((SHARED_DIR / "datasets").glob("*.csv")),
            *(SHARED_DIR / "bad-inputs" / entry["file"] for entry in manifest["files"]
              if entry["file"].endswith(".csv"))]


def _outcome(read: Callable[[], ReadResult]) -> ReadResult | str:
    try:
        return read()
    except DataError as error:
        return error.code


def _without_streaming(monkeypatch: pytest.MonkeyPatch,
                       read: Callable[[], ReadResult]) -> ReadResult | str:
    with monkeypatch.context() as patched:
        patched.setattr(csv_text, "arrow_frame", lambda *args, **kwargs: None)
        return _outcome(read)


def _assert_same(streamed: ReadResult | str, reference: ReadResult | str) -> None:
    if isinstance(reference, str):
        assert streamed == reference
        return
    assert not isinstance(streamed, str), f"refused with {streamed}, expected a frame"
    pd.testing.assert_frame_equal(streamed.frame, reference.frame, check_exact=True)
    assert (streamed.encoding, streamed.delimiter) == (reference.encoding, reference.delimiter)
    assert [w.code for w in streamed.warnings] == [w.code for w in reference.warnings]


@pytest.mark.parametrize("options", OPTION_SETS.values(), ids=OPTION_SETS.keys())
@pytest.mark.parametrize("path", _csv_files(), ids=lambda path: path.name)
def test_every_shared_csv_reads_as_with_the_full_reader(monkeypatch: pytest.MonkeyPatch,
                                                        path: Path,
                                                        options: ReadOptions) -> None:
    reference = _without_streaming(monkeypatch, lambda: read_table(path, options))
    _assert_same(_outcome(lambda: read_table(path, options)), reference)
    _assert_same(_outcome(lambda: read_table(path.read_bytes(), options)), reference)


def _rows_past_the_first_block(row: str) -> int:
    return BLOCK_BYTES // len(row) + 1000


def test_a_column_that_changes_type_after_the_first_block_is_read_whole(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rows = _rows_past_the_first_block("12345,abc\n")
    path = tmp_path / "late_float.csv"
    path.write_text("amount,code\n" + "12345,abc\n" * rows + "1.5,abc\n,\n")
    calls: list[int] = []
    full_reader = csv_text._parse_with_pandas
    monkeypatch.setattr(csv_text, "_parse_with_pandas",
                        lambda *args: calls.append(1) or full_reader(*args))
    result = read_table(path)
    assert result.frame["amount"].dtype == "float64"
    assert result.frame["amount"].iloc[-2] == 1.5
    assert not calls, "pyarrow's full reader should have read it, not pandas'"
    _assert_same(result, _without_streaming(monkeypatch, lambda: read_table(path)))


def test_a_column_empty_in_the_first_block_keeps_its_later_text(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rows = _rows_past_the_first_block("1,\n")
    path = tmp_path / "late_text.csv"
    path.write_text("n,note\n" + "1,\n" * rows + "2,late\n")
    result = read_table(path)
    assert result.frame["note"].iloc[-1] == "late"
    _assert_same(result, _without_streaming(monkeypatch, lambda: read_table(path)))


def test_a_ragged_row_after_the_first_block_is_named_by_its_line(tmp_path: Path) -> None:
    rows = _rows_past_the_first_block("1,2,3\n")
    path = tmp_path / "late_ragged.csv"
    path.write_text("a,b,c\n" + "1,2,3\n" * rows + "1,2\n")
    with pytest.raises(DataError) as error:
        read_table(path)
    assert error.value.code == "ragged_rows"
    assert error.value.params["lines"] == [rows + 2]


def test_dates_and_all_missing_columns_get_the_full_readers_types(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("day,nothing,flag\n2024-01-31,,true\n,,false\n2024-02-29,,TRUE\n")
    result = read_table(path)
    assert result.frame["day"].dtype.kind == "M"
    assert result.frame["nothing"].dtype == "float64"
    assert result.frame["flag"].dtype == "bool"
    _assert_same(result, _without_streaming(monkeypatch, lambda: read_table(path)))


@pytest.mark.parametrize("missing", [("999",), ("1e3",), ("-1", "n.a.")])
def test_extra_missing_values_match_pandas_including_their_integer_spellings(
        monkeypatch: pytest.MonkeyPatch, missing: tuple[str, ...]) -> None:
    data = b"x,y\n999,999.0\n1000,1000.0\n-1,-1.0\nn.a.,5\n7,8\n"
    options = ReadOptions(missing_values=missing)
    reference = _without_streaming(monkeypatch, lambda: read_table(data, options))
    _assert_same(_outcome(lambda: read_table(data, options)), reference)


def test_the_null_texts_extend_pandas_defaults() -> None:
    texts = null_values(("999", "oops"))
    assert {"", "NA", "null", "NaN", "999", "999.0", "oops"} <= set(texts)
    assert "oops.0" not in texts


def test_a_utf8_bom_file_is_streamed_from_disk_without_its_bom(shared_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    calls: list[int] = []
    full_reader = csv_text._parse_with_pandas
    monkeypatch.setattr(csv_text, "_parse_with_pandas",
                        lambda *args: calls.append(1) or full_reader(*args))
    result = read_table(shared_dir / "bad-inputs" / "utf8_bom.csv")
    assert result.encoding == "utf-8-sig"
    assert result.frame.columns[0] == "나이"
    assert not calls


@pytest.mark.parametrize("delimiter", ["§", "ab"])
def test_a_delimiter_pyarrow_cannot_take_is_left_to_pandas(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, delimiter: str) -> None:
    # pyarrow takes one ASCII character; a user's override can be anything (found by fuzzing
    # the reparse endpoint, which answered 500).
    path = tmp_path / "odd_delimiter.csv"
    path.write_text(f"a{delimiter}b\n1{delimiter}x\n2{delimiter}y\n", encoding="utf-8")
    options = ReadOptions(delimiter=delimiter)
    _assert_same(_outcome(lambda: read_table(path, options)),
                 _without_streaming(monkeypatch, lambda: read_table(path, options)))


def test_text_columns_of_a_many_block_file_are_joined_into_one_piece_each(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rows = 3 * _rows_past_the_first_block("C123456,서울,1.5\n")
    path = tmp_path / "many_blocks.csv"
    path.write_text("id,city,x\n" + "".join(f"C{i},{'서울' if i % 3 else ''},{i / 2}\n"
                                             for i in range(rows)), encoding="utf-8")
    result = read_table(path)
    for name in ("id", "city"):
        assert not isinstance(pa.array(result.frame[name].array), pa.ChunkedArray), name
    assert result.frame["city"].isna().sum() == len(range(0, rows, 3))
    _assert_same(result, _without_streaming(monkeypatch, lambda: read_table(path)))
