"""One search spread over many processes: each step on its own, rebuilt from stored trials.

:meth:`AutoML.fit` runs a whole search in one process. A job queue instead runs one trial per
task, on any worker, so every step here starts from what a trial store keeps: the problem is
prepared again from the table (folds are seeded, so every worker sees the same folds), the
searcher is rebuilt from the trial history and the still-pending configurations, one
configuration is evaluated into a record plus its out-of-fold predictions, and the final ensemble
is selected from stored out-of-fold predictions and refit.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from automl_core.data.column_types import ColumnKind
from automl_core.data.profile import profile_frame
from automl_core.data.splits import default_n_folds, make_folds
from automl_core.data.target import prepare_target
from automl_core.data.task import Task
from automl_core.evaluation.cv import PreparedData
from automl_core.evaluation.metrics import Metric, MetricName, get_metric
from automl_core.evaluation.runner import KEEP_PREDICTIONS, SKIPPED, TrialRunner
from automl_core.facade import REFIT_SAFETY, RESERVE_MEMBERS, TRIAL_SHARE, AutoML
from automl_core.pipelines.registry import cash_space, portfolio
from automl_core.search.base import Searcher
from automl_core.search.explanation import ExplanationSource, explain_configuration
from automl_core.search.registry import DEFAULT_SEARCHER, SearcherKind, make_searcher
from automl_core.search.space import CashSpace, Configuration
from automl_core.search.trial import TrialRecord, TrialState


@dataclass(frozen=True)
class SearchProblem:
    """A table and target prepared for search: the same on every worker for the same inputs."""

    target: str
    task: Task
    task_reason: str
    metric: Metric
    seed: int
    data: PreparedData
    space: CashSpace
    classes: list[object] | None
    kinds: dict[str, ColumnKind]
    feature_names: list[str]


@dataclass(frozen=True)
class TrialOutcome:
    """A finished trial and, when it completed, its out-of-fold predictions."""

    record: TrialRecord
    oof: np.ndarray | None


def prepare_problem(frame: pd.DataFrame, target: str, task: Task | str | None = None,
                    metric: MetricName | str | None = None, seed: int = 0,
                    n_folds: int | None = None, algorithms: list[str] | None = None,
                    column_kinds: Mapping[str, ColumnKind | str] | None = None) -> SearchProblem:
    """Check the target, type the columns, make the seeded folds and the search space.

    Raises the engine's TargetError / ConfigError like :meth:`AutoML.fit`.
    """
    prepared = prepare_target(frame, target, Task(task) if task else None,
                              n_folds or default_n_folds(len(frame)))
    chosen = get_metric(metric, prepared.task)
    kinds = profile_frame(prepared.features, dict(column_kinds or {})).kinds()
    folds = make_folds(prepared.y, prepared.task, prepared.n_folds, seed)
    data = PreparedData(prepared.features, prepared.y, kinds, folds, prepared.task,
                        len(prepared.classes))
    return SearchProblem(
        target=target, task=prepared.task, task_reason=prepared.task_reason, metric=chosen,
        seed=seed, data=data, space=cash_space(prepared.task, len(prepared.y), algorithms),
        classes=list(prepared.classes) if prepared.task.is_classification else None,
        kinds=dict(kinds), feature_names=[str(c) for c in prepared.features.columns],
    )


def rebuild_searcher(problem: SearchProblem, history: Sequence[TrialRecord],
                     pending: Sequence[Configuration],
                     kind: SearcherKind | str = DEFAULT_SEARCHER,
                     initial: Sequence[Configuration] = ()) -> Searcher:
    """The searcher as it would be after ``history``, with ``pending`` still running.

    The ``initial`` configurations (written by hand) are enqueued first, then the portfolio of
    strong defaults, as in :meth:`AutoML.fit`; entries already tried or pending are skipped by
    ``ask``, so the next ``ask`` continues where the search is.
    """
    minimize = not problem.metric.greater_is_better
    fresh = make_searcher(kind, problem.space, problem.seed, minimize=minimize)
    searcher = type(fresh).from_history(problem.space, history, problem.seed, pending,
                                        minimize=minimize)
    for config in _warm_start(problem, initial):
        searcher.enqueue(config)
    return searcher


@dataclass(frozen=True)
class ProposedConfiguration:
    """A configuration to try and why it was proposed (a JSON-safe dict, see
    :mod:`automl_core.search.explanation`)."""

    config: Configuration
    explanation: dict[str, Any]


def propose(problem: SearchProblem, history: Sequence[TrialRecord],
            pending: Sequence[Configuration], n: int,
            kind: SearcherKind | str = DEFAULT_SEARCHER,
            initial: Sequence[Configuration] = ()) -> list[ProposedConfiguration]:
    """The next ``n`` configurations of the rebuilt searcher (see :func:`rebuild_searcher`),
    each with its explanation: hand-written, portfolio, or the searcher's own reason."""
    searcher = rebuild_searcher(problem, history, pending, kind, initial)
    enqueued: dict[Configuration, ExplanationSource] = {}
    for config in _warm_start(problem, initial):
        enqueued.setdefault(problem.space.validate(config), (
            ExplanationSource.MANUAL if config in initial else ExplanationSource.PORTFOLIO))
    name = SearcherKind(kind).value
    return [ProposedConfiguration(config, explain_configuration(searcher, config, name, enqueued))
            for config in searcher.ask(n)]


