"""A large CSV text parsed in parts, one thread each, gives what one stream gives, or is left
to the one stream when a cut may lie inside a quoted cell."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from automl_core.data import arrow_csv, arrow_parts, csv_text
from automl_core.data.reading import read_table
from automl_core.data.text_source import TextSource
from automl_core.exceptions import DataError

PART_BYTES = 64 * 1024


@pytest.fixture(autouse=True)
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parts of 64 KiB on 3 cores, so that files of a few hundred KiB are cut."""
    monkeypatch.setattr(arrow_parts, "PART_MIN_BYTES", PART_BYTES)
    monkeypatch.setattr(arrow_parts, "_cores", lambda: 3)
    monkeypatch.setattr(arrow_csv, "BLOCK_BYTES", 16 * 1024)


def _one_stream(monkeypatch: pytest.MonkeyPatch, path: Path) -> pd.DataFrame:
    with monkeypatch.context() as patched:
        patched.setattr(arrow_parts, "_cores", lambda: 1)
        return read_table(path).frame


def _table_in_parts(path: Path) -> object:
    options = (arrow_csv._read_options(True), arrow_csv._parse_options(","),
               arrow_csv._convert_options(()))
    return arrow_parts.table_in_parts(TextSource(path), *options)


def _mixed_rows(count: int) -> str:
    cities = ["서울", "", "Busan", "NA", "Jeju, South"]
    days = [""] + [f"2024-01-{day:02d}" for day in range(1, 29)]
    flags = ["false", "true"]
    return "".join(f'{i},{i * 0.25},"{cities[i % 5]}",{days[i % 29]},{flags[i % 2]}\n'
                   for i in range(count))


def test_a_cut_file_reads_as_one_stream_and_as_pandas(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("id,x,city,day,flag\n" + _mixed_rows(12_000), encoding="utf-8")
    assert len(arrow_parts.part_ranges(TextSource(path), 3)) == 3
    assert _table_in_parts(path) is not None, "the file should have been read in parts"
    frame = read_table(path).frame
    pd.testing.assert_frame_equal(frame, _one_stream(monkeypatch, path), check_exact=True)
    with monkeypatch.context() as patched:
        patched.setattr(csv_text, "arrow_frame", lambda *args, **kwargs: None)
        pd.testing.assert_frame_equal(frame, read_table(path).frame, check_exact=True)
    assert frame["id"].tolist() == list(range(12_000))


def _inside_quotes(text: str, position: int) -> bool:
    return text.encode()[:position].count(b'"') % 2 == 1


def test_a_cut_inside_a_quoted_cell_with_line_breaks_is_left_to_one_stream(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = "id,note,x\n" + "".join(f'{i},"line one {i}\nline two, {i}",{i / 2}\n'
                                   for i in range(8_000))
    path = tmp_path / "multiline.csv"
    path.write_text(text, encoding="utf-8")
    cuts = [start for start, _ in arrow_parts.part_ranges(TextSource(path), 3)[1:]]
    assert any(_inside_quotes(text, cut) for cut in cuts), "the test needs a cut in a cell"
    assert _table_in_parts(path) is None
    frame = read_table(path).frame
    assert frame["note"].iloc[4321] == "line one 4321\nline two, 4321"
    pd.testing.assert_frame_equal(frame, _one_stream(monkeypatch, path), check_exact=True)


def test_a_cut_between_quoted_cells_with_line_breaks_is_trusted(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    plain = "".join(f"{i},plain,{i / 2}\n" for i in range(10_000))
    text = f'id,note,x\n-1,"two\nlines",0.5\n{plain}-2,"two\nmore",1.5\n'
    path = tmp_path / "quoted_ends.csv"
    path.write_text(text, encoding="utf-8")
    assert _table_in_parts(path) is not None
    frame = read_table(path).frame
    assert frame["note"].iloc[[0, -1]].tolist() == ["two\nlines", "two\nmore"]
    pd.testing.assert_frame_equal(frame, _one_stream(monkeypatch, path), check_exact=True)


def test_a_type_that_changes_in_a_later_part_reads_as_one_stream(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "late_float.csv"
    path.write_text("amount,code\n" + "12345,abc\n" * 30_000 + "1.5,abc\n", encoding="utf-8")
    assert _table_in_parts(path) is None
    frame = read_table(path).frame
    assert frame["amount"].dtype == "float64" and frame["amount"].iloc[-1] == 1.5
    pd.testing.assert_frame_equal(frame, _one_stream(monkeypatch, path), check_exact=True)


def test_a_ragged_row_in_a_later_part_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "late_ragged.csv"
    path.write_text("a,b,c\n" + "1,2,3\n" * 40_000 + "1,2\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_table(path)
    assert error.value.code == "ragged_rows"
    assert error.value.params["lines"] == [40_002]


def test_a_text_without_line_breaks_near_a_cut_is_one_range(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arrow_parts, "NEWLINE_SEARCH_BYTES", 1024)
    source = TextSource(b"a,b\n" + b"x" * (3 * PART_BYTES) + b"\n")
    assert arrow_parts.part_ranges(source, 3) == [(0, source.size())]


def test_a_missing_value_text_with_a_line_break_keeps_the_text_in_one_stream(
        tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("id,x,city,day,flag\n" + _mixed_rows(12_000), encoding="utf-8")
    options = (arrow_csv._read_options(True), arrow_csv._parse_options(","),
               arrow_csv._convert_options(("n/a\n",)))
    assert arrow_parts.table_in_parts(TextSource(path), *options) is None


def _large_shared_csvs() -> list[Path]:
    from conftest import SHARED_DIR

    return [path for path in sorted((SHARED_DIR / "datasets").glob("*.csv"))
            if path.stat().st_size >= 3 * PART_BYTES]


@pytest.mark.parametrize("path", _large_shared_csvs(), ids=lambda path: path.name)
def test_every_large_shared_csv_reads_in_parts_as_in_one_stream(
        monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    in_parts: list[bool] = []
    real = arrow_parts.table_in_parts
    monkeypatch.setattr(arrow_csv, "table_in_parts",
                        lambda *args: in_parts.append((table := real(*args)) is not None)
                        or table)
    frame = read_table(path).frame
    # bank_marketing has a text of '#' in a number column past the first block: one stream
    # fails on it too, and pyarrow's full reader reads the file.
    assert in_parts == [path.name != "bank_marketing.csv"]
    pd.testing.assert_frame_equal(frame, _one_stream(monkeypatch, path), check_exact=True)
