"""Command line: ``python -m automl_core run --train ... --test ... --target ... --output ...``.

Errors are one clear line on stderr and exit code 2, never a traceback. ``--time-budget`` bounds
the whole command: the time already spent starting up and reading the files, and a share kept for
predicting and writing the output, are taken off the budget given to ``fit``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import pandas as pd
from tqdm import tqdm

from automl_core.data.reading import read_csv
from automl_core.data.task import Task
from automl_core.evaluation.metrics import MetricName
from automl_core.exceptions import AutoMLError
from automl_core.facade import MIN_BUDGET_S, AutoML
from automl_core.pipelines.registry import FAMILIES, cash_space
from automl_core.search.grid import grid_size
from automl_core.search.manual import MANUAL_SEARCH
from automl_core.search.registry import DEFAULT_SEARCHER, SearcherKind
from automl_core.search.trial import TrialRecord

EXIT_USAGE = 2
PREDICT_SHARE = 0.03  # of the budget, kept for predicting the test file and writing the output
PREDICT_MIN_S = 0.5
# Plus this much per test row: predicting with every ensemble member (each with its own
# preprocessing) and writing the CSV grow with the rows; ~1 s per 10,000 rows leaves room on a
# busy machine (adult's 9,769 test rows once ran 0.2 s over the budget with the flat reserve).
PREDICT_S_PER_ROW = 1e-4


class ProgressBar:
    """A trial callback drawing elapsed time against the budget on stderr."""

    def __init__(self, budget_s: float) -> None:
        self.started = time.monotonic()
        self.bar = tqdm(total=round(budget_s), unit="s", file=sys.stderr, leave=False,
                        bar_format="{l_bar}{bar}| {n:.0f}/{total:.0f} s {postfix}")
        self.best: float | None = None
        self.trials = 0

    def on_trial_start(self, number: int, algorithm: str, params: Mapping[str, Any]) -> None:
        """Nothing to draw until the trial ends."""

    def on_trial_end(self, record: TrialRecord) -> None:
        """Advance the bar to the elapsed time and show the trial count."""
        self.trials += 1
        elapsed = min(time.monotonic() - self.started, float(cast(float, self.bar.total)))
        self.bar.update(elapsed - self.bar.n)
        self.bar.set_postfix_str(f"trials={self.trials} last={record.algorithm}")

    def close(self) -> None:
        """Remove the bar."""
        self.bar.close()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``run`` command."""
    parser = argparse.ArgumentParser(prog="python -m automl_core",
                                     description="Daria's AutoML engine.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="search, ensemble, refit, predict the test file")
    run.add_argument("--train", required=True, help="training CSV")
    run.add_argument("--test", required=True, help="CSV to predict (the target may be present)")
    run.add_argument("--target", required=True, help="target column")
    run.add_argument("--time-budget", type=float, required=True,
                     help="seconds for the whole command: reading, search, refit, prediction")
    run.add_argument("--seed", type=int, default=0)
    run.add_argument("--output", required=True, help="predictions CSV to write")
    run.add_argument("--task", default="auto",
                     choices=["auto", "binary", "multiclass", "regression"])
    run.add_argument("--metric", choices=[m.value for m in MetricName])
    run.add_argument("--searcher", default=DEFAULT_SEARCHER.value,
                     choices=[*(k.value for k in SearcherKind), MANUAL_SEARCH],
                     help="how configurations are chosen; 'manual' runs only --configurations")
    run.add_argument("--configurations", type=configuration_file, default=[],
                     help='JSON file with a list of {"algorithm": ..., "params": {...}} to try '
                          "first (with --searcher manual: the only ones tried)")
    run.add_argument("--n-jobs", type=int, default=os.cpu_count() or 1)
    run.add_argument("--algorithms", type=algorithm_list, default=None,
                     help=f"comma-separated families to search (default: all of "
                          f"{', '.join(FAMILIES)})")
    return parser


def configuration_file(path: str) -> list[dict[str, object]]:
    """Read ``--configurations``: a JSON list of configurations (checked later, against the
    space of the task found in the data)."""
    try:
        configurations = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise argparse.ArgumentTypeError(f"cannot read {path}: {error}") from None
    if not isinstance(configurations, list) or not all(
            isinstance(c, dict) for c in configurations):
        raise argparse.ArgumentTypeError(
            f'{path} must hold a JSON list of {{"algorithm": ..., "params": {{...}}}} objects')
    return configurations


def algorithm_list(text: str) -> list[str]:
    """Parse ``--algorithms``: comma-separated family names, each one Daria knows."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in FAMILIES]
    if not names or unknown:
        raise argparse.ArgumentTypeError(
            f"unknown algorithm(s) {', '.join(unknown) or repr(text)}; "
            f"choose among {', '.join(FAMILIES)}")
    return list(dict.fromkeys(names))


def run(args: argparse.Namespace) -> str:
    """Fit on the training file, predict the test file, write the output; return a summary."""
    train = read_csv(args.train).frame
    test = read_csv(args.test).frame
    fit_budget = fit_budget_s(args.time_budget, process_age_s(), len(test))
    progress = ProgressBar(fit_budget)
    automl = AutoML(task=args.task, metric=args.metric, time_budget_s=fit_budget,
                    searcher=args.searcher, seed=args.seed, n_jobs=args.n_jobs,
                    callbacks=[progress], algorithms=args.algorithms,
                    configurations=args.configurations)
    try:
        automl.fit(train, args.target)
    finally:
        progress.close()
    features = test.drop(columns=[args.target], errors="ignore")
    output = predictions_frame(automl, features)
    output.to_csv(args.output, index=False)
    best = automl.best_trial
    trials = len(automl.store.all())
    summary = (f"done in {process_age_s():.1f}s (fit {automl.fit_time_s_:.1f}s): "
               f"{trials} trials, best "
               f"{best.algorithm} {automl.metric}={best.score:.5f}, ensemble of "
               f"{len(automl.ensemble_)} model(s), {len(output)} predictions -> {args.output}")
    if args.searcher == SearcherKind.GRID:
        n_rows = int(train[args.target].notna().sum())  # the rows fit learned from
        summary += "\n" + grid_note(cast(Task, automl.task), n_rows, args.algorithms, trials)
    return summary


def grid_note(task: Task | str, n_rows: int, algorithms: list[str] | None, trials: int) -> str:
    """How much of the searched space's grid the budget covered, e.g.
    ``"grid: 242,030 configurations; the budget allowed 46 trials."``"""
    size = grid_size(cash_space(Task(task), n_rows, algorithms))
    noun = "configuration" if size == 1 else "configurations"
    ran = "trial" if trials == 1 else "trials"
    return f"grid: {size:,} {noun}; the budget allowed {trials:,} {ran}."


def fit_budget_s(budget_s: float, spent_s: float, test_rows: int = 0) -> float:
    """What is left for ``fit`` after ``spent_s`` and the prediction reserve (never below 1 s).

    The reserve is a share of the budget plus a per-row allowance for the ``test_rows`` to
    predict and write, so large test files do not push the command past its budget.
    """
    reserve = max(PREDICT_MIN_S, PREDICT_SHARE * budget_s) + PREDICT_S_PER_ROW * test_rows
    return max(budget_s - spent_s - reserve, MIN_BUDGET_S)


def process_age_s() -> float:
    """Seconds since this process started (interpreter start-up and imports included).

    Read from ``/proc`` on Linux; elsewhere the time since the interpreter started is unknown and
    0 is returned, so only the CLI's own work counts against the budget.
    """
    try:
        with open("/proc/self/stat") as stat:
            # Field 22 (start time, in clock ticks since boot) follows the ")" closing the name.
            started = int(stat.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime") as uptime:
            return max(float(uptime.read().split()[0]) - started, 0.0)
    except (OSError, ValueError, IndexError):
        return 0.0


def predictions_frame(automl: AutoML, features: pd.DataFrame) -> pd.DataFrame:
    """One probability column per class plus ``prediction`` (or ``prediction`` alone)."""
    for warning in automl.check_prediction_frame(features):
        print(f"warning: {warning.message}", file=sys.stderr)
    prediction = automl.predict(features)
    if automl.classes_ is None:
        return pd.DataFrame({"prediction": prediction})
    output = automl.predict_proba(features).reset_index(drop=True)
    output["prediction"] = prediction
    return output


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    warnings.simplefilter("ignore")  # library warnings would drown the progress bar
    try:
        summary = run(args)
    except AutoMLError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(summary, file=sys.stderr)
    return 0
