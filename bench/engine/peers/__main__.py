"""Run one peer framework on one split: ``bench/.venv/bin/python -m bench.engine.peers ...``.

Writes predictions in Daria's CLI format so every framework is scored the same way.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from importlib import import_module
from pathlib import Path

from bench.engine.peers.common import load_problem, write_predictions

# Imported on demand: a baseline's wall time should not include importing Optuna or AutoGluon.
RUNNERS = {"flaml": "automl_peers", "autogluon": "automl_peers", "optuna_lgbm": "optuna_lgbm",
           "lgbm_default": "baselines", "hgb_default": "baselines"}


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the framework, write the predictions."""
    parser = argparse.ArgumentParser(prog="python -m bench.engine.peers")
    parser.add_argument("--framework", required=True, choices=sorted(RUNNERS))
    parser.add_argument("--train", type=Path, required=True)
    parser.add_argument("--test", type=Path, required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--task", required=True, choices=["binary", "multiclass", "regression"])
    parser.add_argument("--time-budget", type=float, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    problem = load_problem(args.train, args.test, args.target, args.task, args.time_budget,
                           args.seed, args.n_jobs)
    runner = getattr(import_module(f"bench.engine.peers.{RUNNERS[args.framework]}"),
                     args.framework)
    classes, values = runner(problem)
    write_predictions(args.output, args.task, classes, values)
    return 0


if __name__ == "__main__":
    sys.exit(main())
