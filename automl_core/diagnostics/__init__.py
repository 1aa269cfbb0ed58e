"""Diagnostics of a trained model as chart payloads (plotly figure + table), pure Python.

Cheap charts come from the final model's out-of-fold predictions (:class:`OutOfFold`); the
expensive ones (permutation importance, SHAP, partial dependence, learning curve) refit or
predict many times and are meant to run in a background job. :func:`top_contributions` explains
single predictions. Every chart function returns a payload ``{"figure": {"data", "layout"},
"table": {"columns", "rows"}}`` of plain JSON types (see :mod:`.payload`).
"""

from automl_core.diagnostics.classification import (
    calibration,
    confusion_matrix,
    precision_recall_curves,
    roc_curves,
    threshold_table,
)
from automl_core.diagnostics.contributions import (
    NoLightGBMMember,
    TopContributions,
    shap_importance,
    top_contributions,
)
from automl_core.diagnostics.dependence import partial_dependence, supports
from automl_core.diagnostics.importance import permutation_importance, sample_rows
from automl_core.diagnostics.learning import learning_curve
from automl_core.diagnostics.metrics import metric_values, metrics_chart
from automl_core.diagnostics.oof import OutOfFold, ensemble_oof, oof_rows
from automl_core.diagnostics.regression import (
    predicted_vs_actual,
    residual_histogram,
    residuals_vs_predicted,
)

__all__ = [
    "NoLightGBMMember", "OutOfFold", "TopContributions", "calibration", "confusion_matrix",
    "ensemble_oof", "learning_curve", "metric_values", "metrics_chart", "oof_rows",
    "partial_dependence", "permutation_importance", "precision_recall_curves",
    "predicted_vs_actual", "residual_histogram", "residuals_vs_predicted", "roc_curves",
    "sample_rows", "shap_importance", "supports", "threshold_table", "top_contributions",
]
