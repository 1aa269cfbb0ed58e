import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind, infer_kind, to_datetime
from automl_core.data.profile import profile_frame
from automl_core.data.reading import read_csv, read_table


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


def test_dates_with_mixed_utc_offsets_or_none_are_compared_in_utc() -> None:
    offsets = pd.Series(["2024-01-01T10:00:00+09:00", "2024-01-02T10:00:00+01:00", "soon", None],
                        dtype="str")
    assert to_datetime(offsets).tolist()[:2] == [pd.Timestamp("2024-01-01 01:00", tz="UTC"),
                                                 pd.Timestamp("2024-01-02 09:00", tz="UTC")]
    assert to_datetime(offsets).isna().tolist() == [False, False, True, True]
    # Across the ISO parser and the per-value one: the naive value is taken as UTC.
    mixed = pd.Series(["01/02/2024 10:00 +0900", "2024-01-02"], dtype="str")
    assert to_datetime(mixed).tolist() == [pd.Timestamp("2024-01-02 01:00", tz="UTC"),
                                           pd.Timestamp("2024-01-02 00:00", tz="UTC")]
    naive = pd.Series(["2024-01-02", "2024-01-03 10:00"], dtype="str")
    assert to_datetime(naive).dt.tz is None


def test_a_column_of_dates_with_and_without_an_offset_is_typed_and_profiled(tmp_path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("when,x\n2024-01-01T10:00:00+09:00,1\n2024-01-02,2\n2024-01-03T12:00:00Z,3\n",
                    encoding="utf-8")
    [when, _] = profile_frame(read_table(path).frame, with_stats=True).columns
    assert when.kind is ColumnKind.DATETIME
    assert (when.stats["min"], when.stats["max"]) == ("2024-01-01 01:00:00+00:00",
                                                      "2024-01-03 12:00:00+00:00")
