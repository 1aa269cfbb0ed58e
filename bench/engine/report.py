"""Markdown tables from one or more results JSON files written by ``bench.engine.run``.

Usage::

    .venv/bin/python -m bench.engine.report bench/results/engine-30s-*.json

Runs are grouped by budget. With several seeds, a framework's score on a dataset is the mean over
its seeds. Later files override earlier ones for the same (budget, dataset, framework, seed), so
a re-run of a few datasets can be laid over a full run.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from collections import defaultdict
from pathlib import Path

from bench.engine.frameworks import FRAMEWORKS
from bench.engine.scoring import normalized_scores, ranks

OVERRUN = 1.05  # a run within budget x 1.05 counts as on time


def load_runs(paths: list[Path]) -> list[dict]:
    """All runs of ``paths``, later files replacing earlier runs with the same key."""
    runs: dict[tuple, dict] = {}
    for path in paths:
        for run in json.loads(path.read_text())["runs"]:
            runs[(run["budget_s"], run["dataset"], run["framework"], run["seed"])] = run
    return list(runs.values())


def render(runs: list[dict]) -> str:
    """Every budget's tables, largest budget last."""
    by_budget: dict[float, list[dict]] = defaultdict(list)
    for run in runs:
        by_budget[run["budget_s"]].append(run)
    return "\n".join(_budget_tables(budget, by_budget[budget]) for budget in sorted(by_budget))


def _budget_tables(budget: float, runs: list[dict]) -> str:
    present = list(dict.fromkeys(r["framework"] for r in runs))
    frameworks = ([f for f in FRAMEWORKS if f in present]
                  + [f for f in present if f not in FRAMEWORKS])  # e.g. daria-grid
    datasets = list(dict.fromkeys(r["dataset"] for r in runs))
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for run in runs:
        cells[(run["dataset"], run["framework"])].append(run)
    metric_of = {r["dataset"]: r["metric"] for r in runs}
    scores = {d: {f: _mean([r["score"] for r in cells[(d, f)]]) for f in frameworks}
              for d in datasets}
    normalized = {d: normalized_scores(scores[d], metric_of[d]) for d in datasets}
    rank = {d: ranks(scores[d], metric_of[d]) for d in datasets}
    seeds = sorted({r["seed"] for r in runs})
    lines = [f"### Budget {budget:g} s (seeds {', '.join(map(str, seeds))})", ""]
    lines += _table("Test score (ROC AUC higher is better; log loss and RMSE lower)",
                    datasets, frameworks, metric_of,
                    lambda d, f: _fmt(scores[d][f], 4 if metric_of[d] != "rmse" else 1),
                    best=lambda d: _best(scores[d], metric_of[d]))
    lines += _table("Wall time, seconds (whole process, measured from outside; * = over budget "
                    "+5%)", datasets, frameworks, metric_of,
                    lambda d, f: _wall(cells[(d, f)], budget))
    lines += _table("Peak RSS, MiB", datasets, frameworks, metric_of,
                    lambda d, f: _fmt(_mean([r["peak_rss_mb"] for r in cells[(d, f)]]), 0))
    lines += _table("Normalized score ((score - lgbm_default) / (best - lgbm_default); 1 = best "
                    "of this run, 0 = LightGBM defaults)", datasets, frameworks, metric_of,
                    lambda d, f: _fmt(normalized[d][f], 3))
    lines += ["#### Summary", "", "| framework | mean rank | mean normalized score | "
              "runs over budget +5% | failed runs |", "|---|---|---|---|---|"]
    for f in frameworks:
        framework_runs = [r for r in runs if r["framework"] == f]
        over = sum(r["wall_s"] > budget * OVERRUN for r in framework_runs)
        failed = sum(r["score"] is None for r in framework_runs)
        lines.append(f"| {f} | {_fmt(_mean([rank[d][f] for d in datasets]), 2)} | "
                     f"{_fmt(_mean([normalized[d][f] for d in datasets]), 3)} | "
                     f"{over}/{len(framework_runs)} | {failed} |")
    return "\n".join(lines) + "\n"


def _table(title: str, datasets: list[str], frameworks: list[str], metric_of: dict[str, str],
           cell, best=None) -> list[str]:
    lines = [f"#### {title}", "", "| dataset | metric | " + " | ".join(frameworks) + " |",
             "|---|---|" + "---|" * len(frameworks)]
    for d in datasets:
        winner = best(d) if best else None
        values = [f"**{cell(d, f)}**" if f == winner else cell(d, f) for f in frameworks]
        lines.append(f"| {d} | {metric_of[d]} | " + " | ".join(values) + " |")
    return [*lines, ""]


def _best(scores: dict[str, float | None], metric: str) -> str | None:
    ranked = ranks(scores, metric)
    return min(ranked, key=ranked.__getitem__) if ranked else None


def _wall(runs: list[dict], budget: float) -> str:
    wall = max(r["wall_s"] for r in runs)
    return f"{wall:.1f}" + ("*" if wall > budget * OVERRUN else "")


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None and math.isfinite(v)]
    return statistics.fmean(present) if present else None


def _fmt(value: float | None, digits: int) -> str:
    return "failed" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    """Print the tables of the given results files."""
    parser = argparse.ArgumentParser(prog="python -m bench.engine.report")
    parser.add_argument("results", nargs="+", type=Path)
    print(render(load_runs(parser.parse_args(argv).results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
