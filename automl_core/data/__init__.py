"""Data in: reading CSV files, column typing, profiling, task inference, target checks, splits."""

from automl_core.data.column_types import ColumnKind, infer_kind, infer_kinds
from automl_core.data.profile import ColumnProfile, FrameProfile, profile_frame
from automl_core.data.reading import ReadResult, read_csv
from automl_core.data.target import TargetData, prepare_target
from automl_core.data.task import Task, TaskInference, infer_task

__all__ = [
    "ColumnKind", "ColumnProfile", "FrameProfile", "ReadResult", "TargetData", "Task",
    "TaskInference", "infer_kind", "infer_kinds", "infer_task", "prepare_target",
    "profile_frame", "read_csv",
]
