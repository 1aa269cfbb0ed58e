import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, infer_kind
from automl_core.data.profile import profile_frame
from automl_core.data.reading import read_csv


def test_pandas3_strings_are_typed_as_categories_not_numbers():
    series = pd.Series(["red", "blue", "red", "green"] * 10)
    assert pd.api.types.is_string_dtype(series)
    assert infer_kind(series) is ColumnKind.CATEGORICAL


def test_numbers_stored_as_text_are_numeric():
    series = pd.Series(["1.5", "2", "inf", "#DIV/0!", "3.25"] * 10, dtype="str")
    assert infer_kind(series) is ColumnKind.NUMERIC


def test_a_row_counter_is_id_like_and_a_measurement_is_not():
    assert infer_kind(pd.Series(np.arange(100, 200), name="customer")) is ColumnKind.ID
    rng = np.random.default_rng(0)
    assert infer_kind(pd.Series(rng.integers(0, 10**6, 100), name="salary")) is \
        ColumnKind.NUMERIC


def test_a_single_value_column_is_constant():
    assert infer_kind(pd.Series(["same"] * 30 + [None])) is ColumnKind.CONSTANT


def test_yes_no_text_is_boolean():
    assert infer_kind(pd.Series(["yes", "no", "no"] * 10)) is ColumnKind.BOOLEAN


def test_iso_date_text_is_datetime():
    dates = pd.Series(pd.date_range("2024-01-01", periods=40).astype(str), dtype="str")
    assert infer_kind(dates) is ColumnKind.DATETIME


def test_messy_types_are_profiled_with_id_and_constant_warnings(shared_dir):
    frame = read_csv(shared_dir / "bad-inputs" / "messy_types.csv").frame
    profile = profile_frame(frame)
    kinds = profile.kinds()
    assert kinds["customer_id"] is ColumnKind.ID
    assert kinds["row_uuid"] is ColumnKind.ID
    assert kinds["const"] is ColumnKind.CONSTANT
    assert kinds["ratio"] is ColumnKind.NUMERIC
    codes = {w.code for w in profile.warnings}
    assert {"id_columns", "constant_columns"} <= codes
    assert profile.suggested_target == "label"


def test_user_overrides_replace_inferred_kinds():
    frame = pd.DataFrame({"zip": ["01234", "55555"] * 20, "y": [0, 1] * 20})
    assert profile_frame(frame, {"zip": "categorical"}).kinds()["zip"] is ColumnKind.CATEGORICAL


def test_high_cardinality_is_warned(shared_dir):
    frame = read_csv(shared_dir / "bad-inputs" / "high_cardinality_categorical.csv").frame
    assert "cardinality" in " ".join(w.message for w in profile_frame(frame).warnings)
