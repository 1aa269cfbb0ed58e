"""Search strategies side by side on one real dataset, for the analysts' "search strategies" page.

Usage (from the repository root; takes about ``budget x strategies`` seconds)::

    .venv/bin/python -m bench.search.strategies
    .venv/bin/python -m bench.search.strategies --budget 30 --searchers random,grid

Each strategy gets the same wall-clock budget on the same prepared problem (same folds, same
seed) through the engine's public distributed API (``automl_core.distributed``): ask the
searcher, cross-validate the configuration, tell the record, until the budget is spent. Unlike
``AutoML.fit``, no portfolio warm start is enqueued, so every trial is the strategy's own. The
trajectory of each strategy is written to ``frontend/src/data/search-strategies.json``::

    {"dataset", "metric", "greater_is_better", "budget_s", "date", "command",
     "strategies": [{"searcher", "trials": [{"number", "elapsed_s", "algorithm", "score",
                                             "best_so_far"}, ...]}, ...]}

``score`` is the cross-validated score (``null`` when the trial failed or timed out) and
``best_so_far`` the best score up to that trial in the metric's direction. Trials pruned before
running (too little time left for their family) are left out.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from automl_core.data.reading import read_csv
from automl_core.distributed import (
    SearchProblem,
    evaluate_configuration,
    expected_duration_s,
    prepare_problem,
    trial_budget_s,
)
from automl_core.search.registry import make_searcher
from automl_core.search.trial import TrialRecord, TrialState
from bench.engine.datasets import DATASETS, REPO

OUTPUT = REPO / "frontend" / "src" / "data" / "search-strategies.json"
STRATEGIES = ("random", "grid", "evolution", "gp-ei", "tpe", "rf-ei", "hyperband", "bohb")
DIGITS = 5


def run_strategy(problem: SearchProblem, searcher_kind: str, budget_s: float,
                 n_jobs: int) -> list[dict[str, Any]]:
    """Spend ``budget_s`` with one searcher; the trials in order, with the best so far."""
    searcher = make_searcher(searcher_kind, problem.space, problem.seed,
                             minimize=not problem.metric.greater_is_better)
    started = time.monotonic()
    deadline = started + budget_s
    records: list[TrialRecord] = []
    trials: list[dict[str, Any]] = []
    best: float | None = None
    while time.monotonic() < deadline:
        (config,) = searcher.ask()
        outcome = evaluate_configuration(
            problem, len(records), config, deadline, n_jobs=n_jobs,
            trial_budget_s=trial_budget_s(budget_s),
            expected_s=expected_duration_s(records, config.algorithm))
        record = outcome.record
        records.append(record)
        searcher.tell(record)
        if record.state is TrialState.PRUNED:
            continue
        score = record.score if record.state is TrialState.COMPLETE else None
        full = record.config.fidelity >= 1.0  # Hyperband's cheaper trials are not candidates
        if score is not None and full and (best is None or _better(problem, score, best)):
            best = score
        trials.append({"number": record.number,
                       "elapsed_s": round(time.monotonic() - started, 2),
                       "algorithm": record.algorithm, "score": _round(score),
                       "best_so_far": _round(best)})
    return trials


def main(argv: list[str] | None = None) -> int:
    """Run every strategy on the dataset and write the JSON the GUI page reads."""
    parser = argparse.ArgumentParser(prog="python -m bench.search.strategies",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="credit_g", choices=list(DATASETS))
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per strategy")
    parser.add_argument("--searchers", default=",".join(STRATEGIES))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--n-jobs", type=int, default=1)
    parser.add_argument("--date", default=time.strftime("%Y-%m-%d"))
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    dataset = DATASETS[args.dataset]
    frame = read_csv(str(dataset.path)).frame
    problem = prepare_problem(frame, dataset.target, dataset.task, dataset.metric, args.seed)
    strategies = []
    for kind in args.searchers.split(","):
        trials = run_strategy(problem, kind, args.budget, args.n_jobs)
        strategies.append({"searcher": kind, "trials": trials})
        final = trials[-1]["best_so_far"] if trials else None
        print(f"{kind:<10} {len(trials):>4} trials, best {problem.metric.name}={final}",
              file=sys.stderr, flush=True)
    result = {
        "dataset": dataset.name, "metric": str(problem.metric.name),
        "greater_is_better": problem.metric.greater_is_better,
        "budget_s": int(args.budget) if args.budget.is_integer() else args.budget,
        "date": args.date,
        "command": ".venv/bin/python -m bench.search.strategies " + shlex.join(
            argv if argv is not None else sys.argv[1:]),
        "strategies": strategies,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(to_json(result), encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def to_json(result: dict[str, Any]) -> str:
    """The result as JSON with one trial per line: small, and readable in a diff."""
    lines = ["{"]
    lines += [f"  {json.dumps(key)}: {json.dumps(value)}," for key, value in result.items()
              if key != "strategies"]
    lines.append('  "strategies": [')
    for i, strategy in enumerate(result["strategies"]):
        trials = ",\n".join(f"      {json.dumps(trial)}" for trial in strategy["trials"])
        comma = "," if i < len(result["strategies"]) - 1 else ""
        lines.append(f'    {{"searcher": {json.dumps(strategy["searcher"])}, "trials": [\n'
                     f"{trials}\n    ]}}{comma}")
    lines += ["  ]", "}"]
    return "\n".join(lines) + "\n"


def _better(problem: SearchProblem, score: float, best: float) -> bool:
    return score > best if problem.metric.greater_is_better else score < best


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), DIGITS)


if __name__ == "__main__":
    raise SystemExit(main())
