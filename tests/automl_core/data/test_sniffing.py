"""The format is read from the content: what can be read is, the rest is named and refused."""

import gzip
import io
import pickle
import zipfile

import openpyxl
import pandas as pd
import pytest

from automl_core.data.options import ReadOptions
from automl_core.data.reading import read_table
from automl_core.exceptions import DataError

CSV = b"age,city,churn\n31,Seoul,yes\n45,Busan,no\n27,Incheon,yes\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _workbook(sheets: dict[str, list[list[object]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rejection(data: bytes) -> DataError:
    with pytest.raises(DataError) as error:
        read_table(data)
    return error.value


def test_it_reads_a_gzip_compressed_csv() -> None:
    result = read_table(gzip.compress(CSV))
    assert result.format == "gzip" and result.frame.shape == (3, 3)
    assert result.frame["city"].tolist() == ["Seoul", "Busan", "Incheon"]


def test_it_reads_the_single_csv_of_a_zip_and_ignores_its_path() -> None:
    result = read_table(_zip({"../../etc/evil/data.csv": CSV}))
    assert result.format == "zip" and list(result.frame.columns) == ["age", "city", "churn"]


def test_a_zip_with_two_files_is_refused_with_the_count() -> None:
    error = _rejection(_zip({"a.csv": CSV, "b.csv": CSV}))
    assert error.code == "zip_members" and "2 files" in error.message


def test_a_zip_holding_an_image_is_refused_naming_it() -> None:
    error = _rejection(_zip({"data.csv": b"\x89PNG\r\n\x1a\n" + bytes(200)}))
    assert error.code == "unsupported_format" and "png" in error.message.lower()


@pytest.mark.parametrize(("data", "named"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG image"),
    (b"%PDF-1.7\n" + bytes(100), "PDF document"),
    (pickle.dumps({"a": 1}), "pickle"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel"),
    (b"SQLite format 3\x00" + bytes(100), "SQLite database"),
], ids=["png", "jpeg", "pdf", "pickle", "xls", "sqlite"])
def test_a_file_that_is_not_a_table_is_refused_naming_what_it_is(data: bytes,
                                                                   named: str) -> None:
    error = _rejection(data)
    assert error.code == "unsupported_format" and named in error.message


def test_a_word_document_is_not_taken_for_a_zip_of_csv() -> None:
    error = _rejection(_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}))
    assert "Word document" in error.message


def test_it_reads_the_first_sheet_of_a_workbook_and_mentions_the_others() -> None:
    data = _workbook({"고객": [["나이", "도시"], [31, "서울"], [45, "부산"]],
                      "notes": [["x"], [1]]})
    result = read_table(data)
    assert result.format == "xlsx" and result.sheet == "고객"
    assert result.frame["나이"].tolist() == [31, 45] and result.frame["도시"].iloc[1] == "부산"
    assert [w.code for w in result.warnings] == ["other_sheets"]


def test_it_reads_a_chosen_sheet_and_names_the_sheets_when_it_is_missing() -> None:
    data = _workbook({"a": [["x", "y"], [1, 2]], "b": [["p", "q"], [3, 4], [5, 6]]})
    assert read_table(data, ReadOptions(sheet="b")).frame.shape == (2, 2)
    with pytest.raises(DataError) as error:
        read_table(data, ReadOptions(sheet="c"))
    assert error.value.code == "unknown_sheet" and error.value.params["sheets"] == ["a", "b"]


def test_it_reads_parquet_with_its_types() -> None:
    buffer = io.BytesIO()
    pd.DataFrame({"x": [1.5, 2.5], "when": pd.to_datetime(["2024-01-01", "2024-02-01"])}) \
        .to_parquet(buffer)
    result = read_table(buffer.getvalue())
    assert result.format == "parquet" and result.frame["x"].tolist() == [1.5, 2.5]
    assert pd.api.types.is_datetime64_any_dtype(result.frame["when"])
