"""The shape every chart is returned in, the labels drawn in it and the number formats."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

ChartPayload = dict[str, Any]


@dataclass(frozen=True)
class ChartText:
    """Words drawn in charts and table headers; the web app passes translated ones."""

    trial: str = "Trial"
    score: str = "Score"
    best_so_far: str = "Best so far"
    algorithm: str = "Algorithm"
    parameter: str = "Hyperparameter"
    value: str = "Value"
    importance: str = "Importance (R² lost)"
    spread: str = "Spread"
    trials: str = "Trials"
    completed: str = "Completed"
    best: str = "Best"
    median: str = "Median"
    mean_fit_time: str = "Mean fit time (s)"
    fold: str = "Fold"
    selection: str = "Selection"
    false_positive_rate: str = "False positive rate"
    true_positive_rate: str = "True positive rate"
    chance: str = "Chance"
    auc: str = "ROC AUC"
    macro_auc: str = "Macro-average ROC AUC"
    class_auc: str = "ROC AUC, %(label)s vs rest"
    residual: str = "Residual (actual − predicted)"
    q1: str = "First quartile"
    q3: str = "Third quartile"


def cell(value: Any, digits: int = 4) -> str | None:
    """A table cell as display text: numbers with ``digits`` significant digits, None stays."""
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return None if not math.isfinite(value) else f"{value:.{digits}g}"
    return str(value)


def chart(figure: Any, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> ChartPayload:
    """A chart payload from a plotly figure and the same numbers as table rows."""
    return {
        "figure": json.loads(figure.to_json()),
        "table": {"columns": list(columns), "rows": [[cell(v) for v in row] for row in rows]},
    }


def base_layout(x_title: str, y_title: str, **extra: Any) -> dict[str, Any]:
    """The layout shared by the charts: compact margins, titled axes, legend below."""
    return {
        "margin": {"l": 60, "r": 20, "t": 20, "b": 60}, "height": 360,
        "xaxis": {"title": {"text": x_title}}, "yaxis": {"title": {"text": y_title}},
        "legend": {"orientation": "h", "y": -0.25}, **extra,
    }


# The words the engine draws when no translation is given.
ENGLISH = ChartText()
