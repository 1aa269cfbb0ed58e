"""What every peer runner shares: the problem, minimal feature preparation and the output file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DATETIME_SHARE = 0.9  # a text column is a date if this share of its values parse as one


@dataclass(frozen=True)
class Problem:
    """One benchmark run's inputs, as given on the peer runner's command line."""

    train: pd.DataFrame
    test: pd.DataFrame  # features only: the target column is dropped
    target: str
    task: str  # "binary", "multiclass" or "regression"
    budget_s: float
    seed: int
    n_jobs: int

    @property
    def y(self) -> pd.Series:
        """The training target."""
        return self.train[self.target]

    @property
    def X(self) -> pd.DataFrame:  # noqa: N802 - the usual name for a feature matrix
        """The training features."""
        return self.train.drop(columns=[self.target])


def load_problem(train: Path, test: Path, target: str, task: str, budget_s: float, seed: int,
                 n_jobs: int) -> Problem:
    """Read the split's CSV files; the test target, if present, is dropped unseen."""
    test_frame = pd.read_csv(test).drop(columns=[target], errors="ignore")
    return Problem(pd.read_csv(train), test_frame, target, task, budget_s, seed, n_jobs)


def lightgbm_features(train: pd.DataFrame, test: pd.DataFrame) -> tuple[pd.DataFrame,
                                                                         pd.DataFrame]:
    """The least a plain gradient-boosting baseline needs: dates as numbers, text as category.

    Dates become seconds since the epoch plus hour and day of week; other text columns become
    pandas categories over the training values (unseen test values become missing).
    """
    train, test = train.copy(), test.copy()
    for column in list(train.columns):
        if pd.api.types.is_numeric_dtype(train[column]) or pd.api.types.is_bool_dtype(
                train[column]):
            continue
        parsed = pd.to_datetime(train[column], errors="coerce", format="mixed")
        if parsed.notna().mean() >= DATETIME_SHARE * train[column].notna().mean() > 0:
            for frame, values in ((train, parsed),
                                  (test, pd.to_datetime(test[column], errors="coerce",
                                                        format="mixed"))):
                frame[f"{column}_epoch"] = values.astype("int64", copy=False).where(
                    values.notna()) / 1e9
                frame[f"{column}_hour"] = values.dt.hour
                frame[f"{column}_dayofweek"] = values.dt.dayofweek
                frame.drop(columns=[column], inplace=True)
            continue
        categories = pd.Index(train[column].dropna().unique()).astype(str)
        train[column] = pd.Categorical(train[column].astype("string"), categories=categories)
        test[column] = pd.Categorical(test[column].astype("string"), categories=categories)
    return train, test


def write_predictions(path: Path, task: str, classes: list[object] | None,
                      values: np.ndarray) -> None:
    """Write Daria's CLI format: a probability column per class and ``prediction``."""
    if task == "regression":
        pd.DataFrame({"prediction": np.asarray(values, dtype=float)}).to_csv(path, index=False)
        return
    assert classes is not None
    proba = np.asarray(values, dtype=float)
    frame = pd.DataFrame(proba, columns=[str(c) for c in classes])
    frame["prediction"] = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    frame.to_csv(path, index=False)
