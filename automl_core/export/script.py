"""A runnable Python script that reproduces one trial: its pipeline and cross-validated score.

The script reads the data file with the experiment's read options, prepares the problem exactly
as the search did (same excluded columns, column kinds, target, task, metric, seeded folds), and
cross-validates the trial's configuration single-threaded without a time limit. It prints the
score, the fold scores and the score the search recorded. Every value from the user (column
names, options) is embedded as a Python string literal made by :func:`repr` of its JSON text, so
a hostile column name cannot become code.

The score matches the recorded one when the trial's models grew to their natural end; a trial
whose boosting was stopped by the per-trial time cap (or its deadline) trained fewer rounds in
the search than the script will, and scores a little differently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SCORE_PREFIX = "cv_score="


@dataclass(frozen=True)
class TrialRecipe:
    """Everything a reproduction of one trial needs (all JSON-serialisable)."""

    experiment_id: int
    trial_number: int
    dataset_name: str
    dataset_sha256: str
    read_options: Mapping[str, Any]
    excluded_columns: Sequence[str]
    column_kinds: Mapping[str, str]
    target: str
    task: str
    metric: str
    seed: int
    n_folds: int | None
    algorithm: str
    params: Mapping[str, Any]
    refit_rounds: int | None = None
    recorded_score: float | None = None
    recorded_fold_scores: Sequence[float | None] = field(default_factory=tuple)


def _literal(value: Any) -> str:
    """A Python expression that evaluates to ``value`` (JSON data), safe for any content."""
    return f"json.loads({json.dumps(value, ensure_ascii=False, sort_keys=True)!r})"


def _comment_text(text: str) -> str:
    """``text`` flattened to one line, safe inside a docstring or comment."""
    return " ".join(str(text).split()).replace("\\", "/").replace('"""', "'''")


def trial_script(recipe: TrialRecipe) -> str:
    """The source of a standalone script that reproduces ``recipe``'s trial."""
    return _TEMPLATE.format(
        number=recipe.trial_number,
        experiment=recipe.experiment_id,
        algorithm=_comment_text(recipe.algorithm),
        dataset=_comment_text(recipe.dataset_name),
        sha=_comment_text(recipe.dataset_sha256),
        metric=_comment_text(recipe.metric),
        recorded=repr(recipe.recorded_score),
        read_options=_literal(dict(recipe.read_options)),
        excluded=_literal(list(recipe.excluded_columns)),
        kinds=_literal(dict(recipe.column_kinds)),
        target=_literal(recipe.target),
        task=_literal(recipe.task),
        metric_literal=_literal(recipe.metric),
        seed=int(recipe.seed),
        n_folds=repr(None if recipe.n_folds is None else int(recipe.n_folds)),
        algorithm_literal=_literal(recipe.algorithm),
        params=_literal(dict(recipe.params)),
        refit_rounds=repr(None if recipe.refit_rounds is None else int(recipe.refit_rounds)),
        recorded_folds=_literal(list(recipe.recorded_fold_scores)),
        prefix=SCORE_PREFIX,
    )


_TEMPLATE = '''#!/usr/bin/env python
"""Reproduce trial {number} of Daria experiment {experiment} ({algorithm}).

Data: {dataset} (SHA-256 {sha}).
Recorded cross-validated {metric}: {recorded}

Usage:
    python this_script.py DATA_FILE            # cross-validate and print the score
    python this_script.py DATA_FILE --fit OUT  # also fit on all rows and save (skops)

Needs the Daria engine (the ``automl_core`` package) and the library versions of the
reproducibility record: run it from a Daria checkout or put ``automl_core`` on PYTHONPATH.
"""

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # single thread: the same sums in the same order

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402

from threadpoolctl import threadpool_limits  # noqa: E402

from automl_core.data import ReadOptions, read_table  # noqa: E402
from automl_core.distributed import prepare_problem  # noqa: E402
from automl_core.evaluation.cv import evaluate  # noqa: E402
from automl_core.pipelines.family import FitContext  # noqa: E402
from automl_core.pipelines.model import FittedPipeline  # noqa: E402
from automl_core.pipelines.preprocessing import TabularPreprocessor  # noqa: E402
from automl_core.pipelines.registry import get_family  # noqa: E402
from automl_core.search.space import Configuration  # noqa: E402

READ_OPTIONS = {read_options}
EXCLUDED_COLUMNS = {excluded}
COLUMN_KINDS = {kinds}
TARGET = {target}
TASK = {task}
METRIC = {metric_literal}
SEED = {seed}
N_FOLDS = {n_folds}
ALGORITHM = {algorithm_literal}
PARAMS = {params}
REFIT_ROUNDS = {refit_rounds}
RECORDED_SCORE = {recorded}
RECORDED_FOLD_SCORES = {recorded_folds}
DATASET_SHA256 = {sha!r}


def load_problem(path):
    """The table read and prepared exactly as the search prepared it (seeded folds)."""
    frame = read_table(path, ReadOptions.from_dict(READ_OPTIONS)).frame
    frame = frame.drop(columns=[name for name in EXCLUDED_COLUMNS if name in frame.columns])
    return prepare_problem(frame, TARGET, TASK, METRIC, seed=SEED, n_folds=N_FOLDS,
                           column_kinds=COLUMN_KINDS)


def cross_validate(problem):
    """The trial's configuration cross-validated on the problem's folds, one thread."""
    return evaluate(Configuration(ALGORITHM, PARAMS), problem.data, problem.metric, SEED,
                    n_jobs=1)


def fit_pipeline(problem):
    """Preprocessing + estimator fitted on all rows (boosting with the trial's rounds)."""
    family = get_family(ALGORITHM)
    features, y = problem.data.features, problem.data.y
    preprocessor = TabularPreprocessor(problem.kinds, family.encoding).fit(features)
    context = FitContext(problem.task, problem.data.n_classes, SEED, 1, None,
                         preprocessor.categorical_indices_, rounds=REFIT_ROUNDS)
    with threadpool_limits(limits=1):
        estimator = family.fit(family.build(PARAMS, context), preprocessor.transform(features),
                               y, context)
    return FittedPipeline(preprocessor, estimator, problem.task, problem.data.n_classes,
                          ALGORITHM)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the dataset file the experiment was trained on")
    parser.add_argument("--fit", metavar="OUT", help="fit on all rows and save to OUT (skops)")
    args = parser.parse_args()
    with open(args.data, "rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    if digest != DATASET_SHA256:
        print("warning: this file differs from the experiment's dataset (SHA-256 " + digest + ")")
    problem = load_problem(args.data)
    with threadpool_limits(limits=1):
        result = cross_validate(problem)
    print("{prefix}" + repr(result.score))
    print("fold_scores=" + json.dumps(list(result.fold_scores)))
    print("recorded_score=" + repr(RECORDED_SCORE))
    if args.fit:
        import skops.io as sio

        sio.dump(fit_pipeline(problem), args.fit)
        print("saved " + args.fit)


if __name__ == "__main__":
    main()
'''
