"""The chart payload every diagnostic returns, and the colour-blind safe styling they share.

A payload is plain JSON: ``{"figure": {"data": [...], "layout": {...}}, "table": {"columns":
[...], "rows": [[str | None, ...]]}}``. The figure is drawn by plotly.js; the table holds the
same numbers as display strings for the "show as table" toggle and for screen readers.

Colours follow the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies) and every series also differs by a second cue: marker symbol and line dash.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from typing import Any

# Okabe & Ito (2008), without yellow (too faint on white) and black (the reference-line colour).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9")
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross")
DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
REFERENCE_COLOR = "#6b6b6b"
# A sequential scale that stays readable without colour (light to dark blue).
SEQUENTIAL = [[0.0, "#f7fbff"], [0.5, "#6baed6"], [1.0, "#08306b"]]

Payload = dict[str, Any]
# Set as a trace's ``meta`` when its name is a fixed English word (not user text such as a class
# label), so the web app may translate it.
FIXED_NAME = "fixed-name"


def literal(text: object) -> str:
    """Text that plotly.js draws as it is, never as markup (it reads a few HTML tags)."""
    return html.escape(str(text), quote=False)


def style(index: int) -> dict[str, Any]:
    """Line and marker style of series ``index``: colour plus symbol and dash as second cues."""
    color = PALETTE[index % len(PALETTE)]
    return {"line": {"color": color, "dash": DASHES[index % len(DASHES)], "width": 2},
            "marker": {"color": color, "symbol": SYMBOLS[index % len(SYMBOLS)], "size": 6}}


def number(value: float | int | None, digits: int = 4) -> str | None:
    """A value as display text (``None`` for missing or non-finite values)."""
    if value is None:
        return None
    value = float(value)
    if not math.isfinite(value):
        return None
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.{digits}g}" if abs(value) >= 10 ** digits or abs(value) < 1e-3 \
        else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def floats(values: Iterable[Any]) -> list[float | None]:
    """Plain floats for a figure (``None`` where not finite, which plotly draws as a gap)."""
    out: list[float | None] = []
    for value in values:
        value = float(value)
        out.append(value if math.isfinite(value) else None)
    return out


def layout(x_title: str, y_title: str, **extra: Any) -> dict[str, Any]:
    """The shared layout: axis titles, compact margins, legend below the plot."""
    base: dict[str, Any] = {
        "margin": {"l": 56, "r": 16, "t": 16, "b": 48}, "height": 320,
        "xaxis": {"title": {"text": x_title}, "automargin": True},
        "yaxis": {"title": {"text": y_title}, "automargin": True},
        "legend": {"orientation": "h", "y": -0.25}, "hovermode": "closest",
    }
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = {**base[key], **value}
        else:
            base[key] = value
    return base


def payload(data: list[dict[str, Any]], chart_layout: dict[str, Any], columns: Sequence[str],
            rows: Sequence[Sequence[str | None]]) -> Payload:
    """Assemble a chart payload from plotly traces, a layout and the table's rows."""
    return {"figure": {"data": data, "layout": chart_layout},
            "table": {"columns": list(columns), "rows": [list(row) for row in rows]}}


def reference_line(x: Sequence[float], y: Sequence[float], name: str) -> dict[str, Any]:
    """A grey dotted line (a diagonal or a baseline) that is not one of the data series."""
    return {"type": "scatter", "mode": "lines", "x": list(x), "y": list(y), "name": name,
            "line": {"color": REFERENCE_COLOR, "dash": "dot", "width": 1},
            "hoverinfo": "skip", "meta": FIXED_NAME}
