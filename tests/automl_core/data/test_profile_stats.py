"""Profile statistics, charts and the warnings a beginner needs, on real data."""

import json

import pandas as pd

from automl_core.data.advice import target_warnings
from automl_core.data.charts import column_chart
from automl_core.data.column_types import ColumnKind
from automl_core.data.profile import count_duplicated_rows, profile_frame
from automl_core.data.reading import read_table


def _titanic(shared_dir) -> pd.DataFrame:
    return read_table(shared_dir / "datasets" / "titanic.csv").frame


def test_numbers_get_quantiles_and_a_histogram_and_categories_top_values(shared_dir) -> None:
    profile = profile_frame(_titanic(shared_dir), with_stats=True)
    columns = {c.name: c for c in profile.columns}
    age = columns["age"].stats
    assert age["type"] == "numeric" and age["min"] == 0.42 and age["max"] == 80.0
    assert age["quantiles"]["0.25"] <= age["quantiles"]["0.5"] <= age["quantiles"]["0.75"]
    assert sum(age["histogram"]["counts"]) == 891 - columns["age"].missing
    assert columns["sex"].stats["top"] == [["male", 577], ["female", 314]]
    json.dumps([c.stats for c in profile.columns], allow_nan=False)  # plain JSON, no NaN


def test_the_dataset_level_numbers_are_rows_duplicates_and_memory() -> None:
    frame = pd.DataFrame({"a": [1, 1, 2, 1], "b": ["x", "x", "y", "x"]})
    profile = profile_frame(frame)
    assert profile.n_rows == 4 and profile.duplicated_rows == 2 and profile.memory_bytes > 0
    assert "duplicated_rows" in [w.code for w in profile.warnings]


def test_a_kind_override_is_kept_beside_the_inferred_kind(shared_dir) -> None:
    profile = profile_frame(_titanic(shared_dir), {"pclass": "categorical"}, with_stats=True)
    pclass = next(c for c in profile.columns if c.name == "pclass")
    assert pclass.kind is ColumnKind.CATEGORICAL and pclass.inferred_kind is ColumnKind.NUMERIC
    assert pclass.stats["type"] == "values"


def test_placeholders_for_missing_are_found_with_their_spelling() -> None:
    frame = pd.DataFrame({"job": ["admin", "?", "tech", "unknown"] * 25,
                          "balance": [-1] * 10 + list(range(100, 190)),
                          "city": ["Seoul", "Busan"] * 50})
    [warning] = [w for w in profile_frame(frame).warnings if w.code == "placeholder_missing"]
    assert warning.params["values"] == {"job": ["?", "unknown"], "balance": ["-1"]}


def test_a_chart_shows_user_text_literally(shared_dir) -> None:
    summary = {"type": "values", "top": [["<img src=x onerror=alert(1)>", 3], ["b", 1]],
               "other": 0}
    figure = column_chart("<b>name</b>", summary)
    assert figure["data"][0]["type"] == "bar"
    assert figure["data"][0]["x"][0] == "&lt;img src=x onerror=alert(1)&gt;"
    assert figure["layout"]["xaxis"]["title"]["text"] == "&lt;b&gt;name&lt;/b&gt;"


def test_a_numeric_chart_is_a_histogram_of_the_stored_counts(shared_dir) -> None:
    profile = profile_frame(_titanic(shared_dir), with_stats=True)
    fare = next(c for c in profile.columns if c.name == "fare")
    figure = column_chart("fare", fare.stats)
    assert figure["data"][0]["y"] == fare.stats["histogram"]["counts"]


def test_a_copy_of_the_target_is_reported_as_leakage_and_real_features_are_not(
        shared_dir) -> None:
    frame = _titanic(shared_dir)
    frame["outcome_text"] = frame["survived"].map({0: "died", 1: "lived"})
    [leak] = [w for w in target_warnings(frame, "survived") if w.code == "target_leakage"]
    assert leak.columns == ("outcome_text",)


def test_a_rare_class_is_reported_as_imbalance_and_a_balanced_one_is_not(shared_dir) -> None:
    assert target_warnings(_titanic(shared_dir), "survived") == []
    rare = pd.DataFrame({"x": range(200), "y": ["a"] * 190 + ["b"] * 10})
    [warning] = target_warnings(rare, "y")
    assert warning.code == "class_imbalance" and warning.params["class"] == "b"


def test_duplicated_rows_are_exact_matches_even_when_values_hash_alike() -> None:
    # 1 and "1" hash alike (object columns are hashed as text); only equal rows count.
    frame = pd.DataFrame({"a": pd.Series([1, "1", 1, None, None], dtype=object),
                          "b": [0.5, 0.5, 0.5, float("nan"), float("nan")]})
    assert count_duplicated_rows(frame) == int(frame.duplicated().sum()) == 2
    assert count_duplicated_rows(frame.iloc[:0]) == 0


def test_dates_with_a_utc_offset_get_a_range_and_a_histogram_in_their_zone(tmp_path) -> None:
    path = tmp_path / "stamps.csv"
    path.write_text("when,x\n2024-01-01T10:00:00+09:00,1\n2024-01-02T11:30:00+09:00,2\n"
                    "2024-01-03T12:00:00+09:00,3\n", encoding="utf-8")
    profile = profile_frame(read_table(path).frame, with_stats=True)
    when = profile.columns[0]
    assert when.kind is ColumnKind.DATETIME
    assert when.stats["min"] == "2024-01-01 01:00:00+00:00"
    assert when.stats["max"] == "2024-01-03 03:00:00+00:00"
    assert when.stats["histogram"]["edges"][0] == when.stats["min"]
    assert when.stats["histogram"]["edges"][-1] == when.stats["max"]
    assert sum(when.stats["histogram"]["counts"]) == 3
    chart = column_chart(when.name, when.stats)
    json.dumps(chart)
