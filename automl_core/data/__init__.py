"""Data in: reading tables, column typing, profiling, charts, task inference, target checks."""

from automl_core.data.advice import target_warnings
from automl_core.data.assistant import TargetAssessment, assess_target
from automl_core.data.charts import column_chart
from automl_core.data.column_types import ColumnKind, infer_kind, infer_kinds
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.data.profile import ColumnProfile, FrameProfile, profile_frame
from automl_core.data.reading import ReadResult, read_csv, read_table
from automl_core.data.target import TargetData, prepare_target
from automl_core.data.task import Task, TaskInference, infer_task

__all__ = [
    "ColumnKind", "ColumnProfile", "FrameProfile", "ReadLimits", "ReadOptions", "ReadResult",
    "TargetAssessment", "TargetData", "Task", "TaskInference", "assess_target", "column_chart",
    "infer_kind", "infer_kinds", "infer_task", "prepare_target", "profile_frame", "read_csv",
    "read_table", "target_warnings",
]
