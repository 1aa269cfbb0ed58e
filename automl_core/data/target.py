"""Checking and cleaning the target before a search: clear errors instead of failed trials."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from automl_core.data.task import Task, TaskInference, infer_task
from automl_core.exceptions import DataWarning, TargetError

MIN_ROWS_PER_CLASS = 2
MAX_NAMED_CLASSES = 10  # classes an error message names before "… +N"
MIN_ROWS = 10


@dataclass(frozen=True)
class TargetData:
    """Features and an encoded target, ready for cross-validation."""

    features: pd.DataFrame
    y: np.ndarray  # class indices for classification, floats for regression
    task: Task
    classes: tuple[object, ...]  # original labels, in the order of y's indices
    task_reason: str
    dropped_rows: int
    n_folds: int
    # ``task_reason`` with its code and params, to translate it: the inference's, or
    # ``chosen_by_user`` (params ``task``) when the caller chose another task.
    task_inference: TaskInference
    warnings: list[DataWarning] = field(default_factory=list)


def prepare_target(
    frame: pd.DataFrame, target: str, task: Task | None = None, n_folds: int = 5
) -> TargetData:
    """Drop rows without a target, infer or check the task, encode labels, fit the folds.

    Raises :class:`TargetError` (codes ``unknown_target``, ``target_all_missing``,
    ``single_class``, ``no_features``, ``too_few_rows``, ``too_few_rows_per_class``,
    ``target_not_numeric``).
    """
    if target not in frame.columns:
        raise TargetError("unknown_target", f"The target column '{target}' is not in the data.",
                          {"target": target, "columns": [str(c) for c in frame.columns]})
    features = frame.drop(columns=[target])
    if features.shape[1] == 0:
        raise TargetError("no_features", f"The data has only the target column '{target}'; "
                          "at least one feature column is needed.", {"target": target})
    present = frame[target].notna().to_numpy()
    dropped = int((~present).sum())
    inference = infer_task(frame[target])
    task = task or inference.task
    if task is not inference.task:
        inference = TaskInference(task, f"chosen by the user ({task})", "chosen_by_user",
                                  {"task": str(task)})
    y_raw = frame.loc[present, target]
    features = features.loc[present].reset_index(drop=True)
    if len(y_raw) < MIN_ROWS:
        raise TargetError("too_few_rows", f"Only {len(y_raw)} rows have a target value; at "
                          f"least {MIN_ROWS} are needed.", {"rows": len(y_raw), "min": MIN_ROWS})
    warnings: list[DataWarning] = []
    if dropped:
        warnings.append(DataWarning("target_missing_rows", f"{dropped} rows with a missing "
                                    f"target were left out.", (target,), {"rows": dropped}))
    if task.is_classification:
        y, classes, n_folds = _encode_classes(y_raw, target, task, n_folds, warnings)
    else:
        y, classes = _regression_values(y_raw, target), ()
    return TargetData(features, y, task, classes, inference.reason, dropped, n_folds, inference,
                      warnings)


def _encode_classes(
    y_raw: pd.Series, target: str, task: Task, n_folds: int, warnings: list[DataWarning]
) -> tuple[np.ndarray, tuple[object, ...], int]:
    codes, uniques = pd.factorize(y_raw, sort=True)
    classes = tuple(v.item() if isinstance(v, np.generic) else v for v in uniques)
    if len(classes) < 2:
        raise TargetError("single_class", f"The target '{target}' has one class only "
                          f"({classes[0]!r}); at least two classes are needed.",
                          {"target": target, "value": str(classes[0])})
    if task is Task.BINARY and len(classes) > 2:
        raise TargetError("not_binary", f"The target '{target}' has {len(classes)} classes, "
                          "not two; choose multiclass.", {"target": target,
                                                           "classes": len(classes)})
    counts = np.bincount(codes, minlength=len(classes))
    rare = [str(classes[i]) for i in np.flatnonzero(counts < MIN_ROWS_PER_CLASS)]
    if rare:
        # A continuous or ID-like column has thousands of one-row classes: name the first few.
        if len(rare) > MAX_NAMED_CLASSES:
            rare = [*rare[:MAX_NAMED_CLASSES], f"… +{len(rare) - MAX_NAMED_CLASSES}"]
        raise TargetError(
            "too_few_rows_per_class",
            f"The class(es) {', '.join(rare)} of target '{target}' have fewer than "
            f"{MIN_ROWS_PER_CLASS} rows; every class needs at least {MIN_ROWS_PER_CLASS} rows "
            "for cross-validation. Remove those rows or merge the classes.",
            {"target": target, "classes": rare, "min": MIN_ROWS_PER_CLASS})
    smallest = int(counts.min())
    if smallest < n_folds:
        warnings.append(DataWarning(
            "fewer_folds", f"The smallest class has {smallest} rows, fewer than {n_folds} folds; "
            f"{smallest}-fold cross-validation is used instead.", (target,),
            {"folds": smallest, "requested": n_folds}))
        n_folds = smallest
    return codes.astype(np.int64), classes, n_folds


def _regression_values(y_raw: pd.Series, target: str) -> np.ndarray:
    values = pd.to_numeric(y_raw, errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        raise TargetError("target_not_numeric", f"Regression needs a numeric target, but "
                          f"'{target}' has {int(bad.sum())} values that are not finite numbers.",
                          {"target": target, "rows": int(bad.sum())})
    return values