def _warm_start(problem: SearchProblem, initial: Sequence[Configuration]) -> list[Configuration]:
    """What every search asks first: the hand-written configurations, then the portfolio."""
    return [*initial, *portfolio(problem.space, problem.task)]


def evaluate_configuration(problem: SearchProblem, number: int, config: Configuration,
                           deadline: float, n_jobs: int = 1,
                           trial_budget_s: float | None = None,
                           expected_s: float = 0.0) -> TrialOutcome:
    """Cross-validate ``config`` as trial ``number`` before ``deadline`` (a monotonic time).

    Errors become FAILED records with the traceback and an overrun a TIMEOUT record, exactly as
    in a one-process search; a configuration whose family is expected to take ``expected_s``
    (see :func:`expected_duration_s`) and cannot finish in time is PRUNED without running.
    """
    runner = TrialRunner(problem.data, problem.metric, problem.seed, n_jobs, lambda: deadline,
                         trial_budget_s=trial_budget_s)
    if time.monotonic() + expected_s > deadline:
        return TrialOutcome(TrialRecord(number, TrialState.PRUNED, config.algorithm,
                                        config.params, error=SKIPPED), None)
    record = runner(number, config)
    return TrialOutcome(record, runner.predictions.get(number))


def expected_duration_s(records: Sequence[TrialRecord], algorithm: str) -> float:
    """The median duration of ``algorithm``'s evaluations so far (0 when none yet)."""
    durations = [r.fit_time_s + r.predict_time_s for r in records
                 if r.algorithm == algorithm and r.state in _TIMED_STATES]
    return statistics.median(durations) if durations else 0.0


def cheapest_duration_s(problem: SearchProblem, records: Sequence[TrialRecord]) -> float:
    """The smallest expected duration among the space's families: when less time than this is
    left, no further trial can finish and the search is over."""
    return min((expected_duration_s(records, a) for a in problem.space.algorithms), default=0.0)


def trial_budget_s(time_budget_s: float) -> float:
    """How long one trial's models may grow, as a share of the whole budget."""
    return TRIAL_SHARE * time_budget_s


def refit_reserve_s(problem: SearchProblem, records: Sequence[TrialRecord]) -> float:
    """Seconds to keep at the end of the budget for refitting the likely ensemble members."""
    top = _ranked(problem, records)[:RESERVE_MEMBERS]
    if not top:
        return 0.0
    folds = problem.data.folds
    rows_factor = len(problem.data.y) / max(len(folds[0][0]), 1)
    per_fold = [r.fit_time_s / max(len(folds), 1) for r in top]
    return REFIT_SAFETY * rows_factor * sum(per_fold) + 0.2


def best_predictions(problem: SearchProblem, records: Sequence[TrialRecord],
                     keep: int = KEEP_PREDICTIONS) -> list[int]:
    """Numbers of the completed trials whose out-of-fold predictions are worth keeping."""
    return [r.number for r in _ranked(problem, records)[:keep]]


def build_model(problem: SearchProblem, records: Sequence[TrialRecord],
                predictions: Mapping[int, np.ndarray], deadline: float,
                n_jobs: int = 1) -> AutoML:
    """Select the ensemble over the stored out-of-fold predictions and refit it on all rows.

    Returns a fitted :class:`AutoML` (saved with ``save`` like any other) whose store holds
    ``records``. Raises SearchFailed when no trial completed.
    """
    automl = AutoML(task=problem.task, metric=problem.metric.name, seed=problem.seed,
                    n_jobs=n_jobs)
    automl.target, automl.task_reason = problem.target, problem.task_reason
    automl.kinds_, automl.feature_names = problem.kinds, problem.feature_names
    automl.classes_ = problem.classes
    for record in sorted(records, key=lambda r: r.number):
        automl.store.add(record)
    # The facade's own ensemble selection and refit, fed with the stored predictions instead of
    # the ones a one-process search keeps in memory (same package, so the same contract).
    keep = set(best_predictions(problem, records))
    runner = TrialRunner(problem.data, problem.metric, problem.seed, n_jobs, lambda: deadline)
    runner.predictions = {n: p for n, p in predictions.items() if n in keep}
    started = time.monotonic()
    automl._finish(runner, problem.data, problem.metric,  # noqa: SLF001
                   problem.data.features, problem.data.y, deadline)
    automl.fit_time_s_ = time.monotonic() - started
    return automl


_TIMED_STATES = frozenset({TrialState.COMPLETE, TrialState.TIMEOUT})


def _ranked(problem: SearchProblem, records: Sequence[TrialRecord]) -> list[TrialRecord]:
    complete = [r for r in records
                if r.state is TrialState.COMPLETE and r.config.fidelity >= 1.0]
    greater = problem.metric.greater_is_better
    return sorted(complete, key=lambda r: (r.loss(greater), r.number))
