"""The profile counts each column once and still gives what the separate passes gave.

Each faster path is compared with the computation it replaced, written out here as the
reference, on columns with the awkward values: ties, missing cells, +-inf, -0.0, sentinels.
"""

import threading

import numpy as np
import pandas as pd
import pytest

import automl_core.data.profile as profile
from automl_core.data import profile_frame
from automl_core.data.column_types import ColumnKind, as_text, first_present, to_numeric
from automl_core.data.counting import distinct_sorted, sorted_numbers, value_counts
from automl_core.data.missing_values import SENTINELS, column_placeholders
from automl_core.data.summaries import HISTOGRAM_BINS, QUANTILES, summarize


def _columns(seed: int) -> dict[str, pd.Series]:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(30, 3000))
    floats = rng.normal(50, 20, n).round(int(rng.integers(0, 3)))
    floats[rng.random(n) < 0.1] = np.nan
    floats[rng.random(n) < 0.01] = np.inf
    floats[rng.random(n) < 0.01] = -np.inf
    floats[rng.random(n) < 0.05] = -0.0
    sentinel = float(rng.choice(SENTINELS))
    with_sentinel = np.where(rng.random(n) < 0.05, sentinel, rng.integers(0, 90, n))
    ties = rng.integers(0, int(rng.integers(2, 200)), n)  # many values with equal counts
    text = pd.Series(rng.choice(["a", "b", "?", "unknown", "서울", " x "], n), dtype="str")
    return {
        "floats": pd.Series(floats), "ties": pd.Series(ties),
        "with_sentinel": pd.Series(with_sentinel.astype(float if seed % 2 else int)),
        "nullable": pd.Series(ties, dtype="Int64").where(rng.random(n) > 0.1),
        "flags": pd.Series(rng.permutation(np.arange(n) % 2 == 0)),
        "text": text.where(rng.random(n) > 0.1),
        "mixed": pd.Series(rng.choice(np.array([1, 1.0, "1", "a", None], dtype=object), n)),
    }


def _old_top(series: pd.Series) -> list[list]:
    counts = as_text(series.dropna()).value_counts()
    return [[str(value), int(count)] for value, count in counts.items()]


def _old_numeric(series: pd.Series) -> dict:
    values = to_numeric(series).dropna().to_numpy(dtype=float)
    counts, edges = np.histogram(values, bins=min(HISTOGRAM_BINS, len(np.unique(values))))
    return {"min": values.min(), "max": values.max(), "mean": values.mean(),
            "std": values.std(), "quantiles": list(np.quantile(values, QUANTILES)),
            "edges": list(edges), "counts": counts.tolist()}


def _old_sentinels(series: pd.Series) -> list[str]:
    values = series.dropna().to_numpy(dtype=float)
    found = []
    for sentinel in SENTINELS:
        hits = values == sentinel
        rest = values[~hits]
        if hits.mean() < 0.01 or hits.mean() > 0.5 or not len(rest):
            continue
        if (rest.min() > sentinel) if sentinel < 0 else (rest.max() < sentinel / 2):
            whole = pd.api.types.is_integer_dtype(series) or sentinel.is_integer()
            found.append(str(int(sentinel)) if whole else str(sentinel))
    return found


@pytest.mark.parametrize("seed", range(12))
def test_value_counts_list_the_same_values_in_the_same_order_as_counting_text(seed: int) -> None:
    for name, series in _columns(seed).items():
        counts = value_counts(series)
        assert [[str(v), int(c)] for v, c in counts.items()] == _old_top(series), name


@pytest.mark.parametrize("seed", range(12))
def test_sorted_numbers_count_the_distinct_values_as_nunique_does(seed: int) -> None:
    for name, series in _columns(seed).items():
        ordered = sorted_numbers(series)
        if name in ("floats", "ties", "with_sentinel"):
            assert ordered is not None and distinct_sorted(ordered) == series.nunique(), name
        else:
            assert ordered is None, name  # nullable, boolean, text and object columns


