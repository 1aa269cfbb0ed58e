"""Tables of the search benchmark: regret quantiles, ranks and suggestion times.

Usage (from the repository root)::

    .venv/bin/python -m bench.search.report bench/results/search.jsonl [--out FILE]

Simple regret is the best loss so far minus the problem's optimum. A problem without a known
optimum (the LightGBM problem) is measured against the best loss any searcher reached in the runs
being reported, with a floor of 1e-6 (log10 = -6) so that the run which found that best value
does not count as an exact hit; known optima have a floor of 1e-12.

The tables:

1. median log10 simple regret at each problem's final budget, searchers x problems (best per
   problem in bold), with two summaries: the mean over problems of the rank of the median, and
   the suite mean of table 2;
2. the mean rank per problem: on each seed that every searcher ran, the searchers are ranked by
   final regret (ties share the mean rank), and the ranks are averaged over those seeds;
3. median [interquartile range] of log10 simple regret after 10/25/50/100 evaluations, per
   problem and searcher, with the number of seeds;
4. for a problem without a known optimum, the best loss itself (median and IQR);
5. suggestion CPU time per evaluation (``tell`` + next ``ask``, see ``run.py``) at 50 and 100
   observations: the median over runs, and the largest median of any one problem. Runs without
   timings (``ask_seconds`` empty) are left out of this table only.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata

from bench.search.problems import PROBLEMS

CHECKPOINTS = (10, 25, 50, 100)
TIMED_AT = (50, 100)
REGRET_FLOOR = 1e-12
EMPIRICAL_FLOOR = 1e-6


@dataclass(frozen=True)
class Run:
    """One searcher on one problem with one seed: best loss so far, and timed asks (CPU s)."""

    problem: str
    searcher: str
    seed: int
    best: tuple[float, ...]
    ask_seconds: dict[int, float]

    @property
    def key(self) -> tuple[str, str, int]:
        """Which task this run answers."""
        return self.problem, self.searcher, self.seed


def append_run(path: str, run: Run) -> None:
    """Append ``run`` as one JSON line to ``path``."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"problem": run.problem, "searcher": run.searcher,
                                 "seed": run.seed, "best": run.best,
                                 "ask_seconds": run.ask_seconds}) + "\n")


def load_runs(*paths: str) -> list[Run]:
    """The runs in JSON-lines files; a later line for the same task replaces an earlier one."""
    runs: dict[tuple[str, str, int], Run] = {}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                data = json.loads(line)
                run = Run(data["problem"], data["searcher"], data["seed"], tuple(data["best"]),
                          {int(n): s for n, s in data["ask_seconds"].items()})
                runs[run.key] = run
    return list(runs.values())


def log_regrets(runs: list[Run], problem: str) -> dict[tuple[str, int], np.ndarray]:
    """log10 simple regret per evaluation of every run of ``problem``, by searcher and seed."""
    mine = [r for r in runs if r.problem == problem]
    optimum = PROBLEMS[problem].optimum
    floor = REGRET_FLOOR if optimum is not None else EMPIRICAL_FLOOR
    if optimum is None:
        optimum = min(r.best[-1] for r in mine)
    return {(r.searcher, r.seed): np.log10(np.maximum(np.asarray(r.best) - optimum, floor))
            for r in mine}


def _final_medians(regrets: dict[tuple[str, int], np.ndarray],
                   searchers: list[str]) -> dict[str, float]:
    return {s: float(np.median([v[-1] for (name, _), v in regrets.items() if name == s]))
            for s in searchers if any(name == s for name, _ in regrets)}


def _seed_ranks(regrets: dict[tuple[str, int], np.ndarray],
                searchers: list[str]) -> tuple[dict[str, float], int]:
    """Mean per-seed rank of each searcher over the seeds all of them ran, and their count."""
    seeds = sorted(set.intersection(*({seed for name, seed in regrets if name == s}
                                      for s in searchers)))
    if not seeds:
        return {}, 0
    table = np.array([[regrets[(s, seed)][-1] for s in searchers] for seed in seeds])
    ranks = np.vstack([rankdata(row) for row in table]).mean(axis=0)
    return dict(zip(searchers, ranks.tolist(), strict=True)), len(seeds)


