"""Files of a model's insights: its out-of-fold predictions and the computed chart payloads.

Everything is stored under ``insights/<model id>/`` in the file storage (the data directory or
the S3 bucket): ``oof.npz`` (numpy arrays ``y`` and ``predictions``, read with
``allow_pickle=False``: never pickle) and one ``<chart>.json`` per expensive chart. Files are
written to a temporary name and then stored, so a reader never sees half a file. Chart keys
come from the fixed catalogue, never from the request.
"""

from __future__ import annotations

import io
import json
from typing import Any

import numpy as np

from automl_core.data.task import Task
from automl_core.diagnostics import OutOfFold
from daria.lib.file_store import new_stored_file, read_stored
from daria.predictions.models import TrainedModel

OOF_FILE = "oof.npz"


def insights_name(model: TrainedModel, filename: str) -> str:
    """The stored name of one of ``model``'s insight files."""
    return f"insights/{model.pk}/{filename}"


def _store(name: str, content: bytes) -> None:
    with new_stored_file(name) as path:
        path.write_bytes(content)


def save_oof(model: TrainedModel, oof: OutOfFold) -> None:
    """Store the final model's out-of-fold targets and predictions."""
    buffer = io.BytesIO()
    np.savez(buffer, y=np.asarray(oof.y), predictions=np.asarray(oof.predictions, dtype=float))
    _store(insights_name(model, OOF_FILE), buffer.getvalue())


def load_oof(model: TrainedModel) -> OutOfFold | None:
    """The stored out-of-fold predictions, or None when they were never stored."""
    content = read_stored(insights_name(model, OOF_FILE))
    if content is None:
        return None
    with np.load(io.BytesIO(content), allow_pickle=False) as arrays:
        return OutOfFold(Task(model.task), arrays["y"], arrays["predictions"],
                         tuple(model.classes))


def save_chart(model: TrainedModel, key: str, payload: dict[str, Any]) -> None:
    """Store a computed chart payload as JSON."""
    _store(insights_name(model, f"{key}.json"), json.dumps(payload, allow_nan=False).encode())


def load_chart(model: TrainedModel, key: str) -> dict[str, Any] | None:
    """A stored chart payload, or None when it was not computed."""
    content = read_stored(insights_name(model, f"{key}.json"))
    return None if content is None else json.loads(content.decode("utf-8"))