@pytest.mark.parametrize("seed", range(12))
def test_numeric_statistics_from_the_sorted_values_are_exactly_the_old_ones(seed: int) -> None:
    for name in ("floats", "ties", "with_sentinel", "nullable"):
        series = _columns(seed)[name]
        stats = summarize(series, ColumnKind.NUMERIC, ordered=sorted_numbers(series))
        old = _old_numeric(series)
        finite = [float(v) if np.isfinite(v) else None for v in old["edges"]]
        assert stats["histogram"] == {"edges": finite, "counts": old["counts"]}, name
        assert [stats[k] for k in ("min", "max", "mean", "std")] == \
            [old[k] for k in ("min", "max", "mean", "std")], name
        assert list(stats["quantiles"].values()) == old["quantiles"], name


@pytest.mark.parametrize("seed", range(12))
def test_sentinels_found_from_the_extremes_are_the_ones_every_sentinel_check_finds(
        seed: int) -> None:
    for name in ("floats", "ties", "with_sentinel", "nullable"):
        series = _columns(seed)[name]
        expected = _old_sentinels(series) if len(series.dropna()) >= 20 else []
        assert column_placeholders(series, ColumnKind.NUMERIC, None,
                                   sorted_numbers(series)) == expected, name
        assert column_placeholders(series, ColumnKind.NUMERIC) == expected, name


def test_a_sentinel_below_the_minimum_is_found_and_one_inside_the_values_is_not() -> None:
    apart = pd.Series([-999] * 10 + list(range(100, 190)))
    inside = pd.Series([-1] * 10 + list(range(-50, 40)))
    assert column_placeholders(apart, ColumnKind.NUMERIC, None, sorted_numbers(apart)) == ["-999"]
    assert column_placeholders(inside, ColumnKind.NUMERIC, None, sorted_numbers(inside)) == []


def test_the_first_present_values_are_those_after_dropping_the_missing_ones() -> None:
    rng = np.random.default_rng(0)
    for share in (0.0, 0.5, 0.99, 1.0):
        series = pd.Series(rng.normal(size=5000)).where(rng.random(5000) >= share)
        for count in (1, 10, 2000, 6000):
            pd.testing.assert_series_equal(first_present(series, count),
                                           series.dropna().head(count))


@pytest.mark.parametrize("missing", [0, 1, 2])
def test_an_all_distinct_column_rules_out_duplicate_rows_only_when_that_is_exact(
        missing: int) -> None:
    rows = 200
    ids = pd.Series([f"C{i}" for i in range(rows)], dtype="str")
    ids[:missing] = None  # two missing IDs are equal: their rows may be duplicates
    frame = pd.DataFrame({"id": ids, "plan": ["a"] * rows})
    assert profile_frame(frame).duplicated_rows == int(frame.duplicated().sum())
    assert profile_frame(frame).duplicated_rows == (1 if missing == 2 else 0)


def test_the_profile_of_a_mixed_frame_counts_like_pandas() -> None:
    frame = pd.DataFrame(_columns(3))
    profile = profile_frame(frame, with_stats=True)
    for column in profile.columns:
        assert column.unique == frame[column.name].nunique(), column.name
        assert column.missing == frame[column.name].isna().sum(), column.name
    assert profile.duplicated_rows == int(frame.duplicated().sum())


@pytest.mark.parametrize("name", ["adult", "titanic", "diamonds", "car"])
def test_profile_in_threads_equals_the_serial_profile(shared_dir, monkeypatch, name: str) -> None:
    """Large frames are profiled one column per thread; the profile must not change with it."""
    frame = pd.read_csv(shared_dir / "datasets" / f"{name}.csv", engine="pyarrow")
    frame["constant"] = 7
    serial = profile_frame(frame, {"constant": "numeric"}, with_stats=True)
    monkeypatch.setattr(profile, "PARALLEL_PROFILE_CELLS", 0)
    threads = []
    real_column = profile._profile_column

    def recorded_column(*args):
        threads.append(threading.get_ident())
        return real_column(*args)

    monkeypatch.setattr(profile, "_profile_column", recorded_column)
    parallel = profile_frame(frame, {"constant": "numeric"}, with_stats=True)
    assert threading.get_ident() not in threads  # the columns really went to the pool
    assert repr(parallel) == repr(serial)  # repr: NaN statistics compare equal as text
