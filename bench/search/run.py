"""Search-efficiency benchmark: simple regret per evaluation for each searcher, seeded.

Usage (from the repository root)::

    .venv/bin/python -m bench.search.run --seeds 10 --out bench/search/results.md
    .venv/bin/python -m bench.search.run --problems branin,conditional --searchers gp-ei,random

Peer optimizers (Optuna, Hyperopt, SMAC3; see ``peers.py``) are added when their packages can be
imported, which is only the case in the benchmark virtualenv (``bench/.venv``)::

    bench/.venv/bin/python -m bench.search.run --searchers gp-ei,tpe,optuna-tpe,smac

``grid`` is the grid searcher with its default 5 points per numeric parameter, ``grid-fit`` the
finest grid whose size fits the evaluation budget (at least 2 points per parameter).

Reports the median and interquartile range of log10 simple regret after 10/25/50/100
evaluations, each searcher's mean rank over problems (by median final regret), and the mean time
of one ``ask`` at 50 and 100 observations. Runs are spread over processes (``--jobs``), one
problem-searcher-seed per task, each pinned to one BLAS thread.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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

CHECKPOINTS = (10, 25, 50, 100)
TIMED_AT = (50, 100)
REGRET_FLOOR = 1e-12

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


@dataclass(frozen=True)
class Run:
    """One searcher on one problem with one seed: best regret so far, and timed asks."""

    problem: str
    searcher: str
    seed: int
    regrets: tuple[float, ...]
    ask_seconds: dict[int, float]


def run_one(problem_name: str, searcher_name: str, seed: int) -> Run:
    """Spend the problem's budget with one searcher and record the regret trajectory."""
    problem: Problem = PROBLEMS[problem_name]
    agent = SEARCHERS[searcher_name](problem.space, seed, problem.budget)
    best, regrets, timings = math.inf, [], {}
    for number in range(problem.budget):
        start = time.perf_counter()
        config = agent.ask()
        elapsed = time.perf_counter() - start
        if number in TIMED_AT or number + 1 in TIMED_AT:
            timings[number] = elapsed
        value = problem.objective(config.algorithm, config.params)
        agent.tell(config, value)
        best = min(best, value)
        regrets.append(max(best - problem.optimum, REGRET_FLOOR))
    ask_seconds = {n: timings[n - 1] for n in TIMED_AT if n - 1 in timings}
    return Run(problem_name, searcher_name, seed, tuple(regrets), ask_seconds)


def summarise(runs: list[Run], problems: list[str], searchers: list[str]) -> str:
    """Markdown tables: regret quantiles per checkpoint, mean ranks, suggestion times."""
    lines = ["| problem | searcher | " + " | ".join(f"@{c}" for c in CHECKPOINTS) + " |",
             "|---|---|" + "---|" * len(CHECKPOINTS)]
    finals: dict[tuple[str, str], float] = {}
    for problem in problems:
        for searcher in searchers:
            group = [r for r in runs if r.problem == problem and r.searcher == searcher]
            cells = []
            for c in CHECKPOINTS:
                logs = [math.log10(r.regrets[c - 1]) for r in group if len(r.regrets) >= c]
                if not logs:
                    cells.append("")
                    continue
                q1, med, q3 = np.percentile(logs, [25, 50, 75])
                cells.append(f"{med:.2f} [{q1:.2f}, {q3:.2f}]")
            finals[(problem, searcher)] = float(np.median(
                [math.log10(r.regrets[-1]) for r in group]))
            lines.append(f"| {problem} | {searcher} | " + " | ".join(cells) + " |")
    lines += ["", "| searcher | mean rank | ask s @50 | ask s @100 |", "|---|---|---|---|"]
    ranks = {s: [] for s in searchers}
    for problem in problems:
        ordered = sorted(searchers, key=lambda s: finals[(problem, s)])
        for rank, searcher in enumerate(ordered, start=1):
            ranks[searcher].append(rank)
    for searcher in searchers:
        times = {n: [r.ask_seconds[n] for r in runs
                     if r.searcher == searcher and n in r.ask_seconds] for n in TIMED_AT}
        cells = [f"{np.mean(times[n]):.3f}" if times[n] else "" for n in TIMED_AT]
        lines.append(f"| {searcher} | {np.mean(ranks[searcher]):.2f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    """Parse arguments, run every problem x searcher x seed, print (and write) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", default=",".join(PROBLEMS))
    parser.add_argument("--searchers", default=",".join(SEARCHERS))
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default=None, help="also write the markdown tables here")
    args = parser.parse_args()
    problems, searchers = args.problems.split(","), args.searchers.split(",")
    tasks = [(p, s, seed) for p in problems for s in searchers for seed in range(args.seeds)]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        runs = list(pool.map(run_one, *zip(*tasks, strict=True)))
    report = summarise(runs, problems, searchers)
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")


if __name__ == "__main__":
    main()
