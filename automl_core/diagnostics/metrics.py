"""Every metric of the task, scored on the final model's out-of-fold predictions."""

from __future__ import annotations

from typing import cast

from automl_core.diagnostics.oof import OutOfFold
from automl_core.diagnostics.payload import Payload, number, payload
from automl_core.evaluation.metrics import METRICS, MetricName

COLUMNS = ("metric", "value", "better")


def metric_values(oof: OutOfFold) -> dict[str, float]:
    """``{metric name: score}`` for every metric that applies to the task."""
    return {name.value: metric.score(oof.y, oof.predictions)
            for name, metric in METRICS.items() if oof.task in metric.tasks}


def metrics_chart(oof: OutOfFold) -> Payload:
    """A table of every metric of the task (and the direction that is better), as a payload.

    The figure is a plotly table trace holding the same rows, so it can be drawn like any chart.
    """
    values = metric_values(oof)
    rows = [[name, number(value),
             "higher" if METRICS[cast(MetricName, name)].greater_is_better else "lower"]
            for name, value in values.items()]
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[], [], []]
    figure_data = [{"type": "table", "header": {"values": list(COLUMNS)},
                    "cells": {"values": columns}}]
    return payload(figure_data, {"margin": {"l": 8, "r": 8, "t": 8, "b": 8}, "height": 260},
                   COLUMNS, rows)
