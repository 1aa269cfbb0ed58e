"""Files of a model's insights: its out-of-fold predictions and the computed chart payloads.

Everything lives in ``<DARIA_DATA_DIR>/insights/<model id>/``: ``oof.npz`` (numpy arrays ``y``
and ``predictions``, read with ``allow_pickle=False``: never pickle) and one ``<chart>.json``
per expensive chart. Files are written to a temporary name and renamed, so a reader never sees
half a file. Chart keys come from the fixed catalogue, never from the request.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from automl_core.data.task import Task
from automl_core.diagnostics import OutOfFold
from daria.predictions.models import TrainedModel

OOF_FILE = "oof.npz"


def insights_dir(model: TrainedModel) -> Path:
    """The folder holding ``model``'s insight files (created on first write)."""
    return Path(settings.MEDIA_ROOT) / "insights" / str(model.pk)


def _write_atomically(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_oof(model: TrainedModel, oof: OutOfFold) -> None:
    """Store the final model's out-of-fold targets and predictions."""
    _write_atomically(insights_dir(model) / OOF_FILE, lambda stream: np.savez(
        stream, y=np.asarray(oof.y), predictions=np.asarray(oof.predictions, dtype=float)))


def load_oof(model: TrainedModel) -> OutOfFold | None:
    """The stored out-of-fold predictions, or None when they were never stored."""
    path = insights_dir(model) / OOF_FILE
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as arrays:
        return OutOfFold(Task(model.task), arrays["y"], arrays["predictions"],
                         tuple(model.classes))


def save_chart(model: TrainedModel, key: str, payload: dict[str, Any]) -> None:
    """Store a computed chart payload as JSON."""
    data = json.dumps(payload, allow_nan=False).encode("utf-8")
    _write_atomically(insights_dir(model) / f"{key}.json", lambda stream: stream.write(data))


def load_chart(model: TrainedModel, key: str) -> dict[str, Any] | None:
    """A stored chart payload, or None when it was not computed."""
    path = insights_dir(model) / f"{key}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))
