"""The ONNX file of a trained model: converted and verified once, then kept next to the model.

Converting and checking a model takes seconds, so the outcome is stored beside the model file
(in the same storage, under the model's name plus a suffix):
``<model>.onnx`` (signed like the model file, checked before every download) and
``<model>.onnx.json`` (available or the refusal's code and part, the inputs and outputs).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from automl_core.export.onnx import OnnxRefusal, export_onnx
from automl_core.export.onnx_usage import usage_snippet
from daria.datasets.services import load_frame
from daria.lib.file_store import local_copy, new_stored_file, read_stored, stored_exists
from daria.predictions.models import TrainedModel
from daria.predictions.services import load_automl
from daria.predictions.signing import sign_file, verify_file

FORMAT = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OnnxStatus:
    """Whether a model's ONNX file is offered: its inputs and outputs, or the refusal."""

    available: bool
    code: str = ""
    part: str = ""
    inputs: dict[str, str] = field(default_factory=dict)
    outputs: list[str] = field(default_factory=list)
    signature: str = ""

    def reason(self) -> str:
        """Why the file is not offered, in the active language (empty when it is)."""
        if self.available:
            return ""
        return _("ONNX export is not available for this model: %(why)s Use the skops file or "
                 "the prediction API instead.") % {"why": _refusal_text(self.code, self.part)}

    def snippet(self, filename: str) -> str:
        """Python that runs the file with onnxruntime (empty when it is not offered)."""
        return usage_snippet(self.inputs, self.outputs, filename) if self.available else ""


def onnx_status(model: TrainedModel) -> OnnxStatus:
    """The model's ONNX status, converting and verifying the model the first time."""
    record = read_stored(_record_name(model))
    if record is not None:
        data = json.loads(record.decode("utf-8"))
        if data.get("format") == FORMAT and (
                not data["available"] or stored_exists(_onnx_name(model))):
            return OnnxStatus(**{k: v for k, v in data.items() if k != "format"})
    status = _convert(model)
    with new_stored_file(_record_name(model)) as path:
        path.write_bytes(json.dumps({"format": FORMAT, **status.__dict__}).encode())
    return status


def prepare_onnx(model: TrainedModel) -> None:
    """Convert and verify the model now (in the worker that saved it), so that its page does
    not wait for it later; never raises: the page converts on demand if this did not."""
    try:
        onnx_status(model)
    except Exception:  # noqa: BLE001 - the model is saved; ONNX is an extra
        log.exception("the ONNX file of model %s could not be prepared", model.pk)


def onnx_file(model: TrainedModel, status: OnnxStatus) -> Path:
    """The model's ONNX file, after checking it is the file the server signed."""
    path = local_copy(_onnx_name(model), refresh=True)
    verify_file(path, status.signature)
    return path


def onnx_filename(model: TrainedModel) -> str:
    """The name the ONNX file is downloaded under."""
    return f"daria-model-{model.pk}.onnx"


def _convert(model: TrainedModel) -> OnnxStatus:
    automl = load_automl(model)
    experiment = model.experiment
    frame = load_frame(experiment.dataset, excluded=experiment.excluded_columns)
    features = frame[[c for c in automl.feature_names if c in frame.columns]]
    try:
        export = export_onnx(automl, features)
    except OnnxRefusal as refusal:
        return OnnxStatus(False, refusal.code, str(refusal.params.get("part", "")))
    with new_stored_file(_onnx_name(model)) as path:
        path.write_bytes(export.content)
        signature = sign_file(path)
    return OnnxStatus(True, inputs=dict(export.inputs), outputs=list(export.outputs),
                      signature=signature)


def _refusal_text(code: str, part: str) -> str:
    texts: dict[str, Any] = {
        "dates": _("date columns (%(part)s) are split into calendar parts, which ONNX cannot "
                   "do."),
        "no_converter": _("the %(part)s model has no ONNX converter."),
        "categorical_splits": _("the %(part)s model splits on categories, which its ONNX "
                                "converter does not support."),
        "name_clash": _("the column name(s) %(part)s are reserved for the ONNX file's "
                        "outputs."),
        "mismatch": _("the converted file does not predict what the model predicts on the "
                      "training rows (%(part)s)."),
    }
    text = texts.get(code, _("the %(part)s part did not convert to ONNX."))
    return str(text) % {"part": part}


def _onnx_name(model: TrainedModel) -> str:
    return f"{model.file.name}.onnx"


def _record_name(model: TrainedModel) -> str:
    return f"{model.file.name}.onnx.json"
