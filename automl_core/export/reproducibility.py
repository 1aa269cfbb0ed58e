"""A reproducibility record: what an experiment ran on, with what, and in which order.

The record is plain JSON: the dataset's SHA-256 and read options, the seed, the library
versions, the search space and searcher, and every trial in order with its configuration and
outcome. With the same data, versions and seed, each trial's cross-validation can be repeated
(see :mod:`automl_core.export.script`).
"""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

RECORD_FORMAT = 1
LIBRARIES = ("numpy", "pandas", "scipy", "scikit-learn", "lightgbm", "skops", "pyarrow",
             "threadpoolctl")


def file_sha256(path: str | Path) -> str:
    """The SHA-256 hex digest of a file, read in blocks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    """Versions of Python and of the libraries a model's results depend on."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def reproducibility_record(*, experiment: Mapping[str, Any], dataset: Mapping[str, Any],
                           search_space: Mapping[str, Any],
                           trials: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The record of one experiment.

    ``experiment`` holds its settings (target, task, metric, seed, searcher, folds, budget...),
    ``dataset`` its name, SHA-256, read options, excluded columns and column kinds,
    ``search_space`` the space's JSON form, ``trials`` each trial's number, algorithm, params,
    state and score. Trials are listed in the order they were proposed (by number).
    """
    ordered = sorted(trials, key=lambda trial: int(trial["number"]))
    return {
        "format": RECORD_FORMAT,
        "experiment": dict(experiment),
        "dataset": dict(dataset),
        "libraries": library_versions(),
        "search_space": dict(search_space),
        "trial_order": [int(trial["number"]) for trial in ordered],
        "trials": [dict(trial) for trial in ordered],
    }
