"""Which charts a model page has: cheap ones drawn from out-of-fold predictions on request, and
expensive ones computed by the model's background job."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from automl_core import diagnostics
from automl_core.diagnostics import OutOfFold

BINARY, MULTICLASS, REGRESSION = "binary", "multiclass", "regression"
CLASSIFICATION = frozenset({BINARY, MULTICLASS})
EVERY_TASK = frozenset({BINARY, MULTICLASS, REGRESSION})

PERMUTATION = "permutation_importance"
SHAP = "shap_importance"
LEARNING_CURVE = "learning_curve"
PARTIAL_DEPENDENCE = tuple(f"partial_dependence_{i}" for i in (1, 2, 3))
EXPENSIVE = (PERMUTATION, SHAP, *PARTIAL_DEPENDENCE, LEARNING_CURVE)


@dataclass(frozen=True)
class CheapChart:
    """A chart drawn from the out-of-fold predictions alone, for the tasks it applies to."""

    key: str
    tasks: frozenset[str]
    build: Callable[[OutOfFold], dict[str, Any]]


CHEAP: dict[str, CheapChart] = {chart.key: chart for chart in (
    CheapChart("metrics", EVERY_TASK, diagnostics.metrics_chart),
    CheapChart("confusion_matrix", CLASSIFICATION, diagnostics.confusion_matrix),
    CheapChart("confusion_matrix_normalized", CLASSIFICATION,
               partial(diagnostics.confusion_matrix, normalize=True)),
    CheapChart("roc_curve", CLASSIFICATION, diagnostics.roc_curves),
    CheapChart("precision_recall_curve", CLASSIFICATION, diagnostics.precision_recall_curves),
    CheapChart("calibration", CLASSIFICATION, diagnostics.calibration),
    CheapChart("thresholds", frozenset({BINARY}), diagnostics.threshold_table),
    CheapChart("predicted_vs_actual", frozenset({REGRESSION}), diagnostics.predicted_vs_actual),
    CheapChart("residuals", frozenset({REGRESSION}), diagnostics.residuals_vs_predicted),
    CheapChart("residual_histogram", frozenset({REGRESSION}), diagnostics.residual_histogram),
)}


def cheap_keys(task: str) -> list[str]:
    """The cheap charts of a task, in page order."""
    return [key for key, chart in CHEAP.items() if task in chart.tasks]


def is_known(key: str) -> bool:
    """Whether ``key`` names a chart of the catalogue."""
    return key in CHEAP or key in EXPENSIVE
