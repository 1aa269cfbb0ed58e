"""Numbers stored as text, mixed types, inf/NaN spellings and near-duplicate column names."""

import math

import pandas as pd
import pytest

from automl_core.data import ReadOptions, profile_frame, read_table
from automl_core.data.naming import near_duplicate_warning, normalise_name
from automl_core.data.text_values import number_text_to_float
from automl_core.exceptions import DataError


def _codes(frame: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    return {w.code: w.columns for w in profile_frame(frame).warnings}


@pytest.mark.parametrize(("text", "number"), [
    ("₩1,234", 1234.0), ("$5.00", 5.0), ("12%", 12.0), ("1.234,5 €", 1234.5),
    ("1,234원", 1234.0), ("(1,000)", -1000.0), ("-3.5", -3.5), ("€ 1.234.567", 1234567.0),
])
def test_symbols_and_separators_are_dropped_from_numbers(text: str, number: float) -> None:
    assert number_text_to_float(pd.Series([text], dtype="str")).iloc[0] == number


def test_words_and_malformed_separators_are_not_numbers() -> None:
    values = number_text_to_float(pd.Series(["abc", "1,2,3", "12%%x", None], dtype="str"))
    assert values.isna().all()


def test_a_currency_column_is_reported_and_the_read_option_converts_it() -> None:
    rows = [f'"₩{n:,}",{n % 7}%,x{n % 3}' for n in range(1000, 61000, 1000)]
    content = ("price,rate,group\n" + "\n".join(rows) + "\n").encode()

    warnings = _codes(read_table(content).frame)
    assert warnings["numbers_as_text"] == ("price", "rate")

    frame = read_table(content, ReadOptions(parse_numbers=("price", "rate"))).frame
    assert pd.api.types.is_float_dtype(frame["price"]) and frame["price"].iloc[1] == 2000.0
    assert frame["rate"].iloc[3] == 3.0
    assert "numbers_as_text" not in _codes(frame)


def test_parse_numbers_naming_an_unknown_column_is_a_clear_error() -> None:
    with pytest.raises(DataError) as error:
        read_table(b"a,b\n1,2\n3,4\n", ReadOptions(parse_numbers=("price",)))
    assert error.value.code == "unknown_column" and "price" in error.value.message


def test_parse_numbers_round_trips_through_the_json_form() -> None:
    options = ReadOptions(parse_numbers=("price",))
    assert ReadOptions.from_dict(options.to_dict()) == options


def test_plain_categories_are_neither_numbers_as_text_nor_mixed() -> None:
    frame = pd.DataFrame({"city": ["Seoul", "Busan", "Daegu", "Seoul, KR"] * 20,
                          "n": range(80)})
    codes = _codes(frame)
    assert "numbers_as_text" not in codes and "mixed_types" not in codes


def test_the_mixed_column_of_messy_types_is_reported_with_shares(shared_dir) -> None:
    frame = read_table(shared_dir / "bad-inputs" / "messy_types.csv").frame
    [mixed] = [w for w in profile_frame(frame).warnings if w.code == "mixed_types"]
    assert mixed.columns == ("mixed",)  # signup_date holds dates in several formats: not mixed
    assert set(mixed.params["shares"]["mixed"]) == {"numbers", "true/false", "dates", "text"}


def test_inf_and_overflow_spellings_are_reported_and_can_be_read_as_missing(shared_dir) -> None:
    path = shared_dir / "bad-inputs" / "messy_types.csv"
    [warning] = [w for w in profile_frame(read_table(path).frame).warnings
                 if w.code == "inf_nan_text"]
    assert warning.columns == ("ratio",)
    assert {"inf", "1e309", "Infinity", "-inf"} <= set(warning.params["tokens"])

    frame = read_table(path, ReadOptions(missing_values=tuple(warning.params["tokens"]))).frame
    assert "inf_nan_text" not in _codes(frame)


def test_infinite_floats_are_reported_without_tokens() -> None:
    frame = pd.DataFrame({"x": [1.0, math.inf, 2.0] * 10, "y": range(30)})
    [warning] = [w for w in profile_frame(frame).warnings if w.code == "inf_nan_text"]
    assert warning.params["values"] == {"x": []}


def test_names_are_normalised_for_case_spaces_and_unicode() -> None:
    assert normalise_name("  Monthly   Income ") == "monthly income"
    assert normalise_name("ｉｎｃｏｍｅ") == "income"
    assert normalise_name("e\u0301") == normalise_name("\u00e9")


def test_near_duplicate_column_names_are_surfaced_in_the_profile() -> None:
    frame = pd.DataFrame({"Income": [1, 2] * 10, "income ": [1, 2] * 10,
                          "ｉｎｃｏｍｅ": [3, 4] * 10, "age": range(20)})
    assert _codes(frame)["near_duplicate_column_names"] == ("Income", "income ", "ｉｎｃｏｍｅ")
    assert near_duplicate_warning(["a", "b", "a.1"]) is None
