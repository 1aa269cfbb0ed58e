"""How long Daria's engine takes to refuse each ``reject`` file of the hostile-input manifest."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pandas as pd

from automl_core import AutoML
from automl_core.data import assess_target, profile_frame, read_table
from automl_core.data.matching import match_columns
from automl_core.exceptions import AutoMLError

TARGETS = {"target_single_class.csv": "label", "target_all_missing.csv": "target",
           "single_column.csv": "churn"}


def bad_inputs_dir() -> Path:
    """``$DARIA_SHARED_DIR/bad-inputs``, by default ``<repo>/../shared/bad-inputs``."""
    shared = os.environ.get("DARIA_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared"
    return Path(shared) / "bad-inputs"


def time_rejections(folder: Path) -> list[dict[str, object]]:
    """Per ``reject`` file: phase, seconds until refused, and the refusal's code."""
    entries = json.loads((folder / "manifest.json").read_text())["files"]
    model = None
    results = []
    for entry in (e for e in entries if e["expect"] == "reject"):
        if entry["phase"] == "predict" and model is None:
            # Trained before the clock starts: the model exists when a file is predicted.
            model = AutoML(time_budget_s=3, seed=0).fit(
                read_table(folder / "train_reference.csv").frame, target="churn")
        started = time.perf_counter()
        code = _refusal(folder / entry["file"], entry["phase"], model, entry["file"])
        results.append({"file": entry["file"], "phase": entry["phase"], "code": code,
                        "seconds": time.perf_counter() - started})
    return results


def _refusal(path: Path, phase: str, model: AutoML | None, name: str) -> str:
    """The code the file is refused with, or ``accepted`` (a failure of the benchmark)."""
    try:
        frame = read_table(path).frame
        if phase == "upload":
            profile_frame(frame, with_stats=True)
        elif phase == "target":
            problems = assess_target(frame, TARGETS[name]).problems
            return problems[0].code if problems else "accepted"
        elif phase == "predict" and model is not None:
            matched, _ = match_columns(frame, model.feature_names, known=["churn"])
            model.check_prediction_frame(matched)
    except AutoMLError as error:
        return error.code
    return "accepted" if isinstance(frame, pd.DataFrame) else "unknown"
