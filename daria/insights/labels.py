"""Translation of the fixed English words the engine puts in chart payloads.

The engine (pure Python, no Django) writes axis titles, series names and table headers in
English; this module swaps the ones that are exactly a known label for the active language.
User text (column names, class labels) is never a key here, so it is left as it is.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from automl_core.diagnostics.payload import FIXED_NAME

DIRECTION = "better"  # the metrics table's column whose cells are "higher" / "lower"

LABELS = {
    "metric": _("metric"), "value": _("value"), "better": _("better"),
    "higher": _("higher"), "lower": _("lower"),
    "predicted class": _("predicted class"), "actual class": _("actual class"),
    "actual \\ predicted": _("actual \\ predicted"), "class": _("class"),
    "threshold": _("threshold"), "false positive rate": _("false positive rate"),
    "true positive rate": _("true positive rate"), "chance": _("chance"),
    "recall": _("recall"), "precision": _("precision"), "accuracy": _("accuracy"),
    "share of positives": _("share of positives"),
    "predicted positive share": _("predicted positive share"),
    "mean predicted probability": _("mean predicted probability"),
    "observed share": _("observed share"), "rows": _("rows"),
    "perfect calibration": _("perfect calibration"),
    "actual value": _("actual value"), "predicted value": _("predicted value"),
    "actual": _("actual"), "predicted": _("predicted"), "residual": _("residual"),
    "residual (actual - predicted)": _("residual (actual - predicted)"),
    "prediction = actual": _("prediction = actual"), "no error": _("no error"),
    "from": _("from"), "to": _("to"), "feature": _("feature"), "importance": _("importance"),
    "spread": _("spread"), "mean prediction": _("mean prediction"),
    "prediction": _("prediction"), "training rows": _("training rows"), "score": _("score"),
    "mean |SHAP value| (log-odds or target units)":
        _("mean |SHAP value| (log-odds or target units)"),
}


def _swap(text: Any) -> Any:
    return str(LABELS[text]) if isinstance(text, str) and text in LABELS else text


def localize(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload with its fixed labels translated: axis titles, table headers, the names of
    series the engine marked as fixed words (``meta``) and the metrics table's direction."""
    figure = payload["figure"]
    for axis in ("xaxis", "yaxis"):
        title = figure.get("layout", {}).get(axis, {}).get("title")
        if isinstance(title, dict) and "text" in title:
            title["text"] = _swap(title["text"])
    for trace in figure.get("data", []):
        if trace.get("meta") == FIXED_NAME and "name" in trace:
            trace["name"] = _swap(trace["name"])
        if trace.get("type") == "table":
            trace["header"]["values"] = [_swap(v) for v in trace["header"]["values"]]
            trace["cells"]["values"][-1] = [_swap(v) for v in trace["cells"]["values"][-1]]
    table = payload["table"]
    translated = [i for i, column in enumerate(table["columns"]) if column == DIRECTION]
    table["columns"] = [_swap(c) for c in table["columns"]]
    for row in table["rows"]:
        for i in translated:
            row[i] = _swap(row[i])
    return payload
