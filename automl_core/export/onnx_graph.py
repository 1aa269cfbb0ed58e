"""A whole Daria model (the weighted average of its member pipelines) as one ONNX graph.

Inputs: one per column the model uses (see :mod:`automl_core.export.onnx_preprocessing`).
Outputs: ``label`` (the class, as text) and ``probabilities`` (one column per class, in the order
of the model's classes) for classification; ``prediction`` for regression. Each member's nodes
are its preprocessing, its estimator's converted graph, the alignment of its probability columns
to all classes, and its ensemble weight; the members' outputs are summed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import onnx
from onnx import compose, helper

from automl_core.data.task import Task
from automl_core.export.onnx_builder import GraphBuilder
from automl_core.export.onnx_converters import (
    FEATURES,
    TARGET_OPSET,
    EstimatorGraph,
    convert_estimator,
)
from automl_core.export.onnx_errors import OnnxRefusal
from automl_core.export.onnx_preprocessing import NUMBER, input_kinds, preprocessing_nodes
from automl_core.pipelines.model import EnsembleModel, FittedPipeline

LABEL = "label"
PROBABILITIES = "probabilities"
PREDICTION = "prediction"
INTERNAL = "_daria/"


def model_inputs(model: EnsembleModel, feature_names: Sequence[str]) -> dict[str, str]:
    """The graph inputs, in the model's column order: name -> ``number`` or ``text``."""
    kinds: dict[str, str] = {}
    for member in model.members:
        kinds.update(input_kinds(member.preprocessor))
    clashes = [c for c in kinds if c in (LABEL, PROBABILITIES, PREDICTION)
               or c.startswith(INTERNAL)]
    if clashes:
        raise OnnxRefusal("name_clash", f"Column name(s) {', '.join(clashes)} are reserved for "
                          "the ONNX file's outputs; rename them and train again.",
                          {"part": ", ".join(clashes)})
    order = {str(name): i for i, name in enumerate(feature_names)}
    return dict(sorted(kinds.items(), key=lambda item: order.get(item[0], len(order))))


def build_onnx(model: EnsembleModel, feature_names: Sequence[str],
               classes: Sequence[object] | None) -> onnx.ModelProto:
    """The ONNX model of ``model``; OnnxRefusal naming the first part that does not convert."""
    inputs = model_inputs(model, feature_names)
    builder = GraphBuilder(INTERNAL)
    opsets = dict(TARGET_OPSET)
    ir_version = int(onnx.IR_VERSION)
    total = float(sum(model.weights))
    outputs = []
    for index, (member, weight) in enumerate(zip(model.members, model.weights, strict=True)):
        member_builder = GraphBuilder(f"{INTERNAL}m{index}/")
        converted = _member_graph(member_builder, member)
        output = _splice(member_builder, converted, f"{INTERNAL}m{index}/est/", member)
        outputs.append(member_builder.node("Mul", [output, member_builder.const(
            "weight", weight / total, np.float32)], "weighted"))
        builder.nodes += member_builder.nodes
        builder.initializers += member_builder.initializers
        for opset in converted.model.opset_import:
            opsets[opset.domain] = max(opsets.get(opset.domain, 0), opset.version)
        ir_version = min(ir_version, converted.model.ir_version)
    combined = outputs[0] if len(outputs) == 1 else builder.node("Sum", outputs, "sum")
    graph_outputs = _final_outputs(builder, combined, classes)
    graph_inputs = [helper.make_tensor_value_info(
        name, onnx.TensorProto.DOUBLE if kind == NUMBER else onnx.TensorProto.STRING, [None, 1])
        for name, kind in inputs.items()]
    result = helper.make_model(
        helper.make_graph(builder.nodes, "daria_model", graph_inputs, graph_outputs,
                          builder.initializers),
        opset_imports=[helper.make_opsetid(domain, version) for domain, version in opsets.items()],
        producer_name="daria", ir_version=ir_version)
    onnx.checker.check_model(result)
    return result


def _member_graph(builder: GraphBuilder, member: FittedPipeline) -> EstimatorGraph:
    """The member's converted estimator; the preprocessing nodes go into ``builder``."""
    n_features = len(member.preprocessor.get_feature_names_out())
    converted = convert_estimator(member.estimator, n_features, member.algorithm)
    features = preprocessing_nodes(builder, member.preprocessor)
    if converted.clip is not None:
        low, high = converted.clip
        features = builder.node("Max", [features, builder.const("low", low, np.float32)])
        features = builder.node("Min", [features, builder.const("high", high, np.float32)],
                                "clipped")
    builder.node("Identity", [features], output=f"{builder.prefix}est/{FEATURES}")
    return converted


def _splice(builder: GraphBuilder, converted: EstimatorGraph, prefix: str,
            member: FittedPipeline) -> str:
    """Copy the estimator's nodes into ``builder``; the member's raw output (float32)."""
    graph = compose.add_prefix(converted.model, prefix).graph
    builder.nodes += list(graph.node)
    builder.initializers += list(graph.initializer)
    if Task(member.task).is_classification:
        probabilities: str = graph.output[1].name
        classes = converted.classes
        if classes == tuple(range(member.n_classes)):
            return probabilities
        spread = np.zeros((len(classes), member.n_classes), dtype=np.float32)
        spread[np.arange(len(classes)), classes] = 1.0
        return builder.node("MatMul", [probabilities, builder.const("spread", spread)], "aligned")
    values = builder.node("Reshape", [graph.output[0].name, builder.const("flat", [-1],
                                                                          np.int64)])
    target = converted.target
    if target is None:
        return values
    scaled = builder.node("Mul", [values, builder.const("scale", target[0], np.float32)])
    return builder.node("Add", [scaled, builder.const("mean", target[1], np.float32)])


def _final_outputs(builder: GraphBuilder, combined: str,
                   classes: Sequence[object] | None) -> list[onnx.ValueInfoProto]:
    if classes is None:
        builder.node("Identity", [combined], output=PREDICTION)
        return [helper.make_tensor_value_info(PREDICTION, onnx.TensorProto.FLOAT, [None])]
    builder.node("Identity", [combined], output=PROBABILITIES)
    best = builder.node("ArgMax", [combined], "best", axis=1, keepdims=0)
    names = builder.const("classes", [str(c) for c in classes])
    builder.node("Gather", [names, best], output=LABEL)
    return [helper.make_tensor_value_info(LABEL, onnx.TensorProto.STRING, [None]),
            helper.make_tensor_value_info(PROBABILITIES, onnx.TensorProto.FLOAT,
                                          [None, len(classes)])]
