"""Warnings that depend on the chosen target: class imbalance and target leakage.

Leakage is measured cheaply: each feature alone predicts the target on a sample with two-fold
cross-validation (a small tree for numbers, the per-value majority or mean for categories). A
feature that does it almost perfectly on its own is probably a copy of the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, r2_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

from automl_core.data.column_types import ColumnKind, infer_kinds, to_numeric
from automl_core.data.task import infer_task
from automl_core.exceptions import DataWarning

SAMPLE_ROWS = 5000
MAX_FEATURES = 300
LEAK_SCORE = 0.98  # balanced accuracy (classification) or R^2 (regression) of one feature alone
IMBALANCE_SHARE = 0.1  # the smallest class under 10% of the rows
_SKIPPED = {ColumnKind.ID, ColumnKind.CONSTANT, ColumnKind.TEXT}


def target_warnings(frame: pd.DataFrame, target: str,
                    kinds: Mapping[str, ColumnKind | str] | None = None,
                    seed: int = 0) -> list[DataWarning]:
    """``class_imbalance`` and ``target_leakage`` warnings for ``target`` (none when unusable)."""
    present = frame[frame[target].notna()]
    if present[target].nunique() < 2 or len(present) < 10:
        return []  # the target checks of prepare_target explain this case
    classification = infer_task(present[target]).task.is_classification
    found: list[DataWarning] = []
    if classification and (imbalance := _imbalance(present[target])):
        found.append(imbalance)
    if leak := _leakage(present, target, kinds, classification, seed):
        found.append(leak)
    return found


def _imbalance(y: pd.Series) -> DataWarning | None:
    shares = y.astype(str).value_counts(normalize=True)
    smallest, share = str(shares.index[-1]), float(shares.iloc[-1])
    if share >= IMBALANCE_SHARE:
        return None
    percent = round(100 * share, 1)
    return DataWarning(
        "class_imbalance", f"The classes of the target are imbalanced: '{smallest}' is only "
        f"{percent}% of the rows. Accuracy can look good while that class is always missed; "
        "judge the model by ROC AUC or balanced accuracy.", (cast(str, y.name),) if y.name else (),
        {"class": smallest, "percent": percent})


def _leakage(frame: pd.DataFrame, target: str, kinds: Mapping[str, ColumnKind | str] | None,
             classification: bool, seed: int) -> DataWarning | None:
    sample = frame.sample(min(len(frame), SAMPLE_ROWS), random_state=seed)
    known = {**infer_kinds(sample), **{k: ColumnKind(v) for k, v in (kinds or {}).items()}}
    y_raw = sample[target]
    if classification:
        y = pd.factorize(y_raw.astype(str))[0]
        counts = np.bincount(y)
        if counts.min() < 2:
            return None
        splitter = StratifiedKFold(2, shuffle=True, random_state=seed)
    else:
        y = to_numeric(y_raw).to_numpy()
        keep = np.isfinite(y)
        sample, y = sample[keep], y[keep]
        splitter = KFold(2, shuffle=True, random_state=seed)
    folds = list(splitter.split(np.zeros(len(y)), y if classification else None))
    features = [c for c in sample.columns if c != target and known.get(str(c)) not in _SKIPPED]
    scores = {str(name): _single_feature_score(sample[name], known.get(str(name)), y, folds,
                                               classification)
              for name in features[:MAX_FEATURES]}
    leaks = {name: round(score, 3) for name, score in scores.items() if score >= LEAK_SCORE}
    if not leaks:
        return None
    measure = "balanced accuracy" if classification else "R²"
    return DataWarning(
        "target_leakage", f"These columns predict the target '{target}' almost perfectly on "
        f"their own ({measure}: {', '.join(f'{n} {s}' for n, s in leaks.items())}). They are "
        "probably known only after the fact, or a copy of the target; a model using them will "
        "fail on new data. Exclude them unless you are sure.", tuple(leaks),
        {"target": target, "scores": leaks})


def _single_feature_score(series: pd.Series, kind: ColumnKind | None, y: np.ndarray,
                          folds: list[tuple[np.ndarray, np.ndarray]],
                          classification: bool) -> float:
    numeric = kind in (ColumnKind.NUMERIC, ColumnKind.BOOLEAN) and \
        to_numeric(series).notna().mean() > 0.5
    scores = []
    for train, test in folds:
        if numeric:
            x = to_numeric(series).to_numpy().reshape(-1, 1)
            model = (DecisionTreeClassifier(max_depth=6, random_state=0) if classification
                     else DecisionTreeRegressor(max_depth=8, random_state=0))
            predicted = model.fit(x[train], y[train]).predict(x[test])
        else:
            predicted = _per_value_prediction(series.astype(str).to_numpy(), y, train, test,
                                              classification)
        scores.append(balanced_accuracy_score(y[test], predicted) if classification
                      else r2_score(y[test], predicted))
    return float(np.mean(scores))


def _per_value_prediction(values: np.ndarray, y: np.ndarray, train: np.ndarray,
                          test: np.ndarray, classification: bool) -> np.ndarray:
    """Each value predicts the majority class (or mean) of its rows in the training half."""
    table = pd.DataFrame({"value": values[train], "y": y[train]})
    if classification:
        fallback = float(np.bincount(y[train]).argmax())
        by_value = table.groupby("value")["y"].agg(lambda s: s.value_counts().index[0])
    else:
        fallback = float(np.mean(y[train]))
        by_value = table.groupby("value")["y"].mean()
    predicted = pd.Series(values[test]).map(by_value).fillna(fallback).to_numpy()
    return predicted.astype(int) if classification else predicted
