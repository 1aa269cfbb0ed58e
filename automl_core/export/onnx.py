"""A saved model as an ONNX file, offered only when it predicts what the model predicts.

:func:`export_onnx` translates the model (see :mod:`automl_core.export.onnx_graph`), runs the
file with onnxruntime on sample rows and compares it with the model itself: probabilities within
``PROBABILITY_TOLERANCE``, the same labels (except rows where two classes are tied within that
tolerance), regression values within a relative ``VALUE_TOLERANCE``. Anything else raises
:class:`~automl_core.export.onnx_errors.OnnxRefusal` naming the part that stops it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from automl_core.data.column_types import to_numeric
from automl_core.data.task import Task
from automl_core.export.onnx_errors import OnnxRefusal
from automl_core.export.onnx_graph import (
    LABEL,
    PREDICTION,
    PROBABILITIES,
    build_onnx,
    model_inputs,
)
from automl_core.export.onnx_preprocessing import EMPTY, NUMBER

__all__ = ["OnnxExport", "OnnxRefusal", "export_onnx", "onnx_feed"]

PROBABILITY_TOLERANCE = 1e-4
VALUE_TOLERANCE = 1e-4  # relative to the larger of 1 and the predictions' spread
SAMPLE_ROWS = 2000


@dataclass(frozen=True)
class OnnxExport:
    """A verified ONNX file: its bytes, inputs (name -> ``number``/``text``) and outputs."""

    content: bytes
    inputs: dict[str, str]
    outputs: tuple[str, ...]
    rows_checked: int
    max_difference: float


def export_onnx(automl: Any, sample: pd.DataFrame, seed: int = 0) -> OnnxExport:
    """The fitted ``automl`` as a verified ONNX file; OnnxRefusal if it does not convert or
    does not match on (up to ``SAMPLE_ROWS`` of) the ``sample`` rows, typically training rows."""
    classification = Task(automl.task).is_classification
    classes = list(automl.classes_) if classification else None
    model = build_onnx(automl.model_, automl.feature_names, classes)
    inputs = model_inputs(automl.model_, automl.feature_names)
    content = model.SerializeToString()
    rows = sample.sample(n=min(len(sample), SAMPLE_ROWS), random_state=seed) \
        if len(sample) > SAMPLE_ROWS else sample
    outputs = _run(content, onnx_feed(rows, inputs))
    expected = automl.predict_proba(rows).to_numpy() if classification else automl.predict(rows)
    difference = _compare(outputs, np.asarray(expected, dtype=float), classes)
    names = (LABEL, PROBABILITIES) if classification else (PREDICTION,)
    return OnnxExport(content, inputs, names, len(rows), difference)


def onnx_feed(frame: pd.DataFrame, inputs: Mapping[str, str]) -> dict[str, np.ndarray]:
    """The ONNX inputs for the rows of ``frame``: numbers as float64 column vectors (NaN where
    missing or not a number), text as string column vectors (``""`` where missing)."""
    feed: dict[str, np.ndarray] = {}
    for name, kind in inputs.items():
        column = frame[name]
        if kind == NUMBER:
            feed[name] = to_numeric(column).to_numpy(dtype=np.float64).reshape(-1, 1)
        else:
            text = column.astype("str").where(column.notna(), EMPTY)
            feed[name] = text.to_numpy(dtype=object).reshape(-1, 1)
    return feed


def _run(content: bytes, feed: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    import onnxruntime  # on first use, like skl2onnx (see onnx_converters)

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    try:
        session = onnxruntime.InferenceSession(content, options,
                                               providers=["CPUExecutionProvider"])
        values = session.run(None, feed)
    except Exception as error:  # noqa: BLE001 - any runtime failure means "not offered"
        raise OnnxRefusal("conversion_failed", "The ONNX file does not run in onnxruntime: "
                          f"{type(error).__name__}: {str(error)[:300]}",
                          {"part": "onnxruntime"}) from error
    return {output.name: value for output, value in zip(session.get_outputs(), values,
                                                         strict=True)}


def _compare(outputs: dict[str, np.ndarray], expected: np.ndarray,
             classes: list[Any] | None) -> float:
    """The largest difference between the ONNX outputs and ``expected``; OnnxRefusal if the
    outputs do not match."""
    if classes is None:
        got = np.asarray(outputs[PREDICTION], dtype=float)
        difference = float(np.max(np.abs(got - expected), initial=0.0))
        allowed = VALUE_TOLERANCE * max(1.0, float(np.std(expected)) if len(expected) else 1.0)
        if difference > allowed:
            _mismatch(f"predictions differ by up to {difference:.3g}")
        return difference
    got = np.asarray(outputs[PROBABILITIES], dtype=float)
    difference = float(np.max(np.abs(got - expected), initial=0.0))
    if difference > PROBABILITY_TOLERANCE:
        _mismatch(f"probabilities differ by up to {difference:.3g}")
    ordered = np.sort(expected, axis=1)
    decided = ordered[:, -1] - ordered[:, -2] > PROBABILITY_TOLERANCE if len(classes) > 1 \
        else np.ones(len(expected), dtype=bool)
    labels = np.asarray([str(c) for c in classes], dtype=object)[np.argmax(expected, axis=1)]
    wrong = int(np.sum((outputs[LABEL] != labels) & decided))
    if wrong:
        _mismatch(f"{wrong} label(s) differ")
    return difference


def _mismatch(detail: str) -> None:
    raise OnnxRefusal("mismatch", f"The converted model does not predict what the model "
                      f"predicts on training rows ({detail}).", {"part": detail})
