"""The problem type, inferred from the target column with a reason a person can check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

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
    """The inferred task and why: ``reason`` in English, ``code`` and ``params`` to translate.

    ``code`` is ``two_values``, ``text_values``, ``few_whole_numbers`` or ``many_numbers``;
    ``params`` holds ``values`` (the number of distinct target values).
    """

    task: Task
    reason: str
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)


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
        "true/false column" if pd.api.types.is_bool_dtype(values) else "text column"
    params = {"values": n_unique}
    if n_unique == 2:
        return TaskInference(Task.BINARY, f"{kind} with two values -> binary classification",
                             "two_values", params)
    if not numeric:
        return TaskInference(Task.MULTICLASS, f"{kind} with {n_unique} values -> multiclass "
                             "classification", "text_values", params)
    whole = bool(np.all(np.mod(values.to_numpy(dtype=float), 1) == 0))
    if whole and n_unique <= MAX_INTEGER_CLASSES:
        return TaskInference(Task.MULTICLASS, f"{kind} with {n_unique} whole-number values -> "
                             "multiclass classification", "few_whole_numbers", params)
    return TaskInference(Task.REGRESSION, f"{kind} with {n_unique} distinct values -> regression",
                         "many_numbers", params)
