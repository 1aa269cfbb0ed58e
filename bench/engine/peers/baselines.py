"""LightGBM and scikit-learn HistGradientBoosting with their default parameters."""

from __future__ import annotations

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

from bench.engine.peers.common import Problem, lightgbm_features

HGB_MAX_CATEGORIES = 255  # HGB rejects categorical features with more distinct values


def lgbm_default(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    """LightGBM defaults (100 rounds, 31 leaves, learning rate 0.1), native categoricals."""
    X, X_test = lightgbm_features(problem.X, problem.test)  # noqa: N806
    options = {"random_state": problem.seed, "n_jobs": problem.n_jobs, "verbose": -1}
    if problem.task == "regression":
        return None, lgb.LGBMRegressor(**options).fit(X, problem.y).predict(X_test)
    model = lgb.LGBMClassifier(**options).fit(X, problem.y)
    return list(model.classes_), model.predict_proba(X_test)


def hgb_default(problem: Problem) -> tuple[list[object] | None, np.ndarray]:
    """HistGradientBoosting defaults; categories with too many values become ordinal codes."""
    X, X_test = _hgb_features(*lightgbm_features(problem.X, problem.test))  # noqa: N806
    options = {"random_state": problem.seed, "categorical_features": "from_dtype"}
    if problem.task == "regression":
        return None, HistGradientBoostingRegressor(**options).fit(X, problem.y).predict(X_test)
    model = HistGradientBoostingClassifier(**options).fit(X, problem.y)
    return list(model.classes_), model.predict_proba(X_test)


def _hgb_features(train: pd.DataFrame, test: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    for column in train.columns:
        if isinstance(train[column].dtype, pd.CategoricalDtype) and len(
                train[column].cat.categories) > HGB_MAX_CATEGORIES:
            train[column] = train[column].cat.codes.replace(-1, np.nan).astype(float)
            test[column] = test[column].cat.codes.replace(-1, np.nan).astype(float)
    return train, test
