"""Daria's fitted :class:`TabularPreprocessor` re-expressed as ONNX nodes.

Each column the preprocessor uses is one graph input of shape ``[rows, 1]``: numbers as float64
(NaN for missing; +-inf count as missing as in Daria), everything else as text with ``""`` for
missing. The nodes reproduce ``TabularPreprocessor.transform`` column for column: median
imputation, missing indicators and standard scaling of the numeric block, then category codes or
one-hot columns, then frequencies. Date columns are refused: splitting dates into calendar parts
needs date parsing, which ONNX does not have.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import numpy as np
import onnx

from automl_core.export.onnx_builder import GraphBuilder
from automl_core.export.onnx_errors import OnnxRefusal
from automl_core.pipelines.preprocessing import MISSING, Encoding, TabularPreprocessor

NUMBER = "number"
TEXT = "text"
EMPTY = ""  # what a missing text value is given as
V = TypeVar("V")


def input_kinds(preprocessor: TabularPreprocessor) -> dict[str, str]:
    """Each used column's ONNX input kind (``number`` or ``text``); OnnxRefusal for dates."""
    if preprocessor.datetime_:
        columns = ", ".join(map(str, preprocessor.datetime_))
        raise OnnxRefusal("dates", f"Date columns ({columns}) are split into calendar parts by "
                          "date parsing, which ONNX cannot do.", {"part": columns})
    kinds = {str(c): NUMBER for c in preprocessor.numeric_}
    for column in [*preprocessor.boolean_, *preprocessor.categories_, *preprocessor.frequencies_]:
        kinds[str(column)] = TEXT
    return kinds


def preprocessing_nodes(builder: GraphBuilder, preprocessor: TabularPreprocessor) -> str:
    """Add the nodes that turn the column inputs into the encoded float32 matrix; its name."""
    blocks = []
    dense = _dense_block(builder, preprocessor)
    if dense is not None:
        blocks.extend(_impute(builder, preprocessor, dense))
    linear = preprocessor.encoding == Encoding.LINEAR
    for column, categories in preprocessor.categories_.items():
        column = str(column)
        if linear:
            blocks.append(_one_hot(builder, column, categories))
        else:
            codes = _with_missing({c: float(i) for i, c in enumerate(categories)})
            blocks.append(_label_encode(builder, column, codes, default=-1.0))
    for column, frequencies in preprocessor.frequencies_.items():
        blocks.append(_label_encode(builder, str(column), _with_missing(frequencies),
                                    default=0.0))
    matrix = blocks[0] if len(blocks) == 1 else builder.node("Concat", blocks, "encoded", axis=1)
    return builder.to_float(matrix)


def _dense_block(builder: GraphBuilder, preprocessor: TabularPreprocessor) -> str | None:
    """Numeric and boolean columns side by side (float64, NaN where missing)."""
    columns = [str(c) for c in preprocessor.numeric_]
    for column, positive in preprocessor.boolean_.items():
        values = {EMPTY: float("nan"), str(positive): 1.0}
        columns.append(_label_encode(builder, str(column), values, default=0.0))
    if not columns:
        return None
    return columns[0] if len(columns) == 1 else builder.node("Concat", columns, "dense", axis=1)


def _impute(builder: GraphBuilder, preprocessor: TabularPreprocessor, dense: str) -> list[str]:
    """The imputed (and, for linear models, scaled) block and its missing indicators."""
    missing = builder.node("Or", [builder.node("IsNaN", [dense]), builder.node("IsInf", [dense])],
                           "missing")
    medians = builder.const("medians", preprocessor.medians_, np.float64)
    filled = builder.node("Where", [missing, medians, dense], "filled")
    if preprocessor.encoding == Encoding.LINEAR:
        centred = builder.node("Sub", [filled, builder.const("means", preprocessor.means_,
                                                             np.float64)])
        filled = builder.node("Div", [centred, builder.const("scales", preprocessor.scales_,
                                                             np.float64)], "scaled")
    blocks = [filled]
    if len(preprocessor.indicators_):
        indices = builder.const("indicators", preprocessor.indicators_, np.int64)
        blocks.append(builder.node("Gather", [builder.to_double(missing), indices],
                                   "indicators", axis=1))
    return blocks


def _one_hot(builder: GraphBuilder, column: str, categories: Sequence[str]) -> str:
    """One 0/1 column per training category (all zero for a value never seen)."""
    codes = _with_missing({c: i for i, c in enumerate(categories)})
    index = builder.node("LabelEncoder", [column], "code", domain="ai.onnx.ml",
                         keys_strings=list(codes), values_int64s=list(codes.values()),
                         default_int64=-1)
    positions = builder.const("positions", np.arange(len(categories)), np.int64)
    return builder.to_double(builder.node("Equal", [index, positions], "one_hot"))


def _label_encode(builder: GraphBuilder, column: str, values: Mapping[str, float],
                  default: float) -> str:
    """Text mapped to numbers by a lookup table (``default`` for other text), as float64."""
    encoded = builder.node("LabelEncoder", [column], "encoded", domain="ai.onnx.ml",
                           keys_strings=list(values), values_floats=list(values.values()),
                           default_float=default)
    return builder.node("Cast", [encoded], "double", to=onnx.TensorProto.DOUBLE)


def _with_missing(values: Mapping[str, V]) -> dict[str, V]:
    """``values`` plus the empty text for a missing value, mapped as Daria maps missing values
    (to the ``__missing__`` category when training had missing values)."""
    table = {str(k): v for k, v in values.items()}
    if EMPTY not in table and MISSING in table:
        table[EMPTY] = table[MISSING]
    return table
