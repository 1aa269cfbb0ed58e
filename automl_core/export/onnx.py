"""Whether a saved model can be exported to ONNX, and if not, which parts stop it.

Every Daria pipeline starts with :class:`~automl_core.pipelines.preprocessing.TabularPreprocessor`,
which reads numbers out of text, splits dates into calendar parts and maps category text to
codes or frequencies. No ONNX converter exists for it (and date parsing has no ONNX operator), so
today no model converts as a whole. The estimators behind it (scikit-learn and LightGBM) would
convert with skl2onnx / onnxmltools; exporting them alone would give a model that expects
Daria's encoded matrix instead of the user's columns, which would be a trap, so it is not offered.
"""

from __future__ import annotations

from typing import Any

from automl_core.pipelines.model import EnsembleModel

PREPROCESSOR = "TabularPreprocessor"


def onnx_blockers(model: EnsembleModel) -> list[str]:
    """The components of ``model`` without an ONNX converter (empty: it converts)."""
    blockers: list[str] = []
    for member in model.members:
        name = _type_name(member.preprocessor)
        if name.endswith(PREPROCESSOR) and name not in blockers:
            blockers.append(name)
    return blockers


def _type_name(value: Any) -> str:
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"
