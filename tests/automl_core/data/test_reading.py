import json

import pandas as pd
import pytest

from automl_core.data.reading import read_csv, read_table, sniff_delimiter
from automl_core.exceptions import DataError


def _manifest(shared_dir, phase):
    manifest = json.loads((shared_dir / "bad-inputs" / "manifest.json").read_text())
    return [e for e in manifest["files"] if e["phase"] == phase and e["file"].endswith(".csv")]


def _entries(phase):
    from conftest import SHARED_DIR
    return [pytest.param(e, id=e["file"]) for e in _manifest(SHARED_DIR, phase)]


@pytest.mark.parametrize("entry", _entries("upload"))
def test_each_upload_file_gets_the_behaviour_its_manifest_states(shared_dir, entry):
    path = shared_dir / "bad-inputs" / entry["file"]
    if entry["expect"] == "reject":
        with pytest.raises(DataError) as error:
            read_csv(path)
        assert any(h.lower() in error.value.message.lower() for h in entry["hint"]), \
            error.value.message
    else:
        result = read_csv(path)
        assert len(result.frame) > 0
        text = " ".join(w.message for w in result.warnings).lower()
        if entry["expect"] == "warn":
            assert any(h.lower() in text for h in entry["hint"]), text


def test_it_reads_korean_cp949_without_mojibake(shared_dir):
    result = read_csv(shared_dir / "bad-inputs" / "cp949_korean.csv")
    assert result.encoding == "cp949"
    assert "해지여부" in result.frame.columns


def test_it_strips_the_utf8_bom_from_the_first_column_name(shared_dir):
    result = read_csv(shared_dir / "bad-inputs" / "utf8_bom.csv")
    assert result.frame.columns[0] == "나이"


def test_it_reads_quoted_newlines_as_one_row_each(shared_dir):
    assert len(read_csv(shared_dir / "bad-inputs" / "quoted_newlines.csv").frame) == 150


def test_it_reads_semicolons_and_decimal_commas_as_numbers(shared_dir):
    result = read_csv(shared_dir / "bad-inputs" / "semicolon_decimal_comma.csv")
    assert result.delimiter == ";"
    assert result.frame["income"].dtype.kind == "f"


def test_it_names_the_first_ragged_lines(shared_dir):
    with pytest.raises(DataError) as error:
        read_csv(shared_dir / "bad-inputs" / "ragged_rows.csv")
    assert error.value.code == "ragged_rows"
    assert error.value.params["lines"][0] == 4


def test_it_reads_bytes_and_keeps_numbers_after_formula_cells(shared_dir):
    data = (shared_dir / "bad-inputs" / "formula_cells.csv").read_bytes()
    assert read_csv(data).frame["amount"].dtype.kind in "if"


def test_it_refuses_a_url():
    with pytest.raises(DataError, match="not URLs"):
        read_csv("https://example.com/data.csv")


def test_the_encoding_and_delimiter_can_be_overridden():
    result = read_csv("a|b\n1|2\n".encode("cp949"), encoding="cp949", delimiter="|")
    assert list(result.frame.columns) == ["a", "b"]


def test_it_sniffs_each_supported_delimiter():
    for delimiter in (",", ";", "\t", "|"):
        text = "\n".join(delimiter.join(["x", "y", "z"]) for _ in range(5))
        assert sniff_delimiter(text) == delimiter


def test_too_many_columns_fail_before_the_rows_are_parsed():
    wide = ",".join(f"c{i}" for i in range(50)) + "\n" + ",".join("1" * 50) + "\n"
    with pytest.raises(DataError) as error:
        read_csv(wide.encode(), max_columns=10)
    assert error.value.code == "too_many_columns"


def test_iso_dates_are_read_as_datetimes_not_python_objects() -> None:
    frame = read_table(b"day,x\n2024-03-01,1\n2024-03-02,2\n,3\n").frame
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert frame["day"].isna().sum() == 1
