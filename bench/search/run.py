"""Search-efficiency benchmark: simple regret per evaluation for each searcher, seeded.

Usage (from the repository root)::

    .venv/bin/python -m bench.search.run --out bench/search/results.md
    .venv/bin/python -m bench.search.run --problems branin,conditional --searchers gp-ei,random

Peer optimizers (Optuna's samplers, Hyperopt, scikit-optimize, SMAC3; see ``peers.py``) are added
when their packages can be imported, which is only the case in the benchmark virtualenv
(``bench/.venv``)::

    nice -n 10 bench/.venv/bin/python -m bench.search.run --jobs 2 \\
        --raw bench/results/search.jsonl --out bench/search/results.md

``grid`` is the grid searcher with its default 5 points per numeric parameter, ``grid-fit`` the
finest grid whose size fits the evaluation budget (at least 2 points per parameter).

Each problem runs its own number of seeds (10; 5 for the LightGBM problem) unless ``--seeds``
says otherwise. With ``--raw FILE`` every finished run is appended to a JSON-lines file and runs
already in it are skipped, so an interrupted run resumes, and slow searchers can be run with
fewer seeds in a second call on the same file; ``python -m bench.search.report FILE`` prints the
tables of a raw file. The tables are described in ``report.py``. Runs are spread over processes
(``--jobs``), one problem-searcher-seed per task, each pinned to one BLAS thread. The suggestion
time of an evaluation is the process's CPU time of the ``tell`` before it plus its ``ask``
(scikit-optimize fits its model in ``tell``, SMAC3 and Optuna in ``ask``), so waiting for the CPU
on a shared machine does not count; "at 50" and "at 100" are the means over suggestions 41-50
and 91-100 (SMAC3 refits every few suggestions and serves the others from a list).
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402 - thread limits must be set before numpy loads BLAS

from automl_core.search.base import Searcher  # noqa: E402
from automl_core.search.bayes.searcher import BayesianSearcher, TPESearcher  # noqa: E402
from automl_core.search.evolution import EvolutionSearcher  # noqa: E402
from automl_core.search.grid import GridSearcher, grid_size  # noqa: E402
from automl_core.search.random import RandomSearcher  # noqa: E402
from automl_core.search.space import CashSpace, Configuration  # noqa: E402
from automl_core.search.trial import TrialRecord, TrialState  # noqa: E402
from bench.search.peers import PEERS, Agent  # noqa: E402
from bench.search.problems import PROBLEMS, Problem  # noqa: E402
from bench.search.report import (  # noqa: E402
    TIMED_AT,
    Run,
    append_run,
    load_runs,
    publish,
    summarise,
)

TIMED_WINDOW = 10

class SearcherAgent:
    """Drives one of Daria's searchers through the benchmark's ask/tell protocol."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.number = 0

    def ask(self) -> Configuration:
        """The next configuration."""
        (config,) = self.searcher.ask()
        return config

    def tell(self, config: Configuration, value: float) -> None:
        """Report the loss of ``config``."""
        self.searcher.tell(TrialRecord(self.number, TrialState.COMPLETE, config.algorithm,
                                       config.params, value))
        self.number += 1


def _ours(make: Callable[[CashSpace, int], Searcher]) -> Callable[[CashSpace, int, int], Agent]:
    return lambda space, seed, budget: SearcherAgent(make(space, seed))


def _grid_fit(space: CashSpace, seed: int, budget: int) -> Agent:
    """Grid search set up to the budget: the finest grid that fits in it."""
    return SearcherAgent(GridSearcher(space, seed, points_per_numeric=grid_points(space, budget)))


def grid_points(space: CashSpace, budget: int) -> int:
    """The largest points-per-numeric-parameter whose grid has at most ``budget`` points (>= 2)."""
    points = 2
    while grid_size(space, points + 1) <= budget:
        points += 1
    return points


SEARCHERS: dict[str, Callable[[CashSpace, int, int], Agent]] = {
    "random": _ours(lambda space, seed: RandomSearcher(space, seed)),
    "gp-ei": _ours(lambda space, seed: BayesianSearcher(space, seed, acquisition="ei")),
    "gp-ucb": _ours(lambda space, seed: BayesianSearcher(space, seed, acquisition="ucb")),
    "gp-pi": _ours(lambda space, seed: BayesianSearcher(space, seed, acquisition="pi")),
    "rf-ei": _ours(lambda space, seed: BayesianSearcher(space, seed, surrogate="rf")),
    "tpe": _ours(lambda space, seed: TPESearcher(space, seed)),
    "grid": _ours(lambda space, seed: GridSearcher(space, seed)),
    "grid-fit": _grid_fit,
    "evolution": _ours(lambda space, seed: EvolutionSearcher(space, seed)),
    **PEERS,
}


def run_one(problem_name: str, searcher_name: str, seed: int) -> Run:
    """Spend the problem's budget with one searcher; the best loss so far and timed asks."""
    problem: Problem = PROBLEMS[problem_name]
    agent = SEARCHERS[searcher_name](problem.space, seed, problem.budget)
    best, trajectory, cpu, told = math.inf, [], [], 0.0
    for _ in range(problem.budget):
        start = time.process_time()
        config = agent.ask()
        cpu.append(told + time.process_time() - start)
        problem.space.validate(config)
        value = problem.objective(config.algorithm, config.params)
        start = time.process_time()
        agent.tell(config, value)
        told = time.process_time() - start
        best = min(best, value)
        trajectory.append(best)
    ask_seconds = {n: float(np.mean(cpu[n - TIMED_WINDOW:n]))
                   for n in TIMED_AT if n <= problem.budget}
    return Run(problem_name, searcher_name, seed, tuple(trajectory), ask_seconds)


def _tasks(problems: list[str], searchers: list[str], seeds: int | None,
           done: set[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Every problem x searcher x seed not already in ``done``, seed by seed.

    Seed-major order means a run stopped early still has whole seeds for every problem.
    """
    tasks = [(p, s, seed) for p in problems for s in searchers
             for seed in range(seeds if seeds is not None else PROBLEMS[p].seeds)]
    return sorted((t for t in tasks if t not in done), key=lambda t: t[2])


def main() -> None:
    """Parse arguments, run every problem x searcher x seed not yet in ``--raw``, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    parser.add_argument("--searchers", default=",".join(SEARCHERS))
    parser.add_argument("--seeds", type=int, default=None,
                        help="seeds per problem (default: each problem's own, 10 or 5)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--raw", default=None,
                        help="JSON-lines file of finished runs: appended to, and runs already "
                             "in it are not repeated")
    parser.add_argument("--out", default=None, help="also write the markdown tables here")
    args = parser.parse_args()
    problems, searchers = args.problems.split(","), args.searchers.split(",")
    unknown = [s for s in searchers if s not in SEARCHERS]
    if unknown:
        parser.error(f"unknown searchers {unknown} (available here: {', '.join(SEARCHERS)})")
    previous = load_runs(args.raw) if args.raw and os.path.exists(args.raw) else []
    tasks = _tasks(problems, searchers, args.seeds, {r.key for r in previous})
    runs = [r for r in previous if r.problem in problems and r.searcher in searchers]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, *task) for task in tasks]
        for future in as_completed(futures):
            run = future.result()
            runs.append(run)
            if args.raw:
                append_run(args.raw, run)
    publish(summarise(runs, problems, searchers), args.out)


if __name__ == "__main__":
    main()
