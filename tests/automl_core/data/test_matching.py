"""Matching a prediction file's columns to the model's, and counting unseen values."""

import pandas as pd

from automl_core.data.matching import match_columns, with_unseen_counts
from automl_core.exceptions import DataWarning


def test_columns_are_renamed_to_the_names_they_equal_after_normalisation() -> None:
    frame = pd.DataFrame({"AGE": [1], "Ｉｎｃｏｍｅ": [2.0], "city": ["x"]})
    matched, notices = match_columns(frame, ["age", "income", "city"])
    assert list(matched.columns) == ["age", "income", "city"] and notices == []


def test_extra_columns_are_named_except_known_ones_like_the_target() -> None:
    frame = pd.DataFrame({"age": [1], "note": ["x"], "Churn": ["no"]})
    matched, [notice] = match_columns(frame, ["age"], known=["churn"])
    assert notice.code == "extra_columns" and notice.columns == ("note",)
    assert list(matched.columns) == ["age", "note", "Churn"]  # kept for the output file


def test_an_exact_name_wins_over_a_near_one() -> None:
    frame = pd.DataFrame({"AGE": [1], "age": [2]})
    matched, [notice] = match_columns(frame, ["age"])
    assert matched["age"].iloc[0] == 2 and notice.columns == ("AGE",)


def test_unseen_category_warnings_get_row_counts() -> None:
    frame = pd.DataFrame({"city": ["Jeju", "Seoul", "Jeju", None, "Sejong"]})
    warning = DataWarning("unseen_categories", "new", ("city",),
                          {"values": {"city": ["Jeju", "Sejong"]}})
    counted = with_unseen_counts(warning, frame)
    assert counted.params["rows"] == {"city": 3} and "city: 3 rows" in counted.message
    other = DataWarning("extra_columns", "x")
    assert with_unseen_counts(other, frame) is other
