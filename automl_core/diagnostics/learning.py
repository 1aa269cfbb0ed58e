"""Learning curve: the cross-validated score of the best configuration against training size.

The best trial's configuration is refit on growing shares of each fold's training rows
(``FRACTIONS``) and scored on the fold's untouched validation rows, so every point is an
out-of-sample score. Large tables are first sampled to ``MAX_ROWS`` rows and ``N_FOLDS`` folds
keep the cost at ``len(FRACTIONS) x N_FOLDS`` fits. A curve still rising at 100% suggests more
rows would help; a flat one, that more of the same rows would not.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.data.splits import make_folds
from automl_core.data.task import Task
from automl_core.diagnostics.payload import Payload, floats, layout, number, payload, style
from automl_core.evaluation.cv import PreparedData, TrialTimeout, evaluate
from automl_core.evaluation.metrics import Metric
from automl_core.search.space import Configuration

FRACTIONS = (0.1, 0.25, 0.5, 0.75, 1.0)
MAX_ROWS = 5000
N_FOLDS = 3
MIN_TRAIN_ROWS = 20


def learning_curve(features: pd.DataFrame, y: np.ndarray, kinds: dict[str, ColumnKind],
                   task: Task, n_classes: int, config: Configuration, metric: Metric,
                   seed: int = 0, time_limit_s: float = 120.0) -> Payload:
    """Mean and spread of the fold scores per training share, as a line with error bars.

    Points that would train on fewer than ``MIN_TRAIN_ROWS`` rows are skipped; the curve stops
    early (with the points computed so far) after ``time_limit_s`` seconds.
    """
    rng = np.random.default_rng(seed)
    if len(y) > MAX_ROWS:
        keep = np.sort(rng.choice(len(y), size=MAX_ROWS, replace=False))
        features, y = features.iloc[keep].reset_index(drop=True), y[keep]
    folds = make_folds(y, task, N_FOLDS, seed)
    deadline = time.monotonic() + time_limit_s
    sizes, means, spreads = [], [], []
    for fraction in FRACTIONS:
        subsets = [(np.sort(rng.choice(train, size=int(len(train) * fraction), replace=False)),
                    valid) for train, valid in folds]
        if min(len(train) for train, _ in subsets) < MIN_TRAIN_ROWS:
            continue
        data = PreparedData(features, y, kinds, subsets, task, n_classes)
        try:
            result = evaluate(config, data, metric, seed, deadline=deadline)
        except TrialTimeout:
            break
        sizes.append(int(np.mean([len(train) for train, _ in subsets])))
        means.append(float(np.mean(result.fold_scores)))
        spreads.append(float(np.std(result.fold_scores)))
    trace = {"type": "scatter", "mode": "lines+markers", "name": f"CV {metric.name}",
             "x": sizes, "y": floats(means),
             "error_y": {"type": "data", "array": floats(spreads), "visible": True},
             **style(0)}
    chart_layout = layout("training rows", f"{metric.name} (cross-validated)", showlegend=False)
    rows = [[str(s), number(m), number(d)] for s, m, d in zip(sizes, means, spreads,
                                                             strict=True)]
    return payload([trace], chart_layout, ["training rows", "score", "spread"], rows)
