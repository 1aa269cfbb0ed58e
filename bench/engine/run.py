"""Engine benchmark: every framework on every dataset's seeded 80/20 split, on both cores.

Usage (from the repository root; takes about ``budget x 1.2 x datasets x 4`` seconds)::

    .venv/bin/python -m bench.engine.run --budget 30
    .venv/bin/python -m bench.engine.run --budget 30 --datasets titanic credit_g \\
        --frameworks daria lgbm_default --seed 0 1 2
    .venv/bin/python -m bench.engine.run --budget 30 --frameworks daria lgbm_default \\
        --daria-searchers grid evolution        # Daria once per searcher, one row each

Each run is its own process (a crash or overrun of one never stops the others), killed after
``max(3 x budget, budget + 120)`` seconds; wall time and peak RSS are measured from outside.
Raw results go to ``bench/results/engine-<budget>s-<time>.json`` after every run; turn them into
tables with ``python -m bench.engine.report``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import tempfile
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from automl_core.search.registry import SearcherKind
from bench.engine.datasets import DATASETS, REPO, Dataset, write_split
from bench.engine.frameworks import (
    APP_PACKAGES,
    APP_PYTHON,
    FRAMEWORKS,
    PEER_PACKAGES,
    PEER_PYTHON,
    command,
    daria_framework,
    versions_command,
)
from bench.engine.measure import run_measured
from bench.engine.scoring import score_predictions

RESULTS = REPO / "bench" / "results"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark described by the command line; print where the results went."""
    parser = argparse.ArgumentParser(prog="python -m bench.engine.run")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per run")
    parser.add_argument("--datasets", nargs="+", default=list(DATASETS), choices=list(DATASETS))
    parser.add_argument("--frameworks", nargs="+", default=list(FRAMEWORKS), choices=FRAMEWORKS)
    parser.add_argument("--seed", type=int, nargs="+", default=[0],
                        help="framework seed(s); the 80/20 split always uses --split-seed")
    parser.add_argument("--split-seed", type=int, default=0)
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--output", type=Path, help="results JSON (default: bench/results/...)")
    parser.add_argument("--daria-searchers", nargs="+", default=[],
                        choices=[k.value for k in SearcherKind],
                        help="also run Daria with each of these searchers, as framework "
                             "daria-<searcher>")
    args = parser.parse_args(argv)
    args.frameworks += [daria_framework(s) for s in args.daria_searchers]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    output = args.output or RESULTS / f"engine-{args.budget:g}s-{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    results = {"meta": _meta(args, argv), "runs": []}
    with tempfile.TemporaryDirectory(prefix="daria-bench-") as tmp:
        for name in args.datasets:
            dataset = DATASETS[name]
            split = Path(tmp) / name
            train, test = write_split(dataset, args.split_seed, split)
            y_test = pd.read_csv(test)[dataset.target]
            for seed in args.seed:
                for framework in args.frameworks:
                    run = _run_one(framework, dataset, train, test, y_test, split, args, seed)
                    results["runs"].append(run)
                    output.write_text(json.dumps(results, indent=1))
                    print(_line(run), flush=True)
    print(f"results: {output}")
    return 0


def _run_one(framework: str, dataset: Dataset, train: Path, test: Path, y_test: pd.Series,
             split: Path, args: argparse.Namespace, seed: int) -> dict[str, object]:
    predictions = split / f"{framework}-{seed}.csv"
    predictions.unlink(missing_ok=True)
    argv = command(framework, dataset, train, test, predictions, args.budget, seed, args.n_jobs)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    measured = run_measured(argv, max(3 * args.budget, args.budget + 120),
                            split / f"{framework}-{seed}.log", cwd=REPO, env=env)
    score, error = None, None
    if measured.returncode == 0 and predictions.exists():
        try:
            score = score_predictions(dataset.metric, y_test, pd.read_csv(predictions))
        except (ValueError, KeyError) as failure:
            error = f"unscorable predictions: {failure}"
    else:
        error = ("killed at the time limit" if measured.timed_out
                 else f"exit {measured.returncode}: {measured.stderr_tail[-600:]}")
    return {"dataset": dataset.name, "task": dataset.task, "metric": dataset.metric,
            "framework": framework, "seed": seed, "budget_s": args.budget, "score": score,
            **{k: v for k, v in asdict(measured).items() if k != "stderr_tail"},
            "error": error}


def _meta(args: argparse.Namespace, argv: list[str] | None) -> dict[str, object]:
    versions = {}
    for label, python, packages in (("peers", PEER_PYTHON, PEER_PACKAGES),
                                    ("daria", APP_PYTHON, APP_PACKAGES)):
        done = subprocess.run(versions_command(python, packages), capture_output=True,
                              text=True, check=False)
        versions[label] = done.stdout.split()
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "budget_s": args.budget, "split_seed": args.split_seed, "n_jobs": args.n_jobs,
            "machine": {"platform": platform.platform(), "cpus": os.cpu_count(),
                        "load_average": os.getloadavg()},
            "versions": versions,
            "command": "python -m bench.engine.run " + " ".join(
                argv if argv is not None else os.sys.argv[1:])}


def _line(run: dict[str, object]) -> str:
    score = "failed" if run["score"] is None else f"{run['metric']}={run['score']:.5f}"
    return (f"{run['dataset']:<20} {run['framework']:<13} seed={run['seed']} {score:<22} "
            f"wall={run['wall_s']:.1f}s rss={run['peak_rss_mb']:.0f}MiB"
            + (f"  [{run['error'][:200]}]" if run["error"] else ""))


if __name__ == "__main__":
    raise SystemExit(main())
