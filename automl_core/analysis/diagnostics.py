"""Search diagnostics: how the search went, per trial, per algorithm and per hyperparameter."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import cast

import numpy as np

from automl_core.analysis import palette
from automl_core.analysis.payload import ENGLISH, ChartPayload, ChartText, base_layout, chart
from automl_core.analysis.trials import (
    algorithms,
    completed,
    numeric_params,
    of_algorithm,
    varying_params,
)
from automl_core.data.charts import literal
from automl_core.search.trial import TrialRecord

# Points drawn in the history: every improvement, and the rest evenly thinned to this many.
MAX_HISTORY_POINTS = 2000


def best_so_far(scores: Sequence[float], greater_is_better: bool) -> list[float]:
    """The running best of ``scores`` in the metric's direction."""
    pick = max if greater_is_better else min
    running: list[float] = []
    for score in scores:
        running.append(score if not running else pick(running[-1], score))
    return running


def _thinned(n_points: int, improvements: Sequence[int]) -> list[int]:
    """Indices to draw: all when few, else the improvements and an even sample of the rest."""
    if n_points <= MAX_HISTORY_POINTS:
        return list(range(n_points))
    even = np.linspace(0, n_points - 1, MAX_HISTORY_POINTS, dtype=int).tolist()
    return sorted(set(even) | set(improvements))


def optimization_history(trials: Sequence[TrialRecord], greater_is_better: bool,
                         text: ChartText = ENGLISH) -> ChartPayload:
    """Each completed trial's score by trial number, per algorithm, and the best so far."""
    import plotly.graph_objects as go

    done = completed(trials)
    scores = [float(cast(float, t.score)) for t in done]  # completed: has a score
    running = best_so_far(scores, greater_is_better)
    improvements = [i for i in range(len(running)) if i == 0 or running[i] != running[i - 1]]
    shown = [done[i] for i in _thinned(len(done), improvements)]
    figure = go.Figure()
    for index, algorithm in enumerate(algorithms(done)):
        points = [t for t in shown if t.algorithm == algorithm]
        figure.add_trace(go.Scattergl(
            x=[t.number for t in points], y=[t.score for t in points], mode="markers",
            name=literal(algorithm),
            marker={"color": palette.color(index), "symbol": palette.marker(index), "size": 7},
            hovertemplate=(f"{literal(text.trial)} %{{x}}: %{{y}}"
                           f"<extra>{literal(algorithm)}</extra>"),
        ))
    figure.add_trace(go.Scatter(
        x=[t.number for t in done], y=running, mode="lines", name=literal(text.best_so_far),
        line={"color": palette.REFERENCE, "dash": "dash", "width": 3, "shape": "hv"},
    ))
    figure.update_layout(**base_layout(text.trial, text.score))
    by_number = dict(zip([t.number for t in done], running, strict=True))
    rows = [[t.number, t.algorithm, t.score, by_number[t.number]] for t in shown]
    return chart(figure, [text.trial, text.algorithm, text.score, text.best_so_far], rows)


def _axis_values(values: list[object]) -> tuple[list[float], dict[str, object]]:
    """Values as numbers for an axis: numbers stay, categories become codes with their labels."""
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return [float(cast(float, v)) for v in values], {}
    labels = sorted({repr(v) if not isinstance(v, str) else v for v in values})
    codes = {label: i for i, label in enumerate(labels)}
    as_codes = [float(codes[v if isinstance(v, str) else repr(v)]) for v in values]
    return as_codes, {"tickvals": list(range(len(labels))),
                      "ticktext": [literal(label) for label in labels]}


