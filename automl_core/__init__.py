"""automl_core: Daria's AutoML engine. Pure Python; never imports Django, Celery or Redis.

The names in ``__all__`` are imported on first use (``automl_core.lazy_exports``): ``AutoML``
pulls in scikit-learn, SciPy and LightGBM, which ``import automl_core.data`` must not pay for.
"""

import os
from typing import TYPE_CHECKING

# Idle OpenMP threads (LightGBM, HistGradientBoosting) spin-wait by default. On a busy 2-core
# machine two spinning threads made a 600-row LightGBM fit take 3-4 s instead of 0.05 s; passive
# waiting keeps threads cheap. Read once when the OpenMP runtime loads, so set before any import.
# Every engine module (lazily imported or not) is under this package, so this runs first.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from automl_core.lazy_exports import lazy_exports  # noqa: E402

if TYPE_CHECKING:
    from automl_core.callbacks import TrialCallback
    from automl_core.data.column_types import ColumnKind
    from automl_core.data.task import Task
    from automl_core.facade import AutoML
    from automl_core.search.trial import TrialRecord, TrialState

__all__ = ["AutoML", "ColumnKind", "Task", "TrialCallback", "TrialRecord", "TrialState"]

__getattr__, __dir__ = lazy_exports(__name__, {
    "AutoML": "automl_core.facade",
    "ColumnKind": "automl_core.data.column_types",
    "Task": "automl_core.data.task",
    "TrialCallback": "automl_core.callbacks",
    "TrialRecord": "automl_core.search.trial",
    "TrialState": "automl_core.search.trial",
})
