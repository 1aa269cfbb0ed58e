"""The user's overrides (header, decimal comma, missing values, duplicates) and the limits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_core.data.csv_text import may_hold_a_long_line
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.data.reading import read_table
from automl_core.exceptions import DataError


def test_first_row_as_data_gets_generated_column_names(shared_dir) -> None:
    path = shared_dir / "bad-inputs" / "no_header.csv"
    with_header = read_table(path)
    without = read_table(path, ReadOptions(header=False))
    assert list(without.frame.columns) == [f"column_{i + 1}"
                                           for i in range(len(with_header.frame.columns))]
    assert len(without.frame) == len(with_header.frame) + 1
    assert not [w for w in without.warnings if w.code == "header_looks_like_data"]


def test_decimal_commas_can_be_forced_or_turned_off() -> None:
    data = b"name;amount\na;1.234,5\nb;2,25\n"
    assert read_table(data).frame["amount"].tolist() == [1234.5, 2.25]
    assert read_table(data, ReadOptions(decimal_comma=False)).frame["amount"].tolist() == [
        "1.234,5", "2,25"]
    tabbed = b"name\tamount\na\t3,5\n"
    assert read_table(tabbed, ReadOptions(decimal_comma=True)).frame["amount"].tolist() == [3.5]


def test_extra_missing_values_are_read_as_missing() -> None:
    data = b"city,income\nSeoul,?\nBusan,12\n?,13\n"
    frame = read_table(data, ReadOptions(missing_values=("?",))).frame
    assert frame["income"].isna().sum() == 1 and frame["city"].isna().sum() == 1
    assert frame["income"].dtype.kind in "if"


def test_duplicated_rows_can_be_dropped() -> None:
    data = b"a,b\n1,2\n1,2\n3,4\n"
    assert len(read_table(data, ReadOptions(drop_duplicates=True)).frame) == 2


def test_options_round_trip_through_json_and_refuse_unknown_keys() -> None:
    options = ReadOptions(encoding="cp949", delimiter=";", header=False, missing_values=("-",))
    assert ReadOptions.from_dict(options.to_dict()) == options
    with pytest.raises(DataError) as error:
        ReadOptions.from_dict({"path": "/etc/passwd"})
    assert error.value.code == "bad_option"


def test_too_many_rows_are_refused_with_the_limit() -> None:
    data = b"a\n" + b"1\n" * 50
    with pytest.raises(DataError) as error:
        read_table(data, limits=ReadLimits(max_rows=10))
    assert error.value.code == "too_many_rows" and error.value.params["limit"] == 10


def test_a_quoted_cell_over_the_length_limit_is_refused() -> None:
    data = b'a,b\n1,"' + b"x," * 60 + b'"\n'
    with pytest.raises(DataError) as error:
        read_table(data, limits=ReadLimits(max_field_chars=100))
    assert error.value.code == "field_too_long" and error.value.params["column"] == "b"


def test_a_bad_encoding_override_is_a_clear_error() -> None:
    with pytest.raises(DataError) as error:
        read_table("이름\n홍길동\n".encode("cp949"), ReadOptions(encoding="utf-8"))
    assert error.value.code == "bad_encoding"


def test_the_cell_limit_counts_characters_not_bytes() -> None:
    korean = "가" * 80  # 240 bytes in UTF-8, 80 characters
    result = read_table(f"a,b\n1,{korean}\n".encode(), limits=ReadLimits(max_field_chars=100))
    assert result.frame["b"][0] == korean
    with pytest.raises(DataError):
        read_table(f"a,b\n1,{korean * 2}\n".encode(), limits=ReadLimits(max_field_chars=100))


def _longest_line(data: bytes) -> int:
    return max(len(line) for line in data.split(b"\n"))


@given(st.lists(st.integers(0, 60), min_size=1, max_size=40), st.integers(0, 70))
def test_a_text_is_searched_for_long_cells_whenever_it_holds_a_long_line(
        line_lengths: list[int], limit: int) -> None:
    data = b"\n".join(b"x" * length for length in line_lengths)
    if _longest_line(data) > limit:
        assert may_hold_a_long_line(data, limit)


def test_a_text_of_short_lines_is_not_searched() -> None:
    assert not may_hold_a_long_line(b"abc,def\n" * 100_000, 100)
