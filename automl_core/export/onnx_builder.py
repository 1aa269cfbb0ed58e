"""A small ONNX graph builder: nodes and constants with unique names, nothing else."""

from __future__ import annotations

from typing import Any

import numpy as np
import onnx
from onnx import helper, numpy_helper


class GraphBuilder:
    """Collects nodes and initializers; every value name it makes starts with ``prefix``."""

    def __init__(self, prefix: str = "_daria/") -> None:
        self.prefix = prefix
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def name(self, hint: str) -> str:
        """A fresh value name."""
        self._count += 1
        return f"{self.prefix}{hint}_{self._count}"

    def const(self, hint: str, value: Any, dtype: Any = None) -> str:
        """An initializer holding ``value`` (strings become an ONNX string tensor)."""
        array = np.asarray(value, dtype=dtype)
        if array.dtype.kind in "OUS":
            array = array.astype(object)
        name = self.name(hint)
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def node(self, op_type: str, inputs: list[str], hint: str | None = None, domain: str = "",
             output: str | None = None, **attrs: Any) -> str:
        """Add one single-output node and return its output name."""
        out = output or self.name(hint or op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=self.name(op_type),
                                           domain=domain, **attrs))
        return out

    def to_float(self, value: str) -> str:
        """``value`` cast to float32."""
        return self.node("Cast", [value], "float", to=onnx.TensorProto.FLOAT)

    def to_double(self, value: str) -> str:
        """``value`` cast to float64."""
        return self.node("Cast", [value], "double", to=onnx.TensorProto.DOUBLE)
