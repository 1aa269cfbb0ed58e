"""The public benchmark datasets and their seeded 80/20 split.

Datasets are read from ``$DARIA_SHARED_DIR/datasets`` (default ``<repo>/../shared/datasets``);
the README there names each target, task and metric.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

REPO = Path(__file__).resolve().parents[2]
TEST_SHARE = 0.2


@dataclass(frozen=True)
class Dataset:
    """One benchmark dataset: file name, target column and task."""

    name: str
    target: str
    task: str  # "binary", "multiclass" or "regression"

    @property
    def metric(self) -> str:
        """The metric the benchmark scores this dataset with."""
        return {"binary": "roc_auc", "multiclass": "log_loss", "regression": "rmse"}[self.task]

    @property
    def path(self) -> Path:
        """Where the full dataset lives."""
        return shared_dir() / "datasets" / f"{self.name}.csv"


DATASETS: dict[str, Dataset] = {d.name: d for d in (
    Dataset("adult", "income", "binary"),
    Dataset("bank_marketing", "y", "binary"),
    Dataset("credit_g", "class", "binary"),
    Dataset("titanic", "survived", "binary"),
    Dataset("car", "class", "multiclass"),
    Dataset("wine_quality_white", "quality", "multiclass"),
    Dataset("diamonds", "price", "regression"),
    Dataset("taxis", "fare", "regression"),
)}


def shared_dir() -> Path:
    """The shared data directory (``DARIA_SHARED_DIR`` or the repository's sibling ``shared``)."""
    return Path(os.environ.get("DARIA_SHARED_DIR", REPO.parent / "shared"))


def write_split(dataset: Dataset, seed: int, directory: Path) -> tuple[Path, Path]:
    """Write a seeded 80/20 split (stratified for classification) as train.csv and test.csv.

    The test file keeps the target column; every framework is told to ignore it.
    """
    frame = pd.read_csv(dataset.path)
    stratify = frame[dataset.target] if dataset.task != "regression" else None
    train, test = train_test_split(frame, test_size=TEST_SHARE, random_state=seed,
                                   stratify=stratify)
    directory.mkdir(parents=True, exist_ok=True)
    train_path, test_path = directory / "train.csv", directory / "test.csv"
    train.to_csv(train_path, index=False)
    test.to_csv(test_path, index=False)
    return train_path, test_path
