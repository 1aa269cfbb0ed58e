"""One fitted estimator of a Daria pipeline as an ONNX model from a float matrix ``features``.

scikit-learn estimators convert with skl2onnx; LightGBM with onnxmltools' converter, registered
with skl2onnx as its documentation shows. Daria's MLP wraps the network (clipping to the training
range, a standardised target for regression): the network converts alone and the wrapping is
re-expressed as :class:`EstimatorGraph` fields that :mod:`automl_core.export.onnx_graph` writes
as ONNX nodes.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import lightgbm as lgb
import numpy as np
import onnx
from sklearn.compose import TransformedTargetRegressor
from sklearn.ensemble import (
    ExtraTreesClassifier,
    ExtraTreesRegressor,
    HistGradientBoostingClassifier,
    HistGradientBoostingRegressor,
    RandomForestClassifier,
    RandomForestRegressor,
)
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import Pipeline

from automl_core.export.onnx_errors import OnnxRefusal

# ai.onnx 17 and ai.onnx.ml 3 are supported by every onnxruntime of the last years, so a file
# made here runs on older runtimes than the one Daria ships.
TARGET_OPSET = {"": 17, "ai.onnx.ml": 3}
FEATURES = "features"

CONVERTIBLE = (
    lgb.LGBMClassifier, lgb.LGBMRegressor, RandomForestClassifier, RandomForestRegressor,
    ExtraTreesClassifier, ExtraTreesRegressor, HistGradientBoostingClassifier,
    HistGradientBoostingRegressor, LogisticRegression, Ridge, KNeighborsClassifier,
    KNeighborsRegressor, MLPClassifier, MLPRegressor,
)


@dataclass(frozen=True)
class EstimatorGraph:
    """An estimator's ONNX model plus the wrapping Daria adds around it.

    ``clip`` holds per-column (low, high) bounds applied to the features first; ``target``
    holds (scale, mean) that turn the model's standardised output back into the target's units.
    """

    model: onnx.ModelProto
    classes: tuple[int, ...]  # class indices of the probability columns (classification)
    clip: tuple[np.ndarray, np.ndarray] | None = None
    target: tuple[float, float] | None = None


def convert_estimator(estimator: Any, n_features: int, algorithm: str) -> EstimatorGraph:
    """The ONNX model of a fitted Daria estimator; OnnxRefusal if its family does not convert."""
    core, clip, target = _unwrap(estimator)
    if not isinstance(core, CONVERTIBLE):
        raise OnnxRefusal("no_converter", f"The {algorithm} model ({type(core).__name__}) has no "
                          "ONNX converter.", {"part": algorithm})
    if getattr(core, "is_categorical_", None) is not None and np.any(core.is_categorical_):
        raise OnnxRefusal("categorical_splits", f"The {algorithm} model splits on categories, "
                          "which its ONNX converter does not support.", {"part": algorithm})
    _register_converters()
    # skl2onnx is imported on first use: it takes seconds, and web processes import this module.
    from skl2onnx import convert_sklearn
    from skl2onnx.common.data_types import FloatTensorType

    is_classifier = hasattr(core, "classes_")
    options = {id(core): {"zipmap": False}} if is_classifier else None
    try:
        features = FloatTensorType([None, n_features])
        model = convert_sklearn(core, initial_types=[(FEATURES, features)], options=options,
                                target_opset=TARGET_OPSET)
    except Exception as error:  # noqa: BLE001 - any converter failure means "not offered"
        raise OnnxRefusal("conversion_failed", f"The {algorithm} model did not convert to ONNX: "
                          f"{type(error).__name__}: {str(error)[:300]}",
                          {"part": algorithm}) from error
    classes = tuple(int(c) for c in core.classes_) if is_classifier else ()
    return EstimatorGraph(model, classes, clip, target)


def _unwrap(estimator: Any) -> tuple[Any, tuple[np.ndarray, np.ndarray] | None,
                                     tuple[float, float] | None]:
    """The convertible core of ``estimator``, its input clipping and its target scaling."""
    target = None
    if isinstance(estimator, TransformedTargetRegressor):
        scaler = estimator.transformer_
        target = (float(scaler.scale_[0]), float(scaler.mean_[0]))
        estimator = estimator.regressor_
    clip = None
    if isinstance(estimator, Pipeline):
        *steps, (_, last) = estimator.steps
        for _, step in steps:
            if not (hasattr(step, "low_") and hasattr(step, "high_")):
                return estimator, None, None  # an unknown step: reported as not convertible
            clip = (np.asarray(step.low_, dtype=float), np.asarray(step.high_, dtype=float))
        estimator = last
    return _plain_network(estimator), clip, target


def _plain_network(estimator: Any) -> Any:
    """Daria's deadline-aware MLP subclasses as the plain scikit-learn class with the same fitted
    state: skl2onnx finds converters by exact type, and the subclasses only change training."""
    for base in (MLPClassifier, MLPRegressor):
        if isinstance(estimator, base) and type(estimator) is not base:
            plain = base.__new__(base)
            plain.__dict__.update(copy.deepcopy(estimator.__dict__))
            return plain
    return estimator


@functools.cache
def _register_converters() -> None:
    """Register LightGBM's converters with skl2onnx, and wrap the HistGradientBoosting ones.

    skl2onnx 1.20 hands numpy booleans to an integer list attribute for HistGradientBoosting
    trees, which protobuf 7 rejects ("Expected an int, got a boolean"); the wrapper casts them.
    """
    from onnxmltools.convert.lightgbm.operator_converters.LightGbm import convert_lightgbm
    from skl2onnx import update_registered_converter
    from skl2onnx.common._registration import get_converter, get_shape_calculator
    from skl2onnx.common.shape_calculator import (
        calculate_linear_classifier_output_shapes,
        calculate_linear_regressor_output_shapes,
    )

    update_registered_converter(
        lgb.LGBMClassifier, "LightGbmLGBMClassifier", calculate_linear_classifier_output_shapes,
        convert_lightgbm, options={"nocl": [True, False], "zipmap": [True, False, "columns"]})
    update_registered_converter(
        lgb.LGBMRegressor, "LightGbmLGBMRegressor", calculate_linear_regressor_output_shapes,
        convert_lightgbm, options={"split": None})
    for kind in (HistGradientBoostingClassifier, HistGradientBoostingRegressor):
        alias = f"Sklearn{kind.__name__}"
        original = get_converter(alias)
        update_registered_converter(kind, alias, get_shape_calculator(alias),
                                    _integer_flags(original),
                                    options=original.get_allowed_options())


def _integer_flags(converter: Callable[..., None]) -> Callable[..., None]:
    def convert(scope: Any, operator: Any, container: Any) -> None:
        converter(scope, operator, _IntegerFlagContainer(container))
    return convert


class _IntegerFlagContainer:
    """A skl2onnx container whose ``add_node`` turns boolean list attributes into integers."""

    def __init__(self, container: Any) -> None:
        self._container = container

    def __getattr__(self, name: str) -> Any:
        return getattr(self._container, name)

    def add_node(self, *args: Any, **attrs: Any) -> Any:
        for key, value in attrs.items():
            if isinstance(value, list) and any(isinstance(v, bool | np.bool_) for v in value):
                attrs[key] = [int(v) for v in value]
        return self._container.add_node(*args, **attrs)
