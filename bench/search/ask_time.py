"""Suggestion time: how long one ``ask`` takes at 50 and 100 observations, on one core.

Usage (from the repository root)::

    .venv/bin/python -m bench.search.ask_time
    .venv/bin/python -m bench.search.ask_time --searchers gp-ei --problems hartmann6 --repeats 7

Every searcher is timed on the same fixed histories: the first 50 or 100 evaluations of a TPE
search (seeded), which bunch around good regions as a real search does, so a GP fit sees a
realistic, not a uniform, design. The searcher is rebuilt from the history and asked
``--repeats`` times (a searcher keeps no state, so each ask repeats the same work); the median
is reported. The time is the process's CPU time, not wall time: BLAS is limited to one thread, so
on an idle core the two agree, and on a shared machine the CPU time is not inflated by waiting
for other processes. Compare two versions of the code by running this twice back to back, e.g. with
``PYTHONPATH`` pointing the second run at a copy of the old ``automl_core``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from automl_core.search.base import Searcher  # noqa: E402 - thread limits before numpy loads
from automl_core.search.bayes.searcher import TPESearcher  # noqa: E402
from automl_core.search.trial import TrialRecord, TrialState  # noqa: E402
from bench.search.problems import PROBLEMS, Problem  # noqa: E402
from bench.search.run import SEARCHERS, SearcherAgent  # noqa: E402

SIZES = (50, 100)
DEFAULT_SEARCHERS = ("gp-ei", "gp-ucb", "rf-ei", "tpe")
DEFAULT_PROBLEMS = ("hartmann6", "levy10")


def history(problem: Problem, size: int, seed: int) -> list[TrialRecord]:
    """The first ``size`` completed trials of a seeded TPE search on ``problem``."""
    searcher = TPESearcher(problem.space, seed)
    records = []
    for number in range(size):
        (config,) = searcher.ask()
        record = TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                             problem.objective(config.algorithm, config.params))
        searcher.tell(record)
        records.append(record)
    return records


def median_ask_seconds(searcher_name: str, problem: Problem, records: list[TrialRecord],
                       seed: int, repeats: int) -> float:
    """Median CPU time of one ``ask`` of ``searcher_name`` rebuilt from ``records``."""
    times = []
    for _ in range(repeats):
        agent = SEARCHERS[searcher_name](problem.space, seed, problem.budget)
        assert isinstance(agent, SearcherAgent)
        searcher: Searcher = agent.searcher
        for record in records:
            searcher.tell(record)
        start = time.process_time()
        searcher.ask()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    """Print a markdown table of median ask CPU times per searcher, problem and history size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--searchers", default=",".join(DEFAULT_SEARCHERS))
    parser.add_argument("--problems", default=",".join(DEFAULT_PROBLEMS))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    searchers, problems = args.searchers.split(","), args.problems.split(",")
    print("| searcher | problem | " + " | ".join(f"ask s @{n}" for n in SIZES) + " |")
    print("|---|---|" + "---|" * len(SIZES))
    histories = {name: history(PROBLEMS[name], max(SIZES), args.seed) for name in problems}
    for searcher_name in searchers:
        for name in problems:
            cells = [median_ask_seconds(searcher_name, PROBLEMS[name], histories[name][:n],
                                        args.seed, args.repeats) for n in SIZES]
            print(f"| {searcher_name} | {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |",
                  flush=True)


if __name__ == "__main__":
    main()
