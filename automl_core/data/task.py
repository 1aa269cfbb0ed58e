"""The problem type, inferred from the target column with a reason a person can check."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from automl_core.exceptions import TargetError

MAX_INTEGER_CLASSES = 20


class Task(StrEnum):
    """The kind of prediction problem."""

    BINARY = "binary"
    MULTICLASS = "multiclass"
    REGRESSION = "regression"

    @property
    def is_classification(self) -> bool:
        """Binary or multiclass."""
        return self is not Task.REGRESSION


@dataclass(frozen=True)
class TaskInference:
    """The inferred task and why."""

    task: Task
    reason: str


def infer_task(series: pd.Series) -> TaskInference:
    """Infer binary / multiclass / regression from the target's values."""
    values = series.dropna()
    if values.empty:
        raise TargetError("target_all_missing", f"The target column '{series.name}' is empty: "
                          "every value is missing.", {"target": str(series.name)})
    n_unique = int(values.nunique())
    if n_unique < 2:
        raise TargetError("single_class", f"The target column '{series.name}' has a single "
                          f"value ({values.iloc[0]!r}); at least two classes are needed.",
                          {"target": str(series.name), "value": str(values.iloc[0])})
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    kind = f"{values.dtype.kind == 'f' and 'float' or 'integer'} column" if numeric else \
        "text column"
    if n_unique == 2:
        return TaskInference(Task.BINARY, f"{kind} with two values -> binary classification")
    if not numeric:
        return TaskInference(Task.MULTICLASS, f"{kind} with {n_unique} values -> multiclass "
                             "classification")
    whole = bool(np.all(np.mod(values.to_numpy(dtype=float), 1) == 0))
    if whole and n_unique <= MAX_INTEGER_CLASSES:
        return TaskInference(Task.MULTICLASS, f"{kind} with {n_unique} whole-number values -> "
                             "multiclass classification")
    return TaskInference(Task.REGRESSION, f"{kind} with {n_unique} distinct values -> regression")
