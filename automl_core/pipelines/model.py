"""Fitted models: one preprocessor + estimator, and a weighted ensemble of them."""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd

from automl_core.data.task import Task
from automl_core.pipelines.preprocessing import TabularPreprocessor


def align_proba(estimator: Any, X: np.ndarray, n_classes: int) -> np.ndarray:  # noqa: N803
    """Class probabilities with one column per class index, even for classes a fold missed."""
    proba = np.asarray(estimator.predict_proba(X), dtype=float)
    full = np.zeros((len(X), n_classes))
    full[:, np.asarray(estimator.classes_, dtype=int)] = proba
    return full


class FittedPipeline:
    """A fitted preprocessor and estimator that predict raw outputs for a DataFrame."""

    def __init__(self, preprocessor: TabularPreprocessor, estimator: Any, task: Task,
                 n_classes: int, algorithm: str) -> None:
        self.preprocessor = preprocessor
        self.estimator = estimator
        self.task = Task(task)
        self.n_classes = n_classes
        self.algorithm = algorithm

    def predict_raw(self, frame: pd.DataFrame) -> np.ndarray:
        """Probabilities (rows x classes) for classification, values for regression."""
        classification = Task(self.task).is_classification
        if len(frame) == 0:  # estimators refuse zero rows; no rows in, none out
            return np.empty((0, self.n_classes) if classification else 0)
        X = self.preprocessor.transform(frame)  # noqa: N806
        if classification:
            return align_proba(self.estimator, X, self.n_classes)
        return np.asarray(self.estimator.predict(X), dtype=float)


class EnsembleModel:
    """A weighted average of fitted pipelines' raw outputs."""

    def __init__(self, members: list[FittedPipeline], weights: list[float]) -> None:
        self.members = members
        self.weights = weights

    def predict_raw(self, frame: pd.DataFrame) -> np.ndarray:
        """The weighted mean of the members' outputs."""
        total = sum(self.weights)
        outputs = [w / total * m.predict_raw(frame) for m, w in zip(self.members, self.weights,
                                                                    strict=True)]
        return cast(np.ndarray, np.sum(outputs, axis=0))
