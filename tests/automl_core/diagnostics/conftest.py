"""Small fitted models and synthetic out-of-fold predictions shared by the diagnostics tests."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from automl_core import AutoML


def _frame(task: str, n: int = 300, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({
        "signal": rng.normal(size=n),
        "group": rng.choice(["red", "green", "blue"], size=n),
        "noise": rng.normal(size=n),
    })
    score = 2.0 * frame["signal"] + (frame["group"] == "red") * 1.5
    if task == "binary":
        frame["target"] = np.where(score + rng.normal(scale=0.5, size=n) > 0.7, "yes", "no")
    elif task == "multiclass":
        frame["target"] = pd.cut(score + rng.normal(scale=0.3, size=n), [-np.inf, -0.5, 1.0,
                                                                          np.inf],
                                 labels=["low", "mid", "high"]).astype(str)
    else:
        frame["target"] = score * 10 + rng.normal(size=n)
    return frame


@pytest.fixture(scope="session")
def frames() -> dict[str, pd.DataFrame]:
    """One synthetic table per task, where ``signal`` and ``group`` drive the target."""
    return {task: _frame(task) for task in ("binary", "multiclass", "regression")}


@pytest.fixture(scope="session")
def fitted(frames: dict[str, pd.DataFrame]) -> dict[str, AutoML]:
    """LightGBM models (native SHAP available) for every task."""
    return {task: AutoML(task=task, time_budget_s=6, algorithms=["lightgbm"])
            .fit(frame, "target") for task, frame in frames.items()}


@pytest.fixture(scope="session")
def fitted_linear(frames: dict[str, pd.DataFrame]) -> AutoML:
    """A binary model without a LightGBM member (the contributions fall back)."""
    return AutoML(task="binary", time_budget_s=4, algorithms=["linear"]).fit(
        frames["binary"], "target")
