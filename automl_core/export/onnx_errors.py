"""Why a model is not offered as ONNX: one error with a stable code per reason."""

from __future__ import annotations

from automl_core.exceptions import AutoMLError


class OnnxRefusal(AutoMLError):
    """The model does not convert to ONNX, or its ONNX file does not predict what it predicts.

    Codes: ``dates`` (date columns), ``no_converter`` (a model family without converter),
    ``categorical_splits``, ``conversion_failed``, ``name_clash`` (a column named like an output)
    and ``mismatch`` (the converted model's predictions differ). ``params["part"]`` names the
    column(s) or model family concerned.
    """
