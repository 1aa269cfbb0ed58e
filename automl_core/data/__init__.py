"""Data in: reading tables, column typing, profiling, charts, task inference, target checks.

The target checks (``target_warnings``, ``assess_target``, ``TargetAssessment``) use
scikit-learn, so they are imported on first use (``automl_core.lazy_exports``): reading and
profiling a table does not load it.
"""

from typing import TYPE_CHECKING

from automl_core.data.charts import column_chart
from automl_core.data.column_types import ColumnKind, infer_kind, infer_kinds
from automl_core.data.options import ReadLimits, ReadOptions
from automl_core.data.profile import ColumnProfile, FrameProfile, profile_frame
from automl_core.data.reading import ReadResult, read_csv, read_table
from automl_core.data.target import TargetData, prepare_target
from automl_core.data.task import Task, TaskInference, infer_task
from automl_core.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from automl_core.data.advice import target_warnings
    from automl_core.data.assistant import TargetAssessment, assess_target

__all__ = [
    "ColumnKind", "ColumnProfile", "FrameProfile", "ReadLimits", "ReadOptions", "ReadResult",
    "TargetAssessment", "TargetData", "Task", "TaskInference", "assess_target", "column_chart",
    "infer_kind", "infer_kinds", "infer_task", "prepare_target", "profile_frame", "read_csv",
    "read_table", "target_warnings",
]

__getattr__, __dir__ = lazy_exports(__name__, {
    "TargetAssessment": "automl_core.data.assistant",
    "assess_target": "automl_core.data.assistant",
    "target_warnings": "automl_core.data.advice",
})
