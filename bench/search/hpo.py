"""A real HPO problem: eight LightGBM hyperparameters on ``credit_g``, 3-fold CV log loss.

The data are read from the shared datasets folder (``bench.engine.datasets``), never copied. The
folds are stratified and fixed (seed 0), LightGBM runs on one thread with a fixed seed, so a
configuration always gets the same loss and the searchers differ only in what they propose.
Evaluations are cached per process by the configuration rounded to 6 significant digits.
The optimum is unknown: ``bench.search.run`` measures regret against the best loss any searcher
found in the same run.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np

from automl_core.search.space import CashSpace, FloatParam, IntParam

DATASET = "credit_g"
FOLDS = 3
SEED = 0

LGBM_SPACE = CashSpace({"lgbm": (
    IntParam("n_estimators", 10, 300, log=True),
    FloatParam("learning_rate", 0.005, 0.5, log=True),
    IntParam("num_leaves", 2, 64, log=True),
    IntParam("min_child_samples", 2, 100, log=True),
    FloatParam("colsample_bytree", 0.2, 1.0),
    FloatParam("subsample", 0.3, 1.0),
    FloatParam("reg_lambda", 1e-6, 10.0, log=True),
    FloatParam("reg_alpha", 1e-6, 10.0, log=True),
)})


@functools.cache
def _data() -> tuple[Any, np.ndarray, list[tuple[np.ndarray, np.ndarray]]]:
    """Features (text columns as pandas categories), 0/1 target and the fixed folds."""
    import pandas as pd
    from sklearn.model_selection import StratifiedKFold

    from bench.engine.datasets import DATASETS

    dataset = DATASETS[DATASET]
    frame = pd.read_csv(dataset.path)
    target = frame.pop(dataset.target)
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].astype("category")
    y = (target == target.value_counts().index[-1]).to_numpy(dtype=int)
    folds = list(StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(frame, y))
    return frame, y, folds


def _rounded(params: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, float(f"{v:.6g}")) for k, v in params.items()))


@functools.cache
def _cv_log_loss(key: tuple[tuple[str, Any], ...]) -> float:
    from lightgbm import LGBMClassifier
    from sklearn.metrics import log_loss

    params = dict(key)
    frame, y, folds = _data()
    losses = []
    for train, test in folds:
        model = LGBMClassifier(
            n_estimators=int(params["n_estimators"]), learning_rate=params["learning_rate"],
            num_leaves=int(params["num_leaves"]),
            min_child_samples=int(params["min_child_samples"]),
            colsample_bytree=params["colsample_bytree"], subsample=params["subsample"],
            subsample_freq=1, reg_lambda=params["reg_lambda"], reg_alpha=params["reg_alpha"],
            n_jobs=1, random_state=SEED, verbose=-1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(frame.iloc[train], y[train])
            proba = model.predict_proba(frame.iloc[test])[:, 1]
        losses.append(log_loss(y[test], proba, labels=[0, 1]))
    return float(np.mean(losses))


def lgbm_credit_g(algorithm: str, params: Mapping[str, Any]) -> float:
    """Mean 3-fold stratified CV log loss of LightGBM with ``params`` on credit_g."""
    return _cv_log_loss(_rounded(params))
