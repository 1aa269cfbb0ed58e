"""The target assistant: for a candidate target, the problem type with its reason and everything
that would stop training, found up front instead of after pressing Start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from automl_core.data.advice import target_warnings
from automl_core.data.column_types import ColumnKind
from automl_core.data.target import prepare_target
from automl_core.data.task import TaskInference, infer_task
from automl_core.exceptions import DataWarning, TargetError

_PROBE = "__daria_probe_feature__"


@dataclass(frozen=True)
class TargetAssessment:
    """What choosing ``target`` means: ``problems`` block training, ``warnings`` do not."""

    target: str
    inference: TaskInference | None  # None when the task cannot be inferred
    problems: list[TargetError] = field(default_factory=list)
    warnings: list[DataWarning] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """True when nothing blocks training on this target."""
        return not self.problems


def assess_target(frame: pd.DataFrame, target: str,
                  kinds: Mapping[str, ColumnKind | str] | None = None,
                  n_folds: int = 5, seed: int = 0) -> TargetAssessment:
    """Infer the task of ``target`` and list every problem of :func:`prepare_target` at once.

    ``frame`` holds the columns training would get (excluded columns already left out). Problems
    are the :class:`TargetError` s training would raise (``unknown_target``, ``no_features``,
    ``target_all_missing``, ``single_class``, ``too_few_rows``, ``too_few_rows_per_class``,
    ``target_not_numeric``); warnings are the target checks' (``fewer_folds``,
    ``target_missing_rows``) and, when usable, ``class_imbalance`` and ``target_leakage``.
    """
    if target not in frame.columns:
        return TargetAssessment(target, None, [TargetError(
            "unknown_target", f"The target column '{target}' is not in the data.",
            {"target": target})])
    problems: list[TargetError] = []
    if frame.shape[1] < 2:
        problems.append(TargetError(
            "no_features", f"The data has only the target column '{target}'; at least one "
            "feature column is needed.", {"target": target}))
    try:
        inference = infer_task(frame[target])
    except TargetError as error:
        return TargetAssessment(target, None, [*problems, error])
    # prepare_target stops at its first problem, and "no features" comes first: a placeholder
    # feature lets the target's own checks run too, so that every problem shows at once.
    checked = frame if not problems else frame[[target]].assign(**{_PROBE: 0})
    try:
        prepared = prepare_target(checked, target, n_folds=n_folds)
    except TargetError as error:
        return TargetAssessment(target, inference, [*problems, error])
    if problems:
        return TargetAssessment(target, inference, problems, prepared.warnings)
    extra = target_warnings(frame, target, kinds, seed=seed)
    return TargetAssessment(target, inference, [], [*prepared.warnings, *extra])
