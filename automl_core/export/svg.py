"""Small server-rendered SVG charts for the HTML report: no script, no external resource.

Every label is escaped with :func:`html.escape`, so user text (column names, class labels) is
shown as text. Colours come from CSS custom properties with fallbacks, so the report's
stylesheet can theme them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np

BAR_HEIGHT = 22
LABEL_WIDTH = 200
CHART_WIDTH = 640
CELL = 56


def _text(value: object, limit: int = 40) -> str:
    text = str(value)
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _number(value: float) -> str:
    return f"{value:.4g}"


def bar_chart(labels: Sequence[object], values: Sequence[float], title: str) -> str:
    """Horizontal bars, one per label (values >= 0 are drawn to scale; NaN as empty)."""
    finite = [v for v in values if np.isfinite(v)]
    top = max([abs(v) for v in finite], default=0.0) or 1.0
    width = CHART_WIDTH - LABEL_WIDTH - 70
    height = BAR_HEIGHT * len(labels) + 10
    rows = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 5 + index * BAR_HEIGHT
        length = 0.0 if not np.isfinite(value) else width * abs(value) / top
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{_text(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="{BAR_HEIGHT - 6}"'
            f' fill="var(--chart-bar, #3b6fb6)"/>'
            f'<text x="{LABEL_WIDTH + length + 4:.1f}" y="{y + 15}">'
            f'{_number(value) if np.isfinite(value) else "–"}</text>')
    return (f'<svg role="img" viewBox="0 0 {CHART_WIDTH} '
            f'{height}" width="{CHART_WIDTH}" height="{height}" font-size="12">'
            f'<title>{escape(title)}</title>{"".join(rows)}</svg>')


def heatmap(matrix: np.ndarray, labels: Sequence[object], title: str) -> str:
    """A confusion-matrix heatmap: rows are true classes, columns predicted ones (counts)."""
    counts = np.asarray(matrix, dtype=float)
    n = len(labels)
    top = counts.max() if counts.size and counts.max() > 0 else 1.0
    left, head = LABEL_WIDTH // 2 + 20, 40
    size = left + CELL * n + 10
    cells = []
    for j, label in enumerate(labels):
        cells.append(f'<text x="{left + CELL * j + CELL / 2}" y="{head - 8}" '
                     f'text-anchor="middle">{_text(label, 10)}</text>')
    for i, label in enumerate(labels):
        y = head + CELL * i
        cells.append(f'<text x="{left - 6}" y="{y + CELL / 2 + 4}" text-anchor="end">'
                     f'{_text(label, 14)}</text>')
        for j in range(n):
            share = counts[i, j] / top
            cells.append(
                f'<rect x="{left + CELL * j}" y="{y}" width="{CELL - 2}" height="{CELL - 2}" '
                f'fill="var(--chart-bar, #3b6fb6)" fill-opacity="{0.08 + 0.9 * share:.2f}"/>'
                f'<text x="{left + CELL * j + CELL / 2}" y="{y + CELL / 2 + 4}" '
                f'text-anchor="middle">{int(counts[i, j])}</text>')
    height = head + CELL * n + 10
    return (f'<svg role="img" viewBox="0 0 {size} {height}" '
            f'width="{size}" height="{height}" font-size="12"><title>{escape(title)}</title>'
            f'{"".join(cells)}</svg>')


def scatter(actual: np.ndarray, predicted: np.ndarray, title: str, max_points: int = 1000) -> str:
    """Predicted against actual values, with the diagonal of perfect predictions."""
    x = np.asarray(actual, dtype=float)
    y = np.asarray(predicted, dtype=float)
    if len(x) > max_points:
        keep = np.linspace(0, len(x) - 1, max_points).astype(int)
        x, y = x[keep], y[keep]
    low = float(np.nanmin([x.min(), y.min()])) if len(x) else 0.0
    high = float(np.nanmax([x.max(), y.max()])) if len(x) else 1.0
    span = (high - low) or 1.0
    size, pad = 360, 30

    def scale(values: np.ndarray) -> np.ndarray:
        return pad + (values - low) / span * (size - 2 * pad)

    points = "".join(f'<circle cx="{a:.1f}" cy="{size - b:.1f}" r="2" '
                     f'fill="var(--chart-bar, #3b6fb6)" fill-opacity="0.5"/>'
                     for a, b in zip(scale(x), scale(y), strict=True))
    return (f'<svg role="img" viewBox="0 0 {size} {size}" '
            f'width="{size}" height="{size}" font-size="11"><title>{escape(title)}</title>'
            f'<line x1="{pad}" y1="{size - pad}" x2="{size - pad}" y2="{pad}" stroke="#999" '
            f'stroke-dasharray="4 3"/>{points}'
            f'<text x="{pad}" y="{size - 8}">{_number(low)}</text>'
            f'<text x="{size - pad}" y="{size - 8}" text-anchor="end">{_number(high)}</text>'
            f'</svg>')
