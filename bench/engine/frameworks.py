"""The command line that runs each framework on one split, each in its own process."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.engine.datasets import REPO, Dataset

APP_PYTHON = REPO / ".venv" / "bin" / "python"
PEER_PYTHON = REPO / "bench" / ".venv" / "bin" / "python"
FRAMEWORKS = ("daria", "flaml", "autogluon", "optuna_lgbm", "lgbm_default", "hgb_default",
              "daria_mlp")
# Daria restricted to some of its families: the row's name -> the CLI's --algorithms.
DARIA_RESTRICTED = {"daria_mlp": "mlp"}
PEER_PACKAGES = ("flaml", "autogluon.tabular", "optuna", "lightgbm", "scikit-learn", "pandas",
                 "numpy")
APP_PACKAGES = ("lightgbm", "scikit-learn", "pandas", "numpy")
DARIA_SEARCHER_PREFIX = "daria-"  # "daria-grid" is Daria's CLI with ``--searcher grid``


def daria_framework(searcher: str) -> str:
    """The framework name of Daria run with ``searcher`` (one row per searcher in the tables)."""
    return f"{DARIA_SEARCHER_PREFIX}{searcher}"


def command(framework: str, dataset: Dataset, train: Path, test: Path, output: Path,
            budget_s: float, seed: int, n_jobs: int) -> list[str]:
    """The argv of one run: Daria through its public CLI, the peers through their runner."""
    common = ["--train", str(train), "--test", str(test), "--target", dataset.target,
              "--time-budget", f"{budget_s:g}", "--seed", str(seed), "--output", str(output),
              "--task", dataset.task, "--n-jobs", str(n_jobs)]
    if framework == "daria":
        return [_python(APP_PYTHON), "-m", "automl_core", "run", *common]
    if framework.startswith(DARIA_SEARCHER_PREFIX):
        searcher = framework.removeprefix(DARIA_SEARCHER_PREFIX)
        return [_python(APP_PYTHON), "-m", "automl_core", "run", *common, "--searcher", searcher]
    if framework in DARIA_RESTRICTED:
        return [_python(APP_PYTHON), "-m", "automl_core", "run", *common,
                "--algorithms", DARIA_RESTRICTED[framework]]
    return [_python(PEER_PYTHON), "-m", "bench.engine.peers", "--framework", framework, *common]


def versions_command(python: Path, packages: tuple[str, ...]) -> list[str]:
    """A command printing ``name==version`` for each package installed in ``python``'s venv."""
    code = ("import importlib.metadata as m, sys\n"
            "for name in sys.argv[1:]:\n"
            "    print(f'{name}=={m.version(name)}')")
    return [_python(python), "-c", code, *packages]


def _python(path: Path) -> str:
    """The venv's interpreter, or this one when the venv is missing (e.g. in a container)."""
    return str(path) if path.exists() else sys.executable
