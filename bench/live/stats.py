"""Percentiles of a list of durations, in milliseconds."""

from __future__ import annotations

import statistics


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile (0..1) of ``values`` by linear interpolation (inclusive)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50, p95, max and mean of durations given in seconds, in ms (rounded to 0.1)."""
    return {name: round(value * 1000, 1) for name, value in (
        ("p50", percentile(seconds, 0.5)), ("p95", percentile(seconds, 0.95)),
        ("max", max(seconds)), ("mean", statistics.fmean(seconds)))}
