"""automl_core: Daria's AutoML engine. Pure Python; never imports Django, Celery or Redis."""

from automl_core.callbacks import TrialCallback
from automl_core.data.column_types import ColumnKind
from automl_core.data.task import Task
from automl_core.facade import AutoML
from automl_core.search.trial import TrialRecord, TrialState

__all__ = ["AutoML", "ColumnKind", "Task", "TrialCallback", "TrialRecord", "TrialState"]
