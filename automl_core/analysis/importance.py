"""Hyperparameter importance of one algorithm's trials, in the spirit of fANOVA.

A random forest learns score = f(hyperparameters) from the completed trials; the importance of a
hyperparameter is how much worse that forest predicts the scores when the parameter's column is
shuffled (permutation importance, in R² lost), shown as a share of the total. Missing values of
conditional parameters are kept as NaN, categories become integer codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from automl_core.analysis import palette
from automl_core.analysis.payload import ENGLISH, ChartPayload, ChartText, base_layout, chart
from automl_core.analysis.trials import is_number, of_algorithm, varying_params
from automl_core.data.charts import literal
from automl_core.exceptions import ConfigError
from automl_core.search.trial import TrialRecord

# Fewer completed trials than this say nothing reliable about importance.
MIN_TRIALS = 10
# More trials than this are sampled down (seeded): the forest's answer barely changes.
MAX_TRIALS = 2000
N_REPEATS = 10


@dataclass(frozen=True)
class Importance:
    """One hyperparameter's importance: R² lost when shuffled (mean and spread) and share."""

    name: str
    mean: float
    std: float
    share: float


def importance_available(trials: Sequence[TrialRecord], algorithm: str) -> bool:
    """Whether ``algorithm`` has enough completed trials and at least one varying parameter."""
    done = of_algorithm(trials, algorithm)
    return len(done) >= MIN_TRIALS and bool(varying_params(done))


def _encode(done: Sequence[TrialRecord], names: Sequence[str]) -> np.ndarray:
    columns = []
    for name in names:
        values = [t.params.get(name) for t in done]
        if all(v is None or is_number(v) for v in values):
            columns.append([np.nan if v is None else float(v) for v in values])
        else:
            labels = sorted({repr(v) for v in values})
            columns.append([float(labels.index(repr(v))) for v in values])
    return np.asarray(columns, dtype=float).T


def hyperparameter_importance(trials: Sequence[TrialRecord], algorithm: str,
                              seed: int = 0) -> list[Importance]:
    """The importance of each varying hyperparameter of ``algorithm``, most important first.

    Raises ConfigError ``not_enough_trials`` when :func:`importance_available` is false.
    """
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.inspection import permutation_importance

    if not importance_available(trials, algorithm):
        raise ConfigError("not_enough_trials",
                          f"Hyperparameter importance needs at least {MIN_TRIALS} completed "
                          f"trials of {algorithm} with a hyperparameter that varies.",
                          {"algorithm": algorithm, "minimum": MIN_TRIALS})
    done = of_algorithm(trials, algorithm)
    rng = np.random.default_rng(seed)
    if len(done) > MAX_TRIALS:
        done = [done[i] for i in sorted(rng.choice(len(done), MAX_TRIALS, replace=False))]
    names = varying_params(done)
    features = _encode(done, names)
    scores = np.asarray([float(cast(float, t.score)) for t in done])  # completed: has a score
    forest = RandomForestRegressor(n_estimators=100, min_samples_leaf=2, random_state=seed)
    forest.fit(features, scores)
    result = permutation_importance(forest, features, scores, n_repeats=N_REPEATS,
                                    random_state=seed)
    means = np.clip(result.importances_mean, 0.0, None)
    total = float(means.sum())
    found = [Importance(name, float(mean), float(std), float(mean) / total if total > 0 else 0.0)
             for name, mean, std in zip(names, means, result.importances_std, strict=True)]
    return sorted(found, key=lambda item: -item.mean)


def importance_chart(importances: Sequence[Importance],
                     text: ChartText = ENGLISH) -> ChartPayload:
    """Horizontal bars, most important on top, each labelled with its share as text."""
    import plotly.graph_objects as go

    ordered = list(reversed(importances))  # plotly draws the first bar at the bottom
    figure = go.Figure(go.Bar(
        x=[item.mean for item in ordered], y=[literal(item.name) for item in ordered],
        orientation="h", marker={"color": palette.color(0)},
        error_x={"type": "data", "array": [item.std for item in ordered], "visible": True},
        text=[f"{item.share:.0%}" for item in ordered], textposition="outside",
    ))
    figure.update_layout(**base_layout(text.importance, text.parameter, showlegend=False))
    rows = [[item.name, item.mean, item.std, f"{item.share:.0%}"] for item in importances]
    return chart(figure, [text.parameter, text.importance, text.spread, "%"], rows)
