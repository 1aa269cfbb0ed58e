"""CSV exports neutralise formula injection and leave real numbers alone."""

import pandas as pd

from daria.lib.csv_export import neutralise_cell, neutralise_frame


def test_text_that_a_spreadsheet_would_run_gets_a_quote() -> None:
    for cell in ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"]:
        assert neutralise_cell(cell) == "'" + cell


def test_plain_numbers_and_ordinary_text_stay_as_they_are() -> None:
    for cell in ["-5", "+1.5", "1e3", "hello", "", 3, -2.5]:
        assert neutralise_cell(cell) == cell


def test_numeric_columns_keep_their_type_and_names_are_neutralised_too() -> None:
    frame = pd.DataFrame({"=bad": ["=x", None], "n": [-1, 2]})
    safe = neutralise_frame(frame)
    assert list(safe.columns) == ["'=bad", "n"]
    assert safe["'=bad"].tolist()[0] == "'=x" and pd.isna(safe["'=bad"].tolist()[1])
    assert pd.api.types.is_integer_dtype(safe["n"])