def _losses(runs: list[Run], problem: str, searchers: list[str]) -> list[str]:
    """Final best losses of a problem without a known optimum, and the reference best."""
    reference = min(r.best[-1] for r in runs if r.problem == problem)
    lines = [f"**{problem}: best loss at the final budget**, median [interquartile range] "
             f"(regret reference: the best of all runs, {reference:.5f})", "",
             _row(["searcher", "seeds", "best loss"]), _row(["---"] * 3)]
    for s in searchers:
        finals = [r.best[-1] for r in runs if r.problem == problem and r.searcher == s]
        if finals:
            q1, med, q3 = np.percentile(finals, [25, 50, 75])
            lines.append(_row([s, len(finals), f"{med:.5f} [{q1:.5f}, {q3:.5f}]"]))
    return lines


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def summarise(runs: list[Run], problems: list[str], searchers: list[str]) -> str:
    """The markdown tables described in the module docstring."""
    problems = [p for p in problems if any(r.problem == p for r in runs)]
    regrets = {p: log_regrets(runs, p) for p in problems}
    medians = {p: _final_medians(regrets[p], searchers) for p in problems}
    seed_ranks = {p: _seed_ranks(regrets[p], searchers) for p in problems}
    median_ranks: dict[str, list[float]] = {s: [] for s in searchers}
    for p in problems:
        present = list(medians[p])
        for s, rank in zip(present, rankdata([medians[p][s] for s in present]), strict=True):
            median_ranks[s].append(float(rank))

    lines = ["**Median log10 simple regret at the final budget** (best per problem in bold)", "",
             _row(["searcher", *problems, "mean rank of median", "mean rank per seed"]),
             _row(["---"] * (len(problems) + 3))]
    for s in searchers:
        cells = []
        for p in problems:
            value = medians[p].get(s)
            text = "" if value is None else f"{value:.2f}"
            cells.append(f"**{text}**" if value is not None
                         and value == min(medians[p].values()) else text)
        per_seed = [seed_ranks[p][0][s] for p in problems if s in seed_ranks[p][0]]
        cells += [f"{np.mean(median_ranks[s]):.2f}" if median_ranks[s] else "",
                  f"{np.mean(per_seed):.2f}" if per_seed else ""]
        lines.append(_row([s, *cells]))

    lines += ["", "**Mean rank per problem** (ranked on each seed every searcher ran; "
              "1 = best)", "",
              _row(["searcher", *problems, "suite"]), _row(["---"] * (len(problems) + 2))]
    for s in searchers:
        ranks = [seed_ranks[p][0].get(s) for p in problems]
        known = [r for r in ranks if r is not None]
        lines.append(_row([s, *("" if r is None else f"{r:.2f}" for r in ranks),
                           f"{np.mean(known):.2f}" if known else ""]))
    lines.append(_row(["seeds ranked", *(seed_ranks[p][1] for p in problems), ""]))

    lines += ["", "**log10 simple regret: median [interquartile range] after n evaluations**", "",
              _row(["problem", "searcher", "seeds", *(f"@{c}" for c in CHECKPOINTS)]),
              _row(["---"] * (len(CHECKPOINTS) + 3))]
    for p in problems:
        for s in searchers:
            group = [v for (name, _), v in regrets[p].items() if name == s]
            if not group:
                continue
            cells = []
            for c in CHECKPOINTS:
                if len(group[0]) < c:
                    cells.append("")
                    continue
                q1, med, q3 = np.percentile([v[c - 1] for v in group], [25, 50, 75])
                cells.append(f"{med:.2f} [{q1:.2f}, {q3:.2f}]")
            lines.append(_row([p, s, len(group), *cells]))

    for p in problems:
        if PROBLEMS[p].optimum is None:
            lines += ["", *_losses(runs, p, searchers)]

    lines += ["", "**Suggestion CPU time per evaluation, seconds** (tell + ask; median over "
              "runs; in brackets the largest per-problem median)", "",
              _row(["searcher", *(f"@{n}" for n in TIMED_AT)]), _row(["---"] * 3)]
    for s in searchers:
        cells = []
        for n in TIMED_AT:
            per_problem = [[r.ask_seconds[n] for r in runs if r.searcher == s and r.problem == p
                            and n in r.ask_seconds] for p in problems]
            pooled = [t for times in per_problem for t in times]
            worst = max((float(np.median(t)) for t in per_problem if t), default=math.nan)
            cells.append(f"{np.median(pooled):.3f} [{worst:.3f}]" if pooled else "")
        lines.append(_row([s, *cells]))
    return "\n".join(lines)


def main() -> None:
    """Print (and write) the tables of one or more raw results files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", nargs="+", help="JSON-lines files written by run.py --raw")
    parser.add_argument("--problems", default=None, help="comma-separated (default: all present)")
    parser.add_argument("--searchers", default=None, help="comma-separated, in this order")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    runs = load_runs(*args.raw)
    problems = (args.problems.split(",") if args.problems
                else [p for p in PROBLEMS if any(r.problem == p for r in runs)])
    searchers = (args.searchers.split(",") if args.searchers
                 else list(dict.fromkeys(r.searcher for r in runs)))
    publish(summarise(runs, problems, searchers), args.out)


def publish(report: str, out: str | None) -> None:
    """Print the report, and write it to ``out`` when given."""
    print(report)
    if out:
        with open(out, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")


if __name__ == "__main__":
    main()
