"""Checks every chart payload must pass."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go


def assert_valid_payload(chart: dict[str, Any]) -> None:
    """Plain JSON, a figure plotly accepts, and a table whose rows match its columns."""
    assert json.loads(json.dumps(chart, allow_nan=False)) == chart
    go.Figure(chart["figure"])  # raises on any invalid trace or layout property
    columns = chart["table"]["columns"]
    assert columns and all(isinstance(c, str) for c in columns)
    for row in chart["table"]["rows"]:
        assert len(row) == len(columns)
        assert all(cell is None or isinstance(cell, str) for cell in row)
