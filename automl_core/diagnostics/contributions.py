"""Per-row feature contributions: LightGBM's native SHAP values, or a documented fallback.

LightGBM computes exact TreeSHAP contributions with ``pred_contrib=True``: for each row, one value
per encoded column plus the expected value, summing to the model's raw output (log-odds for
classification, the value for regression). The ensemble's other members have no such values
and SHAP values are not additive across a weighted mean of probabilities, so contributions come
from the LightGBM member with the largest ensemble weight alone; they explain that member.
Encoded columns are mapped back to original features by :func:`encoded_sources` and summed
(exact, since SHAP values are additive and every encoded column comes from one feature).

When the ensemble has no LightGBM member, :func:`top_contributions` falls back to a
"missing-value change": a feature's contribution is how much the model's output (probability
or value) moves when that feature alone is set to missing, which the model fills exactly as it
fills missing values in training (median, or "unknown category").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from automl_core.diagnostics.encoded import encoded_sources
from automl_core.diagnostics.payload import PALETTE, Payload, layout, literal, number, payload
from automl_core.pipelines.model import EnsembleModel, FittedPipeline

LIGHTGBM = "lightgbm"
SHAP_METHOD = "lightgbm_shap"
FALLBACK_METHOD = "missing_value_change"
MAX_BARS = 20


class NoLightGBMMember(ValueError):
    """The model has no LightGBM member, so native SHAP contributions are not available."""


@dataclass(frozen=True)
class TopContributions:
    """The ``k`` largest contributions of every row.

    ``table`` has the input frame's index and columns ``feature_1, contribution_1, ...,
    feature_k, contribution_k`` (largest absolute contribution first; signed values, positive
    pushes the output up). ``method`` is ``"lightgbm_shap"`` (units: the LightGBM member's raw
    output: log-odds of the positive class for binary, of the predicted class for multiclass,
    the target's units for regression) or ``"missing_value_change"`` (units: the model's
    probability of that class, or the target's units).
    """

    table: pd.DataFrame
    method: str


def lightgbm_member(model: EnsembleModel) -> FittedPipeline | None:
    """The LightGBM member with the largest ensemble weight, if any."""
    members = [(w, m) for m, w in zip(model.members, model.weights, strict=True)
               if m.algorithm == LIGHTGBM]
    return max(members, key=lambda pair: pair[0])[1] if members else None


def feature_contributions(member: FittedPipeline, frame: pd.DataFrame,
                          features: list[str]) -> np.ndarray:
    """SHAP values per original feature: shape (rows, classes, features) for classification
    (one slice per class the member knows, in class-index order; binary has one slice, the
    positive class) and (rows, 1, features) for regression.
    """
    encoded = member.preprocessor.transform(frame)
    raw = np.asarray(member.estimator.predict(encoded, pred_contrib=True), dtype=float)
    width = encoded.shape[1] + 1  # one value per encoded column plus the expected value
    per_class = raw.reshape(len(frame), raw.shape[1] // width, width)[:, :, :-1]
    sources = encoded_sources(member.preprocessor)
    position = {name: i for i, name in enumerate(features)}
    grouped = np.zeros((len(frame), per_class.shape[1], len(features)))
    for column, source in enumerate(sources):
        grouped[:, :, position[source]] += per_class[:, :, column]
    return grouped


def _class_slice(member: FittedPipeline, contributions: np.ndarray,
                 predicted: np.ndarray) -> np.ndarray:
    """Each row's contributions towards the class it is predicted as (binary: the positive)."""
    if contributions.shape[1] == 1:
        return contributions[:, 0, :]
    known = {int(c): i for i, c in enumerate(getattr(member.estimator, "classes_", []))}
    slots = np.asarray([known.get(int(c), 0) for c in predicted])
    return contributions[np.arange(len(predicted)), slots, :]


def _missing_value_change(model: EnsembleModel, frame: pd.DataFrame, features: list[str],
                          target_columns: np.ndarray | None) -> np.ndarray:
    """(rows, features): output minus the output with that feature set to missing."""
    def output(data: pd.DataFrame) -> np.ndarray:
        raw = model.predict_raw(data)
        if target_columns is None:
            return raw
        return cast(np.ndarray, raw[np.arange(len(data)), target_columns])

    base = output(frame)
    changes = np.zeros((len(frame), len(features)))
    for j, feature in enumerate(features):
        blanked = frame.copy()
        blanked[feature] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        changes[:, j] = base - output(blanked)
    return changes


def top_contributions(model: Any, frame: pd.DataFrame, k: int = 3) -> TopContributions:
    """The ``k`` features with the largest absolute contribution to each row's prediction.

    ``model`` is a fitted ``automl_core.AutoML`` (``AutoML.load`` of a saved model);
    ``frame`` holds the rows to explain with the model's feature columns (matched by name;
    extra columns are ignored, call ``model.check_prediction_frame`` first for missing ones).
    Returns :class:`TopContributions` with one row per input row, in input order: LightGBM's
    native SHAP values (``pred_contrib=True``) of the ensemble's heaviest LightGBM member when
    there is one, else the missing-value change of the whole ensemble (see the module notes).
    Cost: one LightGBM pass; the fallback predicts the frame once per feature.
    """
    features = [str(f) for f in model.feature_names]
    aligned = frame.reindex(columns=features)
    ensemble: EnsembleModel = model.model_
    k = max(1, min(k, len(features)))
    classification = bool(model.classes_)
    member = lightgbm_member(ensemble)
    if member is not None:
        predicted = np.argmax(ensemble.predict_raw(aligned), axis=1) if classification \
            else None
        values = feature_contributions(member, aligned, features)
        signed = (_class_slice(member, values, cast(np.ndarray, predicted)) if classification
                  else values[:, 0, :])
        method = SHAP_METHOD
    else:
        target_columns = None
        if classification:
            raw = ensemble.predict_raw(aligned)
            target_columns = np.full(len(aligned), 1) if raw.shape[1] == 2 \
                else np.argmax(raw, axis=1)
        signed = _missing_value_change(ensemble, aligned, features, target_columns)
        method = FALLBACK_METHOD
    order = np.argsort(-np.abs(signed), axis=1, kind="stable")[:, :k]
    names = np.asarray(features, dtype=object)
    columns: dict[str, Any] = {}
    for rank in range(k):
        picked = order[:, rank]
        columns[f"feature_{rank + 1}"] = names[picked]
        columns[f"contribution_{rank + 1}"] = signed[np.arange(len(aligned)), picked]
    return TopContributions(pd.DataFrame(columns, index=frame.index), method)


def shap_importance(model: Any, frame: pd.DataFrame) -> Payload:
    """Mean absolute SHAP value per original feature (over rows and classes), as a bar chart.

    Computed for the heaviest LightGBM member on ``frame`` (a row sample); raises
    :class:`NoLightGBMMember` when the ensemble has none.
    """
    member = lightgbm_member(model.model_)
    if member is None:
        raise NoLightGBMMember("the model has no LightGBM member")
    features = [str(f) for f in model.feature_names]
    values = feature_contributions(member, frame.reindex(columns=features), features)
    mean_abs = np.abs(values).mean(axis=(0, 1))
    return importance_bars(features, mean_abs, "mean |SHAP value| (log-odds or target units)")


def importance_bars(features: list[str], values: np.ndarray, x_title: str,
                    spread: np.ndarray | None = None) -> Payload:
    """Horizontal bars of the largest ``MAX_BARS`` values, largest on top; the table lists all
    features, largest first."""
    order = np.argsort(-values, kind="stable")
    shown = order[:MAX_BARS][::-1]
    trace: dict[str, Any] = {
        "type": "bar", "orientation": "h", "x": [float(values[i]) for i in shown],
        "y": [literal(features[i]) for i in shown], "name": x_title,
        "marker": {"color": PALETTE[0], "line": {"color": "#08306b", "width": 1}},
        "text": [number(values[i], 3) for i in shown], "textposition": "outside",
        "cliponaxis": False}
    if spread is not None:
        trace["error_x"] = {"type": "data", "array": [float(spread[i]) for i in shown],
                            "color": "#444444"}
    chart_layout = layout(x_title, "", height=max(240, 26 * len(shown) + 80),
                          yaxis={"type": "category"}, showlegend=False)
    columns = ["feature", "importance"] + (["spread"] if spread is not None else [])
    rows = [[features[i], number(values[i])]
            + ([number(spread[i])] if spread is not None else []) for i in order]
    return payload([trace], chart_layout, columns, rows)
