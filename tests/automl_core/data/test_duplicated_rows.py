"""The duplicate-row count hashes the frame in slices and still agrees with pandas exactly."""

import numpy as np
import pandas as pd
import pytest

from automl_core.data import profile
from automl_core.data.profile import count_duplicated_rows


def _mixed_frame_with_duplicates(rows: int, seed: int) -> pd.DataFrame:
    """Rows drawn from a small pool of distinct rows, so duplicates land anywhere in the frame."""
    rng = np.random.default_rng(seed)
    pool = 12
    base = pd.DataFrame({
        "integer": rng.integers(0, 3, pool),
        "real": rng.choice([0.5, -0.0, 0.0, np.nan], pool),
        "text": pd.Series(rng.choice(["a", "b", "한글"], pool)).where(rng.random(pool) > 0.2),
        # equal values of different types (1, 1.0, True) and text that hashes like a number
        "mixed": pd.Series([1, 1.0, True, "1", None, 2.5, "x", 0, False, np.nan, 1, "y"],
                           dtype=object),
        "category": pd.Categorical(rng.choice(["low", "high"], pool)).add_categories("unused"),
        "date": pd.to_datetime(rng.choice(["2026-01-01", "2026-12-01", None], pool)),
        "flag": rng.choice([True, False], pool),
    })
    return base.iloc[rng.integers(0, pool, rows)].reset_index(drop=True)


@pytest.mark.parametrize("slice_rows", [1, 3, 7, 50, 1000])
def test_the_sliced_count_equals_pandas_duplicated_across_slice_boundaries(
        monkeypatch: pytest.MonkeyPatch, slice_rows: int) -> None:
    monkeypatch.setattr(profile, "HASH_SLICE_ROWS", slice_rows)
    for seed in range(5):
        frame = _mixed_frame_with_duplicates(200, seed)
        expected = int(frame.duplicated().sum())
        assert 0 < expected < len(frame)
        assert count_duplicated_rows(frame) == expected


def test_equal_values_of_different_types_count_as_duplicates_in_different_slices(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Each row alone in its slice: 1, 1.0 and True are equal to pandas, "1" and None are not.
    monkeypatch.setattr(profile, "HASH_SLICE_ROWS", 1)
    frame = pd.DataFrame({"mixed": pd.Series([1, 1.0, True, "1", None, np.nan], dtype=object),
                          "same": ["x"] * 6})
    assert count_duplicated_rows(frame) == int(frame.duplicated().sum())


def test_counting_leaves_the_frame_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile, "HASH_SLICE_ROWS", 4)
    frame = _mixed_frame_with_duplicates(30, seed=0)
    before = frame.copy()
    count_duplicated_rows(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_a_frame_without_rows_or_columns_has_no_duplicates() -> None:
    assert count_duplicated_rows(pd.DataFrame()) == 0
    assert count_duplicated_rows(pd.DataFrame({"a": pd.Series([], dtype=object)})) == 0
    assert count_duplicated_rows(pd.DataFrame(index=range(3))) == 0
