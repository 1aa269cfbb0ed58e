"""Plotly figures (as JSON) of a column's summary: a histogram or a bar chart of top values.

User text (column names, cell values) is HTML-escaped, because plotly.js reads a few HTML tags in
labels; it shows the escaped text literally (``&lt;b&gt;`` is drawn as ``<b>``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any, cast

MISSING_COLOR = "#9aa5b1"
BAR_COLOR = "#3b6fb6"


def literal(text: object) -> str:
    """Text that plotly.js draws as it is, never as markup."""
    return html.escape(str(text), quote=False)


def column_chart(name: str, summary: Mapping[str, Any]) -> dict[str, Any]:
    """A plotly figure dict for one column's summary (see ``summaries.summarize``)."""
    import plotly.graph_objects as go  # imported here: only charts need it

    if summary.get("type") in ("numeric", "datetime"):
        hist = summary["histogram"]
        edges, counts = hist["edges"], hist["counts"]
        trace = go.Bar(x=_bar_positions(edges, summary["type"]), y=counts,
                       marker_color=BAR_COLOR, hovertemplate="%{x}: %{y}<extra></extra>")
        x_type = "date" if summary["type"] == "datetime" else "linear"
    else:
        values = [literal(value) for value, _ in summary.get("top", [])]
        counts = [count for _, count in summary.get("top", [])]
        trace = go.Bar(x=values, y=counts, marker_color=BAR_COLOR,
                       hovertemplate="%{x}: %{y}<extra></extra>")
        x_type = "category"
    figure = go.Figure(trace)
    figure.update_layout(
        margin={"l": 40, "r": 10, "t": 10, "b": 40}, height=260, bargap=0.05,
        xaxis={"title": {"text": literal(name)}, "type": x_type},
        yaxis={"title": {"text": "rows"}}, showlegend=False,
    )
    return cast(dict[str, Any], json.loads(figure.to_json()))


def _bar_positions(edges: list[Any], kind: str) -> list[Any]:
    if kind != "numeric":
        return edges[:-1]  # a date bar starts at its bin's first day
    return [(float(a) + float(b)) / 2 for a, b in zip(edges[:-1], edges[1:], strict=True)]
