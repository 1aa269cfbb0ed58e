"""Which worker ran which trial when: one row per worker, one bar per trial from its start to
its end (now, while it runs), coloured and patterned by state, and the same as a table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from automl_core.analysis import palette
from automl_core.analysis.payload import ChartPayload, base_layout, chart
from automl_core.data.charts import literal
from daria.experiments.models import Experiment, Trial
from daria.leaderboard.chart_text import label

# The states in legend order, each with its English label (the catalogue key). The n-th state
# always gets the n-th Okabe-Ito colour and fill pattern: colour is never the only cue.
STATES = (
    ("complete", "Complete"), ("running", "Running"), ("failed", "Failed"),
    ("timeout", "Timed out"), ("cancelled", "Cancelled"), ("pruned", "Pruned"),
)
PATTERNS = ("", "/", "x", "\\", ".", "-", "+")


@dataclass(frozen=True)
class TimelineBar:
    """One trial on the timeline: its worker row and seconds from the search's start."""

    worker: str
    number: int
    algorithm: str
    state: str
    start_s: float
    end_s: float


def timeline_bars(experiment: Experiment, now: datetime | None = None) -> list[TimelineBar]:
    """Every trial that started, by worker then start; a running trial ends ``now``.

    Times count from the search's start (the first trial's, for an experiment without one).
    Trials run before the worker was recorded have the worker "".
    """
    now = now or timezone.now()
    started = list(experiment.trials.filter(started_at__isnull=False)
                   .order_by("started_at", "number"))
    if not started:
        return []
    origin = experiment.started_at or started[0].started_at
    bars = [TimelineBar(trial.worker, trial.number, trial.algorithm, trial.state,
                        (trial.started_at - origin).total_seconds(),
                        ((trial.finished_at or now) - origin).total_seconds())
            for trial in started if trial.state != Trial.QUEUED]
    return sorted(bars, key=lambda bar: (bar.worker, bar.start_s, bar.number))


def _state_label(state: str) -> str:
    english = dict(STATES).get(state)
    return label(english) if english else state


def worker_timeline(bars: Sequence[TimelineBar]) -> ChartPayload:
    """The timeline chart: horizontal bars per worker, one trace per state (legend and table
    name the state, so it can be read without colours)."""
    import plotly.graph_objects as go  # imported here: only charts need it

    unknown = label("Unknown worker")
    row = {bar: literal(bar.worker or unknown) for bar in bars}
    known = [state for state, _ in STATES]
    present = known + sorted({bar.state for bar in bars} - set(known))
    figure = go.Figure()
    for index, state in enumerate(present):
        of_state = [bar for bar in bars if bar.state == state]
        if not of_state:
            continue
        name = literal(_state_label(state))
        figure.add_trace(go.Bar(
            orientation="h", name=name, y=[row[bar] for bar in of_state],
            base=[bar.start_s for bar in of_state],
            x=[bar.end_s - bar.start_s for bar in of_state],
            customdata=[[bar.number, literal(bar.algorithm), bar.end_s] for bar in of_state],
            # A worker running trials in parallel overlaps its bars: outlined, see-through.
            opacity=0.8,
            marker={"color": palette.color(index),
                    "pattern": {"shape": PATTERNS[index % len(PATTERNS)]},
                    "line": {"width": 1, "color": palette.REFERENCE}},
            hovertemplate=(f"{literal(label('Trial'))} %{{customdata[0]}} "
                           f"(%{{customdata[1]}}): %{{base:.1f}}–%{{customdata[2]:.1f}} s"
                           f"<extra>{name}</extra>"),
        ))
    workers = sorted(set(row.values()))
    figure.update_layout(**base_layout(
        label("Seconds since the search started"), label("Worker"), barmode="overlay",
        height=max(200, 120 + 40 * len(workers))))
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=workers[::-1])
    columns = [label("Worker"), label("Trial"), label("Algorithm"), label("State"),
               label("Started (s)"), label("Finished (s)"), label("Duration (s)")]
    rows = [[bar.worker or unknown, bar.number, bar.algorithm, _state_label(bar.state),
             f"{bar.start_s:.1f}", f"{bar.end_s:.1f}", f"{bar.end_s - bar.start_s:.1f}"]
            for bar in bars]
    return chart(figure, columns, rows)
