"""automl_core: Daria's AutoML engine. Pure Python; never imports Django, Celery or Redis."""

import os

# Idle OpenMP threads (LightGBM, HistGradientBoosting) spin-wait by default. On a busy 2-core
# machine two spinning threads made a 600-row LightGBM fit take 3-4 s instead of 0.05 s; passive
# waiting keeps threads cheap. Read once when the OpenMP runtime loads, so set before any import.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from automl_core.callbacks import TrialCallback  # noqa: E402
from automl_core.data.column_types import ColumnKind  # noqa: E402
from automl_core.data.task import Task  # noqa: E402
from automl_core.facade import AutoML  # noqa: E402
from automl_core.search.trial import TrialRecord, TrialState  # noqa: E402

__all__ = ["AutoML", "ColumnKind", "Task", "TrialCallback", "TrialRecord", "TrialState"]