def parallel_coordinates(trials: Sequence[TrialRecord], algorithm: str,
                         text: ChartText = ENGLISH) -> ChartPayload:
    """One line per completed trial of ``algorithm`` across its varying hyperparameters and the
    score; line colour follows the score on a colour-blind-safe scale, and the score axis
    repeats it as a position."""
    import plotly.graph_objects as go

    done = of_algorithm(trials, algorithm)
    names = varying_params(done)
    dimensions = []
    for name in names:
        raw = [t.params.get(name) for t in done]
        values, ticks = _axis_values(["–" if v is None else v for v in raw])
        dimensions.append({"label": literal(name), "values": values, **ticks})
    scores = [float(cast(float, t.score)) for t in done]  # completed: has a score
    dimensions.append({"label": literal(text.score), "values": scores})
    figure = go.Figure(go.Parcoords(
        dimensions=dimensions,
        line={"color": scores, "colorscale": palette.SEQUENTIAL, "showscale": True},
    ))
    figure.update_layout(margin={"l": 60, "r": 60, "t": 40, "b": 20}, height=380)
    rows = [[t.number, *[t.params.get(n) for n in names], t.score] for t in done]
    return chart(figure, [text.trial, *names, text.score], rows)


def slice_plot(trials: Sequence[TrialRecord], algorithm: str, param: str,
               text: ChartText = ENGLISH) -> ChartPayload:
    """The score of each completed trial of ``algorithm`` against one hyperparameter's value."""
    import plotly.graph_objects as go

    done = [t for t in of_algorithm(trials, algorithm) if t.params.get(param) is not None]
    values = [t.params[param] for t in done]
    numeric = param in numeric_params(done)
    x = values if numeric else [literal(v) for v in values]
    figure = go.Figure(go.Scatter(
        x=x, y=[t.score for t in done], mode="markers", name=literal(algorithm),
        marker={"color": palette.color(0), "symbol": palette.marker(0), "size": 8,
                "line": {"width": 1, "color": palette.REFERENCE}},
        hovertemplate="%{x}: %{y}<extra></extra>",
    ))
    x_axis: dict[str, object] = {"title": {"text": literal(param)}}
    if numeric:
        x_axis["type"] = _numeric_axis_type([float(cast(float, v)) for v in values])
    else:
        x_axis["type"] = "category"
    figure.update_layout(**base_layout(param, text.score))
    figure.update_layout(xaxis=x_axis)
    rows = [[t.number, t.params[param], t.score] for t in done]
    return chart(figure, [text.trial, param, text.score], rows)


def _numeric_axis_type(values: list[float]) -> str:
    """A log axis for positive values spanning at least two orders of magnitude."""
    positive = [v for v in values if v > 0]
    if len(positive) == len(values) and positive and max(positive) / min(positive) >= 100:
        return "log"
    return "linear"


def algorithm_summary(trials: Sequence[TrialRecord], greater_is_better: bool,
                      text: ChartText = ENGLISH) -> ChartPayload:
    """Per algorithm: trials run, completed, best and median score, mean fit time; the figure
    shows each algorithm's scores as a box with its points, named on the axis."""
    import plotly.graph_objects as go

    pick = max if greater_is_better else min
    figure = go.Figure()
    rows = []
    for index, algorithm in enumerate(algorithms(trials)):
        tried = [t for t in trials if t.algorithm == algorithm]
        scores = [float(cast(float, t.score)) for t in completed(tried)]  # completed: has a score
        fit_times = [t.fit_time_s for t in tried if math.isfinite(t.fit_time_s)]
        rows.append([algorithm, len(tried), len(scores), pick(scores) if scores else None,
                     statistics.median(scores) if scores else None,
                     statistics.fmean(fit_times) if fit_times else None])
        figure.add_trace(go.Box(
            y=scores, name=literal(algorithm), boxpoints="all", jitter=0.4,
            marker={"color": palette.color(index), "symbol": palette.marker(index)},
        ))
    figure.update_layout(**base_layout(text.algorithm, text.score, showlegend=False))
    columns = [text.algorithm, text.trials, text.completed, text.best, text.median,
               text.mean_fit_time]
    return chart(figure, columns, rows)
