"""Selecting and describing trials for analysis: completed ones, best first, parameter kinds."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from automl_core.search.trial import TrialRecord, TrialState


def completed(trials: Iterable[TrialRecord]) -> list[TrialRecord]:
    """The trials with a finite score, by number."""
    kept = [t for t in trials if t.state is TrialState.COMPLETE and t.score is not None
            and math.isfinite(t.score)]
    return sorted(kept, key=lambda t: t.number)


def algorithms(trials: Iterable[TrialRecord]) -> list[str]:
    """The algorithms tried, in order of first appearance by trial number."""
    seen: dict[str, None] = {}
    for trial in sorted(trials, key=lambda t: t.number):
        seen.setdefault(trial.algorithm, None)
    return list(seen)


def of_algorithm(trials: Iterable[TrialRecord], algorithm: str) -> list[TrialRecord]:
    """The completed trials of one algorithm."""
    return [t for t in completed(trials) if t.algorithm == algorithm]


def is_number(value: object) -> bool:
    """Whether a parameter value is a real number (booleans are categories)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def param_names(trials: Sequence[TrialRecord]) -> list[str]:
    """Every parameter name of the trials, sorted."""
    return sorted({name for t in trials for name in t.params})


def numeric_params(trials: Sequence[TrialRecord]) -> set[str]:
    """The parameters whose every set value is a number."""
    numeric = set()
    for name in param_names(trials):
        values = [t.params[name] for t in trials if t.params.get(name) is not None]
        if values and all(is_number(v) for v in values):
            numeric.add(name)
    return numeric


def varying_params(trials: Sequence[TrialRecord]) -> list[str]:
    """The parameters that take at least two different values (constants explain nothing)."""
    return [name for name in param_names(trials)
            if len({repr(t.params.get(name)) for t in trials}) >= 2]
